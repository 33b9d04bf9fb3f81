import { ACTIVITY_KIND_LABELS, type ActivityDto, type ActivityParsed, type ActivityKind, type ActivityStatus } from '../../shared/api/sales-activities';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { applyDayStats, syncClientEvent, type ActivityFacts } from './sales-activity-effects';

/** An activity with the contract's defaults applied. */
export type ActivityValues = ActivityParsed;

/** Filters of the activity list; `onlyManagerId` is the caller's scope. */
export interface ActivityFilter {
  clientId?: number;
  dealId?: number;
  managerId?: number;
  onlyManagerId?: number;
  status?: ActivityStatus;
  from?: string;
  to?: string;
  /** Planned ones strictly before this day (overdue). */
  before?: string;
  limit: number;
  order?: 'asc' | 'desc';
}

interface Row {
  id: number;
  kind: ActivityKind;
  status: ActivityStatus;
  at: string;
  day: string;
  manager_id: number;
  manager_name: string;
  client_id: number;
  client_name: string;
  contact_id: number | null;
  contact_name: string | null;
  deal_id: number | null;
  deal_title: string | null;
  subject: string;
  result: string;
  place: string;
  our_person: string;
  their_person: string;
  reached_key_person: number;
  made_contact: number;
  interested: number;
  meeting_set: number;
  script_version_id: number | null;
  script_title: string | null;
  remind_minutes: number | null;
}

const SELECT = `
  SELECT a.*, u.full_name AS manager_name, coalesce(nullif(c.short_name, ''), c.full_name) AS client_name,
         cc.full_name AS contact_name, d.title AS deal_title,
         CASE WHEN s.id IS NULL THEN NULL ELSE trim(s.code || ' ' || s.title) || ' (версия ' || v.version || ')' END AS script_title
  FROM activities a
  JOIN users u ON u.id = a.manager_id
  JOIN clients c ON c.id = a.client_id
  LEFT JOIN client_contacts cc ON cc.id = a.contact_id
  LEFT JOIN deals d ON d.id = a.deal_id
  LEFT JOIN standard_versions v ON v.id = a.script_version_id
  LEFT JOIN standards s ON s.id = v.standard_id`;

function facts(id: number, v: ActivityValues): ActivityFacts {
  return { id, kind: v.kind, status: v.status, at: v.at, day: v.at.slice(0, 10), managerId: v.managerId, clientId: v.clientId, reachedKeyPerson: v.reachedKeyPerson, madeContact: v.madeContact, interested: v.interested, meetingSet: v.meetingSet, objectionIds: [...new Set(v.objectionIds)] };
}

function dtoFacts(a: ActivityDto): ActivityFacts {
  return { id: a.id, kind: a.kind, status: a.status, at: a.at, day: a.at.slice(0, 10), managerId: a.managerId, clientId: a.clientId, reachedKeyPerson: a.reachedKeyPerson, madeContact: a.madeContact, interested: a.interested, meetingSet: a.meetingSet, objectionIds: a.objections.map((o) => o.id) };
}

/** The line the client's history shows for an activity. */
function describe(a: ActivityDto): string {
  const goals = [
    a.reachedKeyPerson ? 'вышли на ключевое лицо' : '',
    a.madeContact ? 'установили контакт' : '',
    a.interested ? 'заинтересовали' : '',
    a.meetingSet ? 'назначили встречу' : '',
  ].filter(Boolean);
  const who = a.contactName ?? a.theirPerson;
  const head = [ACTIVITY_KIND_LABELS[a.kind], who].filter(Boolean).join(' · ');
  const tail = [goals.join(', '), a.subject, a.result].filter(Boolean).join('. ');
  return tail ? `${head} — ${tail}` : head;
}

/** Calls, meetings, letters and proposals; every write keeps the per-day statistics and the client's history in step. */
export function createSalesActivitiesRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const hydrate = (rows: Row[]): ActivityDto[] => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const marks = ids.map(() => '?').join(',');
    const objections = sqlite
      .prepare(`SELECT ao.activity_id, o.id, o.text FROM activity_objections ao JOIN objections o ON o.id = ao.objection_id WHERE ao.activity_id IN (${marks}) ORDER BY o.sort, o.id`)
      .all(...ids) as { activity_id: number; id: number; text: string }[];
    const people = sqlite
      .prepare(`SELECT activity_id, side, user_id, contact_id, name FROM activity_participants WHERE activity_id IN (${marks}) ORDER BY id`)
      .all(...ids) as { activity_id: number; side: 'ours' | 'theirs'; user_id: number | null; contact_id: number | null; name: string }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      at: r.at,
      managerId: r.manager_id,
      managerName: r.manager_name,
      clientId: r.client_id,
      clientName: r.client_name,
      contactId: r.contact_id,
      contactName: r.contact_name,
      dealId: r.deal_id,
      dealTitle: r.deal_title,
      subject: r.subject,
      result: r.result,
      place: r.place,
      ourPerson: r.our_person,
      theirPerson: r.their_person,
      reachedKeyPerson: r.reached_key_person === 1,
      madeContact: r.made_contact === 1,
      interested: r.interested === 1,
      meetingSet: r.meeting_set === 1,
      scriptVersionId: r.script_version_id,
      scriptTitle: r.script_title,
      objections: objections.filter((o) => o.activity_id === r.id).map((o) => ({ id: o.id, text: o.text })),
      participants: people.filter((p) => p.activity_id === r.id).map((p) => ({ side: p.side, userId: p.user_id, contactId: p.contact_id, name: p.name })),
      remindMinutes: r.remind_minutes,
    }));
  };
  const getSync = (id: number): ActivityDto | null => hydrate(sqlite.prepare(`${SELECT} WHERE a.id = ?`).all(id) as Row[])[0] ?? null;

  const writeChildren = (id: number, v: ActivityValues) => {
    sqlite.prepare('DELETE FROM activity_objections WHERE activity_id = ?').run(id);
    sqlite.prepare('DELETE FROM activity_participants WHERE activity_id = ?').run(id);
    const ins = sqlite.prepare('INSERT INTO activity_objections (activity_id, objection_id) VALUES (?, ?)');
    for (const o of new Set(v.objectionIds)) ins.run(id, o);
    const p = sqlite.prepare('INSERT INTO activity_participants (activity_id, side, user_id, contact_id, name) VALUES (?, ?, ?, ?, ?)');
    for (const x of v.participants) p.run(id, x.side, x.userId, x.contactId, x.name);
  };
  const columns = (v: ActivityValues) => [
    v.kind, v.status, v.at, v.at.slice(0, 10), v.managerId, v.clientId, v.contactId, v.dealId, v.subject, v.result, v.place, v.ourPerson, v.theirPerson,
    v.reachedKeyPerson ? 1 : 0, v.madeContact ? 1 : 0, v.interested ? 1 : 0, v.meetingSet ? 1 : 0, v.scriptVersionId, v.remindMinutes,
  ];
  const COLS = 'kind, status, at, day, manager_id, client_id, contact_id, deal_id, subject, result, place, our_person, their_person, reached_key_person, made_contact, interested, meeting_set, script_version_id, remind_minutes';
  const afterWrite = (actor: Actor, a: ActivityDto) => {
    applyDayStats(sqlite, dtoFacts(a), 1);
    syncClientEvent(deps, dtoFacts(a), describe(a), actor.userId);
  };

  /** Inserts inside an open transaction (demo data uses it too). */
  const createSync = (actor: Actor, v: ActivityValues): ActivityDto => {
    const at = deps.now().toISOString();
    const { id } = sqlite
      .prepare(`INSERT INTO activities (${COLS}, created_at, updated_at) VALUES (${COLS.split(',').map(() => '?').join(', ')}, ?, ?) RETURNING id`)
      .get(...columns(v), at, at) as { id: number };
    writeChildren(id, v);
    const created = getSync(id);
    if (!created) throw new Error('activity vanished inside its own transaction');
    afterWrite(actor, created);
    appendAudit(sqlite, actor, { action: 'create', entity: 'activity', entityId: id, after: created }, at);
    return created;
  };

  const updateSync = (actor: Actor, id: number, v: ActivityValues): ActivityDto | null => {
    const before = getSync(id);
    if (!before) return null;
    const at = deps.now().toISOString();
    applyDayStats(sqlite, dtoFacts(before), -1);
    sqlite.prepare(`UPDATE activities SET ${COLS.split(', ').map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...columns(v), at, id);
    writeChildren(id, v);
    const after = getSync(id);
    if (!after) return null;
    afterWrite(actor, after);
    appendAudit(sqlite, actor, { action: before.status === after.status ? 'update' : 'status', entity: 'activity', entityId: id, before, after }, at);
    return after;
  };

  return {
    createSync,
    /** Bulk insert for benchmarks and demo data: one transaction, statistics kept in step, no audit per row. */
    insertManySync(values: ActivityValues[]): void {
      const ins = sqlite.prepare(`INSERT INTO activities (${COLS}, created_at, updated_at) VALUES (${COLS.split(',').map(() => '?').join(', ')}, ?, ?) RETURNING id`);
      const obj = sqlite.prepare('INSERT INTO activity_objections (activity_id, objection_id) VALUES (?, ?)');
      const at = deps.now().toISOString();
      for (const v of values) {
        const { id } = ins.get(...columns(v), at, at) as { id: number };
        for (const o of new Set(v.objectionIds)) obj.run(id, o);
        applyDayStats(sqlite, facts(id, v), 1);
      }
    },
    async get(id: number): Promise<ActivityDto | null> {
      return getSync(id);
    },
    async list(f: ActivityFilter): Promise<ActivityDto[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | number) => {
        where.push(clause);
        args.push(value);
      };
      if (f.onlyManagerId !== undefined) add('a.manager_id = ?', f.onlyManagerId);
      if (f.managerId !== undefined) add('a.manager_id = ?', f.managerId);
      if (f.clientId !== undefined) add('a.client_id = ?', f.clientId);
      if (f.dealId !== undefined) add('a.deal_id = ?', f.dealId);
      if (f.status) add('a.status = ?', f.status);
      if (f.from) add('a.day >= ?', f.from);
      if (f.to) add('a.day <= ?', f.to);
      if (f.before) add('a.day < ?', f.before);
      const sqlText = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.at ${f.order === 'asc' ? 'ASC' : 'DESC'}, a.id LIMIT ?`;
      return hydrate(sqlite.prepare(sqlText).all(...args, f.limit) as Row[]);
    },
    async create(actor: Actor, v: ActivityValues): Promise<ActivityDto> {
      return inTransaction(deps, () => createSync(actor, v));
    },
    async update(actor: Actor, id: number, v: ActivityValues): Promise<ActivityDto | null> {
      return inTransaction(deps, () => updateSync(actor, id, v));
    },
    /** Whether a script version exists. */
    async scriptVersionExists(id: number): Promise<boolean> {
      return sqlite.prepare('SELECT 1 FROM standard_versions WHERE id = ?').get(id) !== undefined;
    },
  };
}

/** The activities repository. */
export type SalesActivitiesRepo = ReturnType<typeof createSalesActivitiesRepo>;
