import { describe, expect, it } from 'vitest';
import { addCounts, bucketOf, bucketsBetween, conversions, percentText, zeroCounts, WORK_METRICS, type WorkMetric } from '../../src/core';

const ALL = Object.fromEntries(WORK_METRICS.map((m) => [m, true])) as Record<WorkMetric, boolean>;
const NO_DOCS = { ...ALL, contracts: false, invoices: false, payments: false };

describe('work statistics', () => {
  it('writes shares as half-up percentages with one decimal', () => {
    expect(percentText(1, 3)).toBe('33,3\u00a0%');
    expect(percentText(2, 3)).toBe('66,7\u00a0%');
    expect(percentText(1, 8)).toBe('12,5\u00a0%');
    expect(percentText(1, 16)).toBe('6,3\u00a0%'); // 6.25 → 6.3, half-up
    expect(percentText(5, 5)).toBe('100\u00a0%');
    expect(percentText(0, 5)).toBe('0\u00a0%');
    expect(percentText(3, 0)).toBeNull();
    expect(percentText(null, 5)).toBeNull();
  });

  it('computes each funnel step and leaves the unconnected ones empty', () => {
    const c = { ...zeroCounts(NO_DOCS), calls: 40, keyPersons: 20, contacts: 15, meetingsSet: 5, meetingsHeld: 4, proposals: 2 };
    const conv = conversions(c);
    expect(conv[0]).toEqual({ from: 'calls', to: 'keyPersons', percent: '50\u00a0%' });
    expect(conv[2].percent).toBe('33,3\u00a0%');
    expect(conv[5]).toEqual({ from: 'proposals', to: 'contracts', percent: null });
  });

  it('adds counters and keeps an unknown source unknown', () => {
    const a = { ...zeroCounts(NO_DOCS), calls: 2 };
    const b = { ...zeroCounts(NO_DOCS), calls: 3, proposals: 1 };
    const sum = addCounts(a, b);
    expect(sum.calls).toBe(5);
    expect(sum.proposals).toBe(1);
    expect(sum.payments).toBeNull();
  });

  it('groups days into Monday weeks and months', () => {
    expect(bucketOf('2026-11-26', 'day')).toBe('2026-11-26');
    expect(bucketOf('2026-11-26', 'week')).toBe('2026-11-23'); // a Thursday → its Monday
    expect(bucketOf('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketOf('2026-11-29', 'week')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(bucketOf('2026-11-26', 'month')).toBe('2026-11-01');
    expect(bucketsBetween('2026-11-28', '2027-01-05', 'month')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(bucketsBetween('2026-11-26', '2026-12-08', 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketsBetween('2026-11-29', '2026-12-01', 'day')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });
});
