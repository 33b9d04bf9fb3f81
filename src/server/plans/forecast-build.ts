import { addMonths, compareWeeks, isoWeek, weightedAmount, weightedForecast, type SnapshotDeal } from '../../core/index';
import type { BigDealDto, ForecastDealDto, ForecastManagerDto, ForecastMonthDto, ForecastView, WeekDiffView } from '../../shared/api/forecast-types';
import type { PlanDto } from '../../shared/api/plan-types';
import type { OpenDeal } from '../../db/repos/forecast-repo';
import type { AppContext } from '../context';
import { localDay } from './local-day';

/** How many deals the forecast lists by name. */
export const BIG_DEALS = 10;

/** `n` months from `from` (default: the current month). */
export function monthWindow(ctx: AppContext, n: number, from?: string): string[] {
  const first = from ?? localDay(ctx.now()).slice(0, 7);
  return Array.from({ length: n }, (_, i) => addMonths(first, i));
}

/** The core's view of a deal (an open one from the index has no title or status). */
export function toSnapshotDeal(d: OpenDeal & Partial<Pick<ForecastDealDto, 'title' | 'status'>>): SnapshotDeal {
  return { id: d.id, name: d.title ?? `№${d.id}`, managerId: d.managerId, amountKopecks: d.amountKopecks, probabilityPercent: d.probability, expectedMonth: d.month, status: d.status ?? 'open' };
}

/** Plans of the window: personal ones by manager and month, and the department's (or one manager's) by month. */
async function windowPlans(ctx: AppContext, months: string[], managerId: number | undefined) {
  const plans = await ctx.store.plans.list({ measure: 'revenue_net', periods: months });
  const personal = (id: number, month: string) => plans.find((p) => p.scope === 'manager' && p.userId === id && p.period === month)?.amountKopecks ?? null;
  const top = (month: string): number | null =>
    managerId === undefined ? (plans.find((p: PlanDto) => p.scope === 'department' && p.period === month)?.amountKopecks ?? null) : personal(managerId, month);
  return { personal, top };
}

/** Open deals of the window by expected month × probability, per manager and in total, against plan, with the big deals by name. */
export async function buildForecast(ctx: AppContext, months: string[], managerId: number | undefined, bigDeals = BIG_DEALS): Promise<ForecastView> {
  const deals = await ctx.store.forecast.open(months[0], months[months.length - 1], managerId);
  const forecast = weightedForecast(deals.map(toSnapshotDeal));
  const plans = await windowPlans(ctx, months, managerId);
  const people = await ctx.store.forecast.names();
  const names = new Map(deals.map((d) => [d.managerId, people.get(d.managerId) ?? `№${d.managerId}`]));
  const cells = new Map(forecast.cells.map((c) => [`${String(c.managerId)}|${c.month}`, c]));
  const cell = (managerId: number, month: string) => cells.get(`${managerId}|${month}`);
  const managers: ForecastManagerDto[] = [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], 'ru'))
    .map(([id, name]) => {
      const row: ForecastMonthDto[] = months.map((month) => {
        const c = cell(id, month);
        return { month, weightedKopecks: c?.weightedKopecks ?? 0, amountKopecks: c?.amountKopecks ?? 0, dealCount: c?.dealCount ?? 0, planKopecks: plans.personal(id, month) };
      });
      return { managerId: id, managerName: name, months: row, weightedKopecks: row.reduce((s, m) => s + m.weightedKopecks, 0) };
    });
  const total = months.map((month) => {
    const m = forecast.months.find((x) => x.month === month);
    return { month, weightedKopecks: m?.weightedKopecks ?? 0, amountKopecks: m?.amountKopecks ?? 0, dealCount: m?.dealCount ?? 0, planKopecks: plans.top(month) };
  });
  const top = [...deals].sort((a, b) => b.amountKopecks - a.amountKopecks || a.id - b.id).slice(0, bigDeals);
  const named = new Map((await ctx.store.forecast.named(top.map((d) => d.id))).map((d) => [d.id, d]));
  const big: BigDealDto[] = top.flatMap((d) => {
    const deal = named.get(d.id);
    return deal ? [{ ...deal, weightedKopecks: weightedAmount(toSnapshotDeal(deal)) }] : [];
  });
  return { months, managers, total, bigDeals: big, lastSnapshot: await ctx.store.forecast.latest() };
}

/** The snapshot a week-over-week view starts from by default: the newest from a week before this one, else the newest. */
async function defaultFrom(ctx: AppContext) {
  const list = await ctx.store.forecast.list(10);
  const week = isoWeek(localDay(ctx.now()));
  return list.find((s) => s.week < week) ?? list[0] ?? null;
}

/**
 * Two pictures of the pipeline compared (a snapshot against a later one, or against now): per
 * month of the window against plan, per manager, and deal by deal. Null when there is no snapshot yet.
 */
export async function buildWeekDiff(ctx: AppContext, q: { fromId?: number; toId?: number; managerId?: number; months: number }): Promise<WeekDiffView | null> {
  const from = q.fromId === undefined ? await defaultFrom(ctx) : await ctx.store.forecast.get(q.fromId);
  if (!from) return null;
  const to = q.toId === undefined ? null : await ctx.store.forecast.get(q.toId);
  const prev = await ctx.store.forecast.rows(from.id, q.managerId);
  const next = to ? await ctx.store.forecast.rows(to.id, q.managerId) : await ctx.store.forecast.live(from.takenAt, q.managerId);
  const months = monthWindow(ctx, q.months);
  const cmp = compareWeeks(prev.map(toSnapshotDeal), next.map(toSnapshotDeal), months);
  const plans = await windowPlans(ctx, months, q.managerId);
  const byId = new Map([...prev, ...next].map((d) => [d.id, d]));
  const names = new Map([...prev, ...next].map((d) => [d.managerId, d.managerName]));
  const nameOf = (id: unknown) => (typeof id === 'number' ? (names.get(id) ?? `№${id}`) : '');
  return {
    from,
    to,
    months: cmp.months.map((m) => ({ ...m, planKopecks: plans.top(m.month) })),
    managers: cmp.managers.map((m) => ({ ...m, managerId: Number(m.managerId), managerName: nameOf(m.managerId) })),
    total: cmp.total,
    changes: cmp.changes.map((c) => {
      const deal = byId.get(Number(c.id));
      const manager = c.kind === 'manager';
      return {
        kind: c.kind,
        dealId: Number(c.id),
        title: c.name,
        clientName: deal?.clientName ?? '',
        managerId: Number(c.managerId),
        managerName: nameOf(c.managerId),
        from: manager ? nameOf(c.from) : c.from,
        to: manager ? nameOf(c.to) : c.to,
        weightedDeltaKopecks: c.weightedDeltaKopecks,
      };
    }),
  };
}
