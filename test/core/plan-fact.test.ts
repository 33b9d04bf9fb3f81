import { describe, expect, it } from 'vitest';
import { completionPercent, growthPercent, paceLine, returnPerRouble, RU_HOLIDAYS_2026_2027 } from '../../src/core';

describe('plan against fact', () => {
  it('compares fact with plan and last year unrounded, to two decimals half-up', () => {
    expect(completionPercent(1_049_999, 1_500_000)).toBe('70.00');
    expect(completionPercent(138_000_000, 150_000_000)).toBe('92.00');
    expect(completionPercent(2, 3)).toBe('66.67');
    expect(completionPercent(100, null)).toBeNull();
    expect(completionPercent(100, 0)).toBeNull();
    expect(growthPercent(125, 100)).toBe('+25.00');
    expect(growthPercent(97, 100)).toBe('-3.00');
    expect(growthPercent(100, 100)).toBe('+0.00');
    expect(growthPercent(100, 0)).toBeNull();
    expect(returnPerRouble(40_000_000, 5_000_000)).toBe('8.00');
    expect(returnPerRouble(1, 3)).toBe('0.33');
    expect(returnPerRouble(100, null)).toBeNull();
  });

  it('draws the month day by day: the linear plan grows on working days only, the fact stops at today', () => {
    const days = paceLine({
      month: '2026-11',
      planKopecks: 2_000_000,
      todayIso: '2026-11-05',
      factByDay: new Map([[2, 100_000], [5, 50_000], [20, 999]]),
      lastYearByDay: new Map([[3, 70_000]]),
      holidays: new Set(RU_HOLIDAYS_2026_2027),
    });
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: '2026-11-01', linearPlanKopecks: 0, factKopecks: 0, lastYearKopecks: 0 });
    expect(days[1]).toEqual({ day: '2026-11-02', linearPlanKopecks: 100_000, factKopecks: 100_000, lastYearKopecks: 0 });
    // 4 November is a holiday: the line stays flat.
    expect(days[3]).toEqual({ day: '2026-11-04', linearPlanKopecks: 200_000, factKopecks: 100_000, lastYearKopecks: 70_000 });
    expect(days[4]).toEqual({ day: '2026-11-05', linearPlanKopecks: 300_000, factKopecks: 150_000, lastYearKopecks: 70_000 });
    expect(days[5].factKopecks).toBeNull();
    expect(days[29]).toEqual({ day: '2026-11-30', linearPlanKopecks: 2_000_000, factKopecks: null, lastYearKopecks: 70_000 });
  });
});
