// The character scan that splits names into words gives exactly the words of the definition — runs of
// Unicode letters and digits of the lower-cased text with ё → е — for any text: Russian and Latin names,
// the marks names carry («», №, dashes, no-break spaces), other scripts, lone surrogates and combining marks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameWords } from '../../src/core/name-words';
import { FUZZ_RUNS } from './reference';

function byDefinition(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const pieces = ['ООО', '«', '»', '№', '\u00a0', '—', '–', '-', '"', '„', '“', ' ', '  ', 'Ёлка', 'ЁЖ', 'Ромашка', 'Trade', 'İstanbul', 'Straße', 'ǅ', '٣', '²', 'Ⅻ', 'Ѐ', 'џ', 'ґ', 'ӑ', '\u0301', '𝔸', '\ud800', '7701', ',', '.', '@', '_', 'ﬁ'];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('the words of a name', () => {
  it('are the definition’s words for any text', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(nameWords(s)).toEqual(byDefinition(s));
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('split the examples by hand', () => {
    expect(nameWords('ООО «Ёлка-Трейд» №\u00a07')).toEqual(['ооо', 'елка', 'трейд', '7']);
    expect(nameWords('sales@Fresh12.example')).toEqual(['sales', 'fresh12', 'example']);
    expect(nameWords('Ⅻ век — ²')).toEqual(['ⅻ', 'век', '²']);
    expect(nameWords('  ')).toEqual([]);
    expect(nameWords(42)).toEqual([]);
  });
});
