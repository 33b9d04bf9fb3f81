// The statement parser's fast paths (amounts without BigInt, dates read once per distinct text, lines split on
// LF when there is no lone CR) give exactly what the general paths give. Expectations are computed here
// independently: kopecks by BigInt string arithmetic, line numbers by counting by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankStatement } from '../../src/core';
import { FUZZ_RUNS } from './reference';

const utf8 = (lines: string[], eol: string) => new TextEncoder().encode(lines.join(eol));

function statement(docs: { amount: string; date: string }[], balance = '0.00'): string[] {
  const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=UTF8', 'СекцияРасчСчет', `НачальныйОстаток=${balance}`, 'КонецРасчСчет'];
  docs.forEach((d, i) => lines.push('СекцияДокумент=Платежное поручение', `Номер=${i + 1}`, `Дата=${d.date}`, `Сумма=${d.amount}`, 'НазначениеПлатежа=Оплата', 'КонецДокумента'));
  lines.push('КонецФайла');
  return lines;
}

/** Rubles as written («123,4», «-0.05») to kopecks with BigInt, as a plain decimal string. */
function kopecksOf(text: string): string {
  const [int, frac = ''] = text.replace('-', '').split(/[.,]/);
  const k = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  return (text.startsWith('-') && k !== 0n ? -k : k).toString();
}

const amountArb = fc
  .tuple(fc.stringMatching(/^\d{1,16}$/), fc.constantFrom('', '.', ','), fc.stringMatching(/^\d{1,2}$/))
  .map(([int, sep, frac]) => (sep ? `${int}${sep}${frac}` : int));

describe('statement parser fast paths', () => {
  it('reads every amount to the kopeck, short or long, with a dot or a comma', () => {
    fc.assert(
      fc.property(fc.array(amountArb, { minLength: 1, maxLength: 5 }), (amounts) => {
        const r = parseBankStatement(utf8(statement(amounts.map((amount) => ({ amount, date: '05.01.2026' }))), '\r\n'));
        const safe = amounts.every((a) => BigInt(kopecksOf(a)) <= BigInt(Number.MAX_SAFE_INTEGER));
        if (!safe) {
          expect(r.ok).toBe(false);
          return;
        }
        expect(r.ok && r.statement.documents.map((d) => String(d.amount))).toEqual(amounts.map(kopecksOf));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads signed balances, a negative zero as zero', () => {
    const cases: [string, number][] = [['-0.00', 0], ['-12,5', -1250], ['1500.00', 150_000], ['-9999999999999.99', -999_999_999_999_999]];
    for (const [text, kopecks] of cases) {
      const r = parseBankStatement(utf8(statement([], text), '\r\n'));
      expect(r.ok && Object.is(r.statement.accounts[0].openingBalance, kopecks)).toBe(true);
    }
  });

  it('gives the same documents and the same error lines for CRLF, LF, CR and mixed line ends', () => {
    const docs = [{ amount: '10.00', date: '05.01.2026' }, { amount: '20.00', date: '05.01.2026' }];
    const lines = statement(docs);
    const crlf = parseBankStatement(utf8(lines, '\r\n'));
    expect(crlf.ok).toBe(true);
    for (const eol of ['\n', '\r']) expect(parseBankStatement(utf8(lines, eol))).toEqual(crlf);
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r' : i % 3 === 1 ? '\n' : '\r\n')).join('');
    expect(parseBankStatement(new TextEncoder().encode(mixed))).toEqual(crlf);
    // The second document's date is broken: line 15 (1 + 5 header lines + 6 of the first document + 3).
    const broken = statement([docs[0], { amount: '20.00', date: '31.02.2026' }]);
    expect(broken[14]).toBe('Дата=31.02.2026');
    for (const eol of ['\r\n', '\n', '\r']) {
      const r = parseBankStatement(utf8(broken, eol));
      expect(r.ok ? null : r.error.line).toBe(15);
    }
  });

  it('refuses an impossible date every time it appears, and reads a valid one every time', () => {
    for (let round = 0; round < 2; round++) {
      const r = parseBankStatement(utf8(statement([{ amount: '1', date: '29.02.2025' }]), '\r\n'));
      expect(r.ok ? null : r.error.message).toMatch(/Дата «29\.02\.2025»/);
      const ok = parseBankStatement(utf8(statement([{ amount: '1', date: '29.02.2028' }, { amount: '2', date: '29.02.2028' }]), '\r\n'));
      expect(ok.ok && ok.statement.documents.map((d) => d.date)).toEqual(['2028-02-29', '2028-02-29']);
    }
  });
});
