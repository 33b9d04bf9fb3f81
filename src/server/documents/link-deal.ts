import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { visibleDeal } from '../sales/deals-handlers';
import { visibleDocument } from './access';

/** Linking a document made without a deal to one of its client's deals, later. */
export const linkDealHandlers: HandlerMap<'documents.linkDeal'> = {
  async 'documents.linkDeal'(input, ctx) {
    const doc = await visibleDocument(ctx, input.id);
    const deal = await visibleDeal(ctx, input.dealId);
    if (deal.clientId !== doc.clientId) throw new AppError('VALIDATION', 'Сделка относится к другому клиенту', [{ path: 'dealId', message: 'Другой клиент' }]);
    if (doc.status === 'draft') throw new AppError('CONFLICT', 'Сделку черновика выбирают в самом черновике');
    if (doc.dealId !== null || !(await ctx.store.documents.docs.linkDeal(ctx.actor, doc.id, deal.id))) {
      throw new AppError('CONFLICT', 'Документ уже относится к сделке');
    }
    return { linked: true };
  },
};
