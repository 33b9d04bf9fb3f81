import { eq } from 'drizzle-orm';
import type { PayrollExplanationLine, PayrollHeldDto, PayrollLineDto } from '../../shared/api/payroll-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { payrollHeld, payrollLines, payrollStatements } from '../schema/payroll';

/** A statement's header. */
export interface PayrollStatementRecord {
  id: number;
  month: string;
  status: 'draft' | 'approved';
  computedAt: string;
  computedByName: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
}

/** One person's computed line, as saved: the line the renderer sees, less what is joined on reading. */
export type PayrollLineRecord = Omit<PayrollLineDto, 'fullName' | 'orderNumber' | 'held' | 'deptFactKopecks'> & { deptFactKopecks: number };

/** A saved line with the person's name and the order's number. */
export interface PayrollLineView extends PayrollLineRecord {
  fullName: string;
  role: string;
  orderNumber: string;
}

/** A commission held on one payment, to save with a statement. */
export interface HeldRecord {
  userId: number;
  paymentId: number;
  baseKopecks: number;
  commissionKopecks: number;
  actIds: number[];
}

/** A held commission not yet released, from an approved statement. */
export interface OpenHeld extends HeldRecord {
  id: number;
  month: string;
}

interface LineRow {
  user_id: number;
  full_name: string;
  role: string;
  order_id: number;
  order_number: string;
  plan_kopecks: number | null;
  fact_kopecks: number;
  dept_plan_kopecks: number | null;
  dept_fact_kopecks: number;
  personal_percent: string;
  dept_percent: string | null;
  band: string;
  rate_bp: number;
  multiplier_bp: number;
  salary_kopecks: number;
  commission_kopecks: number;
  held_kopecks: number;
  released_kopecks: number;
  bonus_kopecks: number;
  accrued_kopecks: number;
  ndfl_kopecks: number;
  net_kopecks: number;
  problem: string | null;
  explanation: string;
}

const STATEMENT_SELECT = `
  SELECT s.id, s.month, s.status, s.computed_at AS computedAt, c.full_name AS computedByName,
         s.approved_at AS approvedAt, a.full_name AS approvedByName
  FROM payroll_statements s LEFT JOIN users c ON c.id = s.computed_by LEFT JOIN users a ON a.id = s.approved_by`;

const HELD_SELECT = `
  SELECT h.user_id AS userId, h.payment_id AS paymentId, p.date AS paymentDate,
         COALESCE(cl.short_name, p.payer_name) AS clientName, h.base_kopecks AS baseKopecks,
         h.commission_kopecks AS commissionKopecks, s.month AS heldMonth, r.month AS releasedMonth
  FROM payroll_held h
  JOIN payroll_statements s ON s.id = h.statement_id
  JOIN payments p ON p.id = h.payment_id
  LEFT JOIN clients cl ON cl.id = p.client_id
  LEFT JOIN payroll_statements r ON r.id = h.released_statement_id`;

function toLine(r: LineRow): PayrollLineView {
  return {
    userId: r.user_id,
    fullName: r.full_name,
    role: r.role,
    orderId: r.order_id,
    orderNumber: r.order_number,
    planKopecks: r.plan_kopecks,
    factKopecks: r.fact_kopecks,
    deptPlanKopecks: r.dept_plan_kopecks,
    deptFactKopecks: r.dept_fact_kopecks,
    personalPercent: r.personal_percent,
    deptPercent: r.dept_percent,
    band: r.band,
    rateBasisPoints: r.rate_bp,
    multiplierBasisPoints: r.multiplier_bp,
    salaryKopecks: r.salary_kopecks,
    commissionKopecks: r.commission_kopecks,
    heldKopecks: r.held_kopecks,
    releasedKopecks: r.released_kopecks,
    bonusKopecks: r.bonus_kopecks,
    accruedKopecks: r.accrued_kopecks,
    ndflKopecks: r.ndfl_kopecks,
    netKopecks: r.net_kopecks,
    problem: r.problem,
    explanation: JSON.parse(r.explanation) as PayrollExplanationLine[],
  };
}

/** Payroll statements: a month's computed lines, held and released commissions, the director's approval. */
export function createPayrollStatementsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const byMonthSync = (month: string): PayrollStatementRecord | null =>
    (sqlite.prepare(`${STATEMENT_SELECT} WHERE s.month = ?`).get(month) as PayrollStatementRecord | undefined) ?? null;

  return {
    /** The statement of a month, or null. */
    async byMonth(month: string): Promise<PayrollStatementRecord | null> {
      return byMonthSync(month);
    },
    /** Every statement with its accrued total, newest month first. */
    async list(): Promise<(PayrollStatementRecord & { accruedKopecks: number })[]> {
      return sqlite
        .prepare(
          `SELECT x.*, COALESCE((SELECT SUM(accrued_kopecks) FROM payroll_lines l WHERE l.statement_id = x.id), 0) AS accruedKopecks
           FROM (${STATEMENT_SELECT}) x ORDER BY x.month DESC`,
        )
        .all() as (PayrollStatementRecord & { accruedKopecks: number })[];
    },
    /** The lines of a statement with names and order numbers. */
    async lines(statementId: number): Promise<PayrollLineView[]> {
      const rows = sqlite
        .prepare(
          `SELECT l.*, u.full_name, u.role, o.number AS order_number FROM payroll_lines l
           JOIN users u ON u.id = l.user_id JOIN payroll_orders o ON o.id = l.order_id
           WHERE l.statement_id = ? ORDER BY u.full_name`,
        )
        .all(statementId) as LineRow[];
      return rows.map(toLine);
    },
    /** What a statement held, and what it released from earlier months. */
    async heldOf(statementId: number): Promise<(PayrollHeldDto & { userId: number })[]> {
      return sqlite
        .prepare(`${HELD_SELECT} WHERE h.statement_id = ? OR h.released_statement_id = ? ORDER BY p.date, h.id`)
        .all(statementId, statementId) as (PayrollHeldDto & { userId: number })[];
    },
    /** What approved statements of `month`'s year, before it, accrued to a person and withheld as НДФЛ. */
    async yearToDate(userId: number, month: string): Promise<{ incomeKopecks: number; ndflKopecks: number }> {
      return sqlite
        .prepare(
          `SELECT COALESCE(SUM(l.accrued_kopecks), 0) AS incomeKopecks, COALESCE(SUM(l.ndfl_kopecks), 0) AS ndflKopecks
           FROM payroll_lines l JOIN payroll_statements s ON s.id = l.statement_id
           WHERE s.status = 'approved' AND l.user_id = ? AND s.month >= ? AND s.month < ?`,
        )
        .get(userId, `${month.slice(0, 4)}-01`, month) as { incomeKopecks: number; ndflKopecks: number };
    },
    /** Held commissions of approved statements of months before `month`, not yet released. */
    async openHeld(month: string): Promise<OpenHeld[]> {
      const rows = sqlite
        .prepare(
          `SELECT h.id, s.month, h.user_id AS userId, h.payment_id AS paymentId, h.base_kopecks AS baseKopecks,
                  h.commission_kopecks AS commissionKopecks, h.act_ids AS actIds
           FROM payroll_held h JOIN payroll_statements s ON s.id = h.statement_id
           WHERE s.status = 'approved' AND s.month < ? AND h.released_statement_id IS NULL ORDER BY h.id`,
        )
        .all(month) as (Omit<OpenHeld, 'actIds'> & { actIds: string })[];
      return rows.map((r) => ({ ...r, actIds: JSON.parse(r.actIds) as number[] }));
    },
    /** Held commissions recorded for these payments, in any statement. */
    async heldForPayments(paymentIds: readonly number[]): Promise<PayrollHeldDto[]> {
      if (paymentIds.length === 0) return [];
      return sqlite.prepare(`${HELD_SELECT} WHERE h.payment_id IN (${paymentIds.map(() => '?').join(', ')})`).all(...paymentIds) as PayrollHeldDto[];
    },
    /**
     * Saves a month's draft: replaces its lines and held commissions, links the released ones, in one
     * transaction with the audit entry. Returns null when the month's statement is already approved.
     */
    async saveDraft(actor: Actor, month: string, lines: readonly PayrollLineRecord[], held: readonly HeldRecord[], releasedIds: readonly number[]): Promise<PayrollStatementRecord | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const existing = byMonthSync(month);
        if (existing?.status === 'approved') return null;
        let id: number;
        if (existing) {
          id = existing.id;
          sqlite.prepare('UPDATE payroll_held SET released_statement_id = NULL WHERE released_statement_id = ?').run(id);
          db.delete(payrollHeld).where(eq(payrollHeld.statementId, id)).run();
          db.delete(payrollLines).where(eq(payrollLines.statementId, id)).run();
          db.update(payrollStatements).set({ computedAt: at, computedBy: actor.userId }).where(eq(payrollStatements.id, id)).run();
        } else {
          id = db.insert(payrollStatements).values({ month, computedAt: at, computedBy: actor.userId }).returning({ id: payrollStatements.id }).get().id;
        }
        for (const l of lines) {
          const { rateBasisPoints, multiplierBasisPoints, explanation, ...rest } = l;
          db.insert(payrollLines).values({ ...rest, statementId: id, rateBasisPoints, multiplierBasisPoints, explanation: JSON.stringify(explanation) }).run();
        }
        for (const h of held) db.insert(payrollHeld).values({ ...h, statementId: id, actIds: JSON.stringify(h.actIds) }).run();
        const release = sqlite.prepare('UPDATE payroll_held SET released_statement_id = ? WHERE id = ? AND released_statement_id IS NULL');
        for (const heldId of releasedIds) release.run(id, heldId);
        const totals = { people: lines.length, accruedKopecks: lines.reduce((s, l) => s + l.accruedKopecks, 0), held: held.length, released: releasedIds.length };
        appendAudit(sqlite, actor, { action: existing ? 'update' : 'create', entity: 'payroll_statement', entityId: id, before: existing ?? undefined, after: { month, status: 'draft', ...totals } }, at);
        return byMonthSync(month);
      });
    },
    /** Draft → approved (frozen from then on); null when there is no draft. */
    async approve(actor: Actor, month: string): Promise<PayrollStatementRecord | null> {
      return inTransaction(deps, () => {
        const before = byMonthSync(month);
        if (!before || before.status !== 'draft') return null;
        const at = deps.now().toISOString();
        db.update(payrollStatements).set({ status: 'approved', approvedBy: actor.userId, approvedAt: at }).where(eq(payrollStatements.id, before.id)).run();
        const after = byMonthSync(month);
        appendAudit(sqlite, actor, { action: 'approve', entity: 'payroll_statement', entityId: before.id, before, after }, at);
        return after;
      });
    },
  };
}

/** The payroll statements repository (`store.payroll.statements`). */
export type PayrollStatementsRepo = ReturnType<typeof createPayrollStatementsRepo>;
