import Database from 'better-sqlite3';

/** A raw SQLite connection (better-sqlite3). */
export type Sqlite = Database.Database;

/** The pragmas every connection runs with; a test reads them back. */
export const CONNECTION_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
  // Writers never checkpoint inside their COMMIT; the store does it after (checkpoints.ts).
  wal_autocheckpoint: 0,
} as const;

/** Opens the database file with the house pragmas. Never called at import time. */
export function openConnection(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('wal_autocheckpoint = 0');
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Runs SQLite's quick_check; returns null when the file is healthy, else the first problem. */
export function quickCheck(sqlite: Sqlite): string | null {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer';
  return first === 'ok' ? null : first;
}
