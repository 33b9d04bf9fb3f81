import { describe, expect, it } from 'vitest';
import { compareWeeks, forecastChanges, weightedAmount, type SnapshotDeal } from '../../src/core';

const deal = (over: Partial<SnapshotDeal> & Pick<SnapshotDeal, 'id'>): SnapshotDeal => ({
  name: `Сделка ${over.id}`, managerId: 1, amountKopecks: 100_000, probabilityPercent: 50, expectedMonth: '2026-12', status: 'open', ...over,
});

describe('week-over-week forecast', () => {
  const prev = [
    deal({ id: 1 }),
    deal({ id: 2, probabilityPercent: 20, expectedMonth: '2027-01' }),
    deal({ id: 3, managerId: 2 }),
    deal({ id: 4, managerId: 2, probabilityPercent: 90 }),
    deal({ id: 5, status: 'won', probabilityPercent: 100 }),
    deal({ id: 6, amountKopecks: 333 }),
  ];
  const next = [
    deal({ id: 1, expectedMonth: '2027-01' }),
    deal({ id: 2, probabilityPercent: 60, expectedMonth: '2027-01', amountKopecks: 150_000 }),
    deal({ id: 3, managerId: 2, status: 'lost', probabilityPercent: 0 }),
    deal({ id: 4, managerId: 3, probabilityPercent: 90 }),
    deal({ id: 7, managerId: 2, probabilityPercent: 30 }),
  ];

  it('lists each change with what it adds to the weighted forecast, closing not counted twice', () => {
    const rows = forecastChanges(prev, next).map((c) => [c.kind, c.id, c.from, c.to, c.weightedDeltaKopecks]);
    expect(rows).toEqual([
      ['appeared', 7, null, '2026-12', 30_000],
      ['moved', 1, '2026-12', '2027-01', 0],
      ['probability', 2, 20, 60, 70_000],
      ['amount', 2, 100_000, 150_000, 70_000],
      ['manager', 4, 2, 3, 0],
      ['lost', 3, 'open', 'lost', -50_000],
      // Deal 6 (open) vanished; deal 5 was already won and simply left the pipeline.
      ['disappeared', 6, '2026-12', null, -167],
    ]);
  });

  it('rolls the forecast up by month and manager, a handed-over deal counting for the old manager before and the new after', () => {
    const cmp = compareWeeks(prev, next, ['2026-12', '2027-01']);
    expect(cmp.months).toEqual([
      { month: '2026-12', beforeKopecks: 50_000 + 50_000 + 90_000 + 167, afterKopecks: 90_000 + 30_000 },
      { month: '2027-01', beforeKopecks: 20_000, afterKopecks: 50_000 + 90_000 },
    ]);
    expect(cmp.total).toEqual({ beforeKopecks: 210_167, afterKopecks: 260_000 });
    const byManager = Object.fromEntries(cmp.managers.map((m) => [m.managerId, [m.beforeKopecks, m.afterKopecks, m.changes.lost, m.changes.manager]]));
    expect(byManager).toEqual({ 1: [70_167, 140_000, 0, 0], 2: [140_000, 30_000, 1, 0], 3: [0, 90_000, 0, 1] });
  });
});

describe('weighted amounts', () => {
  it('rounds amount × probability half-up the same way on the fast path and above it', () => {
    const w = (amountKopecks: number, probabilityPercent: number) => weightedAmount({ id: 1, name: 'x', managerId: 1, amountKopecks, probabilityPercent, expectedMonth: '2026-12' });
    expect(w(333, 50)).toBe(167);
    expect(w(149, 1)).toBe(1);
    expect(w(150, 1)).toBe(2);
    expect(w(-150, 1)).toBe(-2);
    // Above 2^46 the exact big-integer path gives the same rule.
    expect(w(900_719_925_474_099, 33)).toBe(297_237_575_406_453);
    for (let a = 0; a < 20_000; a += 7) for (const p of [1, 5, 33, 50, 99]) expect(w(a, p)).toBe(Math.floor((a * p + 50) / 100));
  });
});
