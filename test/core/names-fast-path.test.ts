// The fast paths of the name key and the search text (a phrase skipped when absent, a long word never
// looked up as a legal form, a repeated name read once, the last key remembered) give exactly what the
// plain algorithm gives. The plain algorithm is restated here as the reference, as it stood before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientSearchText, normalizeCompanyName, searchKey } from '../../src/core';
import { FUZZ_RUNS } from './reference';

const PHRASES = [
  'общество с ограниченной ответственностью', 'федеральное государственное унитарное предприятие', 'государственное унитарное предприятие',
  'муниципальное унитарное предприятие', 'непубличное акционерное общество', 'публичное акционерное общество', 'открытое акционерное общество',
  'закрытое акционерное общество', 'акционерное общество', 'индивидуальный предприниматель', 'автономная некоммерческая организация',
  'некоммерческая организация',
];
const ABBREVIATIONS = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'нко', 'ано', 'гуп', 'муп', 'фгуп']);
const LOOKALIKES: Record<string, string> = { a: 'а', o: 'о', e: 'е', p: 'р', c: 'с', x: 'х', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', y: 'у' };

function plainKey(s: string): string {
  let text = searchKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const phrase of PHRASES) text = text.split(phrase).join(' ');
  const unLatin = (t: string) => [...t].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  return text.split(' ').filter((t) => t !== '' && !ABBREVIATIONS.has(unLatin(t))).join(' ');
}

const pieces = ['ООО', 'OOO', 'Ooo', 'АО', 'AO', 'ИП', 'фгуп', 'ФГУП', 'Общество с ограниченной ответственностью', 'акционерное общество', '«', '»', '"', ' ', '-', 'Ромашка', 'Ёлка', 'ёж', 'Вектор', '𝔸', 'ООО-Трейд', 'нко', 'АНО', 'некоммерческая организация', 'Tехно', 'ao1'];
const nameArb = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join('')), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 12 }));

describe('name key and search text fast paths', () => {
  it('give the plain algorithm’s name key for any name, including the same name twice in a row', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(normalizeCompanyName(a)).toBe(plainKey(a));
        expect(normalizeCompanyName(a)).toBe(plainKey(a));
        expect(normalizeCompanyName(b)).toBe(plainKey(b));
        expect(normalizeCompanyName(a)).toBe(plainKey(a));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('give the same search text when the short and the full name are the same', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const base = { inn: '7707083893', ogrn: '', phones: ['+74951234567'], emails: ['info@romashka.ru'], contactNames: ['Иванов Иван'] };
        expect(clientSearchText({ ...base, names: [name, name] })).toBe(clientSearchText({ ...base, names: [name] }));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('give the plain algorithm’s search text for any names, e-mails and key persons', () => {
    const words = (x: string) => searchKey(x).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    const plainSearchText = (names: string[], emails: string[], contactNames: string[]) => {
      const out = new Set<string>();
      for (const n of names) for (const w of [...words(n), ...words(plainKey(n))]) out.add(w);
      out.add('7707083893');
      for (const w of ['74951234567', '4951234567', '1234567']) out.add(w);
      for (const x of [...emails, ...contactNames]) for (const w of words(x)) out.add(w);
      return [...out].join(' ');
    };
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 3 }), fc.array(nameArb, { maxLength: 2 }), fc.array(nameArb, { maxLength: 2 }), (names, emails, contactNames) => {
        const text = clientSearchText({ names, inn: '7707083893', ogrn: '', phones: ['+74951234567'], emails, contactNames });
        expect(text).toBe(plainSearchText(names, emails, contactNames));
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(clientSearchText({ names: ['ООО «Ромашка»'], inn: '', ogrn: '', phones: [], emails: [], contactNames: [] })).toBe('ооо ромашка');
    expect(clientSearchText({ names: ['Общество с ограниченной ответственностьюЁлка'], inn: '', ogrn: '', phones: [], emails: [], contactNames: [] })).toBe(
      'общество с ограниченной ответственностьюелка елка',
    );
  });

  it('keys the examples of the rules by hand', () => {
    expect(normalizeCompanyName('ООО «Ромашка»')).toBe('ромашка');
    expect(normalizeCompanyName('OOO "Ромашка"')).toBe('ромашка');
    expect(normalizeCompanyName('Общество с ограниченной ответственностью "Ёлка-Трейд"')).toBe('елка трейд');
    expect(normalizeCompanyName('Ромашка Трейдинг Ооо')).toBe('ромашка трейдинг');
  });
});
