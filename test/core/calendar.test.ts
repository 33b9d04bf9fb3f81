import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  RU_HOLIDAYS_2026_2027,
  RU_WORKING_WEEKENDS,
  workingDaysBetween,
  workingDaysInMonth,
} from '../../src/core';

const holidays = new Set(RU_HOLIDAYS_2026_2027);

describe('the 2026 production calendar', () => {
  it('has the working days per month of the published calendar (247 in the year)', () => {
    const months = Array.from({ length: 12 }, (_, i) => workingDaysInMonth(`2026-${String(i + 1).padStart(2, '0')}`, holidays));
    expect(months).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(247);
  });
  it('rests from 1 to 11 January and works on the 12th', () => {
    for (let d = 1; d <= 11; d++) expect(isWorkingDay(`2026-01-${String(d).padStart(2, '0')}`, holidays)).toBe(false);
    expect(isWorkingDay('2026-01-12', holidays)).toBe(true);
  });
  it('keeps the transferred days off: 9 March, 11 May and 31 December', () => {
    for (const day of ['2026-03-09', '2026-05-11', '2026-12-31']) expect(isWorkingDay(day, holidays)).toBe(false);
  });
  it('lists only valid ISO dates, no duplicates, and no working weekends for 2026', () => {
    expect(new Set(RU_HOLIDAYS_2026_2027).size).toBe(RU_HOLIDAYS_2026_2027.length);
    for (const d of RU_HOLIDAYS_2026_2027) expect(d).toMatch(/^202[67]-\d\d-\d\d$/);
    expect(RU_WORKING_WEEKENDS.filter((d) => d.startsWith('2026'))).toEqual([]);
  });
});

describe('working-day arithmetic', () => {
  it('treats weekends as days off unless listed as working', () => {
    expect(isWorkingDay('2026-11-28', new Set())).toBe(false);
    expect(isWorkingDay('2026-11-28', new Set(), new Set(['2026-11-28']))).toBe(true);
    expect(isWorkingDay('2026-11-27', new Set(['2026-11-27']))).toBe(false);
  });
  it('adds working days across weekends and holidays', () => {
    expect(addWorkingDays('2026-01-01', 1, holidays)).toBe('2026-01-12');
    expect(addWorkingDays('2026-11-26', 5, holidays)).toBe('2026-12-03');
    expect(addWorkingDays('2026-11-03', 1, holidays)).toBe('2026-11-05');
    expect(addWorkingDays('2026-11-28', 0, holidays)).toBe('2026-11-28');
    expect(addWorkingDays('2026-02-24', -1, holidays)).toBe('2026-02-20');
  });
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-11-26', '2026-12-03', holidays)).toBe(5);
    expect(workingDaysBetween('2026-12-03', '2026-11-26', holidays)).toBe(-5);
    expect(workingDaysBetween('2026-11-26', '2026-11-26', holidays)).toBe(0);
    for (const n of [1, 7, 30, 100]) {
      expect(workingDaysBetween('2026-01-01', addWorkingDays('2026-01-01', n, holidays), holidays)).toBe(n);
    }
  });
  it('refuses dates it cannot read and fractional day counts', () => {
    expect(() => isWorkingDay('26.11.2026', holidays)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-26', 1.5, holidays)).toThrow(RangeError);
    expect(() => workingDaysInMonth('2026-13', holidays)).toThrow(RangeError);
  });
});
