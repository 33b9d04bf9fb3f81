import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAccount,
  checkBik,
  checkCorrAccount,
  checkInn,
  checkInn10,
  checkInn12,
  checkKpp,
  checkOgrn,
  checkOgrnip,
  checkOgrnOnly,
  checkSnils,
  validateRequisites,
} from '../../src/core';
import { FUZZ_RUNS, vectors } from './reference';

const r = vectors.requisites;

describe('ИНН', () => {
  it.each(r.inn10_valid)('accepts the organisation ИНН %s', (inn) => {
    expect(checkInn(inn)).toBe(true);
    expect(checkInn10(inn)).toBe(true);
  });
  it.each(r.inn10_invalid)('rejects the organisation ИНН %s', (inn) => {
    expect(checkInn(inn)).toBe(false);
  });
  it.each(r.inn12_valid)('accepts the personal ИНН %s', (inn) => {
    expect(checkInn(inn)).toBe(true);
    expect(checkInn12(inn)).toBe(true);
  });
  it.each(r.inn12_invalid)('rejects the personal ИНН %s', (inn) => {
    expect(checkInn(inn)).toBe(false);
  });
  it('rejects an ИНН whose check digit is off by one', () => {
    for (const inn of [...r.inn10_valid, ...r.inn12_valid]) {
      const last = Number(inn.slice(-1));
      expect(checkInn(inn.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
  });
  it('does not take a 10-digit ИНН for a 12-digit one or the other way round', () => {
    expect(checkInn12('7707083893')).toBe(false);
    expect(checkInn10('770123456703')).toBe(false);
  });
});

describe('КПП', () => {
  it.each(r.kpp_valid)('accepts the КПП %s', (kpp) => expect(checkKpp(kpp)).toBe(true));
  it.each(r.kpp_invalid)('rejects the КПП %s', (kpp) => expect(checkKpp(kpp)).toBe(false));
});

describe('ОГРН and ОГРНИП', () => {
  it.each(r.ogrn_valid)('accepts the ОГРН %s', (ogrn) => {
    expect(checkOgrn(ogrn)).toBe(true);
    expect(checkOgrnOnly(ogrn)).toBe(true);
    expect(checkOgrnip(ogrn)).toBe(false);
  });
  it.each(r.ogrn_invalid)('rejects the ОГРН %s', (ogrn) => expect(checkOgrn(ogrn)).toBe(false));
  it('accepts an ОГРН whose remainder is 10 and so has check digit 0', () => {
    expect(checkOgrn(r.ogrn_valid_remainder10)).toBe(true);
  });
  it.each(r.ogrnip_valid)('accepts the ОГРНИП %s, including remainders 11 and 12', (ogrnip) => {
    expect(checkOgrn(ogrnip)).toBe(true);
    expect(checkOgrnip(ogrnip)).toBe(true);
    expect(checkOgrnOnly(ogrnip)).toBe(false);
  });
  it.each(r.ogrnip_invalid)('rejects the ОГРНИП %s', (ogrnip) => expect(checkOgrn(ogrnip)).toBe(false));
});

describe('bank accounts', () => {
  it.each(r.ks_valid)('accepts the correspondent account of БИК $bik', ({ bik, ks }) => {
    expect(checkBik(bik)).toBe(true);
    expect(checkCorrAccount(bik, ks)).toBe(true);
  });
  it.each(r.ks_invalid)('rejects the correspondent account $ks for БИК $bik', ({ bik, ks }) => {
    expect(checkCorrAccount(bik, ks)).toBe(false);
  });
  it.each(r.rs_valid)('accepts the settlement account $rs at БИК $bik', ({ bik, rs }) => {
    expect(checkAccount(bik, rs)).toBe(true);
  });
  it.each(r.rs_invalid)('rejects the settlement account $rs at БИК $bik', ({ bik, rs }) => {
    expect(checkAccount(bik, rs)).toBe(false);
  });
  it('rejects a correspondent account that does not start with 301', () => {
    expect(checkCorrAccount('044525225', '40702810400000000225')).toBe(false);
  });
  it('rejects a БИК that is not 9 digits', () => {
    expect(checkBik('04452522')).toBe(false);
    expect(checkBik('0445252251')).toBe(false);
    expect(checkBik('04452522a')).toBe(false);
  });
});

describe('СНИЛС', () => {
  it.each(r.snils_valid)('accepts the СНИЛС %s', (snils) => {
    expect(checkSnils(snils)).toBe(true);
    expect(checkSnils(snils.replace(/\D/g, ''))).toBe(true);
  });
  it.each(r.snils_invalid)('rejects the СНИЛС %s', (snils) => expect(checkSnils(snils)).toBe(false));
  it('does not check the control number of numbers issued before it existed', () => {
    expect(checkSnils('001-001-998 00')).toBe(true);
    expect(checkSnils('001-001-999 00')).toBe(false);
  });
});

describe('the checks never throw', () => {
  const checks = [checkInn, checkKpp, checkOgrn, checkOgrnip, checkOgrnOnly, checkBik, checkSnils];
  const weird: unknown[] = [undefined, null, 7707083893, {}, [], NaN, Symbol('x'), '', ' ', '７７０７０８３８９３'];
  it('returns false for non-strings and odd strings', () => {
    for (const check of checks) for (const value of weird) expect(check(value)).toBe(false);
    for (const value of weird) {
      expect(checkAccount(value, value)).toBe(false);
      expect(checkCorrAccount('044525225', value)).toBe(false);
    }
  });
  it('returns a boolean for any input at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const check of checks) expect(typeof check(a)).toBe('boolean');
        expect(typeof checkAccount(a, b)).toBe('boolean');
        expect(typeof checkCorrAccount(a, b)).toBe('boolean');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('validateRequisites', () => {
  const messages = (input: Parameters<typeof validateRequisites>[0]) =>
    validateRequisites(input).map((i) => `${i.field}: ${i.message}`);

  it('finds nothing wrong with a correct organisation', () => {
    expect(
      validateRequisites({
        kind: 'legal', inn: '7707083893', kpp: '773601001', ogrn: '1027700132195',
        bik: '044525225', account: '40702810938000000001', corrAccount: '30101810400000000225',
      }),
    ).toEqual([]);
  });
  it('requires ИНН and КПП of an organisation by default', () => {
    expect(messages({ kind: 'legal' })).toEqual(['inn: ИНН: обязательное поле', 'kpp: КПП: обязательное поле']);
  });
  it('lets the caller choose the required fields', () => {
    expect(validateRequisites({ kind: 'legal' }, { required: [] })).toEqual([]);
    expect(messages({ kind: 'person' }, )).toEqual([]);
    expect(validateRequisites({ kind: 'person' }, { required: ['inn'] }).map((i) => i.field)).toEqual(['inn']);
  });
  it('names the length an organisation ИНН must have', () => {
    expect(messages({ kind: 'legal', inn: '770708389', kpp: '773601001' })).toEqual(['inn: ИНН организации — 10 цифр']);
    expect(messages({ kind: 'legal', inn: '770123456703', kpp: '773601001' })).toEqual(['inn: ИНН организации — 10 цифр']);
  });
  it('reports a wrong ИНН check digit', () => {
    expect(messages({ kind: 'legal', inn: '7707083894', kpp: '773601001' })).toEqual([
      'inn: ИНН: неверная контрольная сумма',
    ]);
  });
  it('reports a malformed КПП with the expected shape', () => {
    expect(messages({ kind: 'legal', inn: '7707083893', kpp: '7736ab001' })).toEqual([
      'kpp: КПП: 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    ]);
  });
  it('expects a 12-digit ИНН, a 15-digit ОГРНИП and no КПП from an ИП', () => {
    expect(messages({ kind: 'ip', inn: '500100000015', ogrn: '307760324100018' })).toEqual([]);
    expect(messages({ kind: 'ip', inn: '7707083893', ogrn: '1027700132195', kpp: '773601001' })).toEqual([
      'inn: ИНН ИП — 12 цифр',
      'kpp: КПП: у ИП и физического лица КПП нет',
      'ogrn: ОГРНИП — 15 цифр',
    ]);
    expect(messages({ kind: 'ip', inn: '500100000015', ogrn: '307760324100017' })).toEqual([
      'ogrn: ОГРНИП: неверная контрольная сумма',
    ]);
  });
  it('expects a 13-digit ОГРН from an organisation', () => {
    expect(messages({ kind: 'legal', inn: '7707083893', kpp: '773601001', ogrn: '307760324100018' })).toEqual([
      'ogrn: ОГРН — 13 цифр',
    ]);
  });
  it('accepts either length when the kind is not known', () => {
    expect(validateRequisites({ inn: '500100000015', ogrn: '1027700132195' })).toEqual([]);
    expect(messages({ inn: '12345' })).toEqual(['inn: ИНН — 10 или 12 цифр']);
  });
  it('checks the settlement account against the БИК', () => {
    expect(messages({ bik: '044525187', account: '40702810938000000001' })).toEqual([
      'account: Расчётный счёт не соответствует БИК (контрольный ключ)',
    ]);
    expect(messages({ account: '40702810938000000001' })).toEqual([
      'account: Расчётный счёт: укажите БИК, без него счёт не проверить',
    ]);
    expect(messages({ bik: '044525225', account: '4070281093800000000' })).toEqual(['account: Расчётный счёт — 20 цифр']);
  });
  it('tells apart a correspondent account with the wrong ending from one with the wrong key', () => {
    expect(messages({ bik: '044525187', corrAccount: '30101810400000000225' })).toEqual([
      'corrAccount: Корреспондентский счёт не соответствует БИК (последние 3 цифры)',
    ]);
    expect(messages({ bik: '044525225', corrAccount: '30101810500000000225' })).toEqual([
      'corrAccount: Корреспондентский счёт не соответствует БИК (контрольный ключ)',
    ]);
  });
  it('treats blank and whitespace-only values as not filled in and trims the rest', () => {
    expect(validateRequisites({ kind: 'person', inn: '  ', kpp: '', ogrn: null, bik: undefined })).toEqual([]);
    expect(validateRequisites({ kind: 'legal', inn: ' 7707083893 ', kpp: '773601001 ' })).toEqual([]);
  });
});
