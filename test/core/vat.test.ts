import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeLines,
  defaultVatRateFor,
  isVatRate,
  VAT_RATES,
  vatCalculatedRateLabel,
  vatForLine,
  vatRateLabel,
  type VatRate,
} from '../../src/core';
import { FUZZ_RUNS, rub, vectors } from './reference';

function rate(n: number): VatRate {
  const found = VAT_RATES.find((r) => r === n);
  if (found === undefined) throw new Error(`not a VAT rate: ${n}`);
  return found;
}

describe('vatForLine against the reference vectors', () => {
  it.each(vectors.vat.vectors)('splits $input at $rate% ($mode) into net $net, VAT $vat, gross $gross', (v) => {
    expect(vatForLine({ amount: rub(v.input), rate: rate(v.rate), mode: v.mode })).toEqual({
      net: rub(v.net),
      vat: rub(v.vat),
      gross: rub(v.gross),
    });
  });
  it.each(vectors.vat_float_trap)('computes VAT on $net at $rate% as $expected_vat, not $naive_js_Math_round', (v) => {
    const { vat } = vatForLine({ amount: rub(v.net), rate: rate(v.rate), mode: 'on_top' });
    expect(vat).toBe(rub(v.expected_vat));
    expect(vat).not.toBe(rub(v.naive_js_Math_round));
  });
  it('shows no VAT for «Без налога (НДС)»', () => {
    expect(vatForLine({ amount: 100000, rate: 'none', mode: 'on_top' })).toEqual({ net: 100000, vat: 0, gross: 100000 });
    expect(vatForLine({ amount: 100000, rate: 'none', mode: 'included' })).toEqual({ net: 100000, vat: 0, gross: 100000 });
  });
  it('refuses an amount that is not a whole number of kopecks', () => {
    expect(() => vatForLine({ amount: 1.5, rate: 22, mode: 'on_top' })).toThrow(RangeError);
  });
});

describe('computeLines', () => {
  const perLine = vectors.vat.per_line_vs_total;

  it('makes the document VAT the sum of the rounded lines, not VAT on the total', () => {
    const lines = perLine.lines.map((text) => {
      const m = /^([\d.]+) x(\d+)$/.exec(text);
      if (!m) throw new Error(`bad fixture line ${text}`);
      return { quantityMilli: Number(m[2]) * 1000, priceKopecks: rub(m[1]), rate: rate(perLine.rate) };
    });
    const result = computeLines(lines, { mode: perLine.mode });
    expect(result.totals.vat).toBe(rub(perLine.vat_sum_of_rounded_lines));
    const onTotal = vatForLine({ amount: result.totals.net, rate: rate(perLine.rate), mode: perLine.mode });
    expect(onTotal.vat).toBe(rub(perLine.vat_on_rounded_total));
  });
  it('multiplies fractional quantities and applies the discount with one half-up rounding', () => {
    const { lines } = computeLines(
      [{ quantityMilli: 1500, priceKopecks: 33333, discountPercent: 1000, rate: 22 }],
      { mode: 'on_top' },
    );
    // 1.5 × 333.33 = 499.995 → 500.00; minus 10 % = 449.9955 → 450.00
    expect(lines[0]).toMatchObject({ subtotalKopecks: 50000, amountKopecks: 45000, discountKopecks: 5000 });
    expect(lines[0]).toMatchObject({ net: 45000, vat: 9900, gross: 54900 });
  });
  it('groups totals by rate in the order of VAT_RATES', () => {
    const result = computeLines(
      [
        { quantityMilli: 1000, priceKopecks: 10000, rate: 'none' },
        { quantityMilli: 2000, priceKopecks: 11000, rate: 10 },
        { quantityMilli: 1000, priceKopecks: 12200, rate: 22 },
        { quantityMilli: 1000, priceKopecks: 12200, rate: 22 },
      ],
      { mode: 'included' },
    );
    expect(result.byRate).toEqual([
      { rate: 22, net: 20000, vat: 4400, gross: 24400 },
      { rate: 10, net: 20000, vat: 2000, gross: 22000 },
      { rate: 'none', net: 10000, vat: 0, gross: 10000 },
    ]);
    expect(result.totals).toEqual({ net: 50000, vat: 6400, gross: 56400 });
  });
  it('refuses a negative quantity and a discount above 100 %', () => {
    expect(() => computeLines([{ quantityMilli: -1, priceKopecks: 1, rate: 0 }], { mode: 'on_top' })).toThrow(
      /Строка 1: количество/,
    );
    expect(() =>
      computeLines([{ quantityMilli: 1, priceKopecks: 1, discountPercent: 10001, rate: 0 }], { mode: 'on_top' }),
    ).toThrow(/скидка/);
  });
  it('keeps gross = net + VAT on every line and in the totals', () => {
    const line = fc.record({
      quantityMilli: fc.integer({ min: 0, max: 10_000_000 }),
      priceKopecks: fc.integer({ min: 0, max: 100_000_000 }),
      discountPercent: fc.integer({ min: 0, max: 10_000 }),
      rate: fc.constantFrom(...VAT_RATES),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('on_top' as const, 'included' as const), (lines, mode) => {
        const result = computeLines(lines, { mode });
        for (const l of [...result.lines, result.totals, ...result.byRate]) expect(l.gross).toBe(l.net + l.vat);
        expect(result.totals.vat).toBe(result.lines.reduce((s, l) => s + l.vat, 0));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('VAT on top and VAT included invert each other', () => {
  it('recovers the net within a kopeck after adding VAT and taking it back out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom(...VAT_RATES), (net, r) => {
        const onTop = vatForLine({ amount: net, rate: r, mode: 'on_top' });
        expect(onTop.gross).toBe(onTop.net + onTop.vat);
        const back = vatForLine({ amount: onTop.gross, rate: r, mode: 'included' });
        expect(back.gross).toBe(back.net + back.vat);
        expect(Math.abs(back.net - net)).toBeLessThanOrEqual(1);
        expect(Math.abs(back.vat - onTop.vat)).toBeLessThanOrEqual(1);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('rates and labels', () => {
  it.each([
    ['2025-12-31', 20],
    ['2026-01-01', 22],
    ['2026-11-26', 22],
  ])('uses the general rate in force on %s: %i %', (date, expected) => {
    expect(defaultVatRateFor(date)).toBe(expected);
  });
  it('refuses a date it cannot read', () => {
    expect(() => defaultVatRateFor('31.12.2025')).toThrow(RangeError);
  });
  it('labels rates as printed on documents', () => {
    expect(vatRateLabel(22)).toBe('22%');
    expect(vatRateLabel(0)).toBe('0%');
    expect(vatRateLabel('none')).toBe('Без налога (НДС)');
    expect(vatCalculatedRateLabel(22)).toBe('22/122');
    expect(vatCalculatedRateLabel(10)).toBe('10/110');
  });
  it('knows which values are rates', () => {
    expect(isVatRate(7)).toBe(true);
    expect(isVatRate(18)).toBe(false);
    expect(isVatRate('22')).toBe(false);
  });
});
