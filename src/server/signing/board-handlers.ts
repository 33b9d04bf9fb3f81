import { signingDocTitle } from '../../shared/api/signing-types';
import type { HandlerMap } from '../handler-types';
import { localToday, signingScope } from './access';
import { buildBoard } from './board-build';

type BoardEntries = 'signing.board' | 'signing.badge' | 'signing.overdueSince' | 'signing.states' | 'signing.clientDocuments';

/** The board, the navigation badge, the start-up reminder and signing states for lists. */
export const boardHandlers: HandlerMap<BoardEntries> = {
  async 'signing.board'(input, ctx) {
    const today = localToday(ctx);
    return buildBoard(await ctx.store.signing.board(signingScope(ctx), input, today), today);
  },

  async 'signing.badge'(_input, ctx) {
    return ctx.store.signing.badge(signingScope(ctx), localToday(ctx));
  },

  async 'signing.overdueSince'(input, ctx) {
    const today = localToday(ctx);
    const scope = signingScope(ctx);
    const fresh = await ctx.store.signing.overdueSince(scope, input.since, today);
    const all = input.since === null ? fresh : await ctx.store.signing.overdueSince(scope, null, today);
    const items = [];
    for (const d of fresh.slice(0, 5)) {
      const client = await ctx.store.clients.get(d.clientId);
      items.push({ documentId: d.documentId, title: signingDocTitle(d), clientName: client?.shortName ?? '', daysOverdue: d.daysOverdue, riskKopecks: d.riskKopecks });
    }
    return {
      today,
      newlyOverdue: fresh.length,
      overdue: all.length,
      riskKopecks: all.reduce((sum, d) => sum + (d.riskFromActs ? 0 : d.riskKopecks), 0),
      items,
    };
  },

  async 'signing.states'(input, ctx) {
    return ctx.store.signing.states(signingScope(ctx), input.documentIds, localToday(ctx));
  },

  async 'signing.clientDocuments'(input, ctx) {
    return ctx.store.signing.clientDocuments(signingScope(ctx), input.clientId, localToday(ctx));
  },
};
