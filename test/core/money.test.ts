import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decimalToScaled,
  divHalfUp,
  kopecksToDecimalString,
  mulDivHalfUp,
  percentOf,
  rublesToKopecks,
  sumKopecks,
} from '../../src/core';
import { FUZZ_RUNS } from './reference';

describe('rublesToKopecks', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u00a0234\u00a0567,89', 123456789],
    ['1234.56', 123456],
    ['1234', 123400],
    ['0,5', 50],
    ['  12,1 ', 1210],
    ['-5,05', -505],
    ['100 ₽', 10000],
    ['100 руб.', 10000],
    ['0.005', 1],
    ['0.004', 0],
    ['-0,00', 0],
  ])('reads «%s» as %i kopecks', (text, kopecks) => {
    expect(rublesToKopecks(text)).toBe(kopecks);
  });
  it.each(['', 'abc', '1,2,3', '1.234,56', '12 34', '1e5', '--5', '5-', ',5', '1234,', 'NaN', '١٢٣'])(
    'gives null for the junk «%s»',
    (text) => expect(rublesToKopecks(text)).toBeNull(),
  );
  it('reads a JS float through its shortest decimal form, so 0.1+0.2 is 30 kopecks', () => {
    expect(rublesToKopecks(0.1 + 0.2)).toBe(30);
    expect(rublesToKopecks(1.005)).toBe(101);
    expect(rublesToKopecks(1e-7)).toBe(0);
    expect(rublesToKopecks(Number.NaN)).toBeNull();
    expect(rublesToKopecks(Infinity)).toBeNull();
  });
  it('gives null for amounts beyond a safe integer of kopecks and for non-strings', () => {
    expect(rublesToKopecks('999999999999999999')).toBeNull();
    expect(rublesToKopecks(null)).toBeNull();
    expect(rublesToKopecks({})).toBeNull();
  });
  it('round-trips every kopeck amount through its decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (k) => {
        expect(rublesToKopecks(kopecksToDecimalString(k))).toBe(k);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('kopecksToDecimalString', () => {
  it.each([
    [123456, '1234.56'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100, '1.00'],
  ])('writes %i as %s', (k, text) => expect(kopecksToDecimalString(k)).toBe(text));
  it('refuses a fractional amount', () => {
    expect(() => kopecksToDecimalString(1.5)).toThrow(RangeError);
  });
});

describe('exact integer arithmetic', () => {
  it('rounds halves away from zero, as Decimal ROUND_HALF_UP does', () => {
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(-5, 1, 2)).toBe(-3);
    expect(mulDivHalfUp(5, -1, 2)).toBe(-3);
    expect(mulDivHalfUp(7, 1, 3)).toBe(2);
    expect(mulDivHalfUp(575, 22, 100)).toBe(127);
    expect(divHalfUp(-7n, -2n)).toBe(4n);
  });
  it('agrees with a BigInt reference on random values', () => {
    fc.assert(
      fc.property(
        // |a·b| stays below 2^53 so that even c = 1 gives a safe result.
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, c) => {
          const exact = BigInt(a) * BigInt(b);
          const got = BigInt(mulDivHalfUp(a, b, c));
          // |exact/c − got| ≤ 1/2, with ties resolved away from zero.
          const diff2 = 2n * (exact - got * BigInt(c));
          const abs = diff2 < 0n ? -diff2 : diff2;
          expect(abs <= BigInt(c)).toBe(true);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('rounds exactly with any signs, on both sides of where a double stops being exact', () => {
    // The reference: ties away from zero, written out with BigInt (sign apart, then ⌊(2|ab| + |c|) / 2|c|⌋).
    const reference = (a: number, b: number, c: number): bigint => {
      const p = BigInt(a) * BigInt(b);
      const n = p < 0n ? -p : p;
      const d = BigInt(Math.abs(c));
      const q = (2n * n + d) / (2n * d);
      return p < 0n !== c < 0 ? -q : q;
    };
    const big = fc.integer({ min: -(2 ** 27), max: 2 ** 27 });
    fc.assert(
      fc.property(big, big, fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).filter((c) => c !== 0), (a, b, c) => {
        const want = reference(a, b, c);
        if (want > BigInt(Number.MAX_SAFE_INTEGER) || want < -BigInt(Number.MAX_SAFE_INTEGER)) return;
        expect(mulDivHalfUp(a, b, c)).toBe(Number(want));
      }),
      { numRuns: FUZZ_RUNS },
    );
    // Hand-checked: 2^52·3/2 = 6 755 399 441 055 744 exactly; 4 503 599 627 370 495·1/2 = 2 251 799 813 685 247.5 → …248.
    expect(mulDivHalfUp(2 ** 52, 3, 2)).toBe(6_755_399_441_055_744);
    expect(mulDivHalfUp(4_503_599_627_370_495, 1, 2)).toBe(2_251_799_813_685_248);
    expect(mulDivHalfUp(-4_503_599_627_370_495, 1, 2)).toBe(-2_251_799_813_685_248);
    expect(mulDivHalfUp(4_503_599_627_370_495, -1, -2)).toBe(2_251_799_813_685_248);
    expect(mulDivHalfUp(-1, 1, 3)).toBe(0);
    expect(Object.is(mulDivHalfUp(-1, 1, 3), 0)).toBe(true);
  });
  it('refuses division by zero and non-integers', () => {
    expect(() => mulDivHalfUp(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1.5, 1, 1)).toThrow(RangeError);
  });
  it('takes a percentage in basis points', () => {
    expect(percentOf(100000, 1250)).toBe(12500);
    expect(percentOf(1, 5000)).toBe(1);
  });
  it('sums amounts exactly and refuses an overflow', () => {
    expect(sumKopecks([1, 2, 3])).toBe(6);
    expect(() => sumKopecks([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
  it('scales plain decimals, including exponent notation', () => {
    expect(decimalToScaled('1.5', 3)).toBe(1500n);
    expect(decimalToScaled('-0.0005', 3)).toBe(-1n);
    expect(decimalToScaled('1.5e2', 0)).toBe(150n);
    expect(decimalToScaled('1,5', 3)).toBeNull();
  });
});
