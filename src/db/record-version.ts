import type { Sqlite } from './connection';
import { NEVER_SAVED, StaleRecordError, type RecordStamp } from '../shared/record-version';

/** The tables whose rows carry a version, with the column naming who saved the row last. */
const VERSIONED = {
  deals: 'updated_by',
  clients: 'updated_by',
  documents: 'updated_by',
  catalog_items: 'updated_by',
  client_contacts: 'updated_by',
  questionnaire_answers: 'user_id',
  price_lists: 'updated_by',
  payroll_orders: 'updated_by',
  organizations: 'updated_by',
} as const;

/** A table whose rows carry a version and who saved them last. */
export type VersionedTable = keyof typeof VERSIONED;

interface StampRow {
  version: number;
  updatedAt: string;
  name: string | null;
}

/** Refuses (throws StaleRecordError, so nothing is written) a save based on another version than the record's. */
export function expectVersion(current: RecordStamp, expected: number): void {
  if (current.version !== expected) throw new StaleRecordError(current);
}

/**
 * Inside a save's transaction: refuses (throws StaleRecordError, so nothing is written) when the
 * record's version is not the one the save was based on, otherwise bumps it and records who saved.
 * A missing record is left to the caller to report.
 */
export function claimVersionSync(sqlite: Sqlite, table: VersionedTable, id: number, expected: number, userId: number | null): void {
  const row = sqlite
    .prepare(`SELECT t.version AS version, t.updated_at AS updatedAt, u.full_name AS name FROM ${table} t LEFT JOIN users u ON u.id = t.${VERSIONED[table]} WHERE t.id = ?`)
    .get(id) as StampRow | undefined;
  if (!row) return;
  expectVersion({ version: row.version, updatedByName: row.name, updatedAt: row.updatedAt }, expected);
  bumpVersionSync(sqlite, table, id, userId);
}

/** Bumps a record's version after a change that needs no check of its own (a stage move, an issue). */
export function bumpVersionSync(sqlite: Sqlite, table: VersionedTable, id: number, userId: number | null): void {
  sqlite.prepare(`UPDATE ${table} SET version = version + 1, ${VERSIONED[table]} = ? WHERE id = ?`).run(userId, id);
}

/** The stamp of a record kept as a set (record_stamps); version 0 when it was never saved. */
export function readStampSync(sqlite: Sqlite, key: string): RecordStamp {
  const row = sqlite
    .prepare('SELECT s.version AS version, s.updated_at AS updatedAt, u.full_name AS name FROM record_stamps s LEFT JOIN users u ON u.id = s.updated_by WHERE s.key = ?')
    .get(key) as StampRow | undefined;
  return row ? { version: row.version, updatedByName: row.name, updatedAt: row.updatedAt } : NEVER_SAVED;
}

/** Inside a save's transaction: refuses a set saved on an older version (see claimVersionSync), otherwise bumps it. */
export function claimStampSync(sqlite: Sqlite, key: string, expected: number, userId: number | null, at: string): void {
  expectVersion(readStampSync(sqlite, key), expected);
  bumpStampSync(sqlite, key, userId, at);
}

/** Bumps a set's version after a change that needs no check of its own (a plan copied or approved). */
export function bumpStampSync(sqlite: Sqlite, key: string, userId: number | null, at: string): void {
  sqlite
    .prepare('INSERT INTO record_stamps (key, version, updated_by, updated_at) VALUES (?, 1, ?, ?) ON CONFLICT (key) DO UPDATE SET version = version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at')
    .run(key, userId, at);
}
