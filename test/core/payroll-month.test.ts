import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMonthPay, findShiftHoles, rateBandLabel, SCHEME_A_EXAMPLE, SCHEME_B_EXAMPLE, splitCommission } from '../../src/core';
import { rub, vectors } from './reference';

const MONTH_A = { planKopecks: 150_000_000, factKopecks: 138_000_000, deptPlanKopecks: 600_000_000, deptFactKopecks: 570_000_000 };

describe('a month of pay with held commissions', () => {
  it.each(vectors.payroll.scheme_A)('reproduces Scheme A for fact $fact of plan $plan when nothing is held', (v) => {
    const pay = computeMonthPay(SCHEME_A_EXAMPLE, {
      planKopecks: rub(String(v.plan)),
      factKopecks: rub(String(v.fact)),
      deptPlanKopecks: rub(String(v.dept_plan)),
      deptFactKopecks: rub(String(v.dept_fact)),
      payments: [{ paymentId: 1, baseKopecks: rub(String(v.fact)), held: false }],
      releasedKopecks: 0,
    });
    expect(pay.commissionKopecks).toBe(rub(v.bonus));
    expect(pay.accruedKopecks).toBe(rub(v.accrued));
    expect(pay.ndflKopecks).toBe(rub(v.ndfl13));
    expect(pay.netKopecks).toBe(rub(v.net));
  });

  it.each(vectors.payroll.scheme_B)('reproduces Scheme B for margin $fact_margin of plan $plan_margin', (v) => {
    const pay = computeMonthPay(SCHEME_B_EXAMPLE, {
      planKopecks: rub(String(v.plan_margin)),
      factKopecks: rub(String(v.fact_margin)),
      deptPlanKopecks: rub(String(v.dept_plan)),
      deptFactKopecks: rub(String(v.dept_fact)),
      payments: [],
      releasedKopecks: 0,
    });
    expect(pay.commissionKopecks).toBe(rub(v.commission));
    expect(pay.bonusKopecks).toBe(rub(v.team_bonus));
    expect(pay.accruedKopecks).toBe(rub(v.accrued));
    expect(pay.ndflKopecks).toBe(rub(v.ndfl13));
    expect(pay.netKopecks).toBe(rub(v.net));
  });

  it('holds the commission of a payment whose acts are unsigned, keeping the band of the whole fact', () => {
    const pay = computeMonthPay(SCHEME_A_EXAMPLE, {
      ...MONTH_A,
      payments: [
        { paymentId: 1, baseKopecks: 118_000_000, held: false },
        { paymentId: 2, baseKopecks: 20_000_000, held: true },
      ],
      releasedKopecks: 0,
    });
    // 200 000 × 5 % × 0.9 = 9 000 held; the band stays 90–100 % (the fact counts all the money).
    expect(pay.scheme.rate).toBe(500);
    expect(pay.heldKopecks).toBe(900_000);
    expect(pay.heldByPayment).toEqual([{ paymentId: 2, commissionKopecks: 900_000 }]);
    expect(pay.accruedKopecks).toBe(10_210_000 - 900_000);
    expect(pay.ndflKopecks).toBe(1_210_300);
    expect(pay.explanation.map((l) => l.label)).toContain('Удержано до подписания актов');
  });

  it('adds released commission to the accrual and taxes it', () => {
    const pay = computeMonthPay(SCHEME_A_EXAMPLE, { ...MONTH_A, payments: [], releasedKopecks: 900_000 });
    expect(pay.accruedKopecks).toBe(10_210_000 + 900_000);
    expect(pay.ndflKopecks).toBe(1_444_300);
  });

  it('splits a commission so the parts add up exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 1e10 }), { minLength: 1, maxLength: 20 }), (c, bases) => {
        const parts = splitCommission(c, bases.map((b, i) => ({ paymentId: i, baseKopecks: b })));
        expect(parts.reduce((s, p) => s + p.commissionKopecks, 0)).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it('names the band on unrounded percentages', () => {
    expect(rateBandLabel(SCHEME_A_EXAMPLE, 104_999_999, 150_000_000)).toBe('ниже 70% плана');
    expect(rateBandLabel(SCHEME_A_EXAMPLE, 105_000_000, 150_000_000)).toBe('от 70% до 90% плана');
    expect(rateBandLabel(SCHEME_A_EXAMPLE, 180_000_000, 150_000_000)).toBe('от 120% плана и выше');
    expect(rateBandLabel(SCHEME_B_EXAMPLE, 19_999_900, 40_000_000)).toBe('ниже 50% плана — премия не начисляется');
  });
});

describe('holes in a scheme', () => {
  it('finds that moving payments into a weak month pays more under Scheme A', () => {
    const months = [
      { month: '2026-09', planKopecks: 150_000_000, factKopecks: 120_000_000, deptPlanKopecks: 600_000_000, deptFactKopecks: 600_000_000 },
      { month: '2026-10', planKopecks: 150_000_000, factKopecks: 90_000_000, deptPlanKopecks: 600_000_000, deptFactKopecks: 600_000_000 },
    ];
    const holes = findShiftHoles(SCHEME_A_EXAMPLE, months);
    const hole = holes.find((h) => h.fromMonth === '2026-09');
    expect(hole).toBeDefined();
    // 900 000 moved: September 300 000 (2 %, K 0.9) and October 1 800 000 (7 %, K 1.1) pay 144 000 in bonuses
    // instead of 48 000 + 18 000 for the same money.
    expect(hole?.shiftKopecks).toBe(90_000_000);
    expect(hole?.gainKopecks).toBe(7_800_000);
  });

  it('finds nothing in a flat rate without department bands', () => {
    const flat = { ...SCHEME_A_EXAMPLE, rateBands: [{ fromBasisPoints: 0, rateBasisPoints: 500 }], deptMultiplierBands: [] };
    const m = { planKopecks: 150_000_000, deptPlanKopecks: 600_000_000, deptFactKopecks: 590_000_000 };
    expect(findShiftHoles(flat, [{ month: '2026-09', ...m, factKopecks: 160_000_000 }, { month: '2026-10', ...m, factKopecks: 40_000_000 }])).toEqual([]);
  });
});
