import { monthsOfYear, periodDays, samePeriodLastYear } from '../../core/index';
import type { DashboardView, DashboardYearMonth } from '../../shared/api/dashboard-types';
import { SALES_HEADS } from '../../shared/api/sales';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { buildForecast, monthWindow } from './forecast-build';
import { localDay } from './local-day';
import { buildPlanFact } from './plan-fact';
import { buildVipSchedule } from './vip-handlers';

/** How many big deals and VIP rows the home page lists. */
const DASHBOARD_LIST = 5;

/** The year month by month: plan (the department's, or a manager's own), fact and last year's fact. */
async function yearLine(ctx: CallContext, year: string, ownId: number | undefined): Promise<DashboardYearMonth[]> {
  const months = monthsOfYear(year);
  const plans = await ctx.store.plans.list({ measure: 'revenue_net', periods: months, ...(ownId === undefined ? { scopes: ['department'] } : { scopes: ['manager'], userId: ownId }) });
  const scope = ownId === undefined ? { departmentOnly: true } : { managerId: ownId };
  const fact = await ctx.store.planFacts.byMonth(months[0], months[11], scope);
  const ly = samePeriodLastYear(year);
  const lastYear = await ctx.store.planFacts.byMonth(`${ly}-01`, `${ly}-12`, scope);
  const current = localDay(ctx.now()).slice(0, 7);
  return months.map((month) => ({
    month,
    planKopecks: plans.find((p) => p.period === month)?.amountKopecks ?? null,
    factKopecks: fact && month <= current ? (fact.get(month) ?? 0) : null,
    lastYearKopecks: lastYear ? (lastYear.get(samePeriodLastYear(month)) ?? 0) : null,
  }));
}

/**
 * The home page by role. A manager: their plan and pace, their forecast, today's calls and meetings,
 * their VIP visits. The head of sales and the director: the department's plan / fact / last year,
 * the forecast against plan, this month's work statistics, overdue VIP visits.
 */
export async function buildDashboard(ctx: CallContext): Promise<DashboardView> {
  const user = requireUser(ctx);
  const today = localDay(ctx.now());
  const month = today.slice(0, 7);
  const head = SALES_HEADS.includes(user.role);
  const scope: DashboardView['scope'] = user.role === 'manager' ? 'own' : head ? 'department' : 'none';
  const empty: DashboardView = { role: user.role, today, month, scope, planFact: null, year: [], forecast: [], bigDeals: [], lastSnapshot: null, todayActivities: [], stats: [], vip: null };
  if (scope === 'none') return empty;
  const ownId = scope === 'own' ? user.id : undefined;
  const forecast = await buildForecast(ctx, monthWindow(ctx, 6), ownId, DASHBOARD_LIST);
  const vip = await buildVipSchedule(ctx, ownId, false);
  const { from } = periodDays(month);
  return {
    ...empty,
    planFact: await buildPlanFact(ctx, month, 'revenue_net', ownId),
    year: await yearLine(ctx, month.slice(0, 4), ownId),
    forecast: forecast.total.map((m) => ({ month: m.month, weightedKopecks: m.weightedKopecks, amountKopecks: m.amountKopecks, planKopecks: m.planKopecks })),
    bigDeals: forecast.bigDeals,
    lastSnapshot: forecast.lastSnapshot,
    todayActivities: scope === 'own' ? await ctx.store.dashboard.planned(today, user.id) : [],
    stats: head ? await ctx.store.dashboard.stats(from, today) : [],
    vip: {
      overdue: vip.rows.filter((r) => r.status === 'overdue').length,
      due: vip.rows.filter((r) => r.status === 'due').length,
      rows: vip.rows.filter((r) => r.status === 'overdue').slice(0, DASHBOARD_LIST),
    },
  };
}

/** Главная: the home page's data by role. */
export const dashboardHandlers: HandlerMap<'dashboard.get'> = {
  async 'dashboard.get'(_input, ctx) {
    return buildDashboard(ctx);
  },
};
