import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { AppContext } from '../../src/server/context';
import { listKind, primaryRoot } from '../../src/server/backup/layout';
import { inspectBackup } from '../../src/server/backup/restore';
import { KEEP } from '../../src/server/backup/rotation';
import { VALID_ORG } from '../helpers/temp-app';
import { documentBundles } from './documents-scenario';

/** Calls one entry through the real wrapper and returns its data; an error envelope throws its Russian message. */
export type Call = <K extends EntryName>(name: K, input: ApiInput<K>) => Promise<ApiResult<K>>;

/** A number series that must have no gaps after any crash: SQL returning one integer column, in order. */
export interface SeriesQuery {
  name: string;
  sql: string;
}

/** One real write path driven in a loop by the child process until it is killed. */
export interface CrashScenario {
  name: string;
  /** Sets a fresh base up once, in the parent, through the same wrapper (the director is signed in). */
  prepare(call: Call): Promise<void>;
  /** One write; resolves to the key the child acknowledges once the call has returned data. */
  step(call: Call, at: { run: number; i: number }): Promise<string>;
  /** Of the acknowledged keys, those the reopened base lacks. */
  lost(app: AppContext, acked: string[]): Promise<string[]>;
  /** Series that must stay gapless (audit_log ids are always checked). */
  series: SeriesQuery[];
  /** How long after start-up a kill may come, in ms (default 400); slow writes (rendering PDFs) need longer. */
  maxDelayMs?: number;
}

/** Checked for every scenario: the audit trail's ids have no gaps (no entry lost or rolled half-way). */
export const ALWAYS_CHECKED_SERIES: SeriesQuery[] = [{ name: 'audit_log.id', sql: 'SELECT id FROM audit_log ORDER BY id' }];

/** The director every scenario's base is set up with. */
export const CRASH_DIRECTOR = { login: 'director', password: 'secret1' };

async function setUp(call: Call): Promise<void> {
  await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', ...CRASH_DIRECTOR } });
}

function countAudit(app: AppContext, entity: string, path: string, value: string | number): number {
  const sql = "SELECT count(*) AS n FROM audit_log WHERE entity = ? AND json_extract(after, '$.' || ?) = ?";
  return (app.store.sqlite.prepare(sql).get(entity, path, value) as { n: number }).n;
}

/** People: `users.create` (password hashing, unique logins, an audit entry in the same transaction). */
const people: CrashScenario = {
  name: 'people',
  prepare: setUp,
  async step(call, { run, i }) {
    const login = `r${run}p${i}`;
    await call('users.create', { login, fullName: `Сотрудник ${run}-${i}`, position: 'Менеджер', role: 'manager', password: 'secret1' });
    return login;
  },
  async lost(app, acked) {
    const missing: string[] = [];
    for (const login of acked) if (!(await app.store.users.byLogin(login))) missing.push(login);
    return missing;
  },
  series: [{ name: 'users.id', sql: 'SELECT id FROM users ORDER BY id' }],
};

/** Our organisation's requisites and the office settings, changed in turn. */
const orgAndSettings: CrashScenario = {
  name: 'org-and-settings',
  prepare: setUp,
  async step(call, { run, i }) {
    if (i % 2 === 0) {
      const phone = `+7 900 ${run}-${i}`;
      await call('orgs.update', { id: 1, org: { ...VALID_ORG, phone } });
      return `org|${phone}`;
    }
    const minutes = 5 + ((run * 7 + i) % 400);
    await call('settings.update', { idleLockMinutes: minutes, loginDisabled: false });
    return `settings|${minutes}`;
  },
  async lost(app, acked) {
    const missing: string[] = [];
    const perValue = new Map<string, number>();
    for (const key of acked) perValue.set(key, (perValue.get(key) ?? 0) + 1);
    for (const [key, times] of perValue) {
      const [kind, value] = key.split('|');
      const found = kind === 'org' ? countAudit(app, 'organization', 'phone', value) : countAudit(app, 'settings', 'idleLockMinutes', Number(value));
      if (found < times) missing.push(key);
    }
    // The record and its trail agree: the organisation holds the phone of its latest audit entry.
    const org = await app.store.orgs.get(1);
    const last = app.store.sqlite
      .prepare("SELECT json_extract(after, '$.phone') AS phone FROM audit_log WHERE entity = 'organization' ORDER BY id DESC LIMIT 1")
      .get() as { phone: string };
    if (org?.phone !== last.phone) missing.push(`org phone ${org?.phone} ≠ audit ${last.phone}`);
    return missing;
  },
  series: [],
};

/** Manual backups (the database through SQLite's backup API, attachments, manifest, atomic rename). */
const backups: CrashScenario = {
  name: 'backups',
  prepare: setUp,
  async step(call) {
    return (await call('backup.create', {})).id;
  },
  async lost(app, acked) {
    const kept = listKind(primaryRoot(app.dataDir), 'primary', 'manual');
    const oldestKept = kept.length >= KEEP.manual ? (kept.at(-1)?.info.createdAt ?? '') : '';
    const missing: string[] = [];
    for (const id of acked) {
      const copy = kept.find((s) => s.info.id === id);
      // Rotation may legitimately remove the oldest acknowledged copies; anything newer must be there and verify.
      if (!copy && (id.split('/')[1] ?? '') < oldestKept.replace(/[:.]/g, '-')) continue;
      if (!copy || !(await inspectBackup(app, copy)).check.ok) missing.push(id);
    }
    return missing;
  },
  series: [],
};

/** Every crash scenario by name; later areas add theirs (issuing bundles, importing a statement, closing a month). */
export const CRASH_SCENARIOS: CrashScenario[] = [people, orgAndSettings, backups, documentBundles];

/** A scenario by name. */
export function scenarioNamed(name: string): CrashScenario {
  const s = CRASH_SCENARIOS.find((c) => c.name === name);
  if (!s) throw new Error(`unknown crash scenario ${name}`);
  return s;
}
