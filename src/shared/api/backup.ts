import { z } from '../zod-ru';
import { entry } from '../entry';
import { DIRECTOR_ONLY, type Role } from '../roles';

/** Kinds of backup, each in its own folder under `<data folder>/backups/`. */
export const BACKUP_KINDS = ['daily', 'weekly', 'monthly', 'manual', 'before-migration', 'before-restore'] as const;

/** One kind of backup. */
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Where a backup lies: the data folder, the second folder from settings, or a folder picked in the menu. */
export type BackupLocation = 'primary' | 'second' | 'external';

/** One backup as listed (not yet verified). */
export interface BackupInfo {
  /** `primary:daily/2026-11-26T09-00-00-000Z`, `second:…` or `external-1`: an id, never a path. */
  id: string;
  kind: BackupKind | 'external';
  location: BackupLocation;
  /** When the copy was taken (ISO), from its manifest or the folder name. */
  createdAt: string;
  appVersion: string | null;
  dbBytes: number;
  files: number;
}

/** What verifying a backup's database found. */
export interface BackupCheck {
  ok: boolean;
  /** Russian descriptions of what makes the copy unusable; empty when ok. */
  problems: string[];
  /** What is worth knowing but does not stop a restore by itself (missing attachments; a broken audit chain needs a written reason). */
  warnings: string[];
  /** True when the copy was made by a newer program (it is refused). */
  newer: boolean;
  migrations: { area: string; applied: number }[];
  tables: { name: string; rows: number }[];
  auditFirstBadId: number | null;
  /** The time of the last recorded change in the copy. */
  lastChangeAt: string | null;
}

/** A backup with the result of verifying it. */
export interface BackupInspection {
  backup: BackupInfo;
  check: BackupCheck;
}

/** A backup being made, or a restore (which makes its own copy of the replaced base first), right now. */
export interface BackupProgress {
  job: 'backup' | 'restore';
  /** A restore: verify → safety (its copy of the current base) → replace → files. */
  phase: 'database' | 'files' | 'verify' | 'second' | 'safety' | 'replace';
  /** 0…1 over the whole job. */
  fraction: number;
  /** How much of the phase is done, when it is counted: the base's megabytes copied, or the attachments. */
  count: BackupProgressCount | null;
  startedAt: string;
}

/** A phase's count: `done` of `total` megabytes (one decimal) or files. */
export interface BackupProgressCount {
  done: number;
  total: number;
  of: 'megabytes' | 'files';
}

/** Настройки → Резервные копии: every backup, the second folder and the health of the schedule. */
export interface BackupOverview {
  backups: BackupInfo[];
  secondDir: string | null;
  /** Why the last copy to the second folder failed (a USB disk unplugged…), or null. */
  secondDirProblem: string | null;
  progress: BackupProgress | null;
  lastError: string | null;
  lastFullCheckAt: string | null;
}

/** What a restore did. */
export interface RestoreResult {
  restored: BackupInfo;
  /** The copy of the replaced base, taken first. */
  safetyCopy: BackupInfo | null;
  /** Set when the replaced base was too damaged to copy with SQLite and was moved aside as a file. */
  movedAside: string | null;
}

const MAKERS: readonly Role[] = ['director', 'accountant'];

/** A backup id as listed: a location, a kind and a time stamp, or an external folder's number. */
export const backupIdSchema = z
  .string()
  .regex(/^((primary|second):[a-z-]+\/[0-9TZ-]+|external-\d+)$/, { message: 'Неизвестная резервная копия' });

/** Backups and restore: the permission table says who may make, see and restore them. */
export const backupApi = {
  'backup.list': entry<BackupOverview>()({ input: z.object({}), access: MAKERS, writes: false }),
  // Reads the base and writes files beside it; the base itself is not changed.
  'backup.create': entry<BackupInfo>()({ input: z.object({}), access: MAKERS, writes: false }),
  'backup.progress': entry<BackupProgress | null>()({ input: z.object({}), access: MAKERS, writes: false }),
  'backup.inspect': entry<BackupInspection>()({ input: z.object({ id: backupIdSchema }), access: DIRECTOR_ONLY, writes: false }),
  'backup.newestGood': entry<BackupInspection | null>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  'backup.restore': entry<RestoreResult>()({
    input: z.object({
      id: backupIdSchema,
      confirm: z.literal(true, { message: 'Подтвердите восстановление' }),
      /** Required when the copy's audit chain is broken: the director's written reason, kept in the journal. */
      auditOverrideReason: z.string().trim().max(2000).optional(),
    }),
    access: DIRECTOR_ONLY,
    writes: true,
    replacesBase: true,
  }),
  'backup.chooseSecondDir': entry<{ secondDir: string | null }>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: true }),
  'backup.clearSecondDir': entry<{ secondDir: string | null }>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: true }),
};
