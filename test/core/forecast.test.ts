import { describe, expect, it } from 'vitest';
import { diffSnapshots, weightedForecast, type SnapshotDeal } from '../../src/core';

const deal = (over: Partial<SnapshotDeal> & Pick<SnapshotDeal, 'id'>): SnapshotDeal => ({
  name: `Сделка ${over.id}`,
  managerId: 1,
  amountKopecks: 100_000,
  probabilityPercent: 50,
  expectedMonth: '2026-12',
  status: 'open',
  ...over,
});

describe('weightedForecast', () => {
  it('sums half-up weighted amounts per month and manager, sorted', () => {
    const result = weightedForecast([
      deal({ id: 1, amountKopecks: 333, probabilityPercent: 50 }),
      deal({ id: 2, amountKopecks: 333, probabilityPercent: 50 }),
      deal({ id: 3, managerId: 2, amountKopecks: 1_000_000, probabilityPercent: 10 }),
      deal({ id: 4, expectedMonth: '2026-11', amountKopecks: 200, probabilityPercent: 100 }),
      deal({ id: 5, status: 'won', amountKopecks: 999_999 }),
      deal({ id: 6, status: 'lost', amountKopecks: 999_999 }),
    ]);
    expect(result.cells).toEqual([
      { month: '2026-11', managerId: 1, weightedKopecks: 200, amountKopecks: 200, dealCount: 1 },
      { month: '2026-12', managerId: 1, weightedKopecks: 334, amountKopecks: 666, dealCount: 2 },
      { month: '2026-12', managerId: 2, weightedKopecks: 100_000, amountKopecks: 1_000_000, dealCount: 1 },
    ]);
    expect(result.months).toEqual([
      { month: '2026-11', weightedKopecks: 200, amountKopecks: 200, dealCount: 1 },
      { month: '2026-12', weightedKopecks: 100_334, amountKopecks: 1_000_666, dealCount: 3 },
    ]);
    expect(result.total).toEqual({ weightedKopecks: 100_534, amountKopecks: 1_000_866, dealCount: 4 });
  });
  it('refuses a bad probability or month, naming the deal', () => {
    expect(() => weightedForecast([deal({ id: 1, probabilityPercent: 101 })])).toThrow('Сделка «Сделка 1»');
    expect(() => weightedForecast([deal({ id: 1, expectedMonth: '2026-13' })])).toThrow(/ГГГГ-ММ/);
  });
});

describe('diffSnapshots', () => {
  it('lists every kind of change between two snapshots', () => {
    const prev = [
      deal({ id: 1 }),
      deal({ id: 2 }),
      deal({ id: 3 }),
      deal({ id: 4 }),
      deal({ id: 5, status: 'lost' }),
      deal({ id: 'gone' }),
    ];
    const next = [
      deal({ id: 1, expectedMonth: '2027-01', probabilityPercent: 70 }),
      deal({ id: 2, amountKopecks: 90_000, managerId: 2 }),
      deal({ id: 3, status: 'won' }),
      deal({ id: 4, status: 'lost' }),
      deal({ id: 5, status: 'open' }),
      deal({ id: 'new' }),
    ];
    const diff = diffSnapshots(prev, next);
    expect(diff.appeared.map((d) => d.id)).toEqual(['new']);
    expect(diff.disappeared.map((d) => d.id)).toEqual(['gone']);
    expect(diff.moved).toEqual([{ id: 1, name: 'Сделка 1', managerId: 1, from: '2026-12', to: '2027-01' }]);
    expect(diff.probabilityChanged).toEqual([{ id: 1, name: 'Сделка 1', managerId: 1, from: 50, to: 70 }]);
    expect(diff.amountChanged).toEqual([{ id: 2, name: 'Сделка 2', managerId: 2, from: 100_000, to: 90_000 }]);
    expect(diff.managerChanged).toEqual([{ id: 2, name: 'Сделка 2', managerId: 2, from: 1, to: 2 }]);
    expect(diff.won.map((d) => d.id)).toEqual([3]);
    expect(diff.lost.map((d) => d.id)).toEqual([4]);
    expect(diff.reopened.map((d) => d.id)).toEqual([5]);
  });
  it('does not confuse the number id 1 with the string id "1"', () => {
    const diff = diffSnapshots([deal({ id: 1 })], [deal({ id: '1' })]);
    expect(diff.appeared).toHaveLength(1);
    expect(diff.disappeared).toHaveLength(1);
  });
  it('finds nothing between a snapshot and itself', () => {
    const snapshot = [deal({ id: 1 }), deal({ id: 2, status: 'won' })];
    const diff = diffSnapshots(snapshot, snapshot);
    expect(Object.values(diff).every((list) => list.length === 0)).toBe(true);
  });
});
