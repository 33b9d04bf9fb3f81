import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/store';
import { RESOURCES, tempDir } from '../helpers/temp-app';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function open(dir: string, migrationsDir = join(RESOURCES, 'migrations')) {
  const res = await openStore({ file: join(dir, 'sdelka.sqlite'), migrationsDir });
  if ('store' in res) opened.push(res.store);
  return res;
}

describe('the store on a fresh file', () => {
  it('applies every committed migration and records each one', async () => {
    const res = await open(tempDir());
    if (!('store' in res)) throw new Error(res.failure.message);
    const tables = res.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'organizations', 'settings', 'audit_log', 'schema_migrations']));
    const journal = JSON.parse(readFileSync(join(RESOURCES, 'migrations/foundation/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(await res.store.migrations()).toContainEqual({ area: 'foundation', applied: journal.entries.length });
  });

  it('runs every connection with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const res = await open(tempDir());
    if (!('store' in res)) throw new Error(res.failure.message);
    const db = res.store.sqlite;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('opens the same file again without applying anything twice', async () => {
    const dir = tempDir();
    const first = await open(dir);
    if (!('store' in first)) throw new Error('first open failed');
    const before = await first.store.migrations();
    await first.store.close();
    const second = await open(dir);
    if (!('store' in second)) throw new Error('second open failed');
    expect(await second.store.migrations()).toEqual(before);
  });
});

describe('a database from a newer version of the program', () => {
  it('is refused with a Russian message and left untouched', async () => {
    const dir = tempDir();
    const first = await open(dir);
    if (!('store' in first)) throw new Error('open failed');
    first.store.sqlite.prepare("INSERT INTO schema_migrations (area, idx, tag, applied_at) VALUES ('foundation', 999, 'future', 'x')").run();
    await first.store.close();
    const raw = new Database(join(dir, 'sdelka.sqlite'));
    const countBefore = (raw.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
    raw.close();

    const second = await open(dir);
    expect('failure' in second && second.failure.code).toBe('DB_NEWER');
    expect('failure' in second && second.failure.message).toMatch(/более новой версией/);
    const after = new Database(join(dir, 'sdelka.sqlite'));
    expect((after.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(countBefore);
    after.close();
  });
});

describe('a migration that fails', () => {
  it('leaves nothing applied: all pending migrations run in one transaction', async () => {
    const migrations = join(tempDir(), 'migrations');
    cpSync(join(RESOURCES, 'migrations'), migrations, { recursive: true });
    const journalPath = join(migrations, 'foundation/meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.push({ idx: journal.entries.length, tag: '9999_broken' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(migrations, 'foundation/9999_broken.sql'), 'CREATE TABLE good_one (id INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const dir = tempDir();
    const res = await open(dir, migrations);
    expect('failure' in res && res.failure.code).toBe('DB_BROKEN');
    const raw = new Database(join(dir, 'sdelka.sqlite'));
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all();
    raw.close();
    expect(tables).toEqual([]);
  });

  it('takes a safety copy with VACUUM INTO before changing a base that has data', async () => {
    const dir = tempDir();
    const first = await open(dir);
    if (!('store' in first)) throw new Error('open failed');
    await first.store.close();
    const migrations = join(tempDir(), 'migrations');
    cpSync(join(RESOURCES, 'migrations'), migrations, { recursive: true });
    const journalPath = join(migrations, 'foundation/meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.push({ idx: journal.entries.length, tag: '9999_extra' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(migrations, 'foundation/9999_extra.sql'), 'CREATE TABLE extra_table (id INTEGER);');
    const second = await open(dir, migrations);
    expect('store' in second).toBe(true);
    const copies = join(dir, 'backups', 'before-migration');
    const [stamp] = existsSync(copies) ? readdirSync(copies) : [];
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(readdirSync(join(copies, stamp)).sort()).toEqual(['manifest.json', 'sdelka.sqlite']);
  });
});
