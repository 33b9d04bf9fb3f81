import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/db/audit';
import type { BackupProgress } from '../../../src/shared/api/backup';
import { addPerson, bloat, putAttachment, rows } from '../../helpers/backup-fixtures';
import { openTestApp, setUpOffice, tempDir, type TestApp } from '../../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

function folderOf(id: string): string {
  const [, rest] = id.split(':');
  return join(t.dir, 'backups', rest);
}

describe('making a backup', () => {
  it('writes the database, the attachments and a manifest into backups/manual/<time>', async () => {
    const rel = putAttachment(t, 'ab12cd34', 'скан договора');
    const made = await t.ok('backup.create', {});
    expect(made).toMatchObject({ kind: 'manual', location: 'primary', files: 1, appVersion: '0.0.0-test', createdAt: '2026-11-26T09:00:00.000Z' });
    const dir = folderOf(made.id);
    expect(readdirSync(dir).sort()).toEqual(['files', 'manifest.json', 'sdelka.sqlite']);
    expect(readFileSync(join(dir, 'files', rel), 'utf8')).toBe('скан договора');
    const copy = new Database(join(dir, 'sdelka.sqlite'), { readonly: true });
    expect(rows(copy, 'users')).toBe(1);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    // Opened read-only, a rollback-journal copy leaves no side files next to it.
    expect(readdirSync(dir).sort()).toEqual(['files', 'manifest.json', 'sdelka.sqlite']);
    expect((await t.ok('backup.list', {})).backups.map((b) => b.id)).toContain(made.id);
  });

  it('creates the attachments folder when the base has none yet', async () => {
    expect(existsSync(join(t.dir, 'files'))).toBe(false);
    const made = await t.ok('backup.create', {});
    expect(made.files).toBe(0);
    expect(existsSync(join(t.dir, 'files'))).toBe(true);
  });

  it('takes a consistent snapshot while writes go on, and reports progress meanwhile', async () => {
    bloat(t, 6);
    const job = t.call('backup.create', {});
    const seen: string[] = [];
    let written = 0;
    let done = false;
    void job.then(() => (done = true));
    while (!done) {
      await addPerson(t, `w${written++}`);
      const p = await t.call('backup.progress', {});
      if (p.data) seen.push(p.data.phase);
      await new Promise((r) => setImmediate(r));
    }
    const made = (await job).data;
    if (!made) throw new Error('no backup');
    expect(written).toBeGreaterThan(2);
    expect(seen).toContain('database');
    const copy = new Database(join(folderOf(made.id), 'sdelka.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(copy)).toBeNull();
    // Every person in the copy has its audit entry: no half-written change.
    expect(rows(copy, "audit_log WHERE entity = 'user'")).toBe(rows(copy, 'users'));
    copy.close();
    expect(await t.ok('backup.progress', {})).toBeNull();
  });

  it('counts what it has copied: the base in megabytes, then the attachments one by one', async () => {
    bloat(t, 6);
    for (let i = 0; i < 3; i++) putAttachment(t, `feed000${i}`, `скан ${i}`);
    const seen: BackupProgress[] = [];
    let current: BackupProgress | null = null;
    Object.defineProperty(t.app.backup, 'progress', {
      configurable: true,
      get: () => current,
      set: (p: BackupProgress | null) => {
        current = p;
        if (p) seen.push(p);
      },
    });
    const made = await t.ok('backup.create', {});
    const base = seen.filter((p) => p.phase === 'database' && p.count !== null).map((p) => p.count);
    // The whole base, as the copy's file measures it, in megabytes with one decimal.
    const megabytes = Math.round((statSync(join(folderOf(made.id), 'sdelka.sqlite')).size / 1024 / 1024) * 10) / 10;
    expect(megabytes).toBeGreaterThan(5);
    expect(base.at(-1)).toEqual({ done: megabytes, total: megabytes, of: 'megabytes' });
    // Copied in steps, never more than the whole and never backwards.
    const done = base.map((c) => c?.done ?? -1);
    expect(new Set(done).size).toBeGreaterThan(2);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(base.every((c) => c !== null && c.done <= c.total)).toBe(true);
    expect(seen.filter((p) => p.phase === 'files').map((p) => p.count)).toEqual([1, 2, 3].map((n) => ({ done: n, total: 3, of: 'files' })));
    // Checking the copy and writing it to the second folder are not counted.
    expect(seen.filter((p) => p.phase === 'verify' || p.phase === 'second').every((p) => p.count === null)).toBe(true);
  });

  it('refuses a second backup while one is running', async () => {
    bloat(t, 3);
    const first = t.call('backup.create', {});
    const second = await t.call('backup.create', {});
    expect(second.error).toMatchObject({ code: 'CONFLICT', message: 'Резервная копия уже создаётся — дождитесь окончания' });
    expect((await first).data?.kind).toBe('manual');
  });

  it('copies to the second folder, and goes on when that folder is unplugged', async () => {
    const usb = tempDir('sdelka-usb-');
    t.app.pickFolder = async () => usb;
    expect(await t.ok('backup.chooseSecondDir', {})).toEqual({ secondDir: usb });
    putAttachment(t, 'ff00aa', 'скан');
    const made = await t.ok('backup.create', {});
    const overview = await t.ok('backup.list', {});
    const mirrored = overview.backups.find((b) => b.location === 'second');
    expect(mirrored).toMatchObject({ kind: 'manual', createdAt: made.createdAt, files: 1 });
    expect(existsSync(join(usb, 'sdelka-backups', 'manual'))).toBe(true);
    rmSync(usb, { recursive: true, force: true });
    t.clock.now = new Date('2026-11-26T09:01:00Z');
    const again = await t.ok('backup.create', {});
    expect(again.location).toBe('primary');
    expect((await t.ok('backup.list', {})).secondDirProblem).toMatch(/недоступна/);
  });

  it('refuses a second folder inside the data folder and records a valid choice in the audit trail', async () => {
    t.app.pickFolder = async () => t.dir;
    expect((await t.call('backup.chooseSecondDir', {})).error?.message).toMatch(/вне папки данных/);
    const usb = tempDir('sdelka-usb-');
    t.app.pickFolder = async () => usb;
    await t.ok('backup.chooseSecondDir', {});
    const { entries } = await t.ok('audit.list', { entity: 'settings', limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'update', entityId: 'backup.secondDir', after: { secondDir: usb } });
    expect(await t.ok('backup.clearSecondDir', {})).toEqual({ secondDir: null });
    rmSync(usb, { recursive: true, force: true });
  });

  it('cannot choose a folder without the program window (the renderer never sends a path)', async () => {
    const res = await t.call('backup.chooseSecondDir', {});
    expect(res.error?.code).toBe('CONFLICT');
  });
});
