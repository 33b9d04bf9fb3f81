import { desc, eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { clientEvents, clients } from '../schema/clients';
import { users } from '../schema/foundation';
import { addEventSync } from './client-writes';

/** An entry of the client's history as stored. */
export interface EventRow {
  id: number;
  kind: string;
  at: string;
  userName: string | null;
  text: string;
}

/** The client's history: notes, transfers and the events of every area. */
export function createClientDossierRepo(deps: RepoDeps) {
  const { db } = deps;
  return {
    async events(clientId: number): Promise<EventRow[]> {
      return db
        .select({ id: clientEvents.id, kind: clientEvents.kind, at: clientEvents.at, userName: users.fullName, text: clientEvents.text })
        .from(clientEvents)
        .leftJoin(users, eq(users.id, clientEvents.userId))
        .where(eq(clientEvents.clientId, clientId))
        .orderBy(desc(clientEvents.at), desc(clientEvents.id))
        .all();
    },
    /**
     * Records an event in the client's history (a note now; calls, meetings, documents and
     * payments from their areas). Fact kinds (contact, meeting, proposal, contract, payment,
     * closed_signed, repeat_payment) move the ladder.
     */
    async record(actor: Actor, e: { clientId: number; kind: string; text: string; refEntity?: string; refId?: number }): Promise<EventRow | null> {
      return inTransaction(deps, () => {
        if (!db.select({ id: clients.id }).from(clients).where(eq(clients.id, e.clientId)).get()) return null;
        const at = deps.now().toISOString();
        const id = addEventSync(deps, { ...e, userId: actor.userId, at });
        appendAudit(deps.sqlite, actor, { action: 'create', entity: 'client_event', entityId: id, after: { ...e, at } }, at);
        return { id, kind: e.kind, at, userName: actor.userName, text: e.text };
      });
    },
  };
}

/** The client history repository. */
export type ClientDossierRepo = ReturnType<typeof createClientDossierRepo>;
