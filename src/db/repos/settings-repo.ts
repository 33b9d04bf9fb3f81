import { eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimStampSync, readStampSync } from '../record-version';
import { settings } from '../schema/foundation';

/** Stored office settings with their defaults. */
export interface StoredSettings {
  idleLockMinutes: number;
  loginDisabled: boolean;
}

/** The settings form's key in record_stamps. */
const SETTINGS_STAMP = 'settings';

const DEFAULTS: StoredSettings = { idleLockMinutes: 15, loginDisabled: false };

/** Office-wide settings (key → JSON). */
export function createSettingsRepo(deps: RepoDeps) {
  const { db } = deps;
  const read = (): StoredSettings => {
    const rows = db.select().from(settings).all();
    const out: StoredSettings = { ...DEFAULTS };
    for (const r of rows) {
      const value: unknown = JSON.parse(r.value);
      if (r.key === 'idleLockMinutes' && typeof value === 'number') out.idleLockMinutes = value;
      if (r.key === 'loginDisabled' && typeof value === 'boolean') out.loginDisabled = value;
    }
    return out;
  };
  return {
    async get(): Promise<StoredSettings> {
      return read();
    },
    /** The settings' version (0 until anyone saved them). */
    async version(): Promise<number> {
      return readStampSync(deps.sqlite, SETTINGS_STAMP).version;
    },
    /** Saves the settings over `version` (StaleRecordError when another save came first). */
    async update(actor: Actor, next: StoredSettings, version: number): Promise<StoredSettings> {
      return inTransaction(deps, () => {
        claimStampSync(deps.sqlite, SETTINGS_STAMP, version, actor.userId, deps.now().toISOString());
        const before = read();
        for (const [key, value] of Object.entries(next)) {
          db.insert(settings)
            .values({ key, value: JSON.stringify(value) })
            .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
            .run();
        }
        const after = read();
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'settings', entityId: null, before, after }, deps.now().toISOString());
        return after;
      });
    },
    /** Writes one raw key (for areas that keep their own settings), audited with its old and new value. */
    async setKey(actor: Actor, key: string, value: unknown): Promise<void> {
      inTransaction(deps, () => {
        const old = db.select().from(settings).where(eq(settings.key, key)).get();
        db.insert(settings)
          .values({ key, value: JSON.stringify(value) })
          .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
          .run();
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'settings', entityId: key, before: old ? { [key]: JSON.parse(old.value) as unknown } : null, after: { [key]: value } }, deps.now().toISOString());
      });
    },
    /** Reads one raw key (for areas that keep their own settings). */
    async getKey(key: string): Promise<unknown> {
      const r = db.select().from(settings).where(eq(settings.key, key)).get();
      return r ? (JSON.parse(r.value) as unknown) : undefined;
    },
  };
}

/** The settings repository. */
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
