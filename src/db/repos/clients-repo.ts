import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { computeLadder, factsFromEventCounts, normalizeCompanyName } from '../../core/index';
import type { ClientCard, ClientContact, ClientInput } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimVersionSync } from '../record-version';
import {
  claimConflicts,
  clientBankAccounts,
  clientContacts,
  clientEmails,
  clientEvents,
  clientPhones,
  clients,
  clientSources,
  clientTransfers,
} from '../schema/clients';
import { users } from '../schema/foundation';
import { addEventSync, insertChannelsSync, insertClientSync, logFirstOwnerSync, refreshSearchSync } from './client-writes';

/** A client card as stored: everything but what depends on who looks at it. */
export type ClientRecord = Omit<ClientCard, 'lapsesOn' | 'canEdit' | 'canTransfer' | 'canClaim'>;

type ContactRow = typeof clientContacts.$inferSelect;

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');
const byUser = alias(users, 'by_user');

function ownerHistorySync(deps: RepoDeps, clientId: number) {
  return deps.db
    .select({
      id: clientTransfers.id,
      kind: clientTransfers.kind,
      at: clientTransfers.at,
      fromName: fromUser.fullName,
      toName: toUser.fullName,
      byName: byUser.fullName,
      reason: clientTransfers.reason,
    })
    .from(clientTransfers)
    .leftJoin(fromUser, eq(fromUser.id, clientTransfers.fromUserId))
    .leftJoin(toUser, eq(toUser.id, clientTransfers.toUserId))
    .leftJoin(byUser, eq(byUser.id, clientTransfers.byUserId))
    .where(eq(clientTransfers.clientId, clientId))
    .orderBy(desc(clientTransfers.at), desc(clientTransfers.id))
    .limit(50)
    .all();
}

/** Reads one client's card data; shared by the client repositories. */
export function readClientSync(deps: RepoDeps, id: number): ClientRecord | null {
  const { db } = deps;
  const c = db.select().from(clients).where(eq(clients.id, id)).get();
  if (!c) return null;
  const owner = c.responsibleId === null ? null : db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, c.responsibleId)).get();
  const savedBy = c.updatedBy === null ? null : db.select({ fullName: users.fullName }).from(users).where(eq(users.id, c.updatedBy)).get();
  const source = c.sourceId === null ? null : db.select({ name: clientSources.name }).from(clientSources).where(eq(clientSources.id, c.sourceId)).get();
  const phones = db.select().from(clientPhones).where(eq(clientPhones.clientId, id)).orderBy(asc(clientPhones.id)).all();
  const emails = db.select().from(clientEmails).where(eq(clientEmails.clientId, id)).orderBy(asc(clientEmails.id)).all();
  const accounts = db.select().from(clientBankAccounts).where(eq(clientBankAccounts.clientId, id)).orderBy(asc(clientBankAccounts.id)).all();
  const contactRows = db.select().from(clientContacts).where(eq(clientContacts.clientId, id)).orderBy(asc(clientContacts.id)).all();
  const counts: Record<string, number> = {};
  for (const e of db.select({ kind: clientEvents.kind }).from(clientEvents).where(eq(clientEvents.clientId, id)).all()) {
    counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  }
  const conflict = db
    .select({ id: claimConflicts.id, claimantName: users.fullName })
    .from(claimConflicts)
    .innerJoin(users, eq(users.id, claimConflicts.claimantId))
    .where(and(eq(claimConflicts.clientId, id), eq(claimConflicts.status, 'open')))
    .get();
  const channels = (contactId: number | null) => ({
    phones: phones.filter((p) => p.contactId === contactId).map((p) => ({ value: p.value, label: p.label })),
    emails: emails.filter((e) => e.contactId === contactId).map((e) => ({ value: e.email, label: e.label })),
  });
  const toContact = (r: ContactRow): ClientContact => ({
    id: r.id,
    clientId: r.clientId,
    fullName: r.fullName,
    position: r.position,
    decisionRole: r.decisionRole,
    notes: r.notes,
    birthday: r.birthday,
    ...channels(r.id),
    version: r.version,
  });
  return {
    id: c.id,
    kind: c.kind,
    shortName: c.shortName,
    fullName: c.fullName,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    legalAddress: c.legalAddress,
    postalAddress: c.postalAddress,
    actualAddress: c.actualAddress,
    website: c.website,
    segment: c.segment,
    region: c.region,
    sourceId: c.sourceId,
    comment: c.comment,
    facsimileAgreement: c.facsimileAgreement,
    ...channels(null),
    accounts: accounts.map((a) => ({ bik: a.bik, bankName: a.bankName, corrAccount: a.corrAccount, account: a.account, isPrimary: a.isPrimary })),
    responsible: owner ?? null,
    claimedAt: c.claimedAt,
    lastActivityAt: c.lastActivityAt,
    sourceName: source?.name ?? null,
    ladder: computeLadder(factsFromEventCounts(counts)),
    contacts: contactRows.map(toContact),
    openConflict: conflict ?? null,
    ownerHistory: ownerHistorySync(deps, id),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
    updatedByName: savedBy?.fullName ?? null,
  };
}

function fullNameOf(input: ClientInput): string {
  return input.fullName || input.shortName;
}

/** The client base: cards, their phones, e-mails and bank accounts. */
export function createClientsRepo(deps: RepoDeps) {
  const { db } = deps;
  const audited = (r: ClientRecord) => {
    const { ladder: _l, contacts: _c, openConflict: _o, ownerHistory: _h, ...rest } = r;
    return rest;
  };
  return {
    async get(id: number): Promise<ClientRecord | null> {
      return readClientSync(deps, id);
    },
    /** The client holding this ИНН, if any (ИНН is unique in the base). */
    async findByInn(inn: string, exceptId: number | null = null): Promise<{ id: number; name: string; responsibleName: string | null } | null> {
      const rows = db
        .select({ id: clients.id, name: clients.shortName, responsibleName: users.fullName })
        .from(clients)
        .leftJoin(users, eq(users.id, clients.responsibleId))
        .where(eq(clients.inn, inn))
        .all();
      return rows.find((r) => r.id !== exceptId) ?? null;
    },
    async create(actor: Actor, input: ClientInput, responsibleId: number | null): Promise<ClientRecord> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const id = insertClientSync(
          deps,
          { ...input, fullName: fullNameOf(input), contacts: [], responsibleId, importBatchId: null, createdBy: actor.userId },
          at,
        );
        addEventSync(deps, { clientId: id, kind: 'created', text: 'Карточка клиента создана', userId: actor.userId, at });
        if (responsibleId !== null) logFirstOwnerSync(deps, id, responsibleId, 'assign', actor.userId, 'Карточка создана', at);
        const created = readClientSync(deps, id);
        if (!created) throw new Error('client vanished inside its own transaction');
        appendAudit(deps.sqlite, actor, { action: 'create', entity: 'client', entityId: id, after: audited(created) }, at);
        return created;
      });
    },
    async update(actor: Actor, id: number, input: ClientInput, version: number): Promise<ClientRecord | null> {
      return inTransaction(deps, () => {
        const before = readClientSync(deps, id);
        if (!before) return null;
        claimVersionSync(deps.sqlite, 'clients', id, version, actor.userId);
        const at = deps.now().toISOString();
        const { phones, emails, accounts, ...fields } = input;
        db.update(clients)
          .set({ ...fields, fullName: fullNameOf(input), nameKey: normalizeCompanyName(input.shortName) || normalizeCompanyName(input.fullName), updatedAt: at })
          .where(eq(clients.id, id))
          .run();
        db.delete(clientPhones).where(and(eq(clientPhones.clientId, id), isNull(clientPhones.contactId))).run();
        db.delete(clientEmails).where(and(eq(clientEmails.clientId, id), isNull(clientEmails.contactId))).run();
        db.delete(clientBankAccounts).where(eq(clientBankAccounts.clientId, id)).run();
        insertChannelsSync(deps, id, null, phones, emails);
        for (const a of accounts) db.insert(clientBankAccounts).values({ ...a, clientId: id }).run();
        refreshSearchSync(deps, id);
        // Work on the card by its manager keeps a claim alive.
        if (before.responsible?.id === actor.userId) db.update(clients).set({ lastActivityAt: at }).where(eq(clients.id, id)).run();
        const after = readClientSync(deps, id);
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'client', entityId: id, before: audited(before), after: after && audited(after) }, at);
        return after;
      });
    },

    /** Records whether the client agreed to a facsimile signature on our documents (audited). */
    async setFacsimileAgreement(actor: Actor, id: number, agreed: boolean): Promise<ClientRecord | null> {
      return inTransaction(deps, () => {
        const before = readClientSync(deps, id);
        if (!before) return null;
        const at = deps.now().toISOString();
        db.update(clients).set({ facsimileAgreement: agreed, updatedAt: at }).where(eq(clients.id, id)).run();
        const after = readClientSync(deps, id);
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'client', entityId: id, before: { facsimileAgreement: before.facsimileAgreement }, after: { facsimileAgreement: agreed } }, at);
        return after;
      });
    },
  };
}

/** The clients repository. */
export type ClientsRepo = ReturnType<typeof createClientsRepo>;
