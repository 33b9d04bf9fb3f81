import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { ownScope } from '../sales/access';
import { visibleDeal } from '../sales/deals-handlers';

/**
 * The deal a new document or bundle belongs to: the one named; none when the person said «без сделки»
 * (null); when nothing was said (undefined), the client's only open deal — with several open deals the
 * person chooses (the dialogs ask), so none is guessed.
 */
export async function dealOfDocument(ctx: CallContext, clientId: number, dealId: number | null | undefined): Promise<number | null> {
  if (dealId === null) return null;
  if (dealId !== undefined) {
    // Another manager's deal is «not found» to a manager, as on the deal pages.
    const deal = await visibleDeal(ctx, dealId);
    if (deal.clientId !== clientId) throw new AppError('VALIDATION', 'Сделка относится к другому клиенту', [{ path: 'dealId', message: 'Другой клиент' }]);
    return deal.id;
  }
  const open = await ctx.store.sales.deals.list({ clientId, outcome: 'open', onlyManagerId: ownScope(ctx) });
  return open.length === 1 ? (open[0]?.id ?? null) : null;
}
