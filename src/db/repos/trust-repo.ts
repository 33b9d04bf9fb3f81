import { eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../audit';
import { fullCheck } from '../backup';
import { inTransaction, type RepoDeps } from '../drizzle';
import { settings } from '../schema/foundation';

const SECOND_DIR_KEY = 'backup.secondDir';
const LAST_FULL_CHECK_KEY = 'health.lastFullCheckAt';

/** Backup settings and the health bookkeeping of the base (kept in the settings table). */
export function createTrustRepo(deps: RepoDeps) {
  const { db } = deps;
  const readKey = (key: string): unknown => {
    const r = db.select().from(settings).where(eq(settings.key, key)).get();
    return r ? (JSON.parse(r.value) as unknown) : undefined;
  };
  const writeKey = (key: string, value: unknown) => {
    const json = JSON.stringify(value);
    db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
  };
  const secondDirSync = (): string | null => {
    const v = readKey(SECOND_DIR_KEY);
    return typeof v === 'string' && v.length > 0 ? v : null;
  };
  return {
    /** The second backup folder (a USB disk, a network share), or null. */
    async secondDir(): Promise<string | null> {
      return secondDirSync();
    },
    /** Sets or clears the second backup folder; an audited change of settings. */
    async setSecondDir(actor: Actor, dir: string | null): Promise<string | null> {
      return inTransaction(deps, () => {
        const before = secondDirSync();
        writeKey(SECOND_DIR_KEY, dir);
        appendAudit(
          deps.sqlite,
          actor,
          { action: 'update', entity: 'settings', entityId: SECOND_DIR_KEY, before: { secondDir: before }, after: { secondDir: dir } },
          deps.now().toISOString(),
        );
        return dir;
      });
    },
    /** When integrity_check and foreign_key_check last passed, or null. */
    async lastFullCheckAt(): Promise<string | null> {
      const v = readKey(LAST_FULL_CHECK_KEY);
      return typeof v === 'string' ? v : null;
    },
    /** Runs the full check of the live base: null when healthy, else the problems in Russian. */
    async fullCheck(): Promise<string[] | null> {
      return fullCheck(deps.sqlite);
    },
    /**
     * Remembers a passed full check. A technical time stamp like schema_migrations.applied_at, so it
     * is not an audit entry (the audit trail records the office's changes, not the program's chores).
     */
    async recordFullCheck(at: string): Promise<void> {
      inTransaction(deps, () => writeKey(LAST_FULL_CHECK_KEY, at));
    },
    /** Records in the restored base who restored it, from which copy and what it held. */
    async recordRestore(actor: Actor, details: Record<string, unknown>): Promise<void> {
      inTransaction(deps, () =>
        appendAudit(deps.sqlite, actor, { action: 'restore', entity: 'database', entityId: null, after: details }, deps.now().toISOString()),
      );
    },
  };
}

/** The trust repository. */
export type TrustRepo = ReturnType<typeof createTrustRepo>;
