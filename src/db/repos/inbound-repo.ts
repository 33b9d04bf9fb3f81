import { asc, eq } from 'drizzle-orm';
import type { AdSourceDto, InboundParsed, InboundRequestDto } from '../../shared/api/inbound-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { advertisingSources, advertisingSpend, inboundRequests } from '../schema/plans';

const REQUEST_SELECT = `
  SELECT r.id, r.received_at AS receivedAt, r.channel, r.source_id AS sourceId, s.name AS sourceName,
         r.contact_name AS contactName, r.contact_info AS contactInfo, r.subject, r.client_id AS clientId,
         coalesce(nullif(c.short_name, ''), c.full_name) AS clientName, r.deal_id AS dealId, d.title AS dealTitle,
         d.outcome AS dealOutcome, r.manager_id AS managerId, u.full_name AS managerName
  FROM inbound_requests r
  JOIN advertising_sources s ON s.id = r.source_id
  LEFT JOIN clients c ON c.id = r.client_id
  LEFT JOIN deals d ON d.id = r.deal_id
  LEFT JOIN users u ON u.id = r.manager_id`;

/** One source's raw counts for a range of days. */
export interface SourceCounts {
  sourceId: number;
  sourceName: string;
  requests: number;
  deals: number;
  wonDeals: number;
  revenueKopecks: number;
}

/** Advertising sources with their monthly spend, and the inbound requests logged against them. */
export function createInboundRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const sourcesSync = (): AdSourceDto[] =>
    db
      .select({ id: advertisingSources.id, name: advertisingSources.name, clientSourceId: advertisingSources.clientSourceId, active: advertisingSources.active })
      .from(advertisingSources)
      .orderBy(asc(advertisingSources.name))
      .all();
  const requestSync = (id: number): InboundRequestDto | null =>
    (sqlite.prepare(`${REQUEST_SELECT} WHERE r.id = ?`).get(id) as InboundRequestDto | undefined) ?? null;
  return {
    async sources(): Promise<AdSourceDto[]> {
      return sourcesSync();
    },
    /** Saves a source; 'duplicate' when the name is taken, null when the id is unknown. */
    async saveSource(actor: Actor, input: { id?: number; name: string; clientSourceId: number | null; active: boolean }): Promise<AdSourceDto | 'duplicate' | null> {
      return inTransaction(deps, () => {
        const all = sourcesSync();
        if (all.some((s) => s.id !== input.id && s.name.toLowerCase() === input.name.toLowerCase())) return 'duplicate';
        const at = deps.now().toISOString();
        const before = input.id === undefined ? undefined : all.find((s) => s.id === input.id);
        if (input.id !== undefined && !before) return null;
        const values = { name: input.name, clientSourceId: input.clientSourceId, active: input.active };
        const id =
          input.id === undefined
            ? db.insert(advertisingSources).values(values).returning({ id: advertisingSources.id }).get().id
            : (db.update(advertisingSources).set(values).where(eq(advertisingSources.id, input.id)).run(), input.id);
        const after = sourcesSync().find((s) => s.id === id) ?? null;
        appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'advertising_source', entityId: id, before, after }, at);
        return after;
      });
    },
    /** Sets (or, with null, clears) what was spent on a source in a month. */
    async saveSpend(actor: Actor, sourceId: number, month: string, amountKopecks: number | null): Promise<void> {
      inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = sqlite.prepare('SELECT amount_kopecks AS a FROM advertising_spend WHERE source_id = ? AND month = ?').get(sourceId, month) as { a: number } | undefined;
        if (amountKopecks === null) sqlite.prepare('DELETE FROM advertising_spend WHERE source_id = ? AND month = ?').run(sourceId, month);
        else
          db.insert(advertisingSpend)
            .values({ sourceId, month, amountKopecks })
            .onConflictDoUpdate({ target: [advertisingSpend.sourceId, advertisingSpend.month], set: { amountKopecks } })
            .run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'advertising_spend', entityId: `${sourceId}/${month}`, before: before?.a ?? null, after: amountKopecks }, at);
      });
    },
    /** Spend per source and month in a range of months. */
    async spend(fromMonth: string, toMonth: string): Promise<{ sourceId: number; month: string; amountKopecks: number }[]> {
      return sqlite
        .prepare('SELECT source_id AS sourceId, month, amount_kopecks AS amountKopecks FROM advertising_spend WHERE month BETWEEN ? AND ? ORDER BY month, source_id')
        .all(fromMonth, toMonth) as { sourceId: number; month: string; amountKopecks: number }[];
    },
    /** Requests in a range; `onlyManagerId` narrows them to that manager's and the untaken ones not on another manager's client. */
    async list(f: { fromDay?: string; toDay?: string; sourceId?: number; limit?: number; onlyManagerId?: number }): Promise<InboundRequestDto[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | number) => {
        where.push(clause);
        args.push(value);
      };
      if (f.fromDay) add('r.day >= ?', f.fromDay);
      if (f.toDay) add('r.day <= ?', f.toDay);
      if (f.sourceId !== undefined) add('r.source_id = ?', f.sourceId);
      if (f.onlyManagerId !== undefined) {
        where.push(
          '(r.manager_id = ? OR (r.manager_id IS NULL AND (r.client_id IS NULL OR EXISTS (SELECT 1 FROM clients held WHERE held.id = r.client_id AND (held.responsible_id IS NULL OR held.responsible_id = ?)))))',
        );
        args.push(f.onlyManagerId, f.onlyManagerId);
      }
      const sqlText = `${REQUEST_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.received_at DESC, r.id DESC LIMIT ?`;
      return sqlite.prepare(sqlText).all(...args, f.limit ?? 1000) as InboundRequestDto[];
    },
    async get(id: number): Promise<InboundRequestDto | null> {
      return requestSync(id);
    },
    /** Logs a request (id null) or changes one; null when the id is unknown. */
    async save(actor: Actor, id: number | null, v: InboundParsed): Promise<InboundRequestDto | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = id === null ? null : requestSync(id);
        if (id !== null && !before) return null;
        const values = { ...v, day: v.receivedAt.slice(0, 10), updatedAt: at };
        const savedId =
          id === null
            ? db.insert(inboundRequests).values({ ...values, createdBy: actor.userId, createdAt: at }).returning({ id: inboundRequests.id }).get().id
            : (db.update(inboundRequests).set(values).where(eq(inboundRequests.id, id)).run(), id);
        const after = requestSync(savedId);
        appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'inbound_request', entityId: savedId, before: before ?? undefined, after }, at);
        return after;
      });
    },
    /** Per source: requests, the deals they became, won deals and their amounts, for days in [fromDay, toDay]. */
    async counts(fromDay: string, toDay: string): Promise<SourceCounts[]> {
      return sqlite
        .prepare(
          `SELECT s.id AS sourceId, s.name AS sourceName, count(r.id) AS requests,
                  count(DISTINCT r.deal_id) AS deals,
                  count(DISTINCT CASE WHEN d.outcome = 'won' THEN d.id END) AS wonDeals,
                  coalesce((SELECT sum(w.amount_kopecks) FROM deals w WHERE w.outcome = 'won' AND w.id IN (
                    SELECT r2.deal_id FROM inbound_requests r2 WHERE r2.source_id = s.id AND r2.day BETWEEN @from AND @to)), 0) AS revenueKopecks
           FROM advertising_sources s
           LEFT JOIN inbound_requests r ON r.source_id = s.id AND r.day BETWEEN @from AND @to
           LEFT JOIN deals d ON d.id = r.deal_id
           GROUP BY s.id ORDER BY s.name`,
        )
        .all({ from: fromDay, to: toDay }) as SourceCounts[];
    },
  };
}

/** The inbound flow repository (`store.inbound`). */
export type InboundRepo = ReturnType<typeof createInboundRepo>;
