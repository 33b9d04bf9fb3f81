import { createHash } from 'node:crypto';
import type { Sqlite } from './connection';

/** Who did something: the signed-in person, or the program itself (null). */
export interface Actor {
  userId: number | null;
  userName: string | null;
  /** The computer the change came from (the desk's name, or this computer's window). */
  computer?: string | null;
}

/** The program acting on its own (migrations, demo data, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { userId: null, userName: 'Система' };

/** One change to record. */
export interface AuditInput {
  action: 'create' | 'update' | 'delete' | 'status' | 'login' | 'logout' | 'import' | 'issue' | 'approve' | string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** The hash every chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  computer: string | null;
  hash_version: number;
}

/** The hash of one entry: version 1 (before the office) without the computer, version 2 with it. */
function entryHash(prevHash: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const fields = [prevHash, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id, r.before, r.after];
  const payload = JSON.stringify(r.hash_version >= 2 ? [...fields, r.computer, r.hash_version] : fields);
  return createHash('sha256').update(payload).digest('hex');
}

/** The hash version new entries are written with. */
export const AUDIT_HASH_VERSION = 2;

/** Appends an entry to the chain. Call inside the transaction that makes the change. */
export function appendAudit(sqlite: Sqlite, actor: Actor, input: AuditInput, at: string): void {
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at,
    user_id: actor.userId,
    user_name: actor.userName,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId === null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    computer: actor.computer ?? null,
    hash_version: AUDIT_HASH_VERSION,
  };
  const hash = entryHash(prevHash, row);
  sqlite
    .prepare(
      'INSERT INTO audit_log (at, user_id, user_name, action, entity, entity_id, before, after, prev_hash, hash, computer, hash_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(row.at, row.user_id, row.user_name, row.action, row.entity, row.entity_id, row.before, row.after, prevHash, hash, row.computer, row.hash_version);
}

/** Walks the whole chain; returns the id of the first entry whose link or hash is wrong, or null. */
export function verifyAuditChain(sqlite: Sqlite): number | null {
  let prev = GENESIS_HASH;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash) return r.id;
    prev = r.hash;
  }
  return null;
}
