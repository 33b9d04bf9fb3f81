// Many new clients at once, for a long write (a long list, a base written in bulk): the rows
// insertClientSync, logFirstOwnerSync and insertEventSync write one by one, written hundreds to a
// statement. Every table here has AUTOINCREMENT ids, and SQLite reads and updates its sequence once per
// statement: one row per statement costs a client's rows about three times what the rows themselves do.
// The rows go in the order given, so each table's ids are those the one-by-one writes would give.
import { LADDER_FACT_KINDS, normalizePhone } from '../../core/index';
import { BATCH_ROWS, batchStatement, insertRowsSync } from '../batch-insert';
import type { RepoDeps } from '../drizzle';
import {
  ACCOUNT_INSERT,
  ACCOUNT_WIDTH,
  CHANNEL_WIDTH,
  CLIENT_INSERT,
  CLIENT_WIDTH,
  CONTACT_INSERT,
  CONTACT_WIDTH,
  EMAIL_INSERT,
  EVENT_INSERT,
  EVENT_WIDTH,
  PHONE_INSERT,
  pushChannelRows,
  pushClientDetailRows,
  pushClientRow,
  TRANSFER_INSERT,
  TRANSFER_WIDTH,
  transferText,
  userNameSync,
  type NewClientData,
  type TransferKind,
} from './client-writes';

/** Inserts new clients with their phones, e-mails, accounts and key persons; returns their ids in the order given. */
export function insertClientsSync(deps: RepoDeps, list: readonly NewClientData[], at: string): number[] {
  const ids: number[] = [];
  const phones: unknown[] = [];
  const emails: unknown[] = [];
  const accounts: unknown[] = [];
  const contacts: unknown[] = [];
  for (let from = 0; from < list.length; from += BATCH_ROWS) {
    const part = list.slice(from, from + BATCH_ROWS);
    const values: unknown[] = [];
    // Each phone is normalised once, for the search words and for its own row.
    const normalized = part.map((d) => d.phones.map((p) => normalizePhone(p.value)));
    part.forEach((d, k) => pushClientRow(values, d, at, normalized[k]));
    const res = batchStatement(deps.sqlite, CLIENT_INSERT, CLIENT_WIDTH, part.length).run(...values);
    if (res.changes !== part.length) throw new Error(`insertClientsSync: ${res.changes} of ${part.length} clients written`);
    // Inside the write transaction a statement's new rows take the ids after the largest, in the order of its VALUES.
    const first = Number(res.lastInsertRowid) - part.length + 1;
    part.forEach((d, k) => {
      const id = first + k;
      ids.push(id);
      pushChannelRows(phones, emails, id, null, d.phones, d.emails, normalized[k]);
      pushClientDetailRows(accounts, contacts, id, d, at);
    });
  }
  insertRowsSync(deps.sqlite, PHONE_INSERT, CHANNEL_WIDTH, phones);
  insertRowsSync(deps.sqlite, EMAIL_INSERT, CHANNEL_WIDTH, emails);
  insertRowsSync(deps.sqlite, ACCOUNT_INSERT, ACCOUNT_WIDTH, accounts);
  insertRowsSync(deps.sqlite, CONTACT_INSERT, CONTACT_WIDTH, contacts);
  return ids;
}

/** What is logged for a new client: its first owner (if any) and then one history line of its own. */
export interface NewClientLog {
  clientId: number;
  ownerId: number | null;
  kind: TransferKind;
  byUserId: number | null;
  reason: string;
  event: { kind: string; text: string; userId: number | null; refEntity: string | null; refId: number | null };
}

/**
 * For each new client, in the order given: the owner's transfer row and its history line (as
 * logFirstOwnerSync writes them), then the client's own history line (as insertEventSync does; no
 * ladder fact: the client was inserted at `at` and nothing else is to be recomputed).
 */
export function logNewClientsSync(deps: RepoDeps, logs: readonly NewClientLog[], at: string): void {
  const names = new Map<number | null, string>();
  const nameOf = (id: number | null): string => {
    let name = names.get(id);
    if (name === undefined) {
      name = userNameSync(deps, id);
      names.set(id, name);
    }
    return name;
  };
  const transfers: unknown[] = [];
  const events: unknown[] = [];
  for (const l of logs) {
    if (LADDER_FACT_KINDS[l.event.kind]) throw new Error(`logNewClientsSync: «${l.event.kind}» moves the ladder`);
    if (l.ownerId !== null) {
      transfers.push(l.clientId, l.kind, null, l.ownerId, l.byUserId, l.reason, at);
      events.push(l.clientId, 'transfer', at, l.byUserId, transferText(l.kind, nameOf(null), nameOf(l.ownerId), l.reason), 'client_transfer', null);
    }
    events.push(l.clientId, l.event.kind, at, l.event.userId, l.event.text, l.event.refEntity, l.event.refId);
  }
  insertRowsSync(deps.sqlite, TRANSFER_INSERT, TRANSFER_WIDTH, transfers);
  insertRowsSync(deps.sqlite, EVENT_INSERT, EVENT_WIDTH, events);
}
