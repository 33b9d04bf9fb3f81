import { decideClaim, pickManager, type DivisionStandard } from '../../core/index';
import type { DivisionView } from '../../shared/api/client-types';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { canOpen } from './access';
import { cardFor } from './card-handlers';

async function view(ctx: CallContext, std: DivisionStandard): Promise<DivisionView> {
  const managers = (await ctx.store.clientDivision.responsibles()).map(({ id, fullName }) => ({ id, fullName }));
  return { ...std, managers, freeCount: await ctx.store.clientDivision.freeCount() };
}

async function assertPeople(ctx: CallContext, ids: number[], path: (i: number) => string): Promise<void> {
  const known = new Set((await ctx.store.clientDivision.responsibles()).map((p) => p.id));
  const bad = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: path(i), message: 'Выберите действующего сотрудника отдела продаж' }]));
  if (bad.length > 0) throw new AppError('VALIDATION', 'Клиентов можно закреплять только за действующими сотрудниками отдела продаж', bad);
}

/** The division standard, transfers, claims and the conflicts the head of sales resolves. */
export const clientDivisionHandlers: HandlerMap<
  'clients.division' | 'clients.saveDivision' | 'clients.applyDivision' | 'clients.transfer' | 'clients.claim' | 'clients.conflicts' | 'clients.resolveConflict'
> = {
  async 'clients.division'(_input, ctx) {
    return view(ctx, await ctx.store.clientDivision.standard());
  },

  async 'clients.saveDivision'(input, ctx) {
    await assertPeople(ctx, input.rules.map((r) => r.managerId), (i) => `rules.${i}.managerId`);
    if (input.mode === 'source') {
      const sources = new Set((await ctx.store.clientSources.list()).map((s) => String(s.id)));
      const bad = input.rules.flatMap((r, i) => (sources.has(r.value) ? [] : [{ path: `rules.${i}.value`, message: 'Выберите источник из справочника' }]));
      if (bad.length > 0) throw new AppError('VALIDATION', 'Правило ссылается на неизвестный источник', bad);
    }
    const values = input.rules.map((r) => r.value.toLowerCase());
    const twice = values.findIndex((v, i) => values.indexOf(v) !== i);
    if (twice >= 0) throw new AppError('VALIDATION', `Значение «${input.rules[twice].value}» указано дважды`, [{ path: `rules.${twice}.value`, message: 'Повтор' }]);
    return view(ctx, await ctx.store.clientDivision.saveStandard(ctx.actor, input));
  },

  async 'clients.applyDivision'(_input, ctx) {
    const std = await ctx.store.clientDivision.standard();
    const free = await ctx.store.clientDivision.freeClients();
    const moves = free.flatMap((c) => {
      const to = pickManager(std, c);
      return to === null ? [] : [{ clientId: c.id, toUserId: to }];
    });
    const assigned = moves.length ? await ctx.store.clientDivision.setOwners(ctx.actor, moves, 'rule', 'По стандарту деления базы') : 0;
    return { assigned, left: free.length - assigned };
  },

  async 'clients.transfer'(input, ctx) {
    const card = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
    if (input.toUserId !== null) await assertPeople(ctx, [input.toUserId], () => 'toUserId');
    if ((card.responsible?.id ?? null) === input.toUserId) throw new AppError('CONFLICT', 'Клиент уже закреплён за этим сотрудником');
    await ctx.store.clientDivision.setOwners(ctx.actor, [{ clientId: input.clientId, toUserId: input.toUserId }], 'transfer', input.reason);
    return cardFor(ctx, input.clientId);
  },

  async 'clients.claim'(input, ctx) {
    const user = requireUser(ctx);
    const card = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
    const std = await ctx.store.clientDivision.standard();
    const holder = card.responsible;
    const outcome = decideClaim(std, { ownerId: holder?.id ?? null, lastActivityAt: card.lastActivityAt }, user.id, ctx.now());
    const move = [{ clientId: card.id, toUserId: user.id }];
    if (outcome.kind === 'assign') {
      await ctx.store.clientDivision.setOwners(ctx.actor, move, 'claim', input.reason || 'Менеджер закрепил свободного клиента');
    } else if (outcome.kind === 'lapsed') {
      const why = `Закрепление за ${holder?.fullName ?? '—'} истекло: нет работы с клиентом больше ${std.lapseDays} дн.`;
      await ctx.store.clientDivision.setOwners(ctx.actor, move, 'lapse', input.reason ? `${why} ${input.reason}` : why);
    } else if (outcome.kind === 'conflict') {
      await ctx.store.clientDivision.openConflict(ctx.actor, { clientId: card.id, claimantId: user.id, holderId: outcome.holderId, reason: input.reason });
    }
    const kind = outcome.kind === 'assign' ? 'assigned' : outcome.kind;
    const after = found(await ctx.store.clients.get(card.id), 'Клиент не найден');
    return { outcome: kind, card: canOpen(user, after.responsible?.id ?? null, std) ? await cardFor(ctx, card.id) : null };
  },

  async 'clients.conflicts'(input, ctx) {
    return ctx.store.clientDivision.conflicts(input.status);
  },

  async 'clients.resolveConflict'(input, ctx) {
    const c = found(await ctx.store.clientDivision.conflict(input.id), 'Спор не найден');
    if (c.status !== 'open') throw new AppError('CONFLICT', 'Спор уже решён');
    if (input.winnerId !== c.claimant.id && input.winnerId !== c.holder?.id) {
      throw new AppError('VALIDATION', 'Клиент остаётся у одного из двух менеджеров спора', [{ path: 'winnerId', message: 'Выберите одного из участников' }]);
    }
    return found(await ctx.store.clientDivision.resolve(ctx.actor, input.id, input.winnerId, input.note), 'Спор не найден');
  },
};
