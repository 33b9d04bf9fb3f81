import { describe, expect, it } from 'vitest';
import { addMonths, addMonthsToDate, isoWeek, monthsOfYear, periodDays, previousPeriod, samePeriodLastYear, visitStatus, weekStart } from '../../src/core';

describe('plan periods', () => {
  it('steps months across years and finds the previous and last year’s period', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026')).toBe('2025');
    expect(samePeriodLastYear('2026-11')).toBe('2025-11');
    expect(samePeriodLastYear('2026')).toBe('2025');
    expect(() => previousPeriod('2026-13')).toThrow(/ГГГГ-ММ/);
  });

  it('lists a year’s months and a period’s first and last day', () => {
    expect(monthsOfYear('2026')).toHaveLength(12);
    expect(monthsOfYear('2026')[11]).toBe('2026-12');
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('names ISO weeks, including the ones that belong to the neighbouring year', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(weekStart('2026-11-26')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
  });

  it('puts a periodic visit due on the same day months later, or on a shorter month’s last day', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-11-25', 3)).toBe('2027-02-25');
    expect(addMonthsToDate('2026-03-15', 12)).toBe('2027-03-15');
    expect(visitStatus('2026-11-25', '2026-11-26', '2026-12-26')).toBe('overdue');
    expect(visitStatus('2026-11-26', '2026-11-26', '2026-12-26')).toBe('due');
    expect(visitStatus('2026-12-26', '2026-11-26', '2026-12-26')).toBe('due');
    expect(visitStatus('2026-12-27', '2026-11-26', '2026-12-26')).toBe('later');
  });
});
