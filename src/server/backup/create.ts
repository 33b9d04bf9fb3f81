import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupKind, BackupProgress, BackupProgressCount } from '../../shared/api/backup';
import {
  BACKUP_DB_FILE,
  BACKUP_MANIFEST_FILE,
  backupDatabase,
  backupStamp,
  fileSha256,
  parseBackupStamp,
  verifyBackupFile,
  type BackupManifest,
} from '../../db/backup';
import { readMigrations } from '../../db/migrate';
import { AppError } from '../app-error';
import type { AppContext } from '../context';
import { linkOrCopy, mirrorFiles } from './files';
import { attachmentsDir, listKind, primaryRoot, secondRoot, type BackupSource } from './layout';
import { removeUnfinished, rotate } from './rotation';
import { ownerOnlyDirs, ownerOnlyTree } from '../../db/owner-only';

/** Where a job reports how far it has got: a phase, a fraction of the whole job and, where counted, the phase's count. */
export type ProgressSink = (phase: BackupProgress['phase'], fraction: number, count?: BackupProgressCount | null) => void;

/** A sink that shows `job`'s progress through `backup.progress`. */
export function progressOf(app: AppContext, job: BackupProgress['job'], startedAt: string): ProgressSink {
  return (phase, fraction, count = null) => {
    app.backup.progress = { job, phase, fraction: Math.min(1, Math.max(0, fraction)), count, startedAt };
  };
}

const MEGABYTE = 1024 * 1024;

/** Bytes of the base copied so far, as the megabytes a person reads (one decimal). */
export function megabytesCount(bytes: { done: number; total: number }): BackupProgressCount {
  const mb = (n: number): number => Math.round((n / MEGABYTE) * 10) / 10;
  return { done: mb(bytes.done), total: mb(bytes.total), of: 'megabytes' };
}

/** Attachments copied so far. */
export function filesCount(done: number, total: number): BackupProgressCount {
  return { done, total, of: 'files' };
}

/** A folder name for `at` under `kindDir` that is not taken yet (two copies in one millisecond get the next one). */
function freeStamp(kindDir: string, at: Date): string {
  let t = at.getTime();
  while (existsSync(join(kindDir, backupStamp(new Date(t))))) t += 1;
  return backupStamp(new Date(t));
}

/** The known migrations, to check a copy's schema against. */
export function knownMigrations(app: AppContext) {
  return readMigrations(join(app.resourcesDir, 'migrations'));
}

async function writeFinished(tmp: string, final: string, manifest: BackupManifest): Promise<void> {
  writeFileSync(join(tmp, BACKUP_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  // Copies hold password hashes and personal data: owner-only, the folders above them too.
  ownerOnlyTree(tmp);
  ownerOnlyDirs(dirname(dirname(final)), dirname(final));
  renameSync(tmp, final);
}

/**
 * Copies a finished backup into `<root>/<kind>/<same stamp>`: by hard links on the same disk (a weekly
 * made from today's daily costs no space), by copying onto another disk; unchanged attachments are
 * linked from `reuse` (an older copy there). The copied database is checked against the manifest's hash.
 */
export async function cloneBackup(src: BackupSource, root: string, location: 'primary' | 'second', kind: BackupKind): Promise<BackupSource> {
  const kindDir = join(root, kind);
  const stamp = basename(src.dir);
  const final = join(kindDir, stamp);
  const existing = listKind(root, location, kind).find((s) => s.dir === final);
  if (existing) return existing;
  if (!src.manifest) throw new Error('копия без описи (manifest.json)');
  removeUnfinished(root, kind);
  const tmp = join(kindDir, `.tmp-${stamp}`);
  mkdirSync(tmp, { recursive: true });
  try {
    linkOrCopy(src.dbFile, join(tmp, BACKUP_DB_FILE), true);
    if ((await fileSha256(join(tmp, BACKUP_DB_FILE))) !== src.manifest.sha256) throw new Error('скопированный файл базы не совпадает с оригиналом');
    const reuse = listKind(root, location, kind)[0]?.filesDir ?? newestDailyFiles(root, location);
    if (src.filesDir) mirrorFiles(src.filesDir, join(tmp, 'files'), { linkFromSource: true, reuse });
    await writeFinished(tmp, final, { ...src.manifest, kind });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const made = listKind(root, location, kind).find((s) => s.dir === final);
  if (!made) throw new Error('копия не появилась в папке');
  return made;
}

/** Attachments of the newest daily copy under a root, to link unchanged files from. */
function newestDailyFiles(root: string, location: 'primary' | 'second'): string | null {
  return listKind(root, location, 'daily')[0]?.filesDir ?? null;
}

/** Copies a fresh backup to the second folder and rotates it there; a failure is remembered, not thrown. */
async function copyToSecond(app: AppContext, src: BackupSource, kind: BackupKind): Promise<void> {
  const second = await app.store.trust.secondDir();
  if (!second) return;
  try {
    if (!existsSync(second) || !statSync(second).isDirectory()) throw new Error(`папка «${second}» недоступна`);
    await cloneBackup(src, secondRoot(second), 'second', kind);
    rotate(secondRoot(second), 'second', kind);
    app.backup.secondDirProblem = null;
  } catch (e) {
    app.backup.secondDirProblem = `Копия во вторую папку не записана: ${(e as Error).message}`;
    app.log(app.backup.secondDirProblem, e);
  }
}

async function makeOnce(app: AppContext, kind: BackupKind, report: ProgressSink | null): Promise<BackupSource> {
  const started = app.now();
  const setProgress = report ?? progressOf(app, 'backup', started.toISOString());
  const root = primaryRoot(app.dataDir);
  const kindDir = join(root, kind);
  mkdirSync(kindDir, { recursive: true });
  removeUnfinished(root, kind);
  const stamp = freeStamp(kindDir, started);
  const tmp = join(kindDir, `.tmp-${stamp}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const dbFile = join(tmp, BACKUP_DB_FILE);
    setProgress('database', 0);
    await backupDatabase(app.store.sqlite, dbFile, (f, bytes) => setProgress('database', 0.7 * f, megabytesCount(bytes)));
    const files = attachmentsDir(app.dataDir);
    mkdirSync(files, { recursive: true, mode: 0o700 });
    const fileCount = mirrorFiles(files, join(tmp, 'files'), {
      linkFromSource: true,
      onFile: (done, total) => setProgress('files', 0.7 + (0.15 * done) / total, filesCount(done, total)),
    });
    setProgress('verify', 0.85);
    const check = verifyBackupFile(dbFile, knownMigrations(app));
    if (!check.ok) throw new Error(`копия не прошла проверку: ${check.problems.join('; ')}`);
    const manifest: BackupManifest = {
      format: 1,
      kind,
      createdAt: (parseBackupStamp(stamp) ?? started).toISOString(),
      appVersion: app.version,
      sha256: await fileSha256(dbFile),
      dbBytes: statSync(dbFile).size,
      files: fileCount,
    };
    await writeFinished(tmp, join(kindDir, stamp), manifest);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const made = listKind(root, 'primary', kind).find((s) => basename(s.dir) === stamp);
  if (!made) throw new Error('копия не появилась в папке');
  setProgress('second', 0.9);
  await copyToSecond(app, made, kind);
  rotate(root, 'primary', kind);
  return made;
}

/**
 * Makes one backup: the database with SQLite's backup API, the attachments folder, a manifest with
 * the database's hash, verified before it counts; then a copy to the second folder and rotation.
 * One backup at a time: a second request while one runs is refused.
 */
export async function makeBackup(app: AppContext, kind: BackupKind, report: ProgressSink | null = null): Promise<BackupSource> {
  if (app.backup.running) throw new AppError('CONFLICT', 'Резервная копия уже создаётся — дождитесь окончания');
  if (app.recovery) throw new AppError('READ_ONLY', 'База повреждена: сначала восстановите её из резервной копии');
  const job = makeOnce(app, kind, report);
  app.backup.running = job;
  try {
    const made = await job;
    app.backup.lastError = null;
    return made;
  } catch (e) {
    app.backup.lastError = `Резервная копия не создана: ${(e as Error).message}`;
    app.log(app.backup.lastError, e);
    throw new AppError('INTERNAL', app.backup.lastError);
  } finally {
    app.backup.running = null;
    // A job that made this copy as one of its steps (a restore) reports on after it.
    if (!report) app.backup.progress = null;
  }
}
