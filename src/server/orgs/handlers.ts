import { found } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { assertRequisites, OWN_ORG_REQUIRED } from '../requisites';
import { refuseStale } from '../stale';

/** Our organisations. */
export const orgsHandlers: HandlerMap<'orgs.list' | 'orgs.get' | 'orgs.create' | 'orgs.update' | 'orgs.setDefault'> = {
  async 'orgs.list'(_input, ctx) {
    return ctx.store.orgs.list();
  },
  async 'orgs.get'(input, ctx) {
    return found(await ctx.store.orgs.get(input.id), 'Организация не найдена');
  },
  async 'orgs.create'(input, ctx) {
    assertRequisites(input, { required: OWN_ORG_REQUIRED[input.kind] });
    return ctx.store.orgs.create(ctx.actor, input);
  },
  async 'orgs.update'(input, ctx) {
    assertRequisites(input.org, { prefix: 'org.', required: OWN_ORG_REQUIRED[input.org.kind] });
    return found(await refuseStale(() => ctx.store.orgs.update(ctx.actor, input.id, input.org, input.version)), 'Организация не найдена');
  },
  async 'orgs.setDefault'(input, ctx) {
    return found(await ctx.store.orgs.setDefault(ctx.actor, input.id), 'Организация не найдена');
  },
};
