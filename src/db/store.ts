import type { Statement } from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { vacuumIntoBackup } from './backup';
import { scheduleCheckpoints } from './checkpoints';
import { openConnection, quickCheck, type Sqlite } from './connection';
import { toDrizzle, type RepoDeps } from './drizzle';
import { applyMigrations, DatabaseNewerError, migrationSummary, pendingMigrations, readMigrations } from './migrate';
import { createAuditRepo } from './repos/audit-repo';
import { createClientRepos } from './repos/client-repos';
import { createDocumentRepos } from './repos/document-repos';
import { createMoneyRepos } from './repos/money-repos';
import { createOrgsRepo } from './repos/orgs-repo';
import { createPayrollRepos } from './repos/payroll-repos';
import { createPlansRepos } from './repos/plans-repos';
import { createRequestAnswersRepo } from './repos/request-answers-repo';
import { createFirstStepsRepo } from './repos/first-steps-repo';
import { createSettingsRepo } from './repos/settings-repo';
import { createSigningRepo } from './repos/signing-repo';
import { createSalesRepos } from './repos/sales-repos';
import { createSetupRepo } from './repos/setup-repo';
import { createTrustRepo } from './repos/trust-repo';
import { createUsersRepo } from './repos/users-repo';
import { ownerOnlyDirs, ownerOnlyFiles, ownerOnlyTree } from './owner-only';

/** How to open the store. */
export interface StoreOptions {
  file: string;
  migrationsDir: string;
  /** Where the pre-migration safety copy goes; defaults to `<dir of file>/backups`. */
  backupDir?: string;
  now?: () => Date;
}

function buildRepos(deps: RepoDeps) {
  const orgs = createOrgsRepo(deps);
  const users = createUsersRepo(deps);
  return {
    orgs,
    users,
    settings: createSettingsRepo(deps),
    audit: createAuditRepo(deps),
    setup: createSetupRepo(deps, orgs, users),
    ...createClientRepos(deps),
    sales: createSalesRepos(deps),
    documents: createDocumentRepos(deps),
    signing: createSigningRepo(deps),
    ...createMoneyRepos(deps),
    ...createPlansRepos(deps),
    ...createPayrollRepos(deps),
    trust: createTrustRepo(deps),
    firstSteps: createFirstStepsRepo(deps),
    requestAnswers: createRequestAnswersRepo(deps),
  };
}

/** The data layer: asynchronous repositories over one SQLite file. All SQL lives in src/db. */
export interface Store extends ReturnType<typeof buildRepos> {
  readonly file: string;
  /** True when the file failed its check: the program shows recovery and refuses writes. */
  readonly readOnly: boolean;
  /** Stops writes from now on (a full check failed while running). */
  enterReadOnly(): void;
  /**
   * Changes whenever anything is written to the base: by another connection (SQLite's data_version) or by
   * this one (its total changes). Equal stamps mean nothing was written in between.
   */
  writeStamp(): string;
  migrations(): Promise<{ area: string; applied: number }[]>;
  close(): Promise<void>;
  /** The raw connection, for tests and the backup service only. */
  readonly sqlite: Sqlite;
}

/** Why the store could not be opened. */
export type OpenFailure = { code: 'DB_NEWER' | 'DB_BROKEN'; message: string };

/** The marker written beside the base while it is open; found at start, it means the last run did not close cleanly. */
export function runningMarker(file: string): string {
  return `${file}.running`;
}

/** An opened store: why it is in recovery (or null), and whether the previous run ended without closing it. */
export type OpenedStore = { store: Store; recovery: string | null; uncleanShutdown: boolean };

/** Opens (creating if needed) the database: pragmas, quick_check, migrations in one transaction. */
export async function openStore(opts: StoreOptions): Promise<OpenedStore | { failure: OpenFailure }> {
  const now = opts.now ?? (() => new Date());
  mkdirSync(dirname(opts.file), { recursive: true, mode: 0o700 });
  let sqlite: Sqlite;
  try {
    sqlite = openConnection(opts.file);
  } catch (e) {
    return { failure: { code: 'DB_BROKEN', message: `Не удалось открыть файл базы данных: ${(e as Error).message}` } };
  }
  // Owner-only from the first open on (and tightened for bases and backups made before this rule).
  ownerOnlyDirs(dirname(opts.file), join(dirname(opts.file), 'files'));
  ownerOnlyFiles(opts.file, `${opts.file}-wal`, `${opts.file}-shm`);
  ownerOnlyTree(opts.backupDir ?? join(dirname(opts.file), 'backups'));
  let recovery: string | null;
  try {
    recovery = quickCheck(sqlite);
  } catch (e) {
    recovery = (e as Error).message;
  }
  if (recovery === null) {
    try {
      const pending = pendingMigrations(sqlite, readMigrations(opts.migrationsDir));
      const hasData = migrationSummary(sqlite).length > 0;
      if (pending.length > 0 && hasData) {
        // A safety copy before the structure changes, taken with VACUUM INTO (never a file copy).
        await vacuumIntoBackup(sqlite, opts.backupDir ?? join(dirname(opts.file), 'backups'), now());
      }
      applyMigrations(sqlite, pending, now().toISOString());
    } catch (e) {
      sqlite.close();
      if (e instanceof DatabaseNewerError) return { failure: { code: 'DB_NEWER', message: e.message } };
      return { failure: { code: 'DB_BROKEN', message: `Не удалось обновить структуру базы: ${(e as Error).message}. База не изменена.` } };
    }
  }
  const marker = runningMarker(opts.file);
  const uncleanShutdown = existsSync(marker);
  writeFileSync(marker, `${process.pid} ${now().toISOString()}\n`, { mode: 0o600 });
  const deps: RepoDeps = { db: toDrizzle(sqlite), sqlite, now };
  let readOnly = recovery !== null;
  let totalChanges: Statement | null = null;
  const writeStamp = (): string => {
    totalChanges ??= sqlite.prepare('SELECT total_changes()').pluck();
    return `${String(sqlite.pragma('data_version', { simple: true }))}:${String(totalChanges.get())}`;
  };
  const checkpoints = scheduleCheckpoints(sqlite, writeStamp);
  const store: Store = {
    ...buildRepos(deps),
    file: opts.file,
    get readOnly() {
      return readOnly;
    },
    enterReadOnly() {
      readOnly = true;
    },
    writeStamp,
    sqlite,
    async migrations() {
      return migrationSummary(sqlite);
    },
    async close() {
      if (!sqlite.open) return;
      checkpoints.stop();
      sqlite.close();
      rmSync(marker, { force: true });
    },
  };
  return { store, recovery, uncleanShutdown };
}
