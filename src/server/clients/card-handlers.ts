import { claimLapsesOn, pickManager, type DivisionStandard } from '../../core/index';
import type { SessionUser } from '../../shared/api/auth';
import type { ClientCard } from '../../shared/api/client-types';
import type { ClientRecord } from '../../db/repos/clients-repo';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { refuseStale, versionForUpdate } from '../stale';
import { assertCanEdit, assertCanOpen, canOpen, seesWholeBase, withRights } from './access';
import { assertClientInput, assertContactInput, assertInnFree } from './validate';

const NOT_FOUND = 'Клиент не найден';

/** The card as the caller may see it, or FORBIDDEN naming whose client it is. */
export async function openCard(ctx: CallContext, id: number): Promise<{ user: SessionUser; record: ClientRecord; std: DivisionStandard }> {
  const user = requireUser(ctx);
  const record = found(await ctx.store.clients.get(id), NOT_FOUND);
  const std = await ctx.store.clientDivision.standard();
  assertCanOpen(user, record, std);
  return { user, record, std };
}

/** The card with the caller's rights, re-read after a change. */
export async function cardFor(ctx: CallContext, id: number): Promise<ClientCard> {
  const { user, record, std } = await openCard(ctx, id);
  return withRights(user, record, record.responsible ? claimLapsesOn(std, record.lastActivityAt) : null);
}

/** Opens a card for a change: visible and editable by the caller. */
export async function editableCard(ctx: CallContext, id: number): Promise<ClientRecord> {
  const { user, record } = await openCard(ctx, id);
  assertCanEdit(user, record);
  return record;
}

async function assertResponsible(ctx: CallContext, id: number): Promise<void> {
  const people = await ctx.store.clientDivision.responsibles();
  if (!people.some((p) => p.id === id)) {
    throw new AppError('VALIDATION', 'Ответственным может быть действующий менеджер, руководитель отдела продаж или директор', [
      { path: 'responsibleId', message: 'Выберите сотрудника из списка' },
    ]);
  }
}

/** The client card, its key persons, the list and the search. */
export const clientCardHandlers: HandlerMap<
  'clients.list' | 'clients.search' | 'clients.facets' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.saveContact' | 'clients.deleteContact' | 'clients.setFacsimileAgreement'
> = {
  async 'clients.list'(input, ctx) {
    const user = requireUser(ctx);
    // Managers see their own clients unless they ask for the whole base (names and owners only).
    const scope = input.scope ?? (seesWholeBase(user) ? 'all' : 'mine');
    const responsible = scope === 'mine' ? user.id : scope === 'free' ? null : input.managerId;
    return ctx.store.clientList.list({ ...input, responsible });
  },

  async 'clients.search'(input, ctx) {
    const user = requireUser(ctx);
    const std = await ctx.store.clientDivision.standard();
    const hits = await ctx.store.clientList.search(input.query, input.limit);
    return hits.map(({ responsibleId, ...h }) => ({ ...h, canOpen: canOpen(user, responsibleId, std) }));
  },

  async 'clients.facets'(_input, ctx) {
    const { segments, regions } = await ctx.store.clientList.facets();
    const managers = (await ctx.store.clientDivision.responsibles()).map(({ id, fullName }) => ({ id, fullName }));
    return { managers, segments, regions, sources: await ctx.store.clientSources.list() };
  },

  async 'clients.get'(input, ctx) {
    return cardFor(ctx, input.id);
  },

  async 'clients.create'(input, ctx) {
    const user = requireUser(ctx);
    assertClientInput(input.client);
    await assertInnFree(ctx, input.client.inn, null);
    let responsibleId: number | null;
    if (user.role === 'manager') responsibleId = user.id;
    else if (input.responsibleId !== undefined) responsibleId = input.responsibleId;
    else responsibleId = pickManager(await ctx.store.clientDivision.standard(), input.client);
    if (responsibleId !== null && responsibleId !== user.id) await assertResponsible(ctx, responsibleId);
    const created = await ctx.store.clients.create(ctx.actor, input.client, responsibleId);
    return cardFor(ctx, created.id);
  },

  async 'clients.update'(input, ctx) {
    await editableCard(ctx, input.id);
    assertClientInput(input.client);
    await assertInnFree(ctx, input.client.inn, input.id);
    found(await refuseStale(() => ctx.store.clients.update(ctx.actor, input.id, input.client, input.version)), NOT_FOUND);
    return cardFor(ctx, input.id);
  },

  async 'clients.saveContact'(input, ctx) {
    await editableCard(ctx, input.clientId);
    assertContactInput(input.contact);
    const version = versionForUpdate(input.id, input.version);
    return found(await refuseStale(() => ctx.store.clientContacts.save(ctx.actor, input.clientId, input.id, input.contact, version)), 'Контактное лицо не найдено');
  },

  async 'clients.setFacsimileAgreement'(input, ctx) {
    await editableCard(ctx, input.clientId);
    found(await ctx.store.clients.setFacsimileAgreement(ctx.actor, input.clientId, input.agreed), NOT_FOUND);
    return cardFor(ctx, input.clientId);
  },

  async 'clients.deleteContact'(input, ctx) {
    await editableCard(ctx, input.clientId);
    if (!(await ctx.store.clientContacts.remove(ctx.actor, input.clientId, input.id))) throw new AppError('NOT_FOUND', 'Контактное лицо не найдено');
    return null;
  },
};
