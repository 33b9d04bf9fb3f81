import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../src/db/audit';
import type { TestApp } from './temp-app';

/** The actor tests write as. */
export const TEST_ACTOR: Actor = { userId: 1, userName: 'Петров Пётр Петрович' };

/** Puts a content-addressed attachment into the data folder's `files/` (as the documents area will). */
export function putAttachment(t: Pick<TestApp, 'dir'>, name: string, content: string): string {
  const rel = join(name.slice(0, 2), name);
  mkdirSync(join(t.dir, 'files', name.slice(0, 2)), { recursive: true });
  writeFileSync(join(t.dir, 'files', rel), content);
  return rel;
}

/** Adds a person through the real repository (with its audit entry), skipping the slow password hash. */
export async function addPerson(t: Pick<TestApp, 'app'>, login: string): Promise<number> {
  const u = await t.app.store.users.create(TEST_ACTOR, { login, fullName: `Сотрудник ${login}`, position: '', role: 'manager', passwordHash: 'x' });
  if (!u) throw new Error(`login ${login} taken`);
  return u.id;
}

/** Makes the base about `megabytes` big with padding rows, so a backup takes many steps. */
export function bloat(t: Pick<TestApp, 'app'>, megabytes: number): void {
  const insert = t.app.store.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  const chunk = JSON.stringify('x'.repeat(16_000));
  t.app.store.sqlite.transaction(() => {
    for (let i = 0; i < megabytes * 64; i++) insert.run(`test.padding.${i}`, chunk);
  })();
}

/** Counts rows of a table in any SQLite connection-like object. */
export function rows(db: { prepare(sql: string): { get(): unknown } }, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** The folder of a primary backup by its id (`primary:manual/<stamp>` → `<dataDir>/backups/manual/<stamp>`). */
export function backupFolder(t: Pick<TestApp, 'dir'>, id: string): string {
  return join(t.dir, 'backups', id.split(':')[1] ?? '');
}
