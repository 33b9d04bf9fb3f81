import { join } from 'node:path';
import { openStore, type OpenFailure } from '../db/store';
import type { AppContext } from './context';
import { Session } from './session';

/** Where the program keeps its data and finds its resources. */
export interface AppOptions {
  dataDir: string;
  resourcesDir: string;
  version: string;
  now?: () => Date;
  log?: AppContext['log'];
}

/** The database file inside a data folder. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'sdelka.sqlite');
}

/** Opens the store and builds the context the handlers share; a failure is returned as data. */
export async function createApp(opts: AppOptions): Promise<{ app: AppContext } | { failure: OpenFailure }> {
  const now = opts.now ?? (() => new Date());
  const opened = await openStore({
    file: databaseFile(opts.dataDir),
    migrationsDir: join(opts.resourcesDir, 'migrations'),
    backupDir: join(opts.dataDir, 'backups'),
    now,
  });
  if ('failure' in opened) return opened;
  const app: AppContext = {
    store: opened.store,
    session: new Session(),
    now,
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir,
    version: opts.version,
    recovery: opened.recovery,
    log: opts.log ?? ((message, error) => console.error(message, error ?? '')),
  };
  return { app };
}
