import type { HandlerMap } from '../handler-types';

/** Журнал изменений: the chain checked on demand, the choices of the view's filters. */
export const auditHandlers: HandlerMap<'audit.verify' | 'audit.filters'> = {
  async 'audit.verify'(_input, ctx) {
    const firstBadId = await ctx.store.audit.verify();
    ctx.health.auditFirstBadId = firstBadId;
    return { ok: firstBadId === null, firstBadId, entries: await ctx.store.audit.count(), checkedAt: ctx.now().toISOString() };
  },

  async 'audit.filters'(_input, ctx) {
    return ctx.store.audit.filters();
  },
};
