import { completionPercent, growthPercent, isMonthPeriod, monthPace, paceLine, samePeriodLastYear } from '../../core/index';
import type { PaceDto, PlanDto, PlanFactRow, PlanFactView, PlanMeasure, PlanScope } from '../../shared/api/plan-types';
import type { AppContext } from '../context';
import { localDay, OFFICE_CALENDAR } from './local-day';

/** The months a period covers, as an inclusive range. */
export function monthRange(period: string): [string, string] {
  return isMonthPeriod(period) ? [period, period] : [`${period}-01`, `${period}-12`];
}

/** Why plan / fact has no fact for this measure, or null when the fact is counted. */
function factNote(ctx: AppContext, measure: PlanMeasure): string | null {
  if (!ctx.store.planFacts.hasPayments()) return 'Платежи ещё не ведутся в программе — факт появится с первыми поступлениями.';
  return measure === 'gross_margin'
    ? 'Валовая маржа — по оплатам, разнесённым на счета, и себестоимости строк счетов (Справочники и черновик документа); строки без себестоимости дают маржу 0.'
    : null;
}

/** Fact per manager for a period and the same period last year (null when there are no payments yet). */
async function facts(ctx: AppContext, period: string, measure: PlanMeasure) {
  const [from, to] = monthRange(period);
  const [lyFrom, lyTo] = monthRange(samePeriodLastYear(period));
  const read = (a: string, b: string) => (measure === 'gross_margin' ? ctx.store.planFacts.marginByManager(a, b) : ctx.store.planFacts.byManager(a, b));
  return { now: await read(from, to), lastYear: await read(lyFrom, lyTo) };
}

function sumWhere(map: Map<number | null, number> | null, pick: (k: number | null) => boolean): number | null {
  if (!map) return null;
  let s = 0;
  for (const [k, v] of map) if (pick(k)) s += v;
  return s;
}

function row(scope: PlanScope, userId: number | null, name: string, plan: PlanDto | undefined, fact: number | null, lastYear: number | null): PlanFactRow {
  const planKopecks = plan?.amountKopecks ?? null;
  return {
    scope, userId, name, planKopecks, planStatus: plan?.status ?? null, factKopecks: fact, lastYearKopecks: lastYear,
    completionPercent: fact === null ? null : completionPercent(fact, planKopecks),
    growthPercent: fact === null ? null : growthPercent(fact, lastYear),
  };
}

/** The current month's pace for one manager (ownId) or the department, against its plan. */
async function pace(ctx: AppContext, month: string, planKopecks: number, ownId: number | undefined): Promise<PaceDto | null> {
  const today = localDay(ctx.now());
  if (today.slice(0, 7) !== month) return null;
  const scope = ownId === undefined ? { departmentOnly: true } : { managerId: ownId };
  const factByDay = (await ctx.store.planFacts.byDay(month, scope)) ?? new Map<number, number>();
  const lastYearByDay = await ctx.store.planFacts.byDay(samePeriodLastYear(month), scope);
  let fact = 0;
  for (const v of factByDay.values()) fact += v;
  const p = monthPace({ planKopecks, factKopecks: fact, todayIso: today, ...OFFICE_CALENDAR });
  const days = paceLine({ month, planKopecks, todayIso: today, factByDay, lastYearByDay, ...OFFICE_CALENDAR });
  const dayOfMonth = Number(today.slice(8, 10));
  let lastYearToDate: number | null = null;
  if (lastYearByDay) {
    lastYearToDate = 0;
    for (const [d, v] of lastYearByDay) if (d <= dayOfMonth) lastYearToDate += v;
  }
  return { today, ...p, lastYearToDateKopecks: lastYearToDate, days };
}

/**
 * Plan / fact / last year for a period: one row per manager, then the department (the managers'
 * clients) and the company (all client money). For a manager (ownId) only their own row.
 */
export async function buildPlanFact(ctx: AppContext, period: string, measure: PlanMeasure, ownId: number | undefined): Promise<PlanFactView> {
  const plans = await ctx.store.plans.list({ measure, periods: [period], ...(ownId === undefined ? {} : { scopes: ['manager'], userId: ownId }) });
  const planOf = (scope: PlanScope, userId: number | null) => plans.find((p) => p.scope === scope && p.userId === userId);
  const { now, lastYear } = await facts(ctx, period, measure);
  const people = (await ctx.store.plans.people([period], measure)).filter((p) => ownId === undefined || p.id === ownId);
  const rows: PlanFactRow[] = people.map((p) =>
    row('manager', p.id, p.fullName, planOf('manager', p.id), now ? (now.get(p.id) ?? 0) : null, lastYear ? (lastYear.get(p.id) ?? 0) : null),
  );
  if (ownId === undefined) {
    const managed = (k: number | null) => k !== null;
    rows.push(row('department', null, 'Отдел продаж', planOf('department', null), sumWhere(now, managed), sumWhere(lastYear, managed)));
    rows.push(row('company', null, 'Компания', planOf('company', null), sumWhere(now, () => true), sumWhere(lastYear, () => true)));
  }
  const paceRow = ownId === undefined ? rows.find((r) => r.scope === 'department') : rows[0];
  const paceView = isMonthPeriod(period) && paceRow?.planKopecks && measure === 'revenue_net' && now ? await pace(ctx, period, paceRow.planKopecks, ownId) : null;
  return { period, measure, rows, pace: paceView, factNote: factNote(ctx, measure) };
}
