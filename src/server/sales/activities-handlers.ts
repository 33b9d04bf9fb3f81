import type { ActivityDto, ActivityParsed } from '../../shared/api/sales-activities';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { assertClientAccess } from '../clients/ownership';
import { assertOwn, assertVisible, ownScope } from './access';

const NO_ACTIVITY = 'Запись о звонке или встрече не найдена';

async function visibleActivity(ctx: CallContext, id: number): Promise<ActivityDto> {
  const a = found(await ctx.store.sales.activities.get(id), NO_ACTIVITY);
  assertVisible(ctx, a.managerId, NO_ACTIVITY);
  return a;
}

/** Checks that the client, key person, deal, script and objections of an activity exist and fit together. */
async function checkLinks(ctx: CallContext, v: ActivityParsed): Promise<void> {
  const sales = ctx.store.sales;
  await assertClientAccess(ctx, v.clientId);
  const [client] = await sales.lists.clients('', [v.clientId]);
  if (!client) throw new AppError('VALIDATION', 'Клиент не найден', [{ path: 'clientId', message: 'Выберите клиента' }]);
  if (v.contactId !== null && !client.contacts.some((c) => c.id === v.contactId)) {
    throw new AppError('VALIDATION', 'Это ключевое лицо другого клиента', [{ path: 'contactId', message: 'Выберите лицо этого клиента' }]);
  }
  v.participants.forEach((p, i) => {
    if (p.contactId !== null && !client.contacts.some((c) => c.id === p.contactId)) {
      throw new AppError('VALIDATION', 'Участник со стороны клиента — ключевое лицо другого клиента', [{ path: `participants.${i}.contactId`, message: 'Выберите лицо этого клиента' }]);
    }
  });
  if (v.dealId !== null) {
    const deal = await sales.deals.get(v.dealId);
    if (!deal || deal.clientId !== v.clientId) {
      throw new AppError('VALIDATION', 'Сделка не найдена у этого клиента', [{ path: 'dealId', message: 'Выберите сделку этого клиента' }]);
    }
    assertOwn(ctx, deal.managerId);
  }
  if (v.scriptVersionId !== null && !(await sales.activities.scriptVersionExists(v.scriptVersionId))) {
    throw new AppError('VALIDATION', 'Версия сценария не найдена', [{ path: 'scriptVersionId', message: 'Выберите сценарий' }]);
  }
  const known = await sales.objections.existing(v.objectionIds);
  if (known.length !== new Set(v.objectionIds).size) {
    throw new AppError('VALIDATION', 'Возражение не найдено в стандарте', [{ path: 'objectionIds', message: 'Выберите возражения из списка' }]);
  }
}

/** Calls, meetings, letters, proposals: logging, planning and a manager's day. */
export const activitiesHandlers: HandlerMap<
  'activities.list' | 'activities.get' | 'activities.create' | 'activities.update' | 'activities.setStatus' | 'activities.day'
> = {
  async 'activities.list'(input, ctx) {
    return ctx.store.sales.activities.list({ ...input, onlyManagerId: ownScope(ctx) });
  },

  async 'activities.get'(input, ctx) {
    return visibleActivity(ctx, input.id);
  },

  async 'activities.create'(input, ctx) {
    assertOwn(ctx, input.managerId);
    await checkLinks(ctx, input);
    return ctx.store.sales.activities.create(ctx.actor, input);
  },

  async 'activities.update'(input, ctx) {
    const before = await visibleActivity(ctx, input.id);
    assertOwn(ctx, before.managerId, input.activity.managerId);
    await checkLinks(ctx, input.activity);
    return found(await ctx.store.sales.activities.update(ctx.actor, input.id, input.activity), NO_ACTIVITY);
  },

  async 'activities.setStatus'(input, ctx) {
    const a = await visibleActivity(ctx, input.id);
    assertOwn(ctx, a.managerId);
    const values: ActivityParsed = {
      ...a,
      status: input.status,
      objectionIds: a.objections.map((o) => o.id),
    };
    return found(await ctx.store.sales.activities.update(ctx.actor, a.id, values), NO_ACTIVITY);
  },

  async 'activities.day'(input, ctx) {
    const user = requireUser(ctx);
    const managerId = input.managerId ?? user.id;
    assertOwn(ctx, managerId);
    const list = ctx.store.sales.activities;
    const [planned, overdue, done] = await Promise.all([
      list.list({ managerId, status: 'planned', from: input.day, to: input.day, limit: 500, order: 'asc' }),
      list.list({ managerId, status: 'planned', before: input.day, limit: 100, order: 'asc' }),
      list.list({ managerId, status: 'done', from: input.day, to: input.day, limit: 500, order: 'asc' }),
    ]);
    return { day: input.day, planned, overdue, done };
  },
};
