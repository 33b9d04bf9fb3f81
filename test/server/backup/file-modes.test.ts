import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, backupFolder, putAttachment } from '../../helpers/backup-fixtures';
import { openDesk, openTestApp, setUpOffice, signInAs, tempDir, type TestApp } from '../../helpers/temp-app';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const unix = process.platform !== 'win32';

/** Every file not 0600 and every folder not 0700 under `root`, with its mode. */
function notOwnerOnly(root: string): string[] {
  const open: string[] = [];
  const visit = (path: string): void => {
    const dir = statSync(path).isDirectory();
    if (modeOf(path) !== (dir ? '700' : '600')) open.push(`${path.slice(root.length) || '/'} ${modeOf(path)}`);
    if (dir) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return open;
}

let t: TestApp;
let previousUmask: number;
beforeEach(() => {
  // The usual desktop umask, under which files are created world-readable unless the program says otherwise.
  previousUmask = process.umask(0o022);
});
afterEach(async () => {
  await t.close();
  process.umask(previousUmask);
});

describe.skipIf(!unix)('files on disk are the owner’s only', () => {
  it('creates the base, its folder, its backups and their manifests owner-only', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    await addPerson(t, 'ivanov');
    const scan = putAttachment(t, 'cafe0001', 'скан договора');
    const made = await t.ok('backup.create', {});
    const folder = backupFolder(t, made.id);
    const modes = {
      dataDir: modeOf(t.dir),
      base: modeOf(join(t.dir, 'sdelka.sqlite')),
      wal: existsSync(join(t.dir, 'sdelka.sqlite-wal')) ? modeOf(join(t.dir, 'sdelka.sqlite-wal')) : '600',
      backups: modeOf(join(t.dir, 'backups')),
      kind: modeOf(join(t.dir, 'backups', 'manual')),
      folder: modeOf(folder),
      copy: modeOf(join(folder, 'sdelka.sqlite')),
      manifest: modeOf(join(folder, 'manifest.json')),
      files: modeOf(join(folder, 'files')),
      scan: modeOf(join(folder, 'files', scan)),
    };
    expect(modes).toEqual({ dataDir: '700', base: '600', wal: '600', backups: '700', kind: '700', folder: '700', copy: '600', manifest: '600', files: '700', scan: '600' });
  });

  it('leaves nothing in the data folder readable by others: the office file of sessions, stamps, backups', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    // A desk's session lands in the office file beside the base; a stamp and a backup add their own files.
    await signInAs(openDesk(t), 'accountant');
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await t.ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: png });
    await t.ok('backup.create', {});
    expect(existsSync(join(t.dir, 'office.sqlite'))).toBe(true);
    expect(notOwnerOnly(t.dir)).toEqual([]);
  });

  it('keeps the copies in the second folder owner-only too', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const usb = tempDir('sdelka-usb-');
    t.app.pickFolder = async () => usb;
    await t.ok('backup.chooseSecondDir', {});
    putAttachment(t, 'cafe0002', 'скан счёта');
    await t.ok('backup.create', {});
    expect(existsSync(join(usb, 'sdelka-backups'))).toBe(true);
    expect(notOwnerOnly(join(usb, 'sdelka-backups'))).toEqual([]);
    rmSync(usb, { recursive: true, force: true });
  });

  it('tightens a base and backups left world-readable by an older version when it opens them', async () => {
    const dir = tempDir();
    const old = join(dir, 'backups', 'daily', '2026-11-01T00-00-00-000Z');
    mkdirSync(old, { recursive: true });
    writeFileSync(join(old, 'manifest.json'), '{}');
    mkdirSync(join(dir, 'files'), { mode: 0o755 });
    writeFileSync(join(dir, 'office.sqlite'), '', { mode: 0o644 });
    chmodSync(dir, 0o755);
    chmodSync(join(old, 'manifest.json'), 0o644);
    t = await openTestApp(dir);
    const paths = [dir, join(dir, 'sdelka.sqlite'), old, join(old, 'manifest.json'), join(dir, 'files'), join(dir, 'office.sqlite')];
    expect(paths.map(modeOf)).toEqual(['700', '600', '700', '600', '700', '600']);
  });

  it('keeps the restored base owner-only', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const made = await t.ok('backup.create', {});
    const result = await t.ok('backup.restore', { id: made.id, confirm: true });
    expect(modeOf(join(t.dir, 'sdelka.sqlite'))).toBe('600');
    expect(modeOf(join(backupFolder(t, result.safetyCopy?.id ?? ''), 'manifest.json'))).toBe('600');
  });
});
