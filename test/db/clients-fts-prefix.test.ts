// The client search index of a base made before clients/0007 is built again with the two-letter prefix
// index only: every client is found as before, by whole words and by beginnings of any length.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/store';
import { RESOURCES, tempDir } from '../helpers/temp-app';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function open(dir: string, migrationsDir: string) {
  const res = await openStore({ file: join(dir, 'sdelka.sqlite'), migrationsDir });
  if (!('store' in res)) throw new Error(res.failure.message);
  opened.push(res.store);
  return res.store;
}

/** The shipped migrations without the clients area's 0007 (the base as the previous version left it). */
function migrationsBefore0007(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(join(RESOURCES, 'migrations'), dir, { recursive: true });
  const journalPath = join(dir, 'clients/meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag !== '0007_clients_fts_prefix');
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const CLIENTS: [string, string][] = [
  ['ООО «Колокольчик»', 'ооо колокольчик 7707083893 79161234567 info@kolokol.example'],
  ['ООО «Колос»', 'ооо колос 5001234567 79031112233'],
  ['ИП Семёнов', 'ип семенов 79169998877'],
];

describe('clients/0007 on a base with clients', () => {
  it('keeps every client findable, with the index holding exactly the search words', async () => {
    const dir = tempDir();
    const old = await open(dir, migrationsBefore0007());
    const insert = old.sqlite.prepare(
      "INSERT INTO clients (kind, full_name, short_name, name_key, search_text, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, '2026-01-01', '2026-01-01', '2026-01-01')",
    );
    for (const [name, words] of CLIENTS) insert.run(name, name, name.toLowerCase(), words);
    expect(old.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'clients_fts'").pluck().get()).toMatch(/prefix = '2 3 4'/);
    await old.close();
    opened.splice(0);

    const store = await open(dir, join(RESOURCES, 'migrations'));
    const sqlite = store.sqlite;
    expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'clients_fts'").pluck().get()).toMatch(/prefix = '2'\s*\)/);
    sqlite.exec("INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
    const found = (query: string) =>
      sqlite.prepare('SELECT c.short_name FROM clients_fts f JOIN clients c ON c.id = f.rowid WHERE clients_fts MATCH ? ORDER BY c.id').pluck().all(query);
    expect(found('ко*')).toEqual(['ООО «Колокольчик»', 'ООО «Колос»']);
    expect(found('колок*')).toEqual(['ООО «Колокольчик»']);
    expect(found('колос')).toEqual(['ООО «Колос»']);
    expect(found('7916*')).toEqual(['ООО «Колокольчик»', 'ИП Семёнов']);
    expect(found('семен*')).toEqual(['ИП Семёнов']);
    expect(found('ооо')).toEqual(['ООО «Колокольчик»', 'ООО «Колос»']);
    // A client written after the upgrade is indexed by the triggers as before.
    sqlite
      .prepare("INSERT INTO clients (kind, full_name, short_name, name_key, search_text, last_activity_at, created_at, updated_at) VALUES ('legal', 'ООО «Колорит»', 'ООО «Колорит»', 'колорит', 'ооо колорит', '2026-01-02', '2026-01-02', '2026-01-02')")
      .run();
    expect(found('кол*')).toEqual(['ООО «Колокольчик»', 'ООО «Колос»', 'ООО «Колорит»']);
    sqlite.exec("INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
  });
});
