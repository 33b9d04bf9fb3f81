// Weighted sales forecast by month and manager, and what changed between two pipeline snapshots.
import { assertSafeInteger, mulDivHalfUp, toSafeNumber, type Kopecks } from './money';

/** An id as stored: an integer or a ULID string. */
export type EntityId = string | number;

/** Where a deal stands. */
export type DealStatus = 'open' | 'won' | 'lost';

/** A deal as the forecast sees it; expectedMonth is 'YYYY-MM', probability a whole percent 0–100. */
export type ForecastDeal = {
  id: EntityId;
  name: string;
  managerId: EntityId;
  amountKopecks: Kopecks;
  probabilityPercent: number;
  expectedMonth: string;
  /** Missing means open. */
  status?: DealStatus;
};

/** Sums for one month, optionally narrowed to one manager. */
export type ForecastSums = { weightedKopecks: Kopecks; amountKopecks: Kopecks; dealCount: number };

/** One month × manager cell of the forecast. */
export type ForecastCell = ForecastSums & { month: string; managerId: EntityId };

/** The forecast: cells sorted by month then manager, month totals and the grand totals. */
export type WeightedForecast = {
  cells: ForecastCell[];
  months: (ForecastSums & { month: string })[];
  total: ForecastSums;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function idKey(id: EntityId): string {
  return `${typeof id}:${String(id)}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIds(a: EntityId, b: EntityId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** amount × probability / 100, half-up; throws a RangeError naming the deal if its data is invalid. */
export function weightedAmount(deal: ForecastDeal): Kopecks {
  assertSafeInteger(deal.amountKopecks, `Сделка «${deal.name}», сумма`);
  const p = deal.probabilityPercent;
  if (!Number.isSafeInteger(p) || p < 0 || p > 100) {
    throw new RangeError(`Сделка «${deal.name}»: вероятность — целое число от 0 до 100`);
  }
  const scaled = deal.amountKopecks * p + 50;
  // Fast path, exact: below 2^46 the float quotient is within far less than a hundredth of the true one.
  if (deal.amountKopecks >= 0 && scaled <= 2 ** 46) return Math.floor(scaled / 100);
  return mulDivHalfUp(deal.amountKopecks, p, 100);
}

/** a + b of safe integers, exact: a float sum of two safe integers is exact while it stays safe, and unsafe otherwise. */
function addSafe(a: Kopecks, b: Kopecks): Kopecks {
  const sum = a + b;
  return Number.isSafeInteger(sum) ? sum : toSafeNumber(BigInt(a) + BigInt(b));
}

function addTo(sums: ForecastSums, amount: Kopecks, weighted: Kopecks): ForecastSums {
  return {
    weightedKopecks: addSafe(sums.weightedKopecks, weighted),
    amountKopecks: addSafe(sums.amountKopecks, amount),
    dealCount: sums.dealCount + 1,
  };
}

/**
 * Weighted forecast of open deals (won and lost ones are fact, not forecast): each deal is
 * weighted and rounded half-up on its own, and the cells are sums of those, so a drill-down
 * list always adds up to its cell.
 */
export function weightedForecast(deals: readonly ForecastDeal[]): WeightedForecast {
  const zero: ForecastSums = { weightedKopecks: 0, amountKopecks: 0, dealCount: 0 };
  const cells = new Map<string, ForecastCell>();
  const months = new Map<string, ForecastSums & { month: string }>();
  let total = zero;
  for (const deal of deals) {
    if ((deal.status ?? 'open') !== 'open') continue;
    if (!MONTH.test(deal.expectedMonth)) {
      throw new RangeError(`Сделка «${deal.name}»: месяц закрытия должен быть в формате ГГГГ-ММ`);
    }
    const weighted = weightedAmount(deal);
    const key = `${deal.expectedMonth}|${idKey(deal.managerId)}`;
    const cell = cells.get(key) ?? { month: deal.expectedMonth, managerId: deal.managerId, ...zero };
    cells.set(key, { ...cell, ...addTo(cell, deal.amountKopecks, weighted) });
    const month = months.get(deal.expectedMonth) ?? { month: deal.expectedMonth, ...zero };
    months.set(deal.expectedMonth, { ...month, ...addTo(month, deal.amountKopecks, weighted) });
    total = addTo(total, deal.amountKopecks, weighted);
  }
  return {
    cells: [...cells.values()].sort((a, b) => compareText(a.month, b.month) || compareIds(a.managerId, b.managerId)),
    months: [...months.values()].sort((a, b) => compareText(a.month, b.month)),
    total,
  };
}

/** A deal in a pipeline snapshot; status is required here. */
export type SnapshotDeal = ForecastDeal & { status: DealStatus };

/** One field of one deal that changed between snapshots. */
export type DealChange<T> = { id: EntityId; name: string; managerId: EntityId; from: T; to: T };

/** What changed between two snapshots. The lists are independent: one deal may be in several. */
export type SnapshotDiff = {
  appeared: SnapshotDeal[];
  disappeared: SnapshotDeal[];
  moved: DealChange<string>[];
  probabilityChanged: DealChange<number>[];
  amountChanged: DealChange<Kopecks>[];
  managerChanged: DealChange<EntityId>[];
  won: SnapshotDeal[];
  lost: SnapshotDeal[];
  reopened: SnapshotDeal[];
};

/** Compares two snapshots of the pipeline by deal id (if an id repeats, its last entry counts). */
export function diffSnapshots(prev: readonly SnapshotDeal[], next: readonly SnapshotDeal[]): SnapshotDiff {
  const before = new Map(prev.map((d) => [idKey(d.id), d]));
  const after = new Map(next.map((d) => [idKey(d.id), d]));
  const diff: SnapshotDiff = {
    appeared: [], disappeared: [], moved: [], probabilityChanged: [], amountChanged: [],
    managerChanged: [], won: [], lost: [], reopened: [],
  };
  const change = <T>(d: SnapshotDeal, from: T, to: T): DealChange<T> => ({
    id: d.id, name: d.name, managerId: d.managerId, from, to,
  });
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) {
      diff.appeared.push(now);
      continue;
    }
    if (was.expectedMonth !== now.expectedMonth) diff.moved.push(change(now, was.expectedMonth, now.expectedMonth));
    if (was.probabilityPercent !== now.probabilityPercent) {
      diff.probabilityChanged.push(change(now, was.probabilityPercent, now.probabilityPercent));
    }
    if (was.amountKopecks !== now.amountKopecks) diff.amountChanged.push(change(now, was.amountKopecks, now.amountKopecks));
    if (idKey(was.managerId) !== idKey(now.managerId)) diff.managerChanged.push(change(now, was.managerId, now.managerId));
    if (was.status !== now.status) {
      if (now.status === 'won') diff.won.push(now);
      else if (now.status === 'lost') diff.lost.push(now);
      else diff.reopened.push(now);
    }
  }
  for (const [key, was] of before) if (!after.has(key)) diff.disappeared.push(was);
  return diff;
}
