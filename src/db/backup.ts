import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupCheck } from '../shared/api/backup';
import { verifyAuditChain } from './audit';
import type { Sqlite } from './connection';
import type { Migration } from './migrate';
import { ownerOnlyDirs, ownerOnlyTree } from './owner-only';
import { referenceSchema, schemaDifferences, schemaOf } from './schema-compare';

/** How many schema differences are named before «…и ещё N». */
const MAX_SCHEMA_PROBLEMS = 8;

/** How many integrity_check messages are kept (SQLite can report thousands). */
const MAX_PROBLEMS = 5;

/**
 * Copies the live database into `dest` with SQLite's online backup API (never a file copy), reporting
 * progress as a fraction. Writes made meanwhile through the same connection land in the copy; the
 * result is a consistent snapshot in rollback-journal mode, so it opens read-only without side files.
 */
export async function backupDatabase(
  sqlite: Sqlite,
  dest: string,
  onProgress: (fraction: number, bytes: { done: number; total: number }) => void = () => {},
): Promise<void> {
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  let total = 0;
  await sqlite.backup(dest, {
    progress({ totalPages, remainingPages }) {
      total = totalPages * pageSize;
      onProgress(totalPages > 0 ? (totalPages - remainingPages) / totalPages : 0, { done: (totalPages - remainingPages) * pageSize, total });
      return 200;
    },
  });
  const copy = new Database(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  onProgress(1, { done: total, total });
}

/** SHA-256 of a file, streamed (backups can be large). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs integrity_check and foreign_key_check; returns null when both pass, else the problems in Russian. */
export function fullCheck(sqlite: Sqlite): string[] | null {
  const problems: string[] = [];
  const integrity = (sqlite.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') problems.push(...integrity.map((m) => `Целостность файла: ${m}`));
  const fk = sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  for (const r of fk.slice(0, MAX_PROBLEMS)) {
    problems.push(`Ссылка без записи: таблица ${r.table}, строка ${r.rowid ?? '—'} → ${r.parent}`);
  }
  if (fk.length > MAX_PROBLEMS) problems.push(`…и ещё ${fk.length - MAX_PROBLEMS} ссылок без записи`);
  return problems.length ? problems : null;
}

function tableNames(db: Sqlite): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return rows.map((r) => r.name);
}

function appliedMigrations(db: Sqlite, tables: string[]): { area: string; idx: number }[] {
  if (!tables.includes('schema_migrations')) return [];
  return db.prepare('SELECT area, idx FROM schema_migrations ORDER BY area, idx').all() as { area: string; idx: number }[];
}

function summarise(applied: { area: string; idx: number }[]): { area: string; applied: number }[] {
  const counts = new Map<string, number>();
  for (const a of applied) counts.set(a.area, (counts.get(a.area) ?? 0) + 1);
  return [...counts.entries()].map(([area, n]) => ({ area, applied: n }));
}

function inspectOpen(db: Sqlite, known: Migration[]): BackupCheck {
  const problems = fullCheck(db) ?? [];
  const warnings: string[] = [];
  const tables = tableNames(db);
  const applied = appliedMigrations(db, tables);
  const knownKeys = new Set(known.map((m) => `${m.area}/${m.idx}`));
  const unknown = applied.map((a) => `${a.area}/${a.idx}`).filter((k) => !knownKeys.has(k));
  if (applied.length === 0) problems.push('В файле нет сведений о структуре базы: это не база «Сделки»');
  if (unknown.length) problems.push(`Копия сделана более новой версией программы (${unknown.join(', ')}). Установите новую версию «Сделки»`);
  if (applied.length > 0 && unknown.length === 0) {
    // The copy's structure must be exactly what this program's migrations make of an empty base
    // (up to the migrations the copy has): a dropped guard or a planted trigger refuses the copy.
    const appliedKeys = new Set(applied.map((a) => `${a.area}/${a.idx}`));
    const differences = schemaDifferences(schemaOf(db), referenceSchema(known.filter((m) => appliedKeys.has(`${m.area}/${m.idx}`))));
    if (differences.length > 0) {
      const named = differences.slice(0, MAX_SCHEMA_PROBLEMS).join('; ');
      const more = differences.length > MAX_SCHEMA_PROBLEMS ? `; …и ещё ${differences.length - MAX_SCHEMA_PROBLEMS}` : '';
      problems.push(`Структура базы в копии не совпадает с той, что создаёт программа (копию изменяли в обход программы): ${named}${more}`);
    }
  }
  const counts = tables.map((name) => ({
    name,
    rows: (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n,
  }));
  let auditFirstBadId: number | null = null;
  let lastChangeAt: string | null = null;
  if (tables.includes('audit_log')) {
    auditFirstBadId = verifyAuditChain(db);
    if (auditFirstBadId !== null) warnings.push(`Цепочка журнала изменений нарушена начиная с записи № ${auditFirstBadId}`);
    lastChangeAt = (db.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at;
  }
  return { ok: problems.length === 0, problems, warnings, newer: unknown.length > 0, migrations: summarise(applied), tables: counts, auditFirstBadId, lastChangeAt };
}

/**
 * Verifies a backup file without changing it: integrity_check, foreign_key_check, the schema against
 * the migrations this program knows (a copy from a newer program is refused), row counts per table,
 * the audit chain and the date of the last recorded change.
 */
export function verifyBackupFile(file: string, known: Migration[]): BackupCheck {
  const refused = (message: string): BackupCheck => ({
    ok: false,
    problems: [message],
    warnings: [],
    newer: false,
    migrations: [],
    tables: [],
    auditFirstBadId: null,
    lastChangeAt: null,
  });
  if (!existsSync(file) || !statSync(file).isFile()) return refused('Файл копии не найден');
  const header = readHeader(file);
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return refused('Файл копии повреждён: это не файл базы данных SQLite');
  // A WAL-mode file cannot be opened read-only without creating side files next to it: check a private copy.
  const walMode = header[18] === 2 || header[19] === 2;
  const scratch = walMode ? mkdtempSync(join(tmpdir(), 'sdelka-verify-')) : null;
  let db: Sqlite | null = null;
  try {
    let target = file;
    if (scratch) {
      target = join(scratch, 'copy.sqlite');
      copyFileSync(file, target);
      const rw = new Database(target);
      rw.pragma('journal_mode = DELETE');
      rw.close();
    }
    db = new Database(target, { readonly: true, fileMustExist: true });
    return inspectOpen(db, known);
  } catch (e) {
    return refused(`Файл копии не читается как база данных: ${(e as Error).message}`);
  } finally {
    db?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function readHeader(file: string): Buffer {
  const buf = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

/** What `manifest.json` in each backup folder says; written last, so a folder without it is incomplete. */
export interface BackupManifest {
  format: 1;
  kind: string;
  createdAt: string;
  appVersion: string | null;
  sha256: string;
  dbBytes: number;
  files: number;
}

/** The name of a backup's database file and manifest inside its folder. */
export const BACKUP_DB_FILE = 'sdelka.sqlite';
/** The manifest's file name. */
export const BACKUP_MANIFEST_FILE = 'manifest.json';

/** A time as a folder name: `2026-11-26T09-00-00-000Z` (sorts like the time). */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** The time a folder name stands for, or null when the name is not a stamp. */
export function parseBackupStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Takes the safety copy before migrations with VACUUM INTO into `<backupsDir>/before-migration/<stamp>/`
 * (written under a temporary name and renamed when complete).
 */
export async function vacuumIntoBackup(sqlite: Sqlite, backupsDir: string, at: Date): Promise<string> {
  const kindDir = join(backupsDir, 'before-migration');
  const stamp = backupStamp(at);
  const tmp = join(kindDir, `.tmp-${stamp}`);
  mkdirSync(tmp, { recursive: true });
  const dbFile = join(tmp, BACKUP_DB_FILE);
  sqlite.prepare('VACUUM INTO ?').run(dbFile);
  const manifest: BackupManifest = {
    format: 1,
    kind: 'before-migration',
    createdAt: at.toISOString(),
    appVersion: null,
    sha256: await fileSha256(dbFile),
    dbBytes: statSync(dbFile).size,
    files: 0,
  };
  writeFileSync(join(tmp, BACKUP_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  ownerOnlyTree(tmp);
  ownerOnlyDirs(backupsDir, kindDir);
  const final = join(kindDir, stamp);
  renameSync(tmp, final);
  return final;
}
