import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSha256 } from '../../../src/db/backup';
import { addPerson, backupFolder } from '../../helpers/backup-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

const folderOf = (id: string) => backupFolder(t, id);

/**
 * Copies a made backup to a later manual folder, lets `tamper` change its database the way someone
 * with the file would, then writes a manifest that matches the changed file (only the checks of the
 * content can object).
 */
async function craft(id: string, stamp: string, tamper: (db: Database.Database) => void): Promise<string> {
  const dir = join(t.dir, 'backups', 'manual', stamp);
  cpSync(folderOf(id), dir, { recursive: true });
  const db = new Database(join(dir, 'sdelka.sqlite'));
  tamper(db);
  db.close();
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sha256: string; createdAt: string };
  manifest.sha256 = await fileSha256(join(dir, 'sdelka.sqlite'));
  manifest.createdAt = '2026-12-31T23:00:00.000Z';
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return `primary:manual/${stamp}`;
}

const roleOf = (db: { prepare(sql: string): { get(...args: unknown[]): unknown } }, login: string) =>
  (db.prepare('SELECT role FROM users WHERE login = ?').get(login) as { role: string } | undefined)?.role;

describe('verifying the structure of a copy', () => {
  it('refuses a copy whose guards were dropped and a trigger planted that makes a manager a director; nothing fires', async () => {
    await addPerson(t, 'ivanov');
    const made = await t.ok('backup.create', {});
    const id = await craft(made.id, '2026-11-26T10-00-00-000Z', (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec('DROP TRIGGER documents_frozen_update');
      db.exec("CREATE TRIGGER promote AFTER INSERT ON audit_log BEGIN UPDATE users SET role = 'director' WHERE login = 'ivanov'; END");
    });
    const { check } = await t.ok('backup.inspect', { id });
    expect(check.ok).toBe(false);
    const problem = check.problems.find((p) => p.startsWith('Структура базы в копии не совпадает'));
    expect(problem).toContain('лишний объект: триггер «promote»');
    expect(problem).toContain('нет объекта: триггер «audit_log_no_update»');
    expect(problem).toContain('нет объекта: триггер «audit_log_no_delete»');
    expect(problem).toContain('нет объекта: триггер «documents_frozen_update»');

    const auditBefore = await t.app.store.audit.count();
    const res = await t.call('backup.restore', { id, confirm: true });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toMatch(/^Копия не прошла проверку: Структура базы в копии не совпадает/);
    // The base was never replaced: the manager is still a manager and no entry was written.
    expect(roleOf(t.app.store.sqlite, 'ivanov')).toBe('manager');
    expect(await t.app.store.audit.count()).toBe(auditBefore);
    // The recovery screen's offer skips the crafted copy although its manifest is the newest.
    expect((await t.ok('backup.newestGood', {}))?.backup.id).toBe(made.id);
  });

  it('refuses a copy with a changed index or a table altered in place', async () => {
    const made = await t.ok('backup.create', {});
    const id = await craft(made.id, '2026-11-26T10-01-00-000Z', (db) => {
      db.exec('ALTER TABLE users ADD COLUMN note TEXT');
    });
    const { check } = await t.ok('backup.inspect', { id });
    expect(check.problems.join(' ')).toContain('изменён объект: таблица «users»');
  });

  it('accepts an unchanged copy', async () => {
    const made = await t.ok('backup.create', {});
    expect((await t.ok('backup.inspect', { id: made.id })).check).toMatchObject({ ok: true, problems: [] });
  });
});

describe('a copy whose audit chain is broken', () => {
  /** Rewrites one audit entry behind the program's back, the guard put back exactly as it was. */
  const rewriteAuditEntry = (db: Database.Database) => {
    const guard = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").get() as { sql: string }).sql;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET user_name = 'Кто-то другой' WHERE id = (SELECT min(id) FROM audit_log)").run();
    db.exec(guard);
  };

  it('is refused without a written reason, restored with one, and the reason is kept in the journal', async () => {
    await addPerson(t, 'ivanov');
    const made = await t.ok('backup.create', {});
    const id = await craft(made.id, '2026-11-26T10-02-00-000Z', rewriteAuditEntry);
    const { check } = await t.ok('backup.inspect', { id });
    expect(check).toMatchObject({ ok: true, auditFirstBadId: 1 });

    const refused = await t.call('backup.restore', { id, confirm: true });
    expect(refused.error?.code).toBe('CONFLICT');
    expect(refused.error?.message).toBe(
      'Цепочка журнала изменений в копии нарушена начиная с записи № 1: копию могли изменить в обход программы. Восстановить её можно, только написав причину (не короче 15 знаков) — она останется в журнале',
    );
    expect((await t.call('backup.restore', { id, confirm: true, auditOverrideReason: 'надо' })).error?.code).toBe('CONFLICT');
    // Not the recovery screen's offer either: the intact copy is.
    expect((await t.ok('backup.newestGood', {}))?.backup.id).toBe(made.id);

    const reason = 'Других копий нет: диск с базой сгорел, журнал проверим вручную';
    await t.ok('backup.restore', { id, confirm: true, auditOverrideReason: reason });
    const last = t.app.store.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'database' ORDER BY id DESC LIMIT 1").get() as { action: string; after: string };
    expect(last.action).toBe('restore');
    expect(JSON.parse(last.after)).toMatchObject({ from: id, auditBrokenAt: 1, overrideReason: reason });
  });
});
