import { formatPercent, mayDecideDiscount } from '../../core/index';
import { DISCOUNT_HEADS } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import { requireUser } from '../context';
import type { HandlerMap } from '../handler-types';

/** Discounts beyond a limit: the queue, the badge's count and the head of sales' decisions. */
export const approvalHandlers: HandlerMap<'approvals.list' | 'approvals.pendingCount' | 'approvals.decide'> = {
  async 'approvals.list'(input, ctx) {
    const user = requireUser(ctx);
    const rows = await ctx.store.documents.approvals.list({ status: input.status, requestedBy: DISCOUNT_HEADS.includes(user.role) ? undefined : user.id });
    const decider = { role: user.role, userId: user.id, limitBp: (await ctx.store.documents.settings.limit(user.role)).maxDiscountBp };
    return rows.map(({ requestedById, ...a }) => {
      const pending = a.status === 'pending';
      return {
        ...a,
        canApprove: pending && mayDecideDiscount(decider, { requestedById, requestedBp: a.requestedBp }),
        canDecline: pending && mayDecideDiscount(decider, { requestedById, requestedBp: 0 }),
      };
    });
  },
  async 'approvals.pendingCount'(_input, ctx) {
    const user = requireUser(ctx);
    return { count: await ctx.store.documents.approvals.pendingCount(DISCOUNT_HEADS.includes(user.role) ? undefined : user.id) };
  },
  async 'approvals.decide'(input, ctx) {
    const request = found(await ctx.store.documents.approvals.get(input.id), 'Запрос не найден');
    if (request.status !== 'pending') throw new AppError('CONFLICT', 'Решение по этой скидке уже принято');
    const user = requireUser(ctx);
    const limit = await ctx.store.documents.settings.limit(user.role);
    // Declining is always the head's to do, except on her own request; approving stops at her own limit.
    const asked = input.approve ? request : { ...request, requestedBp: 0 };
    if (!mayDecideDiscount({ role: user.role, userId: user.id, limitBp: limit.maxDiscountBp }, asked)) {
      throw new AppError(
        'FORBIDDEN',
        request.requestedById === user.id
          ? 'Свою скидку сверх своего лимита вы не согласуете сами: решение принимает директор'
          : `Скидка ${formatPercent(request.requestedBp)} больше вашего лимита ${formatPercent(limit.maxDiscountBp)}: её согласует директор`,
      );
    }
    if (!input.approve && input.comment === '') throw new AppError('VALIDATION', 'Напишите, почему скидка не согласована', [{ path: 'comment', message: 'Укажите причину' }]);
    return found(await ctx.store.documents.approvals.decide(ctx.actor, input.id, input.approve, input.comment), 'Решение по этой скидке уже принято');
  },
};
