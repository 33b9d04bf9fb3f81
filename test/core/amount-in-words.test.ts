import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountInWords, MAX_AMOUNT_IN_WORDS_KOPECKS, numberInWords, rublesToKopecks } from '../../src/core';
import { FUZZ_RUNS, vectors } from './reference';

/** The fixtures key amounts by rubles as decimal strings; convert them digit-wise, not via floats. */
function kopecksOf(rubles: string): number {
  const [int, frac = ''] = rubles.split('.');
  return Number(int) * 100 + Number(frac.padEnd(2, '0'));
}

describe('amountInWords', () => {
  it.each(Object.entries(vectors.propis.cases))('writes %s ₽ as «%s»', (rubles, words) => {
    expect(amountInWords(kopecksOf(rubles))).toBe(words);
  });
  it('writes the float 0.1+0.2 as thirty kopecks once it is converted to kopecks', () => {
    const kopecks = rublesToKopecks(0.1 + 0.2);
    expect(kopecks).toBe(30);
    expect(amountInWords(kopecks ?? -1)).toBe(vectors.propis.float_trap.expected);
  });
  it('writes the largest amount it accepts', () => {
    expect(amountInWords(MAX_AMOUNT_IN_WORDS_KOPECKS)).toBe(
      'Девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять ' +
        'тысяч девятьсот девяносто девять рублей 99 копеек',
    );
  });
  it('omits zero triads but keeps the ruble word', () => {
    expect(amountInWords(100_000_000_000)).toBe('Один миллиард рублей 00 копеек');
    expect(amountInWords(1_000_001_200)).toBe('Десять миллионов двенадцать рублей 00 копеек');
    expect(amountInWords(1_114_00)).toBe('Одна тысяча сто четырнадцать рублей 00 копеек');
  });
  it.each([-1, 0.5, Number.NaN, Infinity, MAX_AMOUNT_IN_WORDS_KOPECKS + 1, 2 ** 53])(
    'throws a RangeError with a Russian message for %s',
    (bad) => {
      expect(() => amountInWords(bad)).toThrow(RangeError);
      expect(() => amountInWords(bad)).toThrow(/Сумма прописью/);
    },
  );
  it('never throws in range, starts with a capital and ends with the kopeck word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_IN_WORDS_KOPECKS }), (k) => {
        const text = amountInWords(k);
        expect(text.charAt(0)).toMatch(/[А-ЯЁ]/);
        expect(text).toMatch(/ \d\d (копейка|копейки|копеек)$/);
        expect(text).toMatch(/ (рубль|рубля|рублей) \d\d /);
        expect(text).not.toMatch(/ {2}/);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('numberInWords', () => {
  it('agrees with the gender of the counted noun', () => {
    expect(numberInWords(2, 'feminine')).toBe('две');
    expect(numberInWords(1, 'neuter')).toBe('одно');
    expect(numberInWords(21, 'masculine')).toBe('двадцать один');
    expect(numberInWords(2001, 'feminine')).toBe('две тысячи одна');
    expect(numberInWords(0)).toBe('ноль');
  });
  it('refuses numbers outside 0…999 999 999 999', () => {
    expect(() => numberInWords(1e12)).toThrow(RangeError);
    expect(() => numberInWords(-1)).toThrow(RangeError);
  });
});
