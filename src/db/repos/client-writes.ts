// Synchronous building blocks of the client repositories, called inside their transactions.
// Prepared statements are made once per connection: an import writes tens of thousands of rows.
import {
  clientSearchText,
  computeLadder,
  emailDomain,
  factsFromEventCounts,
  LADDER_FACT_KINDS,
  normalizeCompanyName,
  normalizePhone,
} from '../../core/index';
import type { Sqlite } from '../connection';
import { batchStatement, insertRowsSync } from '../batch-insert';
import type { RepoDeps } from '../drizzle';

/** A phone to store: as typed, and as +7… when recognised. */
export interface PhoneValue {
  value: string;
  label: string;
}

/** A new client's data, already checked by the handler. */
export interface NewClientData {
  kind: 'legal' | 'ip' | 'person';
  shortName: string;
  fullName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  legalAddress: string;
  postalAddress: string;
  actualAddress: string;
  website: string;
  segment: string;
  region: string;
  sourceId: number | null;
  comment: string;
  phones: PhoneValue[];
  emails: PhoneValue[];
  accounts: { bik: string; bankName: string; corrAccount: string; account: string; isPrimary: boolean }[];
  /** Key persons known at creation (a long list's contact column). */
  contacts: { fullName: string; position: string }[];
  responsibleId: number | null;
  importBatchId: number | null;
  createdBy: number | null;
}

/** The tables whose secondary indexes a bulk load rebuilds instead of growing them row by row. */
const BULK_TABLES = ['clients', 'client_phones', 'client_emails'];
/** FTS5's own default for how eagerly it merges index segments. */
const FTS5_DEFAULT_AUTOMERGE = 4;
/** Below this many new clients rebuilding the indexes gains nothing worth the two statements. */
const BULK_REBUILD_MIN = 1000;

// The inserts of a client's rows: a client's own rows go in one statement per table here (insertRowsSync),
// many clients' rows per statement in client-bulk-writes.ts.
export const CLIENT_INSERT = `INSERT INTO clients (kind, full_name, short_name, name_key, search_text, inn, kpp, ogrn, legal_address,
  postal_address, actual_address, website, segment, region, source_id, comment, responsible_id, claimed_at, last_activity_at, ladder_step,
  import_batch_id, created_by, created_at, updated_at)`;
export const CLIENT_WIDTH = 24;
export const PHONE_INSERT = 'INSERT INTO client_phones (client_id, contact_id, value, normalized, label)';
export const EMAIL_INSERT = 'INSERT INTO client_emails (client_id, contact_id, email, domain, label)';
export const CHANNEL_WIDTH = 5;
export const ACCOUNT_INSERT = 'INSERT INTO client_bank_accounts (client_id, bik, bank_name, corr_account, account, is_primary)';
export const ACCOUNT_WIDTH = 6;
export const CONTACT_INSERT = 'INSERT INTO client_contacts (client_id, full_name, position, decision_role, created_at, updated_at)';
export const CONTACT_WIDTH = 6;
export const TRANSFER_INSERT = 'INSERT INTO client_transfers (client_id, kind, from_user_id, to_user_id, by_user_id, reason, at)';
export const TRANSFER_WIDTH = 7;
export const EVENT_INSERT = 'INSERT INTO client_events (client_id, kind, at, user_id, text, ref_entity, ref_id)';
export const EVENT_WIDTH = 7;

/** Appends a new client's row (CLIENT_INSERT's columns) to `out`: its search words and name key worked out here. */
export function pushClientRow(out: unknown[], d: NewClientData, at: string, normalizedPhones = d.phones.map((p) => normalizePhone(p.value))): void {
  const searchText = clientSearchText({
    names: [d.shortName, d.fullName],
    inn: d.inn,
    ogrn: d.ogrn,
    phones: d.phones.map((p, i) => normalizedPhones[i] ?? p.value),
    emails: d.emails.map((e) => e.value.toLowerCase()),
    contactNames: d.contacts.map((c) => c.fullName),
  });
  const nameKey = normalizeCompanyName(d.shortName) || normalizeCompanyName(d.fullName);
  const claimedAt = d.responsibleId === null ? null : at;
  out.push(
    d.kind, d.fullName, d.shortName, nameKey, searchText, d.inn, d.kpp, d.ogrn, d.legalAddress,
    d.postalAddress, d.actualAddress, d.website, d.segment, d.region, d.sourceId, d.comment, d.responsibleId, claimedAt, at, 'potential',
    d.importBatchId, d.createdBy, at, at,
  );
}

/** Appends the rows of a client's (or key person's) phones and e-mails to `phones` and `emails`. */
export function pushChannelRows(
  phones: unknown[],
  emails: unknown[],
  clientId: number,
  contactId: number | null,
  ps: readonly PhoneValue[],
  es: readonly PhoneValue[],
  normalizedPhones = ps.map((p) => normalizePhone(p.value)),
): void {
  ps.forEach((p, i) => phones.push(clientId, contactId, p.value, normalizedPhones[i], p.label));
  for (const e of es) {
    const email = e.value.trim().toLowerCase();
    emails.push(clientId, contactId, email, emailDomain(email), e.label);
  }
}

/** Appends the rows of a new client's bank accounts and key persons to `accounts` and `contacts`. */
export function pushClientDetailRows(accounts: unknown[], contacts: unknown[], clientId: number, d: NewClientData, at: string): void {
  for (const a of d.accounts) accounts.push(clientId, a.bik, a.bankName, a.corrAccount, a.account, a.isPrimary ? 1 : 0);
  for (const c of d.contacts) contacts.push(clientId, c.fullName, c.position, 'other', at, at);
}

function statements(sqlite: Sqlite) {
  return {
    // Positional parameters, in the order of the columns: binding 24 named ones costs more than the
    // row's own insert when a list of 100 000 clients is written.
    insertClient: batchStatement(sqlite, CLIENT_INSERT, CLIENT_WIDTH, 1),
    insertTransfer: batchStatement(sqlite, TRANSFER_INSERT, TRANSFER_WIDTH, 1),
    insertEvent: batchStatement(sqlite, EVENT_INSERT, EVENT_WIDTH, 1),
    names: sqlite.prepare('SELECT short_name, full_name, inn, ogrn FROM clients WHERE id = ?'),
    phones: sqlite.prepare('SELECT value, normalized FROM client_phones WHERE client_id = ?'),
    emails: sqlite.prepare('SELECT email FROM client_emails WHERE client_id = ?'),
    contactNames: sqlite.prepare('SELECT full_name FROM client_contacts WHERE client_id = ?'),
    setSearch: sqlite.prepare('UPDATE clients SET search_text = ? WHERE id = ? AND search_text <> ?'),
    touch: sqlite.prepare('UPDATE clients SET last_activity_at = ? WHERE id = ?'),
    factCounts: sqlite.prepare('SELECT kind, count(*) AS n FROM client_events WHERE client_id = ? GROUP BY kind'),
    setLadder: sqlite.prepare('UPDATE clients SET ladder_step = ? WHERE id = ?'),
    owner: sqlite.prepare('SELECT responsible_id FROM clients WHERE id = ?'),
    userName: sqlite.prepare('SELECT full_name FROM users WHERE id = ?'),
    setOwner: sqlite.prepare('UPDATE clients SET responsible_id = ?, claimed_at = ?, last_activity_at = ?, updated_at = ? WHERE id = ?'),
    deferIndex: sqlite.prepare('INSERT INTO clients_fts_deferred (id, after_id) VALUES (1, (SELECT coalesce(max(id), 0) FROM clients))'),
    indexDeferred: sqlite.prepare(
      'INSERT INTO clients_fts (rowid, search_text) SELECT c.id, c.search_text FROM clients_fts_deferred d JOIN clients c ON c.id > d.after_id ORDER BY c.id',
    ),
    endDeferral: sqlite.prepare('DELETE FROM clients_fts_deferred'),
    insertTrigger: sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'clients_fts_insert'"),
    clientCount: sqlite.prepare('SELECT count(*) AS n FROM clients'),
    ftsAutomerge: sqlite.prepare("SELECT v FROM clients_fts_config WHERE k = 'automerge'"),
    bulkIndexes: sqlite.prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY name`,
    ),
  };
}

const cache = new WeakMap<Sqlite, ReturnType<typeof statements>>();

/** The prepared statements of this connection. */
export function stmts(sqlite: Sqlite): ReturnType<typeof statements> {
  let s = cache.get(sqlite);
  if (!s) {
    s = statements(sqlite);
    cache.set(sqlite, s);
  }
  return s;
}

/** Stores phones and e-mails of a client (or of one of its key persons). */
export function insertChannelsSync(deps: RepoDeps, clientId: number, contactId: number | null, phones: PhoneValue[], emails: PhoneValue[]): void {
  const phoneRows: unknown[] = [];
  const emailRows: unknown[] = [];
  pushChannelRows(phoneRows, emailRows, clientId, contactId, phones, emails);
  insertRowsSync(deps.sqlite, PHONE_INSERT, CHANNEL_WIDTH, phoneRows);
  insertRowsSync(deps.sqlite, EMAIL_INSERT, CHANNEL_WIDTH, emailRows);
}

/** What deferClientIndexSync took away and indexDeferredClientsSync puts back. */
export interface IndexDeferral {
  insertTrigger: string;
  /** Secondary indexes dropped for a bulk load, with their own stored text, rebuilt at its end. */
  indexes: string[];
}

/**
 * From now on in this transaction, clients added are left out of the search index until
 * indexDeferredClientsSync adds them all in one statement. The mark row keeps the update and delete
 * triggers off those rows; the insert trigger itself is dropped for the length of the transaction
 * (even a trigger that does nothing costs an insert a statement journal) and put back with its own
 * stored text. Both calls belong to one transaction: a rollback undoes the drops and the mark too.
 *
 * With `bulkRows` — a load that only adds that many clients and reads none of the clients' side tables
 * meanwhile — at least as many as the base already has, the secondary indexes of clients, their phones
 * and e-mails are dropped too and built again at the end: sorting every key once is cheaper than
 * inserting each into a B-tree at a random place. Other connections keep reading the committed base
 * with its indexes; the schema they see after the commit is the one they saw before.
 */
export function deferClientIndexSync(deps: RepoDeps, opts: { bulkRows?: number } = {}): IndexDeferral {
  const s = stmts(deps.sqlite);
  const row = s.insertTrigger.get() as { sql: string } | undefined;
  if (!row) throw new Error('clients_fts_insert trigger is missing');
  s.deferIndex.run();
  deps.sqlite.exec('DROP TRIGGER clients_fts_insert');
  const bulk = opts.bulkRows ?? 0;
  const indexes: { name: string; sql: string }[] =
    bulk >= BULK_REBUILD_MIN && bulk >= (s.clientCount.get() as { n: number }).n ? (s.bulkIndexes.all(...BULK_TABLES) as { name: string; sql: string }[]) : [];
  for (const index of indexes) deps.sqlite.exec(`DROP INDEX "${index.name}"`);
  return { insertTrigger: row.sql, indexes: indexes.map((index) => index.sql) };
}

/** Indexes every client added since deferClientIndexSync, with its search words as they are now, and ends the deferral. */
export function indexDeferredClientsSync(deps: RepoDeps, deferral: IndexDeferral): void {
  const s = stmts(deps.sqlite);
  for (const sql of deferral.indexes) deps.sqlite.exec(sql);
  // One statement adds every new client: FTS5's merging of its segments after each flush is left for
  // the writes that follow (a quarter of the statement's time), then its setting is put back as it was.
  const automerge = (s.ftsAutomerge.get() as { v: number } | undefined)?.v ?? FTS5_DEFAULT_AUTOMERGE;
  deps.sqlite.exec("INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', 0)");
  s.indexDeferred.run();
  deps.sqlite.exec(`INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', ${Math.trunc(automerge)})`);
  s.endDeferral.run();
  deps.sqlite.exec(deferral.insertTrigger);
}

/** Recomputes a client's search words from its names, requisites, phones, e-mails and key persons. */
export function refreshSearchSync(deps: RepoDeps, clientId: number): void {
  const s = stmts(deps.sqlite);
  const c = s.names.get(clientId) as { short_name: string; full_name: string; inn: string; ogrn: string } | undefined;
  if (!c) return;
  const phones = (s.phones.all(clientId) as { value: string; normalized: string | null }[]).map((p) => p.normalized ?? p.value);
  const emails = (s.emails.all(clientId) as { email: string }[]).map((e) => e.email);
  const contactNames = (s.contactNames.all(clientId) as { full_name: string }[]).map((r) => r.full_name);
  const text = clientSearchText({ names: [c.short_name, c.full_name], inn: c.inn, ogrn: c.ogrn, phones, emails, contactNames });
  s.setSearch.run(text, clientId, text);
}

/** Inserts a client with its phones, e-mails, accounts and key persons; returns its id. */
export function insertClientSync(deps: RepoDeps, d: NewClientData, at: string): number {
  const s = stmts(deps.sqlite);
  const row: unknown[] = [];
  pushClientRow(row, d, at);
  const id = Number(s.insertClient.run(...row).lastInsertRowid);
  insertChannelsSync(deps, id, null, d.phones, d.emails);
  const accounts: unknown[] = [];
  const contacts: unknown[] = [];
  pushClientDetailRows(accounts, contacts, id, d, at);
  insertRowsSync(deps.sqlite, ACCOUNT_INSERT, ACCOUNT_WIDTH, accounts);
  insertRowsSync(deps.sqlite, CONTACT_INSERT, CONTACT_WIDTH, contacts);
  return id;
}

/** What kind of owner change it is (see client_transfers.kind). */
export type TransferKind = 'assign' | 'transfer' | 'claim' | 'lapse' | 'resolve' | 'import' | 'rule';

const TRANSFER_TITLES: Record<TransferKind, string> = {
  assign: 'Назначен ответственный',
  transfer: 'Клиент передан другому менеджеру',
  claim: 'Клиент закреплён по заявке',
  lapse: 'Закрепление истекло — клиент перешёл к другому менеджеру',
  resolve: 'Спор о клиенте решён',
  import: 'Закреплён при загрузке списка',
  rule: 'Распределён по стандарту деления',
};

/** The history line of an owner change: «Назначен ответственный: без ответственного → Иванов И. И.. reason». */
export function transferText(kind: TransferKind, fromName: string, toName: string, reason: string): string {
  return `${TRANSFER_TITLES[kind]}: ${fromName} → ${toName}${reason ? `. ${reason}` : ''}`;
}

/** A user's name as the history writes it, or «без ответственного» for none. */
export function userNameSync(deps: RepoDeps, id: number | null): string {
  if (id === null) return 'без ответственного';
  return (stmts(deps.sqlite).userName.get(id) as { full_name: string } | undefined)?.full_name ?? `№${id}`;
}

function logTransferSync(
  deps: RepoDeps,
  t: { clientId: number; fromUserId: number | null; toUserId: number | null; kind: TransferKind; byUserId: number | null; reason: string; at: string },
): void {
  const s = stmts(deps.sqlite);
  s.insertTransfer.run(t.clientId, t.kind, t.fromUserId, t.toUserId, t.byUserId, t.reason, t.at);
  const text = transferText(t.kind, userNameSync(deps, t.fromUserId), userNameSync(deps, t.toUserId), t.reason);
  s.insertEvent.run(t.clientId, 'transfer', t.at, t.byUserId, text, 'client_transfer', null);
}

/** Sets the responsible manager and logs the transfer (who, from, to, why) in the log and the history. No-op when nothing changes. */
export function setOwnerSync(
  deps: RepoDeps,
  t: { clientId: number; toUserId: number | null; kind: TransferKind; byUserId: number | null; reason: string; at: string },
): boolean {
  const s = stmts(deps.sqlite);
  const row = s.owner.get(t.clientId) as { responsible_id: number | null } | undefined;
  if (!row || row.responsible_id === t.toUserId) return false;
  s.setOwner.run(t.toUserId, t.toUserId === null ? null : t.at, t.at, t.at, t.clientId);
  logTransferSync(deps, { ...t, fromUserId: row.responsible_id });
  return true;
}

/** Logs the first owner of a new client. */
export function logFirstOwnerSync(deps: RepoDeps, clientId: number, toUserId: number, kind: TransferKind, byUserId: number | null, reason: string, at: string): void {
  logTransferSync(deps, { clientId, fromUserId: null, toUserId, kind, byUserId, reason, at });
}

/** Recomputes the stored ladder step from the client's facts. */
export function refreshLadderSync(deps: RepoDeps, clientId: number): void {
  const s = stmts(deps.sqlite);
  const counts: Record<string, number> = {};
  for (const r of s.factCounts.all(clientId) as { kind: string; n: number }[]) counts[r.kind] = r.n;
  s.setLadder.run(computeLadder(factsFromEventCounts(counts)).current, clientId);
}

/** An entry of a client's history. */
export interface ClientEventData {
  clientId: number;
  kind: string;
  text: string;
  userId: number | null;
  at: string;
  refEntity?: string;
  refId?: number;
}

/**
 * Writes a history entry only: for a client inserted at `e.at` in the same transaction, whose activity
 * mark is already `e.at`, and a kind that is no ladder fact (what addEventSync would add is already there).
 */
export function insertEventSync(deps: RepoDeps, e: ClientEventData): number {
  if (LADDER_FACT_KINDS[e.kind]) throw new Error(`insertEventSync: «${e.kind}» moves the ladder; use addEventSync`);
  return Number(stmts(deps.sqlite).insertEvent.run(e.clientId, e.kind, e.at, e.userId, e.text, e.refEntity ?? null, e.refId ?? null).lastInsertRowid);
}

/** Adds an entry to the client's history and marks the client active; a fact event moves the ladder. */
export function addEventSync(deps: RepoDeps, e: ClientEventData): number {
  const s = stmts(deps.sqlite);
  const res = s.insertEvent.run(e.clientId, e.kind, e.at, e.userId, e.text, e.refEntity ?? null, e.refId ?? null);
  s.touch.run(e.at, e.clientId);
  if (LADDER_FACT_KINDS[e.kind]) refreshLadderSync(deps, e.clientId);
  return Number(res.lastInsertRowid);
}

/** Marks the client active now (claims lapse after a time without activity). */
export function touchClientSync(deps: RepoDeps, clientId: number, at: string): void {
  stmts(deps.sqlite).touch.run(at, clientId);
}
