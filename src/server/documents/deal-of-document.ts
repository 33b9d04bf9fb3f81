import { AppError, found } from '../app-error';
import type { CallContext } from '../context';

/**
 * The deal a new document or bundle belongs to: the one named; none when the person said «без сделки»
 * (null); when nothing was said (undefined), the client's only open deal — with several open deals the
 * person chooses (the dialogs ask), so none is guessed.
 */
export async function dealOfDocument(ctx: CallContext, clientId: number, dealId: number | null | undefined): Promise<number | null> {
  if (dealId === null) return null;
  if (dealId !== undefined) {
    const deal = found(await ctx.store.sales.deals.get(dealId), 'Сделка не найдена');
    if (deal.clientId !== clientId) throw new AppError('VALIDATION', 'Сделка относится к другому клиенту', [{ path: 'dealId', message: 'Другой клиент' }]);
    return deal.id;
  }
  const open = await ctx.store.sales.deals.list({ clientId, outcome: 'open' });
  return open.length === 1 ? (open[0]?.id ?? null) : null;
}
