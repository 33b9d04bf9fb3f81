import { addCounts, bucketOf, bucketsBetween, conversions, WORK_METRICS, zeroCounts, type WorkCounts, type WorkMetric } from '../../core/index';
import type { WorkStatsResult, WorkStatsRow } from '../../shared/api/sales-stats';
import type { CallContext } from '../context';
import { WORK_STATS_SOURCES } from './stats-sources';

/** What the statistics are asked for. */
export interface StatsQuery {
  from: string;
  to: string;
  granularity: 'day' | 'week' | 'month';
  /** Narrow to one manager (a manager's own statistics, or a head's filter). */
  managerId?: number;
  /** A manager sees their own rows but the department's totals. */
  rowsOnlyFor?: number;
}

function row(managerId: number | null, name: string, counts: WorkCounts): WorkStatsRow {
  return { managerId, name, counts, conversions: conversions(counts) };
}

/** Builds the statistics from the per-day counters and the connected sources of the other areas. */
export async function buildWorkStats(ctx: CallContext, q: StatsQuery): Promise<WorkStatsResult> {
  const connected = Object.fromEntries(WORK_METRICS.map((m) => [m, !['contracts', 'invoices', 'payments'].includes(m)])) as Record<WorkMetric, boolean>;
  for (const s of WORK_STATS_SOURCES) connected[s.metric] = true;
  const zero = zeroCounts(connected);
  const range = { from: q.from, to: q.to, managerId: q.managerId };
  const [days, top, people, external] = await Promise.all([
    ctx.store.sales.stats.daily(range),
    ctx.store.sales.stats.topObjections(range),
    ctx.store.sales.lists.people(),
    Promise.all(WORK_STATS_SOURCES.map(async (s) => ({ metric: s.metric, rows: await s.daily(ctx, range) }))),
  ]);

  const perManager = new Map<number, WorkCounts>();
  const perBucket = new Map<string, Map<number, WorkCounts>>();
  const add = (managerId: number, day: string, counts: Partial<Record<WorkMetric, number>>) => {
    const c = { ...zero, ...counts };
    perManager.set(managerId, addCounts(perManager.get(managerId) ?? zero, c));
    const bucket = bucketOf(day, q.granularity);
    const b = perBucket.get(bucket) ?? new Map<number, WorkCounts>();
    b.set(managerId, addCounts(b.get(managerId) ?? zero, c));
    perBucket.set(bucket, b);
  };
  for (const d of days) {
    const { managerId, day, ...counts } = d;
    add(managerId, day, counts);
  }
  for (const e of external) for (const r of e.rows) add(r.managerId, r.day, { [e.metric]: r.count });

  // Everyone who sells gets a row (zeros included); people who left but have counts keep theirs.
  const ids = new Set<number>(people.filter((p) => p.role === 'manager' || perManager.has(p.id)).map((p) => p.id));
  for (const id of perManager.keys()) ids.add(id);
  if (q.managerId !== undefined) for (const id of [...ids]) if (id !== q.managerId) ids.delete(id);
  const names = await ctx.store.sales.stats.names([...ids]);
  const all = [...ids].map((id) => row(id, names.get(id) ?? `Сотрудник №${id}`, perManager.get(id) ?? zero)).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const department = row(null, 'Отдел', all.reduce((s, r) => addCounts(s, r.counts), zero));
  const visible = q.rowsOnlyFor === undefined ? all : all.filter((r) => r.managerId === q.rowsOnlyFor);
  const visibleIds = new Set(visible.map((r) => String(r.managerId)));

  const series = bucketsBetween(q.from, q.to, q.granularity).map((bucket) => {
    const byManager: Record<string, WorkCounts> = {};
    const b = perBucket.get(bucket);
    for (const r of visible) byManager[String(r.managerId)] = b?.get(r.managerId ?? -1) ?? zero;
    return { bucket, byManager: Object.fromEntries(Object.entries(byManager).filter(([k]) => visibleIds.has(k))) };
  });
  return { from: q.from, to: q.to, granularity: q.granularity, rows: visible, department, series, topObjections: top, connected };
}
