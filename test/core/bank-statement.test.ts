import { describe, expect, it } from 'vitest';
import {
  classifyDirection,
  isBankFee,
  findInvoiceReference,
  parseBankStatement,
  type BankStatement,
  type BankStatementResult,
} from '../../src/core';
import { isoOf, referenceBytes, rub, statementExpectation as expected } from './reference';
import { encodeWith, mustParse, sampleLines, withLines } from './statement-fixtures';

const sampleBytes = referenceBytes(expected.file);

function errorOf(result: BankStatementResult): { line: number; message: string } {
  if (result.ok) throw new Error('expected the statement to be rejected');
  return result.error;
}

describe('the reference statement', () => {
  const statement = mustParse(parseBankStatement(sampleBytes));
  const ours = [expected.ourCompany.account];

  it('is read as Windows-1251 with CRLF line ends', () => {
    expect(expected.lineEnding).toBe('CRLF');
    expect(new TextDecoder('windows-1251').decode(sampleBytes)).toContain('\r\n');
    expect(statement.encoding).toBe(expected.encoding);
    expect(statement.version).toBe('1.03');
  });
  it('has every header value of the expectation', () => {
    for (const [key, value] of Object.entries(expected.header)) expect(statement.header[key]).toBe(value);
    expect(statement.header['Отправитель']).toBe('СберБизнес');
  });
  it('has one account section with the expected balances, and they add up', () => {
    expect(statement.accounts).toHaveLength(1);
    const [account] = statement.accounts;
    const a = expected.accountSection;
    expect(account).toEqual({
      account: a['РасчСчет'],
      dateStart: isoOf(expected.header['ДатаНачала']),
      dateEnd: isoOf(expected.header['ДатаКонца']),
      openingBalance: rub(a['НачальныйОстаток']),
      totalIn: rub(a['ВсегоПоступило']),
      totalOut: rub(a['ВсегоСписано']),
      closingBalance: rub(a['КонечныйОстаток']),
    });
    expect((account.openingBalance ?? 0) + (account.totalIn ?? 0) - (account.totalOut ?? 0)).toBe(account.closingBalance);
  });
  it('has the documents of the expectation, in order', () => {
    expect(statement.documents.map((d) => d.number)).toEqual(expected.documents.map((d) => d.number));
  });
  it.each(expected.documents.map((d, i) => [d.number, i] as const))('reads every field of document № %s', (_, i) => {
    const want = expected.documents[i];
    const doc = statement.documents[i];
    expect(doc).toMatchObject({
      docType: want.docType,
      number: want.number,
      date: isoOf(want.date),
      amount: rub(want.amount),
      payerInn: want.payerInn,
      payerName: want.payerName,
      payerAccount: want.payerAccount,
      payeeInn: want.payeeInn,
      payeeName: want.payeeName,
      payeeAccount: want.payeeAccount,
      purpose: want.purpose,
      extra: {},
    });
    const booked = want.bookedDateKey === 'ДатаПоступило' ? doc.dateCredited : doc.dateDebited;
    expect(booked).toBe(isoOf(want.bookedDate));
    expect(want.bookedDateKey === 'ДатаПоступило' ? doc.dateDebited : doc.dateCredited).toBeUndefined();
    expect(classifyDirection(doc, ours)).toBe(want.direction);
    const ref = want.referencedInvoice;
    expect(findInvoiceReference(doc.purpose)).toEqual(ref ? { number: ref.number, date: isoOf(ref.date) } : null);
    expect(isBankFee(doc)).toBe(want.docType === 'Банковский ордер');
  });
  it('names our company with its requisites on each side where it appears', () => {
    const c = expected.ourCompany;
    for (const doc of statement.documents) {
      const side = classifyDirection(doc, [c.account]) === 'in' ? 'payee' : 'payer';
      expect(side === 'payee' ? doc.payeeName : doc.payerName).toBe(c.name);
      expect(side === 'payee' ? doc.payeeInn : doc.payerInn).toBe(c.inn);
      expect(side === 'payee' ? doc.payeeKpp : doc.payerKpp).toBe(c.kpp);
      expect(side === 'payee' ? doc.payeeBik : doc.payerBik).toBe(c.bik);
    }
  });
  it('remembers the line of each «СекцияДокумент»; the format\'s own keys are not taken for unknown ones', () => {
    const lines = sampleLines();
    for (const doc of statement.documents) {
      expect(lines[doc.line - 1]).toBe(`СекцияДокумент=${doc.docType}`);
      expect(lines.slice(doc.line)).toContain('Очередность=5');
      expect(doc.extra).toEqual({});
    }
  });
});

describe('variants of the same statement', () => {
  const reference = mustParse(parseBankStatement(sampleBytes));
  const same = (s: BankStatement, lineShift = 0): void => {
    expect(s.documents).toEqual(reference.documents.map((d) => ({ ...d, line: d.line + lineShift })));
    expect(s.accounts).toEqual(reference.accounts);
  };

  it('reads the statement re-encoded to CP866 with «Кодировка=DOS»', () => {
    const lines = sampleLines().map((l) => (l === 'Кодировка=Windows' ? 'Кодировка=DOS' : l));
    const s = mustParse(parseBankStatement(encodeWith('ibm866', lines.join('\r\n'))));
    expect(s.encoding).toBe('cp866');
    expect(s.header['Кодировка']).toBe('DOS');
    same(s);
  });
  it('reads LF line ends', () => {
    same(mustParse(parseBankStatement(encodeWith('windows-1251', sampleLines().join('\n')))));
  });
  it('reads UTF-8 with and without a byte order mark', () => {
    const text = sampleLines().join('\r\n');
    const plain = mustParse(parseBankStatement(new TextEncoder().encode(text)));
    expect(plain.encoding).toBe('utf-8');
    same(plain);
    const bom = mustParse(parseBankStatement(new TextEncoder().encode(`\uFEFF${text}`)));
    expect(bom.encoding).toBe('utf-8');
    same(bom);
  });
  it('keeps every account section', () => {
    const lines = sampleLines();
    const start = lines.indexOf('СекцияРасчСчет');
    const end = lines.indexOf('КонецРасчСчет');
    const second = lines.slice(start, end + 1).map((l) => l.replace('40702810738000000777', '40702810000000000001'));
    const s = mustParse(parseBankStatement(withLines([...lines.slice(0, end + 1), ...second, ...lines.slice(end + 1)])));
    expect(s.accounts.map((a) => a.account)).toEqual(['40702810738000000777', '40702810000000000001']);
  });
  it('keeps repeated header keys and unknown document keys', () => {
    const lines = sampleLines();
    lines.splice(lines.indexOf('РасчСчет=40702810738000000777'), 0, 'РасчСчет=40702810000000000001');
    lines.splice(lines.indexOf('Номер=512'), 0, 'МойКлюч=значение=с=равно', '__proto__=x');
    const s = mustParse(parseBankStatement(withLines(lines)));
    expect(s.headerValues['РасчСчет']).toEqual(['40702810000000000001', '40702810738000000777']);
    expect(s.header['РасчСчет']).toBe('40702810000000000001');
    expect(s.documents[0].extra).toEqual({ МойКлюч: 'значение=с=равно', ['__proto__']: 'x' });
    expect(Object.hasOwn(s.documents[0].extra, '__proto__')).toBe(true);
  });
  it('takes the payer name from «Плательщик» without its ИНН when «Плательщик1» is absent', () => {
    const lines = sampleLines().filter((l) => !l.startsWith('Плательщик1=') && !l.startsWith('Получатель1='));
    const s = mustParse(parseBankStatement(withLines(lines)));
    expect(s.documents.map((d) => d.payerName)).toEqual(reference.documents.map((d) => d.payerName));
    expect(s.documents.map((d) => d.payeeName)).toEqual(reference.documents.map((d) => d.payeeName));
  });
  it('joins «НазначениеПлатежа1…6» when the whole purpose is missing', () => {
    const lines = sampleLines().flatMap((l) =>
      l.startsWith('НазначениеПлатежа=') ? ['НазначениеПлатежа1=Оплата по счету 5', 'НазначениеПлатежа2=за услуги'] : [l],
    );
    const s = mustParse(parseBankStatement(withLines(lines)));
    expect(s.documents[0].purpose).toBe('Оплата по счету 5 за услуги');
  });
  it('reads version 1.02, blank lines and spaces around keys', () => {
    const lines = sampleLines().map((l) => (l === 'ВерсияФормата=1.03' ? 'ВерсияФормата=1.02' : l));
    lines.splice(3, 0, '', '   ');
    lines[lines.indexOf('Сумма=122000.00')] = '  Сумма = 122000.00 ';
    const s = mustParse(parseBankStatement(withLines(lines)));
    expect(s.version).toBe('1.02');
    same(s, 2);
  });
  it('ignores anything after «КонецФайла»', () => {
    same(mustParse(parseBankStatement(withLines([...sampleLines(), 'мусор без знака равенства', '']))));
  });
});

describe('malformed statements', () => {
  const lineOf = (lines: string[], text: string): number => lines.indexOf(text) + 1;

  it('rejects a file without the «1CClientBankExchange» first line', () => {
    const e = errorOf(parseBankStatement(withLines(sampleLines().slice(1))));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^Строка 1: .*«1CClientBankExchange»/);
  });
  it('rejects a section that starts inside an unclosed one, at the line where it starts', () => {
    const lines = sampleLines();
    lines.splice(lines.indexOf('КонецДокумента'), 1);
    const second = lines.indexOf('СекцияДокумент=Платежное поручение', lines.indexOf('Номер=512'));
    const e = errorOf(parseBankStatement(withLines(lines)));
    expect(e.line).toBe(second + 1);
    expect(e.message).toContain('нет строки «КонецДокумента»');
    expect(e.message).toContain(`строка ${lineOf(lines, 'СекцияДокумент=Платежное поручение')}`);
  });
  it('rejects an account section opened inside a document', () => {
    const lines = sampleLines();
    lines.splice(lines.indexOf('Номер=77'), 0, 'СекцияРасчСчет');
    const e = errorOf(parseBankStatement(withLines(lines)));
    expect(e.line).toBe(lineOf(lines, 'Номер=77') - 1);
    expect(e.message).toMatch(/«СекцияРасчСчет» начинается внутри незакрытой секции «СекцияДокумент»/);
  });
  it('rejects an unclosed last section at its first line', () => {
    const lines = sampleLines();
    lines.splice(lines.lastIndexOf('КонецДокумента'), 1);
    const e = errorOf(parseBankStatement(withLines(lines)));
    expect(e.line).toBe(lineOf(lines, 'СекцияДокумент=Банковский ордер'));
    expect(e.message).toContain('не закрыта');
  });
  it('rejects a file without «КонецФайла», naming the last line', () => {
    const lines = sampleLines().filter((l) => l !== 'КонецФайла' && l !== '');
    const e = errorOf(parseBankStatement(withLines([...lines, '', ''])));
    expect(e.line).toBe(lines.length);
    expect(e.message).toContain('нет строки «КонецФайла»');
  });
  it.each(['12 000.00', 'abc', '-490.00', '1.234', '1e3', ''])('rejects the amount «%s» at its line', (bad) => {
    const lines = sampleLines();
    const at = lines.indexOf('Сумма=30500.00');
    lines[at] = `Сумма=${bad}`;
    const e = errorOf(parseBankStatement(withLines(lines)));
    if (bad === '') {
      // Сумма is the third line of the document, so the section starts three lines above it.
      expect(e.line).toBe(at - 3 + 1);
      expect(e.message).toContain('нет суммы');
    } else {
      expect(e.line).toBe(at + 1);
      expect(e.message).toBe(`Строка ${at + 1}: Сумма «${bad}» — ожидается неотрицательное число вида 1500.00`);
    }
  });
  it.each(['32.01.2026', '2026-01-13', '13.01.26', '29.02.2026'])('rejects the date «%s» at its line', (bad) => {
    const lines = sampleLines();
    const at = lines.indexOf('Дата=13.01.2026');
    lines[at] = `Дата=${bad}`;
    const e = errorOf(parseBankStatement(withLines(lines)));
    expect(e).toEqual({ line: at + 1, message: `Строка ${at + 1}: Дата «${bad}» — ожидается дата вида ДД.ММ.ГГГГ` });
  });
  it('rejects a bad balance and a bad booking date at their lines', () => {
    const lines = sampleLines();
    const at = lines.indexOf('ВсегоСписано=24890.00');
    lines[at] = 'ВсегоСписано=много';
    expect(errorOf(parseBankStatement(withLines(lines))).line).toBe(at + 1);
    const lines2 = sampleLines();
    const at2 = lines2.indexOf('ДатаСписано=15.01.2026');
    lines2[at2] = 'ДатаСписано=15/01/2026';
    expect(errorOf(parseBankStatement(withLines(lines2))).line).toBe(at2 + 1);
  });
  it('rejects an end marker without its section and a line that is not «Ключ=Значение»', () => {
    const lines = sampleLines();
    lines.splice(5, 0, 'КонецДокумента');
    expect(errorOf(parseBankStatement(withLines(lines)))).toEqual({
      line: 6,
      message: 'Строка 6: «КонецДокумента» без начала секции «СекцияДокумент»',
    });
    const lines2 = sampleLines();
    lines2.splice(7, 0, 'просто текст');
    expect(errorOf(parseBankStatement(withLines(lines2))).message).toBe(
      'Строка 8: ожидается строка вида «Ключ=Значение», а записано «просто текст»',
    );
  });
  it('rejects an empty file and a file of nothing but the first line', () => {
    expect(errorOf(parseBankStatement(new Uint8Array()))).toMatchObject({ line: 1 });
    expect(errorOf(parseBankStatement(withLines(['1CClientBankExchange'])))).toMatchObject({ line: 1 });
  });
});
