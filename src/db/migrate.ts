import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from './connection';

/** Migration areas in the order they are applied; each has its own drizzle-kit folder. */
export const MIGRATION_AREAS = ['foundation', 'clients', 'documents', 'signing', 'money', 'sales', 'plans', 'payroll', 'trust'] as const;

/** One migration file from a drizzle-kit journal. */
export interface Migration {
  area: string;
  idx: number;
  tag: string;
  statements: string[];
}

/** The database was written by a newer version of the program. */
export class DatabaseNewerError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `База данных создана более новой версией программы (неизвестные изменения структуры: ${unknown.join(', ')}). ` +
        'Установите новую версию «Сделки». База не изменена.',
    );
  }
}

interface JournalFile {
  entries: { idx: number; tag: string }[];
}

/** Reads every area's committed migrations from `dir` (resources/migrations). */
export function readMigrations(dir: string): Migration[] {
  const out: Migration[] = [];
  for (const area of MIGRATION_AREAS) {
    const journalPath = join(dir, area, 'meta', '_journal.json');
    if (!existsSync(journalPath)) continue;
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as JournalFile;
    for (const e of journal.entries) {
      const sql = readFileSync(join(dir, area, `${e.tag}.sql`), 'utf8');
      const statements = sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      out.push({ area, idx: e.idx, tag: e.tag, statements });
    }
  }
  return out;
}

function appliedMigrations(sqlite: Sqlite): { area: string; idx: number }[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return [];
  return sqlite.prepare('SELECT area, idx FROM schema_migrations ORDER BY area, idx').all() as {
    area: string;
    idx: number;
  }[];
}

/** What would be applied; throws DatabaseNewerError when the file knows migrations we do not. */
export function pendingMigrations(sqlite: Sqlite, known: Migration[]): Migration[] {
  const applied = appliedMigrations(sqlite);
  const knownKeys = new Set(known.map((m) => `${m.area}/${m.idx}`));
  const unknown = applied.map((a) => `${a.area}/${a.idx}`).filter((k) => !knownKeys.has(k));
  if (unknown.length > 0) throw new DatabaseNewerError(unknown);
  const appliedKeys = new Set(applied.map((a) => `${a.area}/${a.idx}`));
  return known.filter((m) => !appliedKeys.has(`${m.area}/${m.idx}`));
}

/** Applies pending migrations, all in one transaction: either every one lands or none does. */
export function applyMigrations(sqlite: Sqlite, pending: Migration[], nowIso: string): number {
  if (pending.length === 0) return 0;
  const run = sqlite.transaction(() => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (area TEXT NOT NULL, idx INTEGER NOT NULL, tag TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (area, idx))',
    );
    const record = sqlite.prepare('INSERT INTO schema_migrations (area, idx, tag, applied_at) VALUES (?, ?, ?, ?)');
    for (const m of pending) {
      for (const statement of m.statements) sqlite.exec(statement);
      record.run(m.area, m.idx, m.tag, nowIso);
    }
  });
  run.immediate();
  return pending.length;
}

/** Per area, how many migrations the file has applied. */
export function migrationSummary(sqlite: Sqlite): { area: string; applied: number }[] {
  const counts = new Map<string, number>();
  for (const a of appliedMigrations(sqlite)) counts.set(a.area, (counts.get(a.area) ?? 0) + 1);
  return [...counts.entries()].map(([area, applied]) => ({ area, applied }));
}
