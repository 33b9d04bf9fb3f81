// Week-over-week view of the forecast: what changed between two pipeline snapshots, per deal,
// per manager and per month, in weighted money (amount × probability).
import { diffSnapshots, weightedAmount, type EntityId, type SnapshotDeal } from './forecast';
import { toSafeNumber, type Kopecks } from './money';

/** How a deal changed between two snapshots. */
export const FORECAST_CHANGE_KINDS = ['appeared', 'moved', 'probability', 'amount', 'manager', 'won', 'lost', 'reopened', 'disappeared'] as const;

/** One kind of change. */
export type ForecastChangeKind = (typeof FORECAST_CHANGE_KINDS)[number];

/** One change of one deal; a deal that changed in several ways gives several rows. */
export type ForecastChange = {
  kind: ForecastChangeKind;
  id: EntityId;
  name: string;
  managerId: EntityId;
  /** The old and new value: a month, a probability, an amount, a manager id; null where there is none. */
  from: string | number | null;
  to: string | number | null;
  /** What the deal adds to the weighted forecast now minus what it added before (0 for closed deals). */
  weightedDeltaKopecks: Kopecks;
};

/** Before and after, in weighted kopecks. */
export type BeforeAfter = { beforeKopecks: Kopecks; afterKopecks: Kopecks };

/** A manager's part of the comparison: weighted before and after in the window, and how many changes of each kind. */
export type ManagerWeek = BeforeAfter & { managerId: EntityId; changes: Record<ForecastChangeKind, number> };

/** The comparison of two snapshots over a window of months. */
export type WeekComparison = {
  months: (BeforeAfter & { month: string })[];
  managers: ManagerWeek[];
  total: BeforeAfter;
  changes: ForecastChange[];
};

function idKey(id: EntityId): string {
  return `${typeof id}:${String(id)}`;
}

/** What an open deal adds to the forecast; closed deals add nothing. */
export function openWeight(deal: SnapshotDeal | undefined): Kopecks {
  return deal && deal.status === 'open' ? weightedAmount(deal) : 0;
}

/**
 * Every change between two snapshots as rows. A deal won or lost in between is reported as that
 * alone (its probability going to 100 or 0 is part of closing it); a deal that was already closed
 * in the earlier snapshot and is missing from the later one is not a change (closed deals leave the pipeline).
 */
export function forecastChanges(prev: readonly SnapshotDeal[], next: readonly SnapshotDeal[]): ForecastChange[] {
  const diff = diffSnapshots(prev, next);
  const before = new Map(prev.map((d) => [idKey(d.id), d]));
  const after = new Map(next.map((d) => [idKey(d.id), d]));
  const delta = (id: EntityId) => openWeight(after.get(idKey(id))) - openWeight(before.get(idKey(id)));
  const closed = (id: EntityId) => before.get(idKey(id))?.status === 'open' && after.get(idKey(id))?.status !== 'open';
  const open = <T extends { id: EntityId }>(list: T[]) => list.filter((c) => !closed(c.id));
  const row = (kind: ForecastChangeKind, d: { id: EntityId; name: string; managerId: EntityId }, from: string | number | null, to: string | number | null): ForecastChange => ({
    kind, id: d.id, name: d.name, managerId: d.managerId, from, to, weightedDeltaKopecks: delta(d.id),
  });
  return [
    ...diff.appeared.map((d) => row('appeared', d, null, d.status === 'open' ? d.expectedMonth : d.status)),
    ...open(diff.moved).map((c) => row('moved', c, c.from, c.to)),
    ...open(diff.probabilityChanged).map((c) => row('probability', c, c.from, c.to)),
    ...open(diff.amountChanged).map((c) => row('amount', c, c.from, c.to)),
    ...diff.managerChanged.map((c) => row('manager', c, c.from, c.to)),
    ...diff.won.map((d) => row('won', d, 'open', 'won')),
    ...diff.lost.map((d) => row('lost', d, 'open', 'lost')),
    ...diff.reopened.map((d) => row('reopened', d, before.get(idKey(d.id))?.status ?? null, 'open')),
    ...diff.disappeared.filter((d) => d.status === 'open').map((d) => row('disappeared', d, d.expectedMonth, null)),
  ];
}

function emptyCounts(): Record<ForecastChangeKind, number> {
  return { appeared: 0, moved: 0, probability: 0, amount: 0, manager: 0, won: 0, lost: 0, reopened: 0, disappeared: 0 };
}

function add(a: Kopecks, b: Kopecks): Kopecks {
  const sum = a + b;
  return Number.isSafeInteger(sum) ? sum : toSafeNumber(BigInt(a) + BigInt(b));
}

/**
 * Compares two snapshots over the given months: the weighted forecast of each month and each
 * manager before and after (open deals whose expected month is in the window), and the changes.
 * A deal handed to another manager counts for the old one before and for the new one after.
 */
export function compareWeeks(prev: readonly SnapshotDeal[], next: readonly SnapshotDeal[], months: readonly string[]): WeekComparison {
  const window = new Set(months);
  const monthRows = new Map(months.map((m) => [m, { month: m, beforeKopecks: 0, afterKopecks: 0 }]));
  const managers = new Map<string, ManagerWeek>();
  const manager = (id: EntityId): ManagerWeek => {
    const key = idKey(id);
    const found = managers.get(key);
    if (found) return found;
    const created: ManagerWeek = { managerId: id, beforeKopecks: 0, afterKopecks: 0, changes: emptyCounts() };
    managers.set(key, created);
    return created;
  };
  const total: BeforeAfter = { beforeKopecks: 0, afterKopecks: 0 };
  const count = (deals: readonly SnapshotDeal[], side: keyof BeforeAfter) => {
    for (const d of deals) {
      if (d.status !== 'open' || !window.has(d.expectedMonth)) continue;
      const w = weightedAmount(d);
      const m = monthRows.get(d.expectedMonth);
      if (m) m[side] = add(m[side], w);
      const person = manager(d.managerId);
      person[side] = add(person[side], w);
      total[side] = add(total[side], w);
    }
  };
  count(prev, 'beforeKopecks');
  count(next, 'afterKopecks');
  const changes = forecastChanges(prev, next);
  for (const c of changes) manager(c.managerId).changes[c.kind]++;
  const compare = (a: ManagerWeek, b: ManagerWeek) => {
    const x = a.managerId;
    const y = b.managerId;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  };
  return { months: [...monthRows.values()], managers: [...managers.values()].sort(compare), total, changes };
}
