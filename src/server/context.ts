import type { SessionUser } from '../shared/api/auth';
import type { Actor } from '../db/audit';
import type { Store } from '../db/store';
import type { Session } from './session';

/** Everything the handlers share for the life of the process. */
export interface AppContext {
  store: Store;
  session: Session;
  now: () => Date;
  dataDir: string;
  resourcesDir: string;
  version: string;
  /** Why the base is in recovery (failed quick_check), or null. */
  recovery: string | null;
  log: (message: string, error?: unknown) => void;
}

/** What one call sees: the app plus who is calling. */
export interface CallContext extends AppContext {
  user: SessionUser | null;
  actor: Actor;
}

/** The signed-in user; entries with access other than 'public' always have one. */
export function requireUser(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('requireUser on a public entry');
  return ctx.user;
}
