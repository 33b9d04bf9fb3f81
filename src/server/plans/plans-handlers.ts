import { isMonthPeriod, monthsOfYear } from '../../core/index';
import type { PlanCell, PlanGrid, PlanMeasure } from '../../shared/api/plan-types';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { refuseStale } from '../stale';
import { assertMarginVisible, withoutLastYear } from './margin-access';
import { approvableScopes, editsPlans, ownOnly } from './access';
import { buildPlanFact } from './plan-fact';

/** The plan grid of a year: a manager gets only their own row. */
async function grid(ctx: CallContext, year: string, measure: PlanMeasure): Promise<PlanGrid> {
  const user = requireUser(ctx);
  const own = ownOnly(ctx);
  const months = monthsOfYear(year);
  const periods = [...months, year];
  const people = await ctx.store.plans.people(periods, measure);
  const plans = await ctx.store.plans.list({ measure, periods, ...(own === undefined ? {} : { scopes: ['manager'], userId: own }) });
  return {
    year,
    measure,
    months,
    managers: own === undefined ? people : people.filter((p) => p.id === own),
    plans,
    canEdit: editsPlans(user),
    canApprove: approvableScopes(user),
    version: await ctx.store.plans.gridVersion(year, measure),
  };
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, [{ path, message }]);
}

/** Checks a cell: personal plans are monthly and name a manager; department and company plans name nobody; all fall in the year. */
function checkCell(cell: PlanCell, i: number, year: string, people: ReadonlySet<number>): void {
  const inYear = cell.period === year || (isMonthPeriod(cell.period) && cell.period.startsWith(`${year}-`));
  if (!inYear) invalid(`cells.${i}.period`, `Период ${cell.period} не относится к ${year} году`);
  if (cell.scope === 'manager') {
    if (!isMonthPeriod(cell.period)) invalid(`cells.${i}.period`, 'Личный план ставится на месяц');
    if (cell.userId === null || !people.has(cell.userId)) invalid(`cells.${i}.userId`, 'Личный план ставится менеджеру по продажам');
  } else if (cell.userId !== null) {
    invalid(`cells.${i}.userId`, 'План отдела и компании не относится к одному человеку');
  }
}

/** Планы: the grid (managers × months, the department and the company, the year), saving, copying, approval, plan / fact. */
export const plansHandlers: HandlerMap<'plans.grid' | 'plans.save' | 'plans.copy' | 'plans.approve' | 'plans.planFact'> = {
  async 'plans.grid'(input, ctx) {
    return grid(ctx, input.year, input.measure);
  },

  async 'plans.save'(input, ctx) {
    const people = new Set((await ctx.store.plans.people([...monthsOfYear(input.year), input.year], input.measure)).map((p) => p.id));
    input.cells.forEach((c, i) => checkCell(c, i, input.year, people));
    const changed = await refuseStale(() => ctx.store.plans.saveCells(ctx.actor, input.measure, input.cells, { year: input.year, version: input.version }));
    return { changed, grid: await grid(ctx, input.year, input.measure) };
  },

  async 'plans.copy'(input, ctx) {
    if (isMonthPeriod(input.from) !== isMonthPeriod(input.to)) invalid('to', 'Месячный план копируется в месяц, годовой — в год');
    if (input.to !== input.year && !input.to.startsWith(`${input.year}-`)) invalid('to', `Период ${input.to} не относится к ${input.year} году`);
    if (input.from === input.to) invalid('from', 'Выберите другой период');
    const changed = await ctx.store.plans.copy(ctx.actor, input.measure, input.from, input.to, ['manager', 'department', 'company']);
    return { changed, grid: await grid(ctx, input.year, input.measure) };
  },

  async 'plans.approve'(input, ctx) {
    const scopes = approvableScopes(requireUser(ctx));
    const changed = await ctx.store.plans.approve(ctx.actor, input.measure, input.periods, scopes);
    return { changed, grid: await grid(ctx, input.year, input.measure) };
  },

  async 'plans.planFact'(input, ctx) {
    const own = ownOnly(ctx);
    if (input.measure !== 'gross_margin') return buildPlanFact(ctx, input.period, input.measure, own);
    await assertMarginVisible(ctx, input.period);
    const view = await buildPlanFact(ctx, input.period, input.measure, own);
    return own === undefined ? view : withoutLastYear(view);
  },
};
