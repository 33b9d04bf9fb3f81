import { alias } from 'drizzle-orm/sqlite-core';
import { desc, eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { clientEvents, clients, clientTransfers } from '../schema/clients';
import { users } from '../schema/foundation';
import { addEventSync, type TransferKind } from './client-writes';

/** An entry of the client's history as stored. */
export interface EventRow {
  id: number;
  kind: string;
  at: string;
  userName: string | null;
  text: string;
}

/** A change of the responsible manager with the names involved. */
export interface TransferRow {
  id: number;
  kind: TransferKind;
  at: string;
  fromName: string | null;
  toName: string | null;
  byName: string | null;
  reason: string;
}

/** The client's history: notes and events of every area, and the transfers between managers. */
export function createClientDossierRepo(deps: RepoDeps) {
  const { db } = deps;
  const fromUser = alias(users, 'from_user');
  const toUser = alias(users, 'to_user');
  const byUser = alias(users, 'by_user');
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
    async transfers(clientId: number): Promise<TransferRow[]> {
      return db
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
