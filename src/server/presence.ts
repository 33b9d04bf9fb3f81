import type { PresenceDto } from '../shared/api/presence';
import type { HandlerMap } from './handler-types';
import { requireUser, type CallContext } from './context';
import { visibleDocument } from './documents/access';
import { visibleDeal } from './sales/deals-handlers';

/** How long an open screen counts as open without a new word from it (the renderer says so every 20 s). */
export const PRESENCE_TTL_MS = 45_000;

type Seen = Map<number, { fullName: string; at: number }>;

// Per open base (one store per app), per record: who said they have it open, and when. Memory only.
const boards = new WeakMap<object, Map<string, Seen>>();

function board(ctx: CallContext): Map<string, Seen> {
  let b = boards.get(ctx.store);
  if (!b) {
    b = new Map();
    boards.set(ctx.store, b);
  }
  return b;
}

/** Soft presence on a deal or a draft: who else has it open (checked against who may see the record). */
export const presenceHandlers: HandlerMap<'presence.here'> = {
  async 'presence.here'(input, ctx): Promise<PresenceDto[]> {
    const user = requireUser(ctx);
    if (input.record === 'deal') await visibleDeal(ctx, input.id);
    else await visibleDocument(ctx, input.id);
    const key = `${input.record}:${input.id}`;
    const now = ctx.now().getTime();
    const seen = board(ctx).get(key) ?? new Map<number, { fullName: string; at: number }>();
    const before = [...seen.keys()].sort().join(',');
    for (const [id, s] of seen) if (now - s.at > PRESENCE_TTL_MS) seen.delete(id);
    if (input.leaving) seen.delete(user.id);
    else seen.set(user.id, { fullName: user.fullName, at: now });
    if (seen.size === 0) board(ctx).delete(key);
    else board(ctx).set(key, seen);
    // Someone came or went: the others' notes hear it now, not at their next heartbeat. Stores nothing,
    // so it is not a write; a heartbeat that changes nothing says nothing (no echo between the screens).
    if ([...seen.keys()].sort().join(',') !== before) {
      ctx.changes.publish({ entry: 'presence.here', area: 'presence', ids: [input.id], by: { userId: user.id, userName: user.fullName }, at: new Date(now).toISOString() });
    }
    return [...seen].filter(([id]) => id !== user.id).map(([userId, s]) => ({ userId, fullName: s.fullName }));
  },
};
