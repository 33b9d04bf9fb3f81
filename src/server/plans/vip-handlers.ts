import { addDays, addMonthsToDate, isIsoDate, visitStatus } from '../../core/index';
import type { VipDueRow, VipSchedule } from '../../shared/api/vip-types';
import { AppError, found } from '../app-error';
import { assertAnswers } from '../clients/dossier-handlers';
import { requireUser, type AppContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { ownOnly, viewedManager } from './access';
import { localDay } from './local-day';

// One collator for sorting names: String.localeCompare builds one per call, too slow for thousands of clients.
const byName = new Intl.Collator('ru');

/** A visit counts as due this many days before its date. */
export const VIP_DUE_SOON_DAYS = 30;

/** The VIP schedule: each client's next visit (interval after the last, or after joining), overdue first. */
export async function buildVipSchedule(ctx: AppContext, managerId: number | undefined, includeLater: boolean): Promise<VipSchedule> {
  const today = localDay(ctx.now());
  const soon = addDays(today, VIP_DUE_SOON_DAYS);
  const rows: VipDueRow[] = (await ctx.store.vip.members(managerId)).map((m) => {
    const dueOn = addMonthsToDate(m.lastVisitOn ?? m.since, m.intervalMonths);
    return { ...m, tierSet: Boolean(m.tierSet), dueOn, status: visitStatus(dueOn, today, soon) };
  });
  const shown = rows.filter((r) => includeLater || r.status !== 'later').sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : byName.compare(a.clientName, b.clientName)));
  const byManager = new Map<number | null, VipSchedule['managers'][number]>();
  for (const r of rows) {
    const m = byManager.get(r.managerId) ?? { managerId: r.managerId, managerName: r.managerName, overdue: 0, due: 0 };
    if (r.status === 'overdue') m.overdue++;
    if (r.status === 'due') m.due++;
    byManager.set(r.managerId, m);
  }
  const managers = [...byManager.values()].sort((a, b) => byName.compare(a.managerName ?? '', b.managerName ?? ''));
  return { today, rows: shown, managers };
}

/** VIP-программа: tiers, each client's tier, the schedule of due and overdue visits, the visit with its questionnaire and referrals. */
export const vipHandlers: HandlerMap<'vip.setup' | 'vip.saveTier' | 'vip.setClientTier' | 'vip.schedule' | 'vip.visits' | 'vip.saveVisit'> = {
  async 'vip.setup'(_input, ctx) {
    const formId = await ctx.store.vip.formId();
    return { tiers: await ctx.store.vip.tiers(), form: formId === null ? null : await ctx.store.questionnaires.form(formId) };
  },

  async 'vip.saveTier'(input, ctx) {
    return found(await ctx.store.vip.saveTier(ctx.actor, input), 'Уровень не найден');
  },

  async 'vip.setClientTier'(input, ctx) {
    found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
    if (input.tierId !== null && !(await ctx.store.vip.tiers()).some((t) => t.id === input.tierId)) throw new AppError('NOT_FOUND', 'Уровень не найден');
    await ctx.store.vip.setClientTier(ctx.actor, input.clientId, input.tierId, localDay(ctx.now()));
    return null;
  },

  async 'vip.schedule'(input, ctx) {
    return buildVipSchedule(ctx, viewedManager(ctx, input.managerId), input.includeLater);
  },

  async 'vip.visits'(input, ctx) {
    return ctx.store.vipVisits.list({ clientId: input.clientId, managerId: ownOnly(ctx) });
  },

  async 'vip.saveVisit'(input, ctx) {
    const user = requireUser(ctx);
    const client = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
    const ownerId = client.responsible?.id ?? null;
    if (user.role === 'manager' && ownerId !== user.id) throw new AppError('FORBIDDEN', `VIP-визит к «${client.shortName}» записывает ответственный менеджер`);
    if (!isIsoDate(input.visitedOn)) throw new AppError('VALIDATION', 'Такой даты нет', [{ path: 'visitedOn', message: 'Такой даты нет' }]);
    if (input.visitedOn > localDay(ctx.now())) throw new AppError('VALIDATION', 'Визит ещё не состоялся', [{ path: 'visitedOn', message: 'Дата в будущем' }]);
    const formId = await ctx.store.vip.formId();
    const form = formId === null ? null : await ctx.store.questionnaires.form(formId);
    const answers = form ? assertAnswers(form.fields, input.answers) : {};
    // The visit is the manager's who holds the client; a head recording it for a free client keeps it.
    const managerId = user.role === 'manager' ? user.id : (ownerId ?? user.id);
    return found(await ctx.store.vipVisits.create(ctx.actor, managerId, form, { ...input, answers }), 'Клиент не найден');
  },
};
