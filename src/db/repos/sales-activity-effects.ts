import type { ActivityKind, ActivityStatus } from '../../shared/api/sales-activities';
import type Database from 'better-sqlite3';
import { LADDER_FACT_KINDS } from '../../core/index';
import type { Sqlite } from '../connection';
import type { RepoDeps } from '../drizzle';
import { addEventSync, refreshLadderSync } from './client-writes';

/** What of an activity the statistics and the client's history depend on. */
export interface ActivityFacts {
  id: number;
  kind: ActivityKind;
  status: ActivityStatus;
  at: string;
  day: string;
  managerId: number;
  clientId: number;
  reachedKeyPerson: boolean;
  madeContact: boolean;
  interested: boolean;
  meetingSet: boolean;
  objectionIds: number[];
}

const STAT_COLUMNS = ['calls', 'cold_calls', 'key_persons', 'contacts', 'interested', 'meetings_set', 'meetings_held', 'proposals', 'letters'] as const;

/** How much one activity adds to its manager's day counters (zero unless it is done). */
export function dayContribution(a: ActivityFacts): Record<(typeof STAT_COLUMNS)[number], number> {
  const done = a.status === 'done';
  const call = done && a.kind.startsWith('call_');
  const n = (b: boolean) => (b ? 1 : 0);
  return {
    calls: n(call),
    cold_calls: n(call && a.kind === 'call_cold'),
    key_persons: n(call && a.reachedKeyPerson),
    contacts: n(call && a.madeContact),
    interested: n(call && a.interested),
    meetings_set: n(call && a.meetingSet),
    meetings_held: n(done && a.kind === 'meeting'),
    proposals: n(done && a.kind === 'proposal'),
    letters: n(done && a.kind === 'letter'),
  };
}

interface Statements {
  day: Database.Statement<unknown[]>;
  objection: Database.Statement<unknown[]>;
}

// Prepared once per connection: bulk loads write a million rows through here.
const prepared = new WeakMap<Sqlite, Statements>();

function statements(sqlite: Sqlite): Statements {
  const known = prepared.get(sqlite);
  if (known) return known;
  const made: Statements = {
    day: sqlite.prepare(
      `INSERT INTO activity_day_stats (manager_id, day, ${STAT_COLUMNS.join(', ')}) VALUES (?, ?, ${STAT_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (manager_id, day) DO UPDATE SET ${STAT_COLUMNS.map((k) => `${k} = ${k} + excluded.${k}`).join(', ')}`,
    ),
    objection: sqlite.prepare(
      `INSERT INTO objection_day_stats (manager_id, day, objection_id, n) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, manager_id, objection_id) DO UPDATE SET n = n + excluded.n`,
    ),
  };
  prepared.set(sqlite, made);
  return made;
}

/** Adds (sign 1) or takes away (sign -1) an activity's contribution to the per-day tables. */
export function applyDayStats(sqlite: Sqlite, a: ActivityFacts, sign: 1 | -1): void {
  if (a.status !== 'done') return;
  const c = dayContribution(a);
  const st = statements(sqlite);
  st.day.run(a.managerId, a.day, ...STAT_COLUMNS.map((k) => c[k] * sign));
  for (const o of a.objectionIds) st.objection.run(a.managerId, a.day, o, sign);
}

/** The client-history event kind of a done activity; contact, meeting and proposal feed the "our client" ladder. */
export function clientEventKind(a: ActivityFacts): string | null {
  if (a.status !== 'done') return null;
  if (a.kind === 'meeting') return 'meeting';
  if (a.kind === 'proposal') return 'proposal';
  if (a.kind === 'letter') return 'letter';
  return a.madeContact ? 'contact' : 'call';
}

/** Replaces the activity's event in the client's history; contact, meeting and proposal move the "our client" ladder. */
export function syncClientEvent(deps: RepoDeps, a: ActivityFacts, text: string, userId: number | null): void {
  const { sqlite } = deps;
  const removed = sqlite.prepare("DELETE FROM client_events WHERE ref_entity = 'activity' AND ref_id = ? RETURNING kind").all(a.id) as { kind: string }[];
  const kind = clientEventKind(a);
  if (kind) {
    // Activity times are the office's wall clock; the history keeps UTC stamps like the clients area does.
    const at = new Date(a.at).toISOString();
    const prev = sqlite.prepare('SELECT last_activity_at AS t FROM clients WHERE id = ?').get(a.clientId) as { t: string } | undefined;
    addEventSync(deps, { clientId: a.clientId, kind, text, userId, at, refEntity: 'activity', refId: a.id });
    // A call logged afterwards must not make the client look less recently worked.
    if (prev && prev.t > at) sqlite.prepare('UPDATE clients SET last_activity_at = ? WHERE id = ?').run(prev.t, a.clientId);
  }
  if (removed.some((r) => LADDER_FACT_KINDS[r.kind])) refreshLadderSync(deps, a.clientId);
}
