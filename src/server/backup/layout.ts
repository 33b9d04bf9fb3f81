import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BACKUP_KINDS, type BackupInfo, type BackupKind } from '../../shared/api/backup';
import { BACKUP_DB_FILE, BACKUP_MANIFEST_FILE, parseBackupStamp, type BackupManifest } from '../../db/backup';
import { AppError } from '../app-error';
import type { AppContext } from '../context';

/** The folder inside the second backup folder that holds our copies (never the chosen folder itself). */
export const SECOND_ROOT_NAME = 'sdelka-backups';

/** `<data folder>/backups`: daily, weekly, monthly, manual, before-migration, before-restore. */
export function primaryRoot(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Where our copies go inside the second folder. */
export function secondRoot(secondDir: string): string {
  return join(secondDir, SECOND_ROOT_NAME);
}

/** The attachments folder (scans, signed documents; content-addressed files). */
export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'files');
}

/** A backup found on disk: what the list shows and where its parts are. */
export interface BackupSource {
  info: BackupInfo;
  dir: string;
  dbFile: string;
  /** The copy of the attachments folder, when the backup has one. */
  filesDir: string | null;
  manifest: BackupManifest | null;
}

function readManifest(dir: string): BackupManifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, BACKUP_MANIFEST_FILE), 'utf8')) as Partial<BackupManifest>;
    if (m.format !== 1 || typeof m.createdAt !== 'string' || typeof m.sha256 !== 'string') return null;
    return {
      format: 1,
      kind: String(m.kind),
      createdAt: m.createdAt,
      appVersion: typeof m.appVersion === 'string' ? m.appVersion : null,
      sha256: m.sha256,
      dbBytes: Number(m.dbBytes) || 0,
      files: Number(m.files) || 0,
    };
  } catch {
    return null;
  }
}

function sourceOf(dir: string, id: string, kind: BackupInfo['kind'], location: BackupInfo['location'], fallbackAt: Date): BackupSource {
  const manifest = readManifest(dir);
  const dbFile = join(dir, BACKUP_DB_FILE);
  const files = join(dir, 'files');
  return {
    info: {
      id,
      kind,
      location,
      createdAt: manifest?.createdAt ?? fallbackAt.toISOString(),
      appVersion: manifest?.appVersion ?? null,
      dbBytes: manifest?.dbBytes ?? (existsSync(dbFile) ? statSync(dbFile).size : 0),
      files: manifest?.files ?? 0,
    },
    dir,
    dbFile,
    filesDir: existsSync(files) ? files : null,
    manifest,
  };
}

/** The complete backups of one kind under a root, newest first (folders without a manifest are unfinished). */
export function listKind(root: string, location: 'primary' | 'second', kind: BackupKind): BackupSource[] {
  const kindDir = join(root, kind);
  if (!existsSync(kindDir)) return [];
  const out: BackupSource[] = [];
  for (const name of readdirSync(kindDir)) {
    const at = parseBackupStamp(name);
    const dir = join(kindDir, name);
    if (!at || !existsSync(join(dir, BACKUP_MANIFEST_FILE))) continue;
    out.push(sourceOf(dir, `${location}:${kind}/${name}`, kind, location, at));
  }
  return out.sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt));
}

/** Every complete backup under a root, newest first. */
export function listRoot(root: string, location: 'primary' | 'second'): BackupSource[] {
  return BACKUP_KINDS.flatMap((k) => listKind(root, location, k)).sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt));
}

/** A folder or `.sqlite` file picked in the native dialog, as a backup source. */
export function externalSource(id: string, path: string): BackupSource | null {
  if (!existsSync(path)) return null;
  const isFile = statSync(path).isFile();
  const dir = isFile ? dirname(path) : path;
  const src = sourceOf(dir, id, 'external', 'external', statSync(path).mtime);
  if (isFile && basename(path) !== BACKUP_DB_FILE) return { ...src, dbFile: path, filesDir: null, manifest: null };
  return src;
}

/** Every backup the program can see: the data folder, the second folder (when reachable), picked folders. */
export async function listAllBackups(app: AppContext): Promise<BackupSource[]> {
  const second = await app.store.trust.secondDir().catch(() => null);
  const external = [...app.backup.externals.entries()].flatMap(([id, path]) => externalSource(id, path) ?? []);
  const all = [...listRoot(primaryRoot(app.dataDir), 'primary'), ...(second ? safeList(secondRoot(second)) : []), ...external];
  return all.sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt));
}

function safeList(root: string): BackupSource[] {
  try {
    return listRoot(root, 'second');
  } catch {
    // An unplugged USB disk or an unreachable share: the list shows what the data folder has.
    return [];
  }
}

/** Finds a backup by its id; ids are built from a fixed list of kinds and time stamps, never paths. */
export async function resolveBackup(app: AppContext, id: string): Promise<BackupSource> {
  const external = app.backup.externals.get(id);
  if (external) {
    const src = found(externalSource(id, external));
    if (resolve(src.dbFile) === resolve(app.store.file)) throw new AppError('CONFLICT', 'Это файл текущей базы, а не резервная копия');
    return src;
  }
  const m = /^(primary|second):([a-z-]+)\/([0-9TZ-]+)$/.exec(id);
  const kind = BACKUP_KINDS.find((k) => k === m?.[2]);
  if (!m || !kind || !parseBackupStamp(m[3])) throw new AppError('NOT_FOUND', 'Резервная копия не найдена');
  let root = primaryRoot(app.dataDir);
  if (m[1] === 'second') {
    const second = await app.store.trust.secondDir();
    if (!second) throw new AppError('NOT_FOUND', 'Вторая папка для копий не задана');
    root = secondRoot(second);
  }
  return found(listKind(root, m[1] === 'second' ? 'second' : 'primary', kind).find((s) => s.info.id === id) ?? null);
}

function found(src: BackupSource | null): BackupSource {
  if (!src || !existsSync(src.dbFile)) throw new AppError('NOT_FOUND', 'Резервная копия не найдена');
  return src;
}
