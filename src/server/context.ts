import type { SessionUser } from '../shared/api/auth';
import type { IssueStage } from './documents/issue-stage';
import type { OfficeInfo } from '../shared/api/office';
import type { Actor } from '../db/audit';
import type { Store } from '../db/store';
import type { BackupState } from './backup/state';
import type { ChangeFeed } from './change-feed';
import type { DesktopActions } from './desktop-actions';
import type { HealthState } from './health';
import type { PdfService } from './pdf-service';
import type { RequestLog } from './request-log';
import type { SessionStore } from './session';
import type { SignInThrottle } from './auth/sign-in-throttle';

/** Everything the handlers share for the life of the process. */
export interface AppContext {
  store: Store;
  /** Every desk's session (hashed, in the office file beside the base). */
  sessions: SessionStore;
  /** Answers to write calls by request id: a retried call gets the first answer, never a second record. */
  requests: RequestLog;
  /** The caller of this computer's own window, tools and tests: one desk, its token held here. */
  localCaller: Caller;
  now: () => Date;
  dataDir: string;
  resourcesDir: string;
  version: string;
  /** Why the base is in recovery (failed quick_check), or null. */
  recovery: string | null;
  log: (message: string, error?: unknown) => void;
  /** The audit chain and full-check results (one object shared by every call's context). */
  health: HealthState;
  /** Backups in progress and folders picked in the menu (shared like `health`). */
  backup: BackupState;
  /** Set while the base is being replaced from a backup: every call is refused meanwhile. */
  maintenance: string | null;
  /**
   * Closes the store, lets `swap` replace the database file, reopens it with the start-up checks and
   * signs the session out (the restored base may have other people). Returns the new store.
   */
  reopenStore(swap?: (file: string) => Promise<void>): Promise<{ store: Store; recovery: string | null }>;
  /** Asks the person for a folder with a native dialog (main process only; absent in the browser host). */
  pickFolder?: (title: string) => Promise<string | null>;
  /** Renders document PDFs (a worker thread in the window's hosts; replaceable in tests). */
  pdf: PdfService;
  /** Save as…, print and open a PDF: main's dialogs, or `unsupported` in the browser host. */
  desktop: DesktopActions;
  /** Committed writes, published by `invoke` for the live screens of every desk. */
  changes: ChangeFeed;
  /** Serving the office from this process: what the host reports, and the switch (absent where it cannot). */
  officeHost: OfficeHostState;
  /** Failed sign-ins per login and address: delays and temporary locks. */
  signInThrottle: SignInThrottle;
}

/** The office host of this process as the settings see it. */
export interface OfficeHostState {
  info: OfficeInfo;
  /** Starts or stops serving the LAN (the desktop app); absent in tools, tests and on a desk. */
  serve?: (on: boolean, port?: number) => Promise<OfficeInfo>;
  /** Makes this computer a desk of the office at `connection` (the desktop app); a Russian reason when it cannot. */
  connectDesk?: (connection: string) => Promise<string | null>;
}

/** Not serving, and unable to. */
export function noOfficeHost(): OfficeHostState {
  return { info: { canServe: false, serving: false, address: null, port: null, connection: null, fingerprint: null, problem: null } };
}

/** Where a call comes from; the transport fills it in (the window's IPC, the office host, tests). */
export interface CallOrigin {
  /** The network address of the desk or browser; 'local' for this computer's own window. */
  address: string;
  /** The computer's name as the desk reports it, or the address. */
  computer: string;
}

/** The origin of calls made on this computer (the window's IPC, command-line tools, tests). */
export const LOCAL_ORIGIN: CallOrigin = { address: 'local', computer: 'Этот компьютер' };

/** The session token a desk's transport holds (main process, a browser cookie, a test); null when signed out. */
export interface Credential {
  token: string | null;
}

/** Who is calling: where from, with which session, and how. The transport fills it in. */
export interface Caller {
  origin: CallOrigin;
  /** Sign-in and sign-out replace the token here; the transport passes it back to its desk. */
  credential: Credential;
  /** A background refresh (a badge poll): it never extends the session's idle time. */
  background?: boolean;
  /** The caller's id of this write: a retry with the same id gets the first answer. */
  requestId?: string;
}

/** A caller with no session yet, from `origin`. */
export function newCaller(origin: CallOrigin = LOCAL_ORIGIN): Caller {
  return { origin, credential: { token: null } };
}

/** What one call sees: the app plus who is calling and from where. */
export interface CallContext extends AppContext {
  user: SessionUser | null;
  actor: Actor;
  origin: CallOrigin;
  caller: Caller;
  /** An issuing call's stage (invoke renders its PDFs before the writer); absent: render and write in one run. */
  issueStage?: IssueStage;
}

/** The signed-in user; entries with access other than 'public' always have one. */
export function requireUser(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('requireUser on a public entry');
  return ctx.user;
}
