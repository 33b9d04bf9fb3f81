// The parser reads lines by index in one pass; this checks it against the plain reading the format
// describes (split at CRLF, LF or CR, trim each line, key before the first «=», both trimmed), written
// here independently, on generated files with odd line ends, spaces of every kind and hostile keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankStatement } from '../../src/core';
import { FUZZ_RUNS } from './reference';

/** The reference reading: every document section's key/value pairs (last value wins, first place kept), or the first bad line. */
function reference(text: string): { docs: [string, string][][]; header: [string, string][] } | { badLine: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const docs: [string, string][][] = [];
  const header: [string, string][] = [];
  let open: Map<string, string> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    const key = (eq === -1 ? raw : raw.slice(0, eq)).trim();
    const value = eq === -1 ? '' : raw.slice(eq + 1).trim();
    if (key === 'СекцияДокумент') open = new Map();
    else if (key === 'КонецДокумента') {
      if (open) docs.push([...open]);
      open = null;
    } else if (key === 'КонецФайла') return { docs, header };
    else if (eq === -1 || key === '') return { badLine: i + 1 };
    else if (open) open.set(key, value);
    else if (!header.some(([k]) => k === key)) header.push([key, value]);
  }
  return { badLine: -1 };
}

/** The keys of KEY the 1C format defines for a document (the others are unknown to it). */
const FORMAT_KEYS = new Set(['Номер', 'Плательщик1', 'НазначениеПлатежа', 'Дата', 'Сумма']);

const SPACE = fc.constantFrom('', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\v');
const EOL = fc.constantFrom('\r\n', '\n', '\r', '\r\n\r\n', '\n\r\n');
const KEY = fc.constantFrom('Номер', 'Плательщик1', 'НазначениеПлатежа', 'Поле', '__proto__', 'toString', 'constructor', '1', '007', 'Ключ с пробелом');
const VALUE = fc.constantFrom('', '42', 'ООО «Ромашка»', 'a=b', ' = ', 'Оплата по счёту № 5');
const FIELD = fc.tuple(SPACE, KEY, SPACE, VALUE, SPACE).map(([a, k, b, v, c]) => `${a}${k}${b}=${b}${v}${c}`);
const DOC = fc
  .tuple(fc.array(FIELD, { maxLength: 8 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 99_999 }))
  .map(([fields, day, kop]) => ['СекцияДокумент=Платежное поручение', `Дата=${String(day).padStart(2, '0')}.03.2026`, `Сумма=${Math.floor(kop / 100)}.${String(kop % 100).padStart(2, '0')}`, ...fields, 'КонецДокумента']);

describe('the statement parser reads lines as the plain reading does', () => {
  it('gives every document the same fields and the header the same keys, whatever the line ends and spaces', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(FIELD, { maxLength: 4 }), fc.array(DOC, { maxLength: 5 }), fc.array(EOL, { minLength: 1, maxLength: 6 }), (bom, head, docs, eols) => {
        const lines = ['1CClientBankExchange', 'Кодировка=UTF-8', ...head, ...docs.flat(), 'КонецФайла'];
        const text = (bom ? '\ufeff' : '') + lines.map((l, i) => l + eols[i % eols.length]).join('');
        const expected = reference(text);
        const got = parseBankStatement(new TextEncoder().encode(text));
        if ('badLine' in expected) {
          expect(got.ok).toBe(false);
          if (!got.ok) expect(got.error.line).toBe(expected.badLine);
          return;
        }
        if (!got.ok) throw new Error(got.error.message);
        // An object lists integer-like keys («1») first, as it always did: compare as objects would list them.
        const asObject = (pairs: [string, string][]) => Object.entries(Object.fromEntries(pairs));
        // The format's keys land in their named fields (the last value wins); any other key in `extra`.
        const named = (pairs: [string, string][]) => {
          const value = (key: string) => pairs.find(([k]) => k === key)?.[1] ?? '';
          const extra = pairs.filter(([k]) => !FORMAT_KEYS.has(k));
          return { number: value('Номер'), payerName: value('Плательщик1'), purpose: value('НазначениеПлатежа'), extra: asObject(extra) };
        };
        const seen = got.statement.documents.map((d) => ({ number: d.number, payerName: d.payerName, purpose: d.purpose, extra: Object.entries(d.extra) }));
        expect(seen).toEqual(expected.docs.map(named));
        for (const d of got.statement.documents) expect(Object.getPrototypeOf(d.extra)).toBe(Object.prototype);
        expect(Object.entries(got.statement.header)).toEqual(asObject(expected.header));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
