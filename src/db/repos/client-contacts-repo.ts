import { and, eq } from 'drizzle-orm';
import type { ClientContact, ContactInput } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimVersionSync } from '../record-version';
import { clientContacts, clientEmails, clientPhones } from '../schema/clients';
import { insertChannelsSync, refreshSearchSync, touchClientSync } from './client-writes';
import { readClientSync } from './clients-repo';

/** Key persons of a client: the personal dossier, with their phones and e-mails. */
export function createClientContactsRepo(deps: RepoDeps) {
  const { db } = deps;
  const readContact = (clientId: number, id: number): ClientContact | null =>
    readClientSync(deps, clientId)?.contacts.find((c) => c.id === id) ?? null;
  return {
    /**
     * Creates (id null) or replaces a key person saved on `version` (StaleRecordError when another
     * save came first); null when the person is not this client's.
     */
    async save(actor: Actor, clientId: number, id: number | null, input: ContactInput, version?: number): Promise<ClientContact | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const { phones, emails, ...fields } = input;
        let contactId: number;
        let before: ClientContact | null = null;
        if (id === null) {
          contactId = db.insert(clientContacts).values({ ...fields, clientId, createdAt: at, updatedAt: at, updatedBy: actor.userId }).returning({ id: clientContacts.id }).get().id;
        } else {
          before = readContact(clientId, id);
          if (!before) return null;
          contactId = id;
          if (version !== undefined) claimVersionSync(deps.sqlite, 'client_contacts', id, version, actor.userId);
          db.update(clientContacts).set({ ...fields, updatedAt: at }).where(eq(clientContacts.id, id)).run();
          db.delete(clientPhones).where(eq(clientPhones.contactId, id)).run();
          db.delete(clientEmails).where(eq(clientEmails.contactId, id)).run();
        }
        insertChannelsSync(deps, clientId, contactId, phones, emails);
        refreshSearchSync(deps, clientId);
        touchClientSync(deps, clientId, at);
        const after = readContact(clientId, contactId);
        appendAudit(
          deps.sqlite,
          actor,
          { action: id === null ? 'create' : 'update', entity: 'client_contact', entityId: contactId, before: before ?? undefined, after },
          at,
        );
        return after;
      });
    },
    async remove(actor: Actor, clientId: number, id: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const before = readContact(clientId, id);
        if (!before) return false;
        const at = deps.now().toISOString();
        db.delete(clientContacts).where(and(eq(clientContacts.id, id), eq(clientContacts.clientId, clientId))).run();
        refreshSearchSync(deps, clientId);
        appendAudit(deps.sqlite, actor, { action: 'delete', entity: 'client_contact', entityId: id, before }, at);
        return true;
      });
    },
  };
}

/** The key persons repository. */
export type ClientContactsRepo = ReturnType<typeof createClientContactsRepo>;
