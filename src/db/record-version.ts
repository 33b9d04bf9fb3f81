import type { Sqlite } from './connection';
import { StaleRecordError } from '../shared/record-version';

/** The tables whose rows carry a version and who saved them last. */
export type VersionedTable = 'deals' | 'clients' | 'documents' | 'catalog_items';

interface StampRow {
  version: number;
  updatedAt: string;
  name: string | null;
}

/**
 * Inside a save's transaction: refuses (throws StaleRecordError, so nothing is written) when the
 * record's version is not the one the save was based on, otherwise bumps it and records who saved.
 * A missing record is left to the caller to report.
 */
export function claimVersionSync(sqlite: Sqlite, table: VersionedTable, id: number, expected: number, userId: number | null): void {
  const row = sqlite
    .prepare(`SELECT t.version AS version, t.updated_at AS updatedAt, u.full_name AS name FROM ${table} t LEFT JOIN users u ON u.id = t.updated_by WHERE t.id = ?`)
    .get(id) as StampRow | undefined;
  if (!row) return;
  if (row.version !== expected) throw new StaleRecordError({ version: row.version, updatedByName: row.name, updatedAt: row.updatedAt });
  bumpVersionSync(sqlite, table, id, userId);
}

/** Bumps a record's version after a change that needs no check of its own (a stage move, an issue). */
export function bumpVersionSync(sqlite: Sqlite, table: VersionedTable, id: number, userId: number | null): void {
  sqlite.prepare(`UPDATE ${table} SET version = version + 1, updated_by = ? WHERE id = ?`).run(userId, id);
}
