import { describe, expect, it } from 'vitest';
import { monthPace, RU_HOLIDAYS_2026_2027 } from '../../src/core';

const holidays = new Set(RU_HOLIDAYS_2026_2027);

describe('monthPace', () => {
  it('compares the fact with the plan spread over working days', () => {
    // November 2026: 20 working days; 17 of them before Thursday the 26th.
    expect(monthPace({ planKopecks: 220_000_000, factKopecks: 150_000_000, todayIso: '2026-11-26', holidays })).toEqual({
      totalWorkingDays: 20,
      elapsedWorkingDays: 17,
      remainingWorkingDays: 3,
      linearPlanToDateKopecks: 187_000_000,
      pacePercent: '80.21',
      remainingKopecks: 70_000_000,
      neededPerDayKopecks: 23_333_333,
      projectedKopecks: 176_470_588,
    });
  });
  it('has no pace before the first working day of the month', () => {
    const pace = monthPace({ planKopecks: 100_000, factKopecks: 0, todayIso: '2026-01-05', holidays });
    expect(pace).toMatchObject({ elapsedWorkingDays: 0, remainingWorkingDays: 15, pacePercent: null, projectedKopecks: null });
    expect(pace.neededPerDayKopecks).toBe(6667);
  });
  it('needs nothing more per day once the plan is met, and has no days left after the last one', () => {
    const done = monthPace({ planKopecks: 100, factKopecks: 500, todayIso: '2026-11-30', holidays });
    expect(done).toMatchObject({ remainingWorkingDays: 1, remainingKopecks: 0, neededPerDayKopecks: 0 });
    const over = monthPace({ planKopecks: 100, factKopecks: 50, todayIso: '2026-05-31', holidays });
    expect(over).toMatchObject({ remainingWorkingDays: 0, neededPerDayKopecks: null, pacePercent: '50.00' });
  });
});
