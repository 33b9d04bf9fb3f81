import { checkLose, checkReopen, checkStageMove, checkWin, STAGE_DEFAULT_PROBABILITY } from '../../core/index';
import type { DealDetail } from '../../shared/api/sales';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { canOpen } from '../clients/access';
import type { HandlerMap } from '../handler-types';
import { assertOwn, assertVisible, ownScope } from './access';
import { dealValues, requireAllowed } from './deal-rules';
import { refuseStale } from '../stale';

const NO_DEAL = 'Сделка не найдена';

/** A deal the caller may see (managers only their own). */
export async function visibleDeal(ctx: CallContext, id: number): Promise<DealDetail> {
  const deal = found(await ctx.store.sales.deals.get(id), NO_DEAL);
  assertVisible(ctx, deal.managerId, NO_DEAL);
  return deal;
}

async function ownDeal(ctx: CallContext, id: number): Promise<DealDetail> {
  const deal = await visibleDeal(ctx, id);
  assertOwn(ctx, deal.managerId);
  return deal;
}

/** Сделки: the list, the page, the form, stage moves, won and lost, the loss reasons. */
export const dealsHandlers: HandlerMap<
  | 'deals.list'
  | 'deals.get'
  | 'deals.create'
  | 'deals.update'
  | 'deals.move'
  | 'deals.win'
  | 'deals.lose'
  | 'deals.reopen'
  | 'lossReasons.list'
  | 'lossReasons.save'
  | 'sales.people'
  | 'sales.clients'
> = {
  async 'deals.list'(input, ctx) {
    return ctx.store.sales.deals.list({ ...input, onlyManagerId: ownScope(ctx) });
  },

  async 'deals.get'(input, ctx) {
    return visibleDeal(ctx, input.id);
  },

  async 'deals.create'(input, ctx) {
    assertOwn(ctx, input.managerId);
    return ctx.store.sales.deals.create(ctx.actor, await dealValues(ctx, input));
  },

  async 'deals.update'(input, ctx) {
    const before = await ownDeal(ctx, input.id);
    assertOwn(ctx, input.deal.managerId);
    const { stage: _stage, ...parsed } = await dealValues(ctx, { ...input.deal, stage: before.stage });
    // Changing the probability in the form sets it; leaving it as it was keeps whether it was set.
    const values = { ...parsed, probabilityTyped: before.probabilityTyped || parsed.probability !== before.probability };
    return found(await refuseStale(() => ctx.store.sales.deals.update(ctx.actor, input.id, values, input.version)), NO_DEAL);
  },

  async 'deals.move'(input, ctx) {
    const deal = await ownDeal(ctx, input.id);
    requireAllowed(checkStageMove(deal, input.stage));
    // A stage's probability is a default: it follows the stage until the person sets one, which then stays.
    const followsStage = deal.outcome === 'open' && !deal.probabilityTyped;
    const probability = followsStage ? STAGE_DEFAULT_PROBABILITY[input.stage] : deal.probability;
    return found(await ctx.store.sales.deals.change(ctx.actor, deal.id, { stage: input.stage, outcome: deal.outcome, probability, note: input.note }), NO_DEAL);
  },

  async 'deals.win'(input, ctx) {
    const deal = await ownDeal(ctx, input.id);
    requireAllowed(checkWin(deal));
    return found(await ctx.store.sales.deals.change(ctx.actor, deal.id, { stage: deal.stage, outcome: 'won', probability: 100 }), NO_DEAL);
  },

  async 'deals.lose'(input, ctx) {
    const deal = await ownDeal(ctx, input.id);
    requireAllowed(checkLose(deal));
    const reason = await ctx.store.sales.lists.lossReason(input.reasonId);
    if (!reason || reason.archived) {
      throw new AppError('VALIDATION', 'Выберите причину из списка', [{ path: 'reasonId', message: 'Выберите причину' }]);
    }
    return found(
      await ctx.store.sales.deals.change(ctx.actor, deal.id, { stage: deal.stage, outcome: 'lost', probability: 0, lossReasonId: reason.id, lossNote: input.note }),
      NO_DEAL,
    );
  },

  async 'deals.reopen'(input, ctx) {
    const deal = await ownDeal(ctx, input.id);
    requireAllowed(checkReopen(deal));
    const probability = STAGE_DEFAULT_PROBABILITY[deal.stage];
    return found(await ctx.store.sales.deals.change(ctx.actor, deal.id, { stage: deal.stage, outcome: 'open', probability }), NO_DEAL);
  },

  async 'lossReasons.list'(_input, ctx) {
    return ctx.store.sales.lists.lossReasons();
  },

  async 'lossReasons.save'(input, ctx) {
    return found(await ctx.store.sales.lists.saveLossReason(ctx.actor, input), 'Причина не найдена');
  },

  async 'sales.people'(_input, ctx) {
    return ctx.store.sales.lists.people();
  },

  async 'sales.clients'(input, ctx) {
    const options = await ctx.store.sales.lists.clients(input.search, input.ids);
    // Whose a client is shows in any list; the key persons only to those who may open the card.
    const user = requireUser(ctx);
    const std = await ctx.store.clientDivision.standard();
    return options.map((o) => (canOpen(user, o.managerId, std) ? o : { ...o, contacts: [] }));
  },
};
