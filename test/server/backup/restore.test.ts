import { cpSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSha256 } from '../../../src/db/backup';
import { registerExternalBackup } from '../../../src/server/backup/state';
import { enterRecovery } from '../../../src/server/health';
import { invoke } from '../../../src/server/invoke';
import { addPerson, backupFolder, putAttachment, rows } from '../../helpers/backup-fixtures';
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

/** Copies a made backup to a new manual folder (a later time stamp) so a test can spoil the copy. */
function copyAs(id: string, stamp: string): string {
  const dest = join(t.dir, 'backups', 'manual', stamp);
  cpSync(folderOf(id), dest, { recursive: true });
  return `primary:manual/${stamp}`;
}

async function signInAgain(): Promise<void> {
  await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
}

describe('inspecting a backup', () => {
  it('shows its date, its row counts and that every check passed', async () => {
    await addPerson(t, 'ivanov');
    const made = await t.ok('backup.create', {});
    const { backup, check } = await t.ok('backup.inspect', { id: made.id });
    expect(backup.createdAt).toBe('2026-11-26T09:00:00.000Z');
    expect(check).toMatchObject({ ok: true, problems: [], newer: false, auditFirstBadId: null });
    expect(check.tables).toContainEqual({ name: 'users', rows: 2 });
    expect(check.migrations.find((m) => m.area === 'foundation')?.applied).toBeGreaterThan(0);
  });

  it('refuses a copy with garbage written into it, and the restore leaves the base untouched', async () => {
    const made = await t.ok('backup.create', {});
    const id = copyAs(made.id, '2026-11-26T09-30-00-000Z');
    const file = join(folderOf(id), 'sdelka.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0x5a), 0, 3000, 4096);
    closeSync(fd);
    const { check } = await t.ok('backup.inspect', { id });
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(/Целостность|не читается|контрольная сумма/);
    const before = await t.app.store.audit.count();
    const res = await t.call('backup.restore', { id, confirm: true });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toMatch(/^Копия не прошла проверку/);
    expect(await t.app.store.audit.count()).toBe(before);
    expect(existsSync(join(t.dir, 'backups', 'before-restore'))).toBe(false);
  });

  it('refuses a file that is not a database at all', async () => {
    const made = await t.ok('backup.create', {});
    const id = copyAs(made.id, '2026-11-26T09-31-00-000Z');
    writeFileSync(join(folderOf(id), 'sdelka.sqlite'), 'это не база данных'.repeat(100));
    const { check } = await t.ok('backup.inspect', { id });
    expect(check).toMatchObject({ ok: false, problems: ['Файл копии повреждён: это не файл базы данных SQLite'] });
  });

  it('refuses a copy made by a newer version of the program', async () => {
    const made = await t.ok('backup.create', {});
    const id = copyAs(made.id, '2026-11-26T09-32-00-000Z');
    const dir = folderOf(id);
    const db = new Database(join(dir, 'sdelka.sqlite'));
    db.prepare("INSERT INTO schema_migrations (area, idx, tag, applied_at) VALUES ('foundation', 999, 'future', 'x')").run();
    db.close();
    // A consistent manifest: only the schema check can object.
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { sha256: string };
    manifest.sha256 = await fileSha256(join(dir, 'sdelka.sqlite'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const { check } = await t.ok('backup.inspect', { id });
    expect(check).toMatchObject({ ok: false, newer: true });
    expect(check.problems.join(' ')).toMatch(/более новой версией программы \(foundation\/999\)/);
    expect((await t.call('backup.restore', { id, confirm: true })).error?.code).toBe('CONFLICT');
  });

  it('needs an explicit confirmation and a known id, never a path', async () => {
    const made = await t.ok('backup.create', {});
    expect((await invoke(t.app, 'backup.restore', { id: made.id })).error?.code).toBe('VALIDATION');
    expect((await t.call('backup.inspect', { id: '../../etc/passwd' })).error?.code).toBe('VALIDATION');
    expect((await t.call('backup.inspect', { id: 'primary:daily/2020-01-01T00-00-00-000Z' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('restoring a backup', () => {
  it('backs the current base up first, swaps the file, reopens and records who restored it', async () => {
    const made = await t.ok('backup.create', {});
    await addPerson(t, 'later');
    t.clock.now = new Date('2026-11-26T09:05:00Z');
    const result = await t.ok('backup.restore', { id: made.id, confirm: true });
    expect(result.restored.id).toBe(made.id);
    expect(result.safetyCopy?.kind).toBe('before-restore');
    // The base is the backup's: the person added later is gone, and everyone must sign in again.
    expect(await t.app.store.users.byLogin('later')).toBeNull();
    expect((await t.ok('auth.status', {})).user).toBeNull();
    // …and the replaced base is kept, with that person in it.
    const safety = new Database(join(folderOf(result.safetyCopy?.id ?? ''), 'sdelka.sqlite'), { readonly: true });
    expect(rows(safety, "users WHERE login = 'later'")).toBe(1);
    safety.close();
    await signInAgain();
    const { entries, chainOk } = await t.ok('audit.list', { entity: 'database', limit: 5 });
    expect(chainOk).toBe(true);
    expect(entries[0]).toMatchObject({ action: 'restore', userName: 'Петров Пётр Петрович', after: { from: made.id } });
    await addPerson(t, 'after-restore');
    expect(t.app.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('brings the attachments back', async () => {
    const rel = putAttachment(t, 'cafe0001', 'подписанный акт');
    const made = await t.ok('backup.create', {});
    rmSync(join(t.dir, 'files'), { recursive: true, force: true });
    await t.ok('backup.restore', { id: made.id, confirm: true });
    expect(readFileSync(join(t.dir, 'files', rel), 'utf8')).toBe('подписанный акт');
  });

  it('restores from a folder picked in the menu (registered by main, referred to by id)', async () => {
    const made = await t.ok('backup.create', {});
    await addPerson(t, 'later');
    const id = registerExternalBackup(t.app.backup, folderOf(made.id));
    const { backup, check } = await t.ok('backup.inspect', { id });
    expect(backup).toMatchObject({ id: 'external-1', location: 'external' });
    expect(check.ok).toBe(true);
    await t.ok('backup.restore', { id, confirm: true });
    expect(await t.app.store.users.byLogin('later')).toBeNull();
    await signInAgain();
    const live = registerExternalBackup(t.app.backup, join(t.dir, 'sdelka.sqlite'));
    expect((await t.call('backup.inspect', { id: live })).error?.message).toBe('Это файл текущей базы, а не резервная копия');
  });

  it('is the way out of recovery: allowed while writes are refused, the damaged file moved aside', async () => {
    await addPerson(t, 'kept');
    await t.ok('backup.create', {});
    t.clock.now = new Date('2026-11-26T09:01:00Z');
    enterRecovery(t.app, 'Целостность файла: испорчена страница 7');
    expect((await t.call('users.create', { login: 'x1', fullName: 'X', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).error?.code).toBe('READ_ONLY');
    expect((await t.call('backup.create', {})).error?.code).toBe('READ_ONLY');
    const newest = await t.ok('backup.newestGood', {});
    expect(newest?.check.ok).toBe(true);
    const result = await t.ok('backup.restore', { id: newest?.backup.id ?? '', confirm: true });
    expect(result.safetyCopy).toBeNull();
    expect(readdirSync(result.movedAside ?? '')).toContain('sdelka.sqlite');
    expect(t.app.recovery).toBeNull();
    expect(t.app.store.readOnly).toBe(false);
    expect((await t.ok('auth.status', {})).mode).toBe('normal');
    expect(await t.app.store.users.byLogin('kept')).not.toBeNull();
  });

  it('shows how far it has got, step by step, and nothing once it is over', async () => {
    putAttachment(t, 'cafe0002', 'скан договора');
    const made = await t.ok('backup.create', {});
    const seen: { job: string; phase: string; fraction: number }[] = [];
    let current: unknown = null;
    Object.defineProperty(t.app.backup, 'progress', {
      configurable: true,
      get: () => current,
      set: (p: { job: string; phase: string; fraction: number } | null) => {
        current = p;
        if (p) seen.push({ job: p.job, phase: p.phase, fraction: p.fraction });
      },
    });
    await t.ok('backup.restore', { id: made.id, confirm: true });
    // Steps in the order the restore takes them; its own copy of the replaced base is one of them.
    const steps = seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(steps).toEqual(['verify', 'safety', 'replace', 'files']);
    expect(seen.every((p) => p.job === 'restore')).toBe(true);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(current).toBeNull();
  });

  it('refuses a second restore while one is running, at once', async () => {
    const made = await t.ok('backup.create', {});
    const first = t.call('backup.restore', { id: made.id, confirm: true });
    const second = await t.call('backup.restore', { id: made.id, confirm: true });
    expect(second.error).toMatchObject({ code: 'CONFLICT', message: 'Восстановление из резервной копии уже выполняется — дождитесь окончания' });
    expect((await first).data?.restored.id).toBe(made.id);
    // Exactly one copy of the replaced base was taken.
    expect((await signInAgain(), await t.ok('backup.list', {})).backups.filter((b) => b.kind === 'before-restore')).toHaveLength(1);
  });

  it('refuses every call while the base is being replaced', async () => {
    t.app.maintenance = 'Идёт восстановление базы из резервной копии';
    expect((await t.call('orgs.list', {})).error?.code).toBe('BUSY');
    t.app.maintenance = null;
  });
});
