import { asc, eq } from 'drizzle-orm';
import { normalizeCompanyName } from '../../core/index';
import type { DealDetail, DealDto, DealFilter, DealHistoryDto, DealLineDto, DealParsed, DealOutcomeKey, DealStageKey } from '../../shared/api/sales';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { bumpVersionSync, claimVersionSync } from '../record-version';
import { users } from '../schema/foundation';
import { dealLines, deals, dealStageHistory } from '../schema/sales';

/** A deal's fields as the handler hands them over (amount already computed from the lines). */
export interface DealValues {
  clientId: number;
  contactId: number | null;
  managerId: number;
  title: string;
  amountKopecks: number;
  closeMonth: string;
  probability: number;
  /** The person set the probability (stage moves keep it); left out: unchanged, false for a new deal. */
  probabilityTyped?: boolean;
  source: string;
  stage: DealStageKey;
  lines: (DealParsed['lines'][number] & { amountKopecks: number })[];
}

/** A stage or outcome change the handler has checked against the rules. */
export interface DealChange {
  stage: DealStageKey;
  outcome: DealOutcomeKey;
  probability?: number;
  lossReasonId?: number | null;
  lossNote?: string;
  note?: string;
}

interface DealRow {
  id: number;
  client_id: number;
  client_name: string;
  contact_id: number | null;
  contact_name: string | null;
  manager_id: number;
  manager_name: string;
  title: string;
  amount_kopecks: number;
  close_month: string;
  probability: number;
  probability_typed: number;
  source: string;
  stage: DealStageKey;
  outcome: DealOutcomeKey;
  loss_reason_id: number | null;
  loss_reason: string | null;
  loss_note: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  line_count: number;
  version: number;
  updated_by_name: string | null;
}

const DEAL_SELECT = `
  SELECT d.id, d.client_id, coalesce(nullif(c.short_name, ''), c.full_name) AS client_name, d.contact_id,
         cc.full_name AS contact_name, d.manager_id, u.full_name AS manager_name, d.title, d.amount_kopecks,
         d.close_month, d.probability, d.probability_typed, d.source, d.stage, d.outcome, d.loss_reason_id, lr.title AS loss_reason,
         d.loss_note, d.closed_at, d.created_at, d.updated_at, d.version, ub.full_name AS updated_by_name,
         (SELECT count(*) FROM deal_lines l WHERE l.deal_id = d.id) AS line_count
  FROM deals d
  JOIN clients c ON c.id = d.client_id
  JOIN users u ON u.id = d.manager_id
  LEFT JOIN client_contacts cc ON cc.id = d.contact_id
  LEFT JOIN loss_reasons lr ON lr.id = d.loss_reason_id
  LEFT JOIN users ub ON ub.id = d.updated_by`;

function toDeal(r: DealRow): DealDto {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    title: r.title,
    amountKopecks: r.amount_kopecks,
    closeMonth: r.close_month,
    probability: r.probability,
    probabilityTyped: r.probability_typed === 1,
    source: r.source,
    stage: r.stage,
    outcome: r.outcome,
    lossReasonId: r.loss_reason_id,
    lossReason: r.loss_reason,
    lossNote: r.loss_note,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lineCount: r.line_count,
    version: r.version,
    updatedByName: r.updated_by_name,
  };
}

/** Deals, their lines and their stage history. */
export function createSalesDealsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const dealSync = (id: number): DealDto | null => {
    const r = sqlite.prepare(`${DEAL_SELECT} WHERE d.id = ?`).get(id) as DealRow | undefined;
    return r ? toDeal(r) : null;
  };
  const linesSync = (dealId: number): DealLineDto[] =>
    db
      .select()
      .from(dealLines)
      .where(eq(dealLines.dealId, dealId))
      .orderBy(asc(dealLines.position))
      .all()
      .map((l) => ({
        id: l.id,
        name: l.name,
        unit: l.unit,
        quantityMilli: l.quantityMilli,
        priceKopecks: l.priceKopecks,
        // Recomputed exactly: quantity in thousandths × price, half-up to a kopeck.
        amountKopecks: Number((BigInt(l.quantityMilli) * BigInt(l.priceKopecks) * 2n + 1000n) / 2000n),
        catalogItemId: l.catalogItemId,
      }));
  const historySync = (dealId: number): DealHistoryDto[] =>
    db
      .select({
        id: dealStageHistory.id,
        at: dealStageHistory.at,
        userName: users.fullName,
        fromStage: dealStageHistory.fromStage,
        toStage: dealStageHistory.toStage,
        fromOutcome: dealStageHistory.fromOutcome,
        toOutcome: dealStageHistory.toOutcome,
        note: dealStageHistory.note,
      })
      .from(dealStageHistory)
      .leftJoin(users, eq(users.id, dealStageHistory.userId))
      .where(eq(dealStageHistory.dealId, dealId))
      .orderBy(asc(dealStageHistory.id))
      .all();
  const detailSync = (id: number): DealDetail | null => {
    const d = dealSync(id);
    return d ? { ...d, lines: linesSync(id), history: historySync(id) } : null;
  };
  const writeLines = (dealId: number, lines: DealValues['lines']) => {
    db.delete(dealLines).where(eq(dealLines.dealId, dealId)).run();
    lines.forEach((l, i) =>
      db
        .insert(dealLines)
        .values({ dealId, position: i + 1, name: l.name, unit: l.unit, quantityMilli: l.quantityMilli, priceKopecks: l.priceKopecks, catalogItemId: l.catalogItemId })
        .run(),
    );
  };

  /** Creates a deal inside an open transaction (demo data uses it too). */
  const createSync = (actor: Actor, v: DealValues): DealDetail => {
    const at = deps.now().toISOString();
    const { lines, ...fields } = v;
    const row = db.insert(deals).values({ ...fields, outcome: 'open', createdAt: at, updatedAt: at }).returning({ id: deals.id }).get();
    writeLines(row.id, lines);
    db.insert(dealStageHistory).values({ dealId: row.id, at, userId: actor.userId, fromStage: null, toStage: v.stage, fromOutcome: null, toOutcome: 'open' }).run();
    const created = detailSync(row.id);
    if (!created) throw new Error('deal vanished inside its own transaction');
    appendAudit(sqlite, actor, { action: 'create', entity: 'deal', entityId: row.id, after: created }, at);
    return created;
  };

  /** Changes stage and outcome inside an open transaction, recording the history and the audit. */
  const changeSync = (actor: Actor, id: number, change: DealChange, at = deps.now().toISOString()): DealDetail | null => {
    const before = dealSync(id);
    if (!before) return null;
    const closing = change.outcome !== 'open' && before.outcome === 'open';
    db.update(deals)
      .set({
        stage: change.stage,
        outcome: change.outcome,
        probability: change.probability ?? before.probability,
        lossReasonId: change.outcome === 'lost' ? (change.lossReasonId ?? null) : null,
        lossNote: change.outcome === 'lost' ? (change.lossNote ?? '') : '',
        closedAt: change.outcome === 'open' ? null : closing ? at : before.closedAt,
        updatedAt: at,
      })
      .where(eq(deals.id, id))
      .run();
    bumpVersionSync(sqlite, 'deals', id, actor.userId);
    db.insert(dealStageHistory)
      .values({
        dealId: id,
        at,
        userId: actor.userId,
        fromStage: before.stage,
        toStage: change.stage,
        fromOutcome: before.outcome,
        toOutcome: change.outcome,
        note: change.note ?? (change.outcome === 'lost' ? change.lossNote ?? '' : ''),
      })
      .run();
    const after = detailSync(id);
    const action = before.outcome === change.outcome ? 'status' : change.outcome;
    appendAudit(
      sqlite,
      actor,
      { action, entity: 'deal', entityId: id, before: { stage: before.stage, outcome: before.outcome }, after: { stage: change.stage, outcome: change.outcome, lossReasonId: change.lossReasonId ?? null } },
      at,
    );
    return after;
  };

  return {
    createSync,
    changeSync,
    async list(f: DealFilter & { onlyManagerId?: number }): Promise<DealDto[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, ...values: (string | number)[]) => {
        where.push(clause);
        args.push(...values);
      };
      if (f.onlyManagerId !== undefined) add('d.manager_id = ?', f.onlyManagerId);
      if (f.managerId !== undefined) add('d.manager_id = ?', f.managerId);
      if (f.stage) add('d.stage = ?', f.stage);
      if (f.outcome) add('d.outcome = ?', f.outcome);
      if (f.clientId !== undefined) add('d.client_id = ?', f.clientId);
      if (f.fromMonth) add('d.close_month >= ?', f.fromMonth);
      if (f.toMonth) add('d.close_month <= ?', f.toMonth);
      if (f.search) {
        // SQLite's lower() knows only Latin letters: Cyrillic is matched through the clients' normalised name key.
        const like = `%${f.search}%`;
        add('(d.title LIKE ? OR c.name_key LIKE ? OR c.short_name LIKE ?)', like, `%${normalizeCompanyName(f.search)}%`, like);
      }
      const sqlText = `${DEAL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.close_month, d.id LIMIT 5000`;
      return (sqlite.prepare(sqlText).all(...args) as DealRow[]).map(toDeal);
    },
    async get(id: number): Promise<DealDetail | null> {
      return detailSync(id);
    },
    async create(actor: Actor, v: DealValues): Promise<DealDetail> {
      return inTransaction(deps, () => createSync(actor, v));
    },
    /** Updates the deal's fields and lines; a stage change goes through `change` (it has rules). */
    async update(actor: Actor, id: number, v: Omit<DealValues, 'stage'>, version: number): Promise<DealDetail | null> {
      return inTransaction(deps, () => {
        const before = detailSync(id);
        if (!before) return null;
        claimVersionSync(sqlite, 'deals', id, version, actor.userId);
        const at = deps.now().toISOString();
        const { lines, ...fields } = v;
        db.update(deals).set({ ...fields, updatedAt: at }).where(eq(deals.id, id)).run();
        writeLines(id, lines);
        const after = detailSync(id);
        appendAudit(sqlite, actor, { action: 'update', entity: 'deal', entityId: id, before, after }, at);
        return after;
      });
    },
    async change(actor: Actor, id: number, change: DealChange): Promise<DealDetail | null> {
      return inTransaction(deps, () => changeSync(actor, id, change));
    },
  };
}

/** The deals repository. */
export type SalesDealsRepo = ReturnType<typeof createSalesDealsRepo>;
