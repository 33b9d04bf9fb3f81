import { bucketOf, bucketsBetween, conversions, WORK_METRICS, type StatsGranularity, type WorkCounts, type WorkMetric } from '../../core/index';
import type { WorkStatsResult, WorkStatsRow } from '../../shared/api/sales-stats';
import type { CallContext } from '../context';
import { WORK_STATS_SOURCES } from './stats-sources';

/** What the statistics are asked for. */
export interface StatsQuery {
  from: string;
  to: string;
  granularity: StatsGranularity;
  /** Narrow to one manager (a manager's own statistics, or a head's filter). */
  managerId?: number;
  /** A manager sees their own rows but the department's totals. */
  rowsOnlyFor?: number;
}

const ACTIVITY_METRICS = ['calls', 'keyPersons', 'contacts', 'interested', 'meetingsSet', 'meetingsHeld', 'proposals'] as const;
const INDEX = new Map<WorkMetric, number>(WORK_METRICS.map((m, i) => [m, i]));

// Counters are summed as plain number arrays (a year of 20 managers is thousands of rows) and become
// records with «—» (null) for unconnected sources only at the end.
type Vec = number[];
const zeroVec = (): Vec => WORK_METRICS.map(() => 0);

function addInto(target: Vec, source: Vec): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}

function toCounts(v: Vec | undefined, connected: Record<WorkMetric, boolean>): WorkCounts {
  const out = {} as WorkCounts;
  WORK_METRICS.forEach((m, i) => (out[m] = connected[m] ? (v?.[i] ?? 0) : null));
  return out;
}

function row(managerId: number | null, name: string, counts: WorkCounts): WorkStatsRow {
  return { managerId, name, counts, conversions: conversions(counts) };
}

/** Builds the statistics from the per-day counters and the connected sources of the other areas. */
export async function buildWorkStats(ctx: CallContext, q: StatsQuery): Promise<WorkStatsResult> {
  const connected = Object.fromEntries(WORK_METRICS.map((m) => [m, (ACTIVITY_METRICS as readonly string[]).includes(m)])) as Record<WorkMetric, boolean>;
  for (const s of WORK_STATS_SOURCES) connected[s.metric] = true;
  const range = { from: q.from, to: q.to, managerId: q.managerId };
  const [days, top, people, external] = await Promise.all([
    ctx.store.sales.stats.daily(range),
    ctx.store.sales.stats.topObjections(range),
    ctx.store.sales.lists.people(),
    Promise.all(WORK_STATS_SOURCES.map(async (s) => ({ metric: s.metric, rows: await s.daily(ctx, range) }))),
  ]);

  const perManager = new Map<number, Vec>();
  const perBucket = new Map<string, Map<number, Vec>>();
  const buckets = new Map<string, string>();
  const add = (managerId: number, day: string, v: Vec) => {
    let m = perManager.get(managerId);
    if (!m) perManager.set(managerId, (m = zeroVec()));
    addInto(m, v);
    let bucket = buckets.get(day);
    if (bucket === undefined) buckets.set(day, (bucket = bucketOf(day, q.granularity)));
    let b = perBucket.get(bucket);
    if (!b) perBucket.set(bucket, (b = new Map()));
    let c = b.get(managerId);
    if (!c) b.set(managerId, (c = zeroVec()));
    addInto(c, v);
  };
  for (const d of days) {
    const v = zeroVec();
    for (const m of ACTIVITY_METRICS) v[INDEX.get(m) ?? 0] = d[m];
    add(d.managerId, d.day, v);
  }
  for (const e of external) {
    const i = INDEX.get(e.metric) ?? 0;
    for (const r of e.rows) {
      const v = zeroVec();
      v[i] = r.count;
      add(r.managerId, r.day, v);
    }
  }

  // Everyone who sells gets a row (zeros included); people who left but have counts keep theirs.
  const ids = new Set<number>(people.filter((p) => p.role === 'manager').map((p) => p.id));
  for (const id of perManager.keys()) ids.add(id);
  if (q.managerId !== undefined) for (const id of [...ids]) if (id !== q.managerId) ids.delete(id);
  const names = await ctx.store.sales.stats.names([...ids]);
  const all = [...ids]
    .map((id) => row(id, names.get(id) ?? `Сотрудник №${id}`, toCounts(perManager.get(id), connected)))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const total = zeroVec();
  for (const id of ids) {
    const v = perManager.get(id);
    if (v) addInto(total, v);
  }
  const department = row(null, 'Отдел', toCounts(total, connected));
  const visible = q.rowsOnlyFor === undefined ? all : all.filter((r) => r.managerId === q.rowsOnlyFor);

  const series = bucketsBetween(q.from, q.to, q.granularity).map((bucket) => {
    const b = perBucket.get(bucket);
    const byManager: Record<string, WorkCounts> = {};
    for (const r of visible) if (r.managerId !== null) byManager[String(r.managerId)] = toCounts(b?.get(r.managerId), connected);
    return { bucket, byManager };
  });
  return { from: q.from, to: q.to, granularity: q.granularity, rows: visible, department, series, topObjections: top, connected };
}
