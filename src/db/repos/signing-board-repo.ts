// Reads of the signing area over document_signing_state: the board, the badge, overdue summaries,
// states for lists, and what payroll asks (unsigned past the deadline).
import type { BoardRow, SigningBadge, SigningStateBrief } from '../../shared/api/signing-types';
import { isoToDayNumber } from '../../core/index';
import type { RepoDeps } from '../drizzle';

/** Whose documents a caller sees: a manager their own (the documents they issued or their clients'), others everyone's. */
export type SigningScope = { userId: number } | null;

/** Board filters the store understands. */
export interface BoardQuery {
  managerId?: number;
  clientId?: number;
  kind?: string;
  waitingFor?: 'signature' | 'original' | 'refusal';
  overdueOnly?: boolean;
}

/** A waiting document past its deadline, as payroll and plans read it. */
export interface OverdueDocument {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  clientId: number;
  managerId: number;
  waitingFor: 'signature' | 'original' | 'refusal';
  dueDate: string;
  daysOverdue: number;
  riskKopecks: number;
  /** A contract, whose risk is its acts' (left out of sums). */
  riskFromActs?: boolean;
}

const OVERDUE = "CASE WHEN s.due_date IS NOT NULL AND s.due_date < :today THEN CAST(julianday(:today) - julianday(s.due_date) AS INTEGER) ELSE 0 END";

// Only columns of the covering index document_signing_state_board_cover_idx: no table page is read.
const BOARD_SELECT = `
  SELECT s.document_id, s.kind, s.number, s.doc_date, s.client_id, s.manager_id, s.state, s.waiting_for, s.amount_kopecks, s.risk_kopecks, s.due_date
  FROM document_signing_state s`;

type BoardTuple = [number, string, string, string, number, number, BoardRow['state'], BoardRow['waitingFor'], number, number, string | null];

/** The board's rows with the names of their clients and managers. */
export interface BoardData {
  rows: BoardRow[];
  clientNames: Map<number, string>;
  managerNames: Map<number, string>;
}

const BRIEF_SELECT = `
  SELECT s.document_id AS documentId, s.kind, s.number, s.doc_date AS docDate, s.amount_kopecks AS amountKopecks, s.state,
    s.waiting_for AS waitingFor, s.due_date AS dueDate, ${OVERDUE} AS daysOverdue
  FROM document_signing_state s`;

type Args = Record<string, string | number>;

function scopeClause(scope: SigningScope, args: Args): string {
  if (!scope) return '';
  args.me = scope.userId;
  return ' AND (s.manager_id = :me OR s.client_id IN (SELECT id FROM clients WHERE responsible_id = :me))';
}

/** The board's reads. */
export function createSigningBoardRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  return {
    /** Every waiting document the caller sees, with the filters, unordered (the handler groups and sorts). */
    async board(scope: SigningScope, q: BoardQuery, today: string): Promise<BoardData> {
      const args: Args = { today };
      let where = 's.waiting_for IS NOT NULL';
      if (q.managerId !== undefined) {
        where += ' AND s.manager_id = :managerId';
        args.managerId = q.managerId;
      }
      if (q.clientId !== undefined) {
        where += ' AND s.client_id = :clientId';
        args.clientId = q.clientId;
      }
      if (q.kind) {
        where += ' AND s.kind = :kind';
        args.kind = q.kind;
      }
      if (q.waitingFor) {
        where += ' AND s.waiting_for = :waitingFor';
        args.waitingFor = q.waitingFor;
      }
      if (q.overdueOnly) where += ' AND s.due_date < :today';
      where += scopeClause(scope, args);
      // Ten thousand rows: read as arrays, names and rules looked up once, days overdue once per date.
      const tuples = sqlite.prepare(`${BOARD_SELECT} WHERE ${where}`).raw(true).all(args) as BoardTuple[];
      const fromActs = new Set((sqlite.prepare('SELECT kind FROM signing_rules WHERE risk_from_acts = 1').all() as { kind: string }[]).map((r) => r.kind));
      const todayNo = isoToDayNumber(today);
      const late = new Map<string, number>();
      const lateOf = (due: string | null): number => {
        if (due === null || due >= today) return 0;
        let days = late.get(due);
        if (days === undefined) {
          days = todayNo - isoToDayNumber(due);
          late.set(due, days);
        }
        return days;
      };
      const rows = tuples.map(
        ([documentId, kind, number, docDate, clientId, managerId, state, waitingFor, amountKopecks, riskKopecks, dueDate]): BoardRow => ({
          documentId,
          kind,
          number,
          docDate,
          clientId,
          managerId,
          state,
          waitingFor,
          amountKopecks,
          riskKopecks,
          riskFromActs: fromActs.has(kind),
          dueDate,
          daysOverdue: lateOf(dueDate),
        }),
      );
      const names = (sql: string, ids: Set<number>) =>
        new Map((sqlite.prepare(sql).raw(true).all(JSON.stringify([...ids])) as [number, string][]).map(([id, name]) => [id, name]));
      return {
        rows,
        clientNames: names('SELECT id, short_name FROM clients WHERE id IN (SELECT value FROM json_each(?))', new Set(rows.map((r) => r.clientId))),
        managerNames: names('SELECT id, full_name FROM users WHERE id IN (SELECT value FROM json_each(?))', new Set(rows.map((r) => r.managerId))),
      };
    },

    /** How many documents wait and how many are overdue, with the money at risk in each (contracts counted through their acts). */
    async badge(scope: SigningScope, today: string): Promise<SigningBadge> {
      const args: Args = { today };
      const scoped = scopeClause(scope, args);
      return sqlite
        .prepare(
          `SELECT count(*) AS waiting, coalesce(sum(s.due_date < :today), 0) AS overdue,
             coalesce(sum(CASE WHEN r.risk_from_acts = 1 THEN 0 ELSE s.risk_kopecks END), 0) AS riskKopecks,
             coalesce(sum(CASE WHEN r.risk_from_acts = 1 OR NOT s.due_date < :today THEN 0 ELSE s.risk_kopecks END), 0) AS overdueRiskKopecks
           FROM document_signing_state s LEFT JOIN signing_rules r ON r.kind = s.kind
           WHERE s.waiting_for IS NOT NULL${scoped}`,
        )
        .get(args) as SigningBadge;
    },

    /**
     * Waiting documents whose deadline fell in [from, today) — became overdue since `from` (all overdue
     * when null), the largest money at risk first.
     */
    async overdueSince(scope: SigningScope, from: string | null, today: string): Promise<OverdueDocument[]> {
      const args: Args = { today, from: from ?? '0000-01-01' };
      const scoped = scopeClause(scope, args);
      return sqlite
        .prepare(
          `SELECT s.document_id AS documentId, s.kind, s.number, s.doc_date AS docDate, s.client_id AS clientId, s.manager_id AS managerId,
             s.waiting_for AS waitingFor, s.due_date AS dueDate, ${OVERDUE} AS daysOverdue,
             s.risk_kopecks AS riskKopecks, coalesce(r.risk_from_acts, 0) = 1 AS riskFromActs
           FROM document_signing_state s LEFT JOIN signing_rules r ON r.kind = s.kind
           WHERE s.waiting_for IS NOT NULL AND s.due_date < :today AND s.due_date >= :from${scoped}
           ORDER BY s.risk_kopecks DESC, s.due_date`,
        )
        .all(args)
        .map((r) => ({ ...(r as OverdueDocument), riskFromActs: (r as { riskFromActs: number }).riskFromActs === 1 }));
    },

    /** Signing states of the listed documents (those not issued yet are simply absent). */
    async states(scope: SigningScope, ids: readonly number[], today: string): Promise<SigningStateBrief[]> {
      if (ids.length === 0) return [];
      const args: Args = { today, ids: JSON.stringify(ids) };
      const scoped = scopeClause(scope, args);
      return sqlite.prepare(`${BRIEF_SELECT} WHERE s.document_id IN (SELECT value FROM json_each(:ids))${scoped}`).all(args) as SigningStateBrief[];
    },

    /** A client's issued documents of kinds that need signatures, newest first. */
    async clientDocuments(scope: SigningScope, clientId: number, today: string): Promise<SigningStateBrief[]> {
      const args: Args = { today, clientId };
      const scoped = scopeClause(scope, args);
      return sqlite
        .prepare(
          `${BRIEF_SELECT} JOIN signing_rules r ON r.kind = s.kind AND (r.needs_client_signature = 1 OR r.needs_original = 1)
           WHERE s.client_id = :clientId${scoped} ORDER BY s.doc_date DESC, s.document_id DESC LIMIT 500`,
        )
        .all(args) as SigningStateBrief[];
    },

    /**
     * Documents among `documentIds` the client has not signed with the deadline for the signed scan
     * before `asOfIso` (refused ones count as unsigned at once). Payroll holds the commission on a
     * payment while its acts are in this list (same shape as its ActSigning source).
     */
    async unsignedPastDeadline(documentIds: readonly number[], asOfIso: string): Promise<number[]> {
      if (documentIds.length === 0) return [];
      const rows = sqlite
        .prepare(
          `SELECT document_id AS id FROM document_signing_state
           WHERE document_id IN (SELECT value FROM json_each(:ids))
             AND ((waiting_for = 'signature' AND due_date < :asOf) OR waiting_for = 'refusal')
           ORDER BY document_id`,
        )
        .all({ ids: JSON.stringify([...new Set(documentIds)]), asOf: asOfIso }) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /**
     * The same question as of a past day: documents among `documentIds` not signed by the client on or
     * before `asOfDay` (by the day the signing event names) whose scan was due before `deadlineBefore`,
     * or refused by then. Annulled documents wait for nothing.
     */
    async unsignedPastDeadlineAsOf(documentIds: readonly number[], asOfDay: string, deadlineBefore: string): Promise<number[]> {
      if (documentIds.length === 0) return [];
      const rows = sqlite
        .prepare(
          `SELECT s.document_id AS id FROM document_signing_state s
           WHERE s.document_id IN (SELECT value FROM json_each(:ids)) AND s.state <> 'annulled'
             AND NOT EXISTS (SELECT 1 FROM document_signing_events e WHERE e.document_id = s.document_id
                               AND e.state IN ('signed_by_client', 'original_received') AND e.at <= :asOf)
             AND ((s.scan_due IS NOT NULL AND s.scan_due < :deadline)
               OR EXISTS (SELECT 1 FROM document_signing_events r WHERE r.document_id = s.document_id AND r.state = 'refused' AND r.at <= :asOf))
           ORDER BY s.document_id`,
        )
        .all({ ids: JSON.stringify([...new Set(documentIds)]), asOf: asOfDay, deadline: deadlineBefore }) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /** Documents among `documentIds` the client had signed on or before `asOfDay`. */
    async signedBy(documentIds: readonly number[], asOfDay: string): Promise<number[]> {
      if (documentIds.length === 0) return [];
      const rows = sqlite
        .prepare(
          `SELECT DISTINCT document_id AS id FROM document_signing_events
           WHERE document_id IN (SELECT value FROM json_each(:ids)) AND state IN ('signed_by_client', 'original_received') AND at <= :asOf
           ORDER BY document_id`,
        )
        .all({ ids: JSON.stringify([...new Set(documentIds)]), asOf: asOfDay }) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /** Documents among `documentIds` the client has signed (a scan or the original is back). */
    async signed(documentIds: readonly number[]): Promise<number[]> {
      if (documentIds.length === 0) return [];
      const rows = sqlite
        .prepare(
          `SELECT document_id AS id FROM document_signing_state
           WHERE document_id IN (SELECT value FROM json_each(:ids)) AND state IN ('signed_by_client', 'original_received') ORDER BY document_id`,
        )
        .all({ ids: JSON.stringify([...new Set(documentIds)]) }) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /**
     * For each given document (a payment's invoice, say): the waiting documents past their deadline among
     * itself, its contract, and the documents sharing that contract or its deal, or based on it.
     */
    async overdueAround(documentIds: readonly number[], todayIso: string): Promise<Map<number, OverdueDocument[]>> {
      const out = new Map<number, OverdueDocument[]>();
      const stmt = sqlite.prepare(
        `SELECT s.document_id AS documentId, s.kind, s.number, s.doc_date AS docDate, s.client_id AS clientId, s.manager_id AS managerId,
           s.waiting_for AS waitingFor, s.due_date AS dueDate, ${OVERDUE} AS daysOverdue, s.risk_kopecks AS riskKopecks
         FROM documents x
         JOIN documents d ON d.id = x.id OR d.id = x.basis_document_id
           OR (x.basis_document_id IS NOT NULL AND d.basis_document_id = x.basis_document_id)
           OR (x.deal_id IS NOT NULL AND d.deal_id = x.deal_id)
           OR d.basis_document_id = x.id
         JOIN document_signing_state s ON s.document_id = d.id
         WHERE x.id = :id AND s.waiting_for IS NOT NULL AND s.due_date < :today
         ORDER BY s.due_date, s.document_id`,
      );
      for (const id of new Set(documentIds)) out.set(id, stmt.all({ id, today: todayIso }) as OverdueDocument[]);
      return out;
    },
  };
}

/** The board's reads. */
export type SigningBoardRepo = ReturnType<typeof createSigningBoardRepo>;

/** A WHERE clause for another area's list of documents `d`: by signing state, or «waiting» for the board. */
export function signingFilterClause(value: string): { sql: string; args: string[] } {
  if (value === 'waiting') return { sql: 'EXISTS (SELECT 1 FROM document_signing_state ss WHERE ss.document_id = d.id AND ss.waiting_for IS NOT NULL)', args: [] };
  return { sql: 'EXISTS (SELECT 1 FROM document_signing_state ss WHERE ss.document_id = d.id AND ss.state = ?)', args: [value] };
}
