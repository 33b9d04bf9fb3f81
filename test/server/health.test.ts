import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningMarker } from '../../src/db/store';
import { addPerson } from '../helpers/backup-fixtures';
import { openTestApp, setUpOffice, signInAs, tempDir, type TestApp } from '../helpers/temp-app';

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function start(dir: string, at: string): Promise<TestApp> {
  const t = await openTestApp(dir, new Date(at));
  open.push(t);
  return t;
}

/** Ends the process's hold on the base the way a crash does: the connection goes, the marker stays. */
function crash(t: TestApp): void {
  t.app.store.sqlite.close();
  open.splice(open.indexOf(t), 1);
}

describe('the checks at start', () => {
  it('keeps a marker while the base is open and removes it on a clean close', async () => {
    const dir = tempDir();
    const t = await start(dir, '2026-11-26T09:00:00Z');
    const marker = runningMarker(join(dir, 'sdelka.sqlite'));
    expect(existsSync(marker)).toBe(true);
    await t.app.store.close();
    expect(existsSync(marker)).toBe(false);
  });

  it('runs the full check after an unclean shutdown, otherwise once a week', async () => {
    const dir = tempDir();
    const first = await start(dir, '2026-11-26T09:00:00Z');
    await setUpOffice(first);
    expect(first.app.health.lastFullCheckAt).toBe('2026-11-26T09:00:00.000Z');
    await first.app.store.close();
    open.splice(0);

    const clean = await start(dir, '2026-11-28T09:00:00Z');
    expect(clean.app.health).toMatchObject({ uncleanShutdown: false, lastFullCheckAt: '2026-11-26T09:00:00.000Z' });
    crash(clean);

    const afterCrash = await start(dir, '2026-11-29T09:00:00Z');
    expect(afterCrash.app.health).toMatchObject({ uncleanShutdown: true, lastFullCheckAt: '2026-11-29T09:00:00.000Z' });
    await afterCrash.app.store.close();
    open.splice(0);

    const weekLater = await start(dir, '2026-12-06T10:00:00Z');
    expect(weekLater.app.health.lastFullCheckAt).toBe('2026-12-06T10:00:00.000Z');
  });

  it('stops writing when the full check finds a broken reference, and offers the newest good backup', async () => {
    const dir = tempDir();
    const t = await start(dir, '2026-11-26T09:00:00Z');
    await setUpOffice(t);
    await addPerson(t, 'ivanov');
    await t.ok('backup.create', {});
    const db = t.app.store.sqlite;
    db.exec('CREATE TABLE test_parent (id INTEGER PRIMARY KEY); CREATE TABLE test_child (parent_id INTEGER REFERENCES test_parent(id))');
    db.pragma('foreign_keys = OFF');
    db.exec('INSERT INTO test_child VALUES (42)');
    crash(t);

    const again = await start(dir, '2026-11-26T10:00:00Z');
    const status = await again.ok('auth.status', {});
    expect(status.mode).toBe('recovery');
    expect(status.recoveryReason).toMatch(/Ссылка без записи: таблица test_child/);
    await again.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    expect((await again.call('orgs.update', { id: 1, version: 1, org: (await again.ok('orgs.list', {}))[0] })).error?.code).toBe('READ_ONLY');
    const newest = await again.ok('backup.newestGood', {});
    expect(newest?.backup.kind).toBe('manual');
    await again.ok('backup.restore', { id: newest?.backup.id ?? '', confirm: true });
    expect((await again.ok('auth.status', {})).mode).toBe('normal');
    expect(await again.app.store.users.byLogin('ivanov')).not.toBeNull();
  });

  it('tells the director, and only the director, that the audit chain is broken', async () => {
    const dir = tempDir();
    const t = await start(dir, '2026-11-26T09:00:00Z');
    await setUpOffice(t);
    await addPerson(t, 'ivanov');
    const db = t.app.store.sqlite;
    const second = (db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1').get() as { id: number }).id;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET after = '{}' WHERE id = ?").run(second);
    await t.app.store.close();
    open.splice(0);

    const again = await start(dir, '2026-11-26T09:10:00Z');
    expect((await again.ok('auth.status', {})).auditBrokenAt).toBeNull();
    await signInAs(again, 'director');
    expect((await again.ok('auth.status', {})).auditBrokenAt).toBe(second);
    expect(await again.ok('audit.verify', {})).toMatchObject({ ok: false, firstBadId: second });
    await signInAs(again, 'manager');
    expect((await again.ok('auth.status', {})).auditBrokenAt).toBeNull();
  });
});
