import { createHash } from 'node:crypto';
import type { MonthFreezeSummary } from '../../shared/api/commercial-report-types';
import type { MonthCloseDto } from '../../shared/api/money-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';

interface CloseRow {
  id: number;
  month: string;
  head_of_sales_confirmed_at: string | null;
  head_name: string | null;
  head_of_sales_fingerprint: string | null;
  accountant_confirmed_at: string | null;
  accountant_name: string | null;
  accountant_fingerprint: string | null;
  closed_at: string | null;
  reopened_at: string | null;
  reopened_name: string | null;
  reopen_reason: string | null;
}

const CLOSE_SELECT = `
  SELECT mc.id, mc.month, mc.head_of_sales_confirmed_at, h.full_name AS head_name, mc.head_of_sales_fingerprint,
    mc.accountant_confirmed_at, a.full_name AS accountant_name, mc.accountant_fingerprint, mc.closed_at,
    mc.reopened_at, r.full_name AS reopened_name, mc.reopen_reason
  FROM month_closes mc
  LEFT JOIN users h ON h.id = mc.head_of_sales_confirmed_by
  LEFT JOIN users a ON a.id = mc.accountant_confirmed_by
  LEFT JOIN users r ON r.id = mc.reopened_by`;

function toDto(r: CloseRow): MonthCloseDto {
  return {
    id: r.id,
    month: r.month,
    headOfSalesConfirmedAt: r.head_of_sales_confirmed_at,
    headOfSalesConfirmedBy: r.head_name,
    accountantConfirmedAt: r.accountant_confirmed_at,
    accountantConfirmedBy: r.accountant_name,
    closedAt: r.closed_at,
    reopenedAt: r.reopened_at,
    reopenedBy: r.reopened_name,
    reopenReason: r.reopen_reason,
  };
}

/** Where a month's close stands, with the fingerprints each confirmation was given on. */
export interface MonthCloseState {
  closed: boolean;
  current: MonthCloseDto | null;
  history: MonthCloseDto[];
  fingerprint: string;
  headOfSalesFingerprint: string | null;
  accountantFingerprint: string | null;
}

/** Which confirmation a person gives. */
export type ConfirmSide = 'head_of_sales' | 'accountant';

/** The month is already closed, or is not closed (for a reopen). */
export class MonthCloseStateError extends Error {
  constructor(readonly reason: 'closed' | 'not_closed') {
    super(`month is ${reason === 'closed' ? 'already closed' : 'not closed'}`);
  }
}

/** Month closes (`store.money`): the two confirmations, the close, the director's reopening; every step audited. */
export function createMonthCloseRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  // What the two people reconcile: the month's payments with their invoices and the documents dated in it.
  const fingerprintSync = (month: string): string => {
    const hash = createHash('sha256');
    const payments = sqlite.prepare(
      `SELECT p.id, p.kind, p.direction, p.amount_kopecks, p.vat_kopecks, p.client_id, p.manager_id,
         (SELECT group_concat(a.document_id || ':' || a.amount_kopecks, ',') FROM payment_allocations a WHERE a.payment_id = p.id) AS alloc
       FROM payments p WHERE p.month = ? ORDER BY p.id`,
    );
    for (const r of payments.iterate(month)) hash.update(JSON.stringify(r));
    const docs = sqlite.prepare("SELECT id, kind, status, gross_kopecks FROM documents WHERE doc_date >= ? AND doc_date < ? AND status <> 'draft' ORDER BY id");
    for (const r of docs.iterate(`${month}-01`, `${month}-32`)) hash.update(JSON.stringify(r));
    return hash.digest('hex');
  };
  const liveSync = (month: string) =>
    sqlite
      .prepare(
        'SELECT id, head_of_sales_fingerprint, accountant_fingerprint, head_of_sales_confirmed_at, accountant_confirmed_at, closed_at FROM month_closes WHERE month = ? AND reopened_at IS NULL',
      )
      .get(month) as
      | { id: number; head_of_sales_fingerprint: string | null; accountant_fingerprint: string | null; head_of_sales_confirmed_at: string | null; accountant_confirmed_at: string | null; closed_at: string | null }
      | undefined;
  const stateSync = (month: string): MonthCloseState => {
    const rows = sqlite.prepare(`${CLOSE_SELECT} WHERE mc.month = ? ORDER BY mc.id`).all(month) as CloseRow[];
    const live = rows.find((r) => r.reopened_at === null) ?? null;
    return {
      closed: live !== null && live.closed_at !== null,
      current: live ? toDto(live) : null,
      history: rows.map(toDto),
      fingerprint: fingerprintSync(month),
      headOfSalesFingerprint: live?.head_of_sales_fingerprint ?? null,
      accountantFingerprint: live?.accountant_fingerprint ?? null,
    };
  };
  return {
    /** A month's close state, history and the fingerprint of its figures now. */
    async closeState(month: string): Promise<MonthCloseState> {
      return stateSync(month);
    },
    /**
     * Records one side's confirmation on the figures as they are now. A confirmation the other side
     * gave on other figures is withdrawn (they changed since); when both stand on the same figures the
     * month is closed, with `totals` kept as closed.
     */
    async confirm(actor: Actor, month: string, side: ConfirmSide, totals: unknown): Promise<MonthCloseState> {
      const at = deps.now().toISOString();
      return inTransaction(deps, () => {
        const fingerprint = fingerprintSync(month);
        let live = liveSync(month);
        if (live?.closed_at) throw new MonthCloseStateError('closed');
        if (!live) {
          sqlite.prepare('INSERT INTO month_closes (month, created_at) VALUES (?, ?)').run(month, at);
          live = liveSync(month);
        }
        if (!live) throw new Error('month close row missing');
        const mine = side === 'head_of_sales' ? 'head_of_sales' : 'accountant';
        const other = side === 'head_of_sales' ? 'accountant' : 'head_of_sales';
        sqlite.prepare(`UPDATE month_closes SET ${mine}_confirmed_at = ?, ${mine}_confirmed_by = ?, ${mine}_fingerprint = ? WHERE id = ?`).run(at, actor.userId, fingerprint, live.id);
        appendAudit(sqlite, actor, { action: 'confirm', entity: 'month_close', entityId: month, after: { side, fingerprint } }, at);
        const otherFingerprint = side === 'head_of_sales' ? live.accountant_fingerprint : live.head_of_sales_fingerprint;
        if (otherFingerprint !== null && otherFingerprint !== fingerprint) {
          sqlite.prepare(`UPDATE month_closes SET ${other}_confirmed_at = NULL, ${other}_confirmed_by = NULL, ${other}_fingerprint = NULL WHERE id = ?`).run(live.id);
          appendAudit(sqlite, actor, { action: 'withdraw', entity: 'month_close', entityId: month, after: { side: other, reason: 'figures changed' } }, at);
        } else if (otherFingerprint === fingerprint) {
          sqlite.prepare('UPDATE month_closes SET closed_at = ?, closed_totals = ? WHERE id = ?').run(at, JSON.stringify(totals), live.id);
          appendAudit(sqlite, actor, { action: 'close', entity: 'month_close', entityId: month, after: { fingerprint, totals } }, at);
        }
        return stateSync(month);
      });
    },
    /** What closing the month would freeze: its payments and the issued documents dated in it, counted and summed. */
    async freezeSummary(month: string): Promise<MonthFreezeSummary> {
      const money = sqlite.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(amount_kopecks), 0) AS s FROM payments WHERE month = ? AND direction = ?');
      const p = money.get(month, 'in') as { n: number; s: number };
      const o = money.get(month, 'out') as { n: number; s: number };
      const d = sqlite
        .prepare("SELECT COUNT(*) AS n, COALESCE(SUM(gross_kopecks), 0) AS s FROM documents WHERE doc_date >= ? AND doc_date < ? AND status <> 'draft'")
        .get(`${month}-01`, `${month}-32`) as { n: number; s: number };
      return { paymentsCount: p.n, paymentsKopecks: p.s, outgoingCount: o.n, outgoingKopecks: o.s, documentsCount: d.n, documentsKopecks: d.s };
    },
    /** Incoming payments of a month nobody has sorted yet («Не разобрано»), and client money without a manager. */
    async closeBlockingPayments(month: string): Promise<{ id: number; date: string; amountKopecks: number; payerName: string; reason: 'unsorted' | 'no_manager' }[]> {
      return sqlite
        .prepare(
          `SELECT id, date, amount_kopecks AS amountKopecks, payer_name AS payerName,
             CASE WHEN kind = 'unsorted' THEN 'unsorted' ELSE 'no_manager' END AS reason
           FROM payments WHERE month = ? AND direction = 'in' AND (kind = 'unsorted' OR (kind = 'client' AND manager_id IS NULL)) ORDER BY date, id`,
        )
        .all(month) as { id: number; date: string; amountKopecks: number; payerName: string; reason: 'unsorted' | 'no_manager' }[];
    },
    /** Reopens a closed month (the director): ends the cycle with who, when and why. */
    async reopen(actor: Actor, month: string, reason: string): Promise<MonthCloseState> {
      const at = deps.now().toISOString();
      return inTransaction(deps, () => {
        const live = liveSync(month);
        if (!live?.closed_at) throw new MonthCloseStateError('not_closed');
        sqlite.prepare('UPDATE month_closes SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?').run(at, actor.userId, reason, live.id);
        appendAudit(sqlite, actor, { action: 'reopen', entity: 'month_close', entityId: month, before: { closedAt: live.closed_at }, after: { reason } }, at);
        return stateSync(month);
      });
    },
  };
}
