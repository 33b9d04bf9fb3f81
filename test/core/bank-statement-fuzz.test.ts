import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInvoiceReference, parseBankStatement, type BankStatementResult } from '../../src/core';
import { FUZZ_RUNS } from './reference';
import { sampleLines, withLines } from './statement-fixtures';

function checkOutcome(result: BankStatementResult): void {
  if (result.ok) {
    expect(Array.isArray(result.statement.documents)).toBe(true);
    for (const d of result.statement.documents) expect(Number.isSafeInteger(d.amount)).toBe(true);
    return;
  }
  expect(Number.isSafeInteger(result.error.line)).toBe(true);
  expect(result.error.line).toBeGreaterThanOrEqual(1);
  expect(result.error.message).toMatch(/^Строка \d+: [А-ЯЁа-яё«]/);
  // The parser's last-resort catch must never be what answered: that would hide a bug.
  expect(result.error.message).not.toContain('не удалось прочитать файл выписки');
}

const SAMPLE = sampleLines();
const TOKENS = [
  'СекцияДокумент=Платежное поручение', 'КонецДокумента', 'СекцияРасчСчет', 'КонецРасчСчет', 'КонецФайла',
  'Сумма=1.00', 'Сумма=-1', 'Дата=01.01.2026', 'Дата=99.99.9999', '=', '', '1CClientBankExchange', 'Кодировка=DOS',
];

describe('the statement parser on hostile input', () => {
  it('never throws on random bytes and answers ok or a Russian message with a line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkOutcome(parseBankStatement(bytes))),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('never throws on random bytes after a valid first line', () => {
    const head = new TextEncoder().encode('1CClientBankExchange\r\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        checkOutcome(parseBankStatement(bytes));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('never throws on shuffled, dropped and garbled lines of a real statement', () => {
    const line = fc.oneof(fc.constantFrom(...SAMPLE, ...TOKENS), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
        const text = ['1CClientBankExchange', ...lines].join('\n');
        checkOutcome(parseBankStatement(new TextEncoder().encode(text)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('never throws when single bytes of the reference file are changed', () => {
    const original = withLines(SAMPLE);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 10 }), (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        checkOutcome(parseBankStatement(bytes));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('never throws when looking for an invoice in any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const ref = findInvoiceReference(`по счету ${text}`);
        if (ref !== null) expect(ref.number).toMatch(/\d/);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
