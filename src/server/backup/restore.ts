import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInspection, RestoreResult } from '../../shared/api/backup';
import type { Actor } from '../../db/audit';
import { backupStamp, fileSha256, verifyBackupFile } from '../../db/backup';
import { AppError } from '../app-error';
import type { AppContext } from '../context';
import { filesCount, knownMigrations, makeBackup, progressOf, type ProgressSink } from './create';
import { mirrorFiles, walkFiles } from './files';
import { attachmentsDir, listAllBackups, primaryRoot, resolveBackup, type BackupSource } from './layout';
import { ownerOnlyDirs, ownerOnlyFiles } from '../../db/owner-only';

/**
 * Verifies a backup without changing it: the database (integrity_check, foreign_key_check, schema
 * version, row counts, audit chain), its hash against the manifest, and that its attachments are there.
 */
export async function inspectBackup(app: AppContext, src: BackupSource): Promise<BackupInspection> {
  const check = verifyBackupFile(src.dbFile, knownMigrations(app));
  if (check.ok && src.manifest && (await fileSha256(src.dbFile)) !== src.manifest.sha256) {
    check.ok = false;
    check.problems.push('Файл базы в копии изменён после её создания: контрольная сумма не совпадает');
  }
  const expected = src.manifest?.files ?? 0;
  const present = src.filesDir ? walkFiles(src.filesDir).length : 0;
  if (present < expected) check.warnings.push(`В копии не хватает вложений: ${expected - present} из ${expected}`);
  return { backup: src.info, check };
}

/**
 * The newest backup that passes verification with its audit chain whole (for the recovery screen), or
 * null. Every copy is checked in turn from the newest: a manifest's date alone never makes a copy the offer.
 */
export async function newestGoodBackup(app: AppContext): Promise<BackupInspection | null> {
  for (const src of await listAllBackups(app)) {
    const inspection = await inspectBackup(app, src);
    if (inspection.check.ok && inspection.check.auditFirstBadId === null) return inspection;
  }
  return null;
}

/** The shortest written reason that lets a copy with a broken audit chain be restored. */
export const MIN_OVERRIDE_REASON = 15;

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Replaces the base with a verified backup. The current base is backed up first (with SQLite's backup
 * API; a base too damaged for that is moved aside whole). The new file is staged beside the base, then
 * the connection is closed, the file swapped with one atomic rename and the store reopened; missing
 * attachments are brought back; the restored base records who restored it and from what.
 */
export async function restoreBackup(app: AppContext, id: string, actor: Actor, auditOverrideReason: string | null = null): Promise<RestoreResult> {
  const report = progressOf(app, 'restore', app.now().toISOString());
  try {
    return await restoreReporting(app, id, actor, auditOverrideReason, report);
  } finally {
    app.backup.progress = null;
  }
}

async function restoreReporting(app: AppContext, id: string, actor: Actor, auditOverrideReason: string | null, report: ProgressSink): Promise<RestoreResult> {
  report('verify', 0);
  const src = await resolveBackup(app, id);
  const inspection = await inspectBackup(app, src);
  if (!inspection.check.ok) throw new AppError('CONFLICT', `Копия не прошла проверку: ${inspection.check.problems.join('; ')}`);
  const brokenAt = inspection.check.auditFirstBadId;
  if (brokenAt !== null && (auditOverrideReason ?? '').length < MIN_OVERRIDE_REASON) {
    throw new AppError(
      'CONFLICT',
      `Цепочка журнала изменений в копии нарушена начиная с записи № ${brokenAt}: копию могли изменить в обход программы. ` +
        `Восстановить её можно, только написав причину (не короче ${MIN_OVERRIDE_REASON} знаков) — она останется в журнале`,
      [{ path: 'auditOverrideReason', message: 'Напишите, почему восстанавливаете копию с нарушенным журналом' }],
    );
  }
  const damaged = app.recovery !== null;
  // The copy of the replaced base is half the work; then the file is staged, checked and swapped in.
  const safety = damaged ? null : await makeBackup(app, 'before-restore', (_phase, f, count) => report('safety', 0.1 + 0.5 * f, count));
  report('replace', 0.6);
  const file = app.store.file;
  const staged = `${file}.restoring`;
  copyFileSync(src.dbFile, staged);
  ownerOnlyFiles(staged);
  fsyncPath(staged);
  if ((await fileSha256(staged)) !== (await fileSha256(src.dbFile))) {
    rmSync(staged, { force: true });
    throw new AppError('INTERNAL', 'Копия не переписалась на диск без ошибок. База не изменена');
  }
  report('replace', 0.8);
  const movedAside = damaged ? join(primaryRoot(app.dataDir), 'before-restore', `damaged-${backupStamp(app.now())}`) : null;
  const { store } = await app.reopenStore(async (live) => {
    if (movedAside) {
      mkdirSync(movedAside, { recursive: true, mode: 0o700 });
      ownerOnlyDirs(dirname(movedAside), movedAside);
      for (const suffix of ['', ...SIDE_FILES]) if (existsSync(live + suffix)) renameSync(live + suffix, join(movedAside, `sdelka.sqlite${suffix}`));
    } else {
      // The closed base has no pending WAL content the safety copy lacks; stale side files must not meet the new file.
      for (const suffix of SIDE_FILES) rmSync(live + suffix, { force: true });
    }
    renameSync(staged, live);
    fsyncPath(app.dataDir);
  });
  report('files', 0.9);
  if (src.filesDir) {
    mirrorFiles(src.filesDir, attachmentsDir(app.dataDir), {
      linkFromSource: src.info.location === 'primary',
      onFile: (done, total) => report('files', 0.9 + (0.1 * done) / total, filesCount(done, total)),
    });
  }
  if (!store.readOnly) {
    await store.trust.recordRestore(actor, {
      from: src.info.id,
      createdAt: src.info.createdAt,
      safetyCopy: safety?.info.id ?? null,
      movedAside,
      ...(brokenAt !== null ? { auditBrokenAt: brokenAt, overrideReason: auditOverrideReason } : {}),
    });
  }
  return { restored: src.info, safetyCopy: safety?.info ?? null, movedAside };
}
