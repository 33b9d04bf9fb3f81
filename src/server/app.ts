import { join } from 'node:path';
import { openStore, type OpenFailure, type StoreOptions } from '../db/store';
import { newBackupState } from './backup/state';
import { newCaller, noOfficeHost, type AppContext } from './context';
import { NO_DESKTOP, type DesktopActions } from './desktop-actions';
import { checkAtStart, newHealthState } from './health';
import { inlinePdfService, type PdfService } from './pdf-service';
import { OfficeFile } from '../db/office-file';
import { RequestLog } from './request-log';
import { SessionStore } from './session';
import { newChangeFeed } from './change-feed';
import { SignInThrottle } from './auth/sign-in-throttle';

/** Where the program keeps its data and finds its resources. */
export interface AppOptions {
  dataDir: string;
  resourcesDir: string;
  version: string;
  now?: () => Date;
  log?: AppContext['log'];
  /** The main process's native folder dialog (the browser host has none). */
  pickFolder?: AppContext['pickFolder'];
  /** How PDFs are rendered; defaults to in-process (tools, tests) — main and the host pass a worker. */
  pdf?: PdfService;
  /** Main's save, print and open actions; defaults to `unsupported` (the browser host). */
  desktop?: DesktopActions;
}

/** The database file inside a data folder. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'sdelka.sqlite');
}

/** The office file (sessions, answers by request id) beside the base: never in a backup. */
export function officeFile(dataDir: string): string {
  return join(dataDir, 'office.sqlite');
}

/** Opens the store and builds the context the handlers share; a failure is returned as data. */
export async function createApp(opts: AppOptions): Promise<{ app: AppContext } | { failure: OpenFailure }> {
  const now = opts.now ?? (() => new Date());
  const storeOptions: StoreOptions = {
    file: databaseFile(opts.dataDir),
    migrationsDir: join(opts.resourcesDir, 'migrations'),
    backupDir: join(opts.dataDir, 'backups'),
    now,
  };
  const opened = await openStore(storeOptions);
  if ('failure' in opened) return opened;
  const office = OfficeFile.open(officeFile(opts.dataDir));
  const sessions = new SessionStore(office);
  const app: AppContext = {
    store: opened.store,
    sessions,
    requests: new RequestLog(),
    localCaller: newCaller(),
    now,
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir,
    version: opts.version,
    recovery: opened.recovery,
    log: opts.log ?? ((message, error) => console.error(message, error ?? '')),
    health: newHealthState(),
    backup: newBackupState(),
    maintenance: null,
    pickFolder: opts.pickFolder,
    pdf: opts.pdf ?? inlinePdfService(opts.resourcesDir),
    desktop: opts.desktop ?? NO_DESKTOP,
    changes: newChangeFeed(),
    officeHost: noOfficeHost(),
    signInThrottle: new SignInThrottle(),
    async reopenStore(swap) {
      // `app` here is the one shared object, never a per-call copy: the new store is seen by every later call.
      app.maintenance = 'Идёт восстановление базы из резервной копии';
      try {
        await app.store.close();
        let swapError: unknown = null;
        try {
          if (swap) await swap(storeOptions.file);
        } catch (e) {
          swapError = e;
        }
        // Reopened whether or not the swap succeeded: a failed swap leaves the old file in place.
        const again = await openStore(storeOptions);
        if ('failure' in again) throw new Error(again.failure.message);
        app.store = again.store;
        app.recovery = again.recovery;
        // A restored base may have other people: every desk signs in again, and the answers kept for
        // retries in the restored base belong to sessions that no longer exist.
        app.sessions.endAll();
        if (!again.store.readOnly) again.store.requestAnswers.clear();
        await checkAtStart(app, { uncleanShutdown: again.uncleanShutdown, forceFull: true });
        if (swapError) throw swapError;
        return { store: app.store, recovery: app.recovery };
      } finally {
        app.maintenance = null;
      }
    },
  };
  await checkAtStart(app, { uncleanShutdown: opened.uncleanShutdown });
  sessions.idleMinutes = await idleLimit(app);
  return { app };
}

/** The idle limit from the settings; the default when a base in recovery cannot say. */
async function idleLimit(app: AppContext): Promise<number> {
  try {
    return (await app.store.settings.get()).idleLockMinutes;
  } catch {
    return 15;
  }
}
