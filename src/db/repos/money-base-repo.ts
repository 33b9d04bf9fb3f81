import type { AllocationDto, BasePaymentDto, DepartmentBaseDto, ManagerBaseDto } from '../../shared/api/money-types';
import type { RepoDeps } from '../drizzle';
import { marginsByPayment, totalMargin, type PaymentMargin } from './payment-margins';

interface BaseRow {
  id: number;
  date: string;
  manager_id: number | null;
  client_id: number | null;
  client_name: string | null;
  payer_name: string;
  amount_kopecks: number;
  vat_kopecks: number;
  amount_net_kopecks: number;
  doc_number: string;
  purpose: string;
}

interface AllocationRow {
  payment_id: number;
  document_id: number;
  number: string;
  doc_date: string;
  amount_kopecks: number;
  vat_kopecks: number;
  rule: AllocationDto['rule'];
}

// The commission base: incoming client money (not fees, not our outgoing payments).
const BASE_WHERE = `p.direction = 'in' AND p.kind = 'client' AND p.month = ?`;

const BASE_SELECT = `
  SELECT p.id, p.date, p.manager_id, p.client_id, c.short_name AS client_name, p.payer_name, p.amount_kopecks,
         p.vat_kopecks, p.amount_net_kopecks, p.doc_number, p.purpose
  FROM payments p LEFT JOIN clients c ON c.id = p.client_id`;

/** Closed-month checks shared by the money repositories (sync, for use inside transactions). */
export function monthClosedSync(deps: RepoDeps, month: string): boolean {
  const r = deps.sqlite
    .prepare('SELECT 1 AS x FROM month_closes WHERE month = ? AND closed_at IS NOT NULL AND reopened_at IS NULL')
    .get(month);
  return r !== undefined;
}

/** Allocations of the given payments, grouped by payment id. */
export function allocationsByPayment(deps: RepoDeps, paymentIds: readonly number[]): Map<number, AllocationDto[]> {
  const out = new Map<number, AllocationDto[]>();
  const chunk = 500;
  for (let i = 0; i < paymentIds.length; i += chunk) {
    const ids = paymentIds.slice(i, i + chunk);
    const rows = deps.sqlite
      .prepare(
        `SELECT a.payment_id, a.document_id, d.number, d.doc_date, a.amount_kopecks, a.vat_kopecks, a.rule
         FROM payment_allocations a JOIN documents d ON d.id = a.document_id
         WHERE a.payment_id IN (${ids.map(() => '?').join(', ')}) ORDER BY a.payment_id, a.id`,
      )
      .all(...ids) as AllocationRow[];
    for (const r of rows) {
      const list = out.get(r.payment_id) ?? [];
      list.push({ documentId: r.document_id, number: r.number, docDate: r.doc_date, amountKopecks: r.amount_kopecks, vatKopecks: r.vat_kopecks, rule: r.rule });
      out.set(r.payment_id, list);
    }
  }
  return out;
}

function toBasePayment(r: BaseRow, allocations: AllocationDto[], margin: PaymentMargin | undefined): BasePaymentDto {
  return {
    id: r.id,
    date: r.date,
    clientId: r.client_id,
    clientName: r.client_name ?? r.payer_name,
    amountKopecks: r.amount_kopecks,
    vatKopecks: r.vat_kopecks,
    amountNetKopecks: r.amount_net_kopecks,
    docNumber: r.doc_number,
    purpose: r.purpose,
    documentIds: allocations.map((a) => a.documentId),
    allocations,
    grossMarginKopecks: margin?.grossMarginKopecks ?? 0,
    marginUnknownLines: margin?.marginUnknownLines ?? 0,
  };
}

/** The figures payroll and plans read: a manager's and the department's money for a month, and whether it is closed. */
export function createMoneyBaseRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const managerBaseSync = (month: string, managerId: number): ManagerBaseDto => {
    const rows = sqlite.prepare(`${BASE_SELECT} WHERE ${BASE_WHERE} AND p.manager_id = ? ORDER BY p.date, p.id`).all(month, managerId) as BaseRow[];
    const allocations = allocationsByPayment(deps, rows.map((r) => r.id));
    const margins = marginsByPayment(deps, rows.map((r) => r.id));
    const payments = rows.map((r) => toBasePayment(r, allocations.get(r.id) ?? [], margins.get(r.id)));
    return {
      month,
      managerId,
      revenueNetKopecks: payments.reduce((s, p) => s + p.amountNetKopecks, 0),
      revenueGrossKopecks: payments.reduce((s, p) => s + p.amountKopecks, 0),
      vatKopecks: payments.reduce((s, p) => s + p.vatKopecks, 0),
      ...totalMargin(margins.values()),
      payments,
      closed: monthClosedSync(deps, month),
    };
  };
  const departmentBaseSync = (month: string): DepartmentBaseDto => {
    const rows = sqlite
      .prepare(
        `SELECT p.manager_id, u.full_name AS manager_name, SUM(p.amount_net_kopecks) AS net, SUM(p.amount_kopecks) AS gross, COUNT(*) AS n
         FROM payments p LEFT JOIN users u ON u.id = p.manager_id
         WHERE ${BASE_WHERE} GROUP BY p.manager_id ORDER BY u.full_name`,
      )
      .all(month) as { manager_id: number | null; manager_name: string | null; net: number; gross: number; n: number }[];
    const owned = sqlite.prepare(`SELECT p.id, p.manager_id FROM payments p WHERE ${BASE_WHERE} AND p.manager_id IS NOT NULL`).all(month) as { id: number; manager_id: number }[];
    const margins = marginsByPayment(deps, owned.map((p) => p.id));
    const byManager = new Map<number, PaymentMargin[]>();
    for (const p of owned) {
      const m = margins.get(p.id);
      if (!m) continue;
      const list = byManager.get(p.manager_id) ?? [];
      list.push(m);
      byManager.set(p.manager_id, list);
    }
    const marginOf = (managerId: number) => totalMargin(byManager.get(managerId) ?? []).grossMarginKopecks;
    const managers = rows.flatMap((r) =>
      r.manager_id === null
        ? []
        : [{ managerId: r.manager_id, managerName: r.manager_name ?? '', revenueNetKopecks: r.net, revenueGrossKopecks: r.gross, grossMarginKopecks: marginOf(r.manager_id), paymentCount: r.n }],
    );
    return {
      month,
      revenueNetKopecks: managers.reduce((s, m) => s + m.revenueNetKopecks, 0),
      revenueGrossKopecks: managers.reduce((s, m) => s + m.revenueGrossKopecks, 0),
      ...totalMargin(margins.values()),
      managers,
      unassignedNetKopecks: rows.filter((r) => r.manager_id === null).reduce((s, r) => s + r.net, 0),
      unassignedGrossKopecks: rows.filter((r) => r.manager_id === null).reduce((s, r) => s + r.gross, 0),
      unassignedCount: rows.filter((r) => r.manager_id === null).reduce((s, r) => s + r.n, 0),
      closed: monthClosedSync(deps, month),
    };
  };
  return {
    managerBaseSync,
    departmentBaseSync,
    /** A manager's commission base for 'YYYY-MM': net money from their own clients (manager at payment time), with each payment's invoices. */
    async managerBase(month: string, managerId: number): Promise<ManagerBaseDto> {
      return managerBaseSync(month, managerId);
    },
    /** The department's base for 'YYYY-MM': per manager sums, the total, and client money with no manager yet. */
    async departmentBase(month: string): Promise<DepartmentBaseDto> {
      return departmentBaseSync(month);
    },
    /** Deals won in 'YYYY-MM' (by the day they were closed), for the commercial report. */
    async wonDeals(month: string): Promise<{ dealId: number; managerId: number; title: string; clientName: string; amountKopecks: number; closedAt: string }[]> {
      return sqlite
        .prepare(
          `SELECT d.id AS dealId, d.manager_id AS managerId, d.title, coalesce(nullif(c.short_name, ''), c.full_name) AS clientName,
             d.amount_kopecks AS amountKopecks, d.closed_at AS closedAt
           FROM deals d JOIN clients c ON c.id = d.client_id
           WHERE d.outcome = 'won' AND d.closed_at >= ? AND d.closed_at < ? ORDER BY d.closed_at, d.id`,
        )
        .all(`${month}-01`, `${month}-32`) as { dealId: number; managerId: number; title: string; clientName: string; amountKopecks: number; closedAt: string }[];
    },
    /** Incoming client payments per manager and day in a period (the work statistics' «Оплаты» counter). */
    async paymentsDaily(range: { from: string; to: string; managerId?: number }): Promise<{ managerId: number; day: string; count: number }[]> {
      const who = range.managerId === undefined ? '' : ' AND p.manager_id = ?';
      const args: (string | number)[] = [range.from, range.to, ...(range.managerId === undefined ? [] : [range.managerId])];
      return sqlite
        .prepare(
          `SELECT p.manager_id AS managerId, p.date AS day, count(*) AS count FROM payments p
           WHERE p.direction = 'in' AND p.kind = 'client' AND p.manager_id IS NOT NULL AND p.date BETWEEN ? AND ?${who}
           GROUP BY p.manager_id, p.date`,
        )
        .all(...args) as { managerId: number; day: string; count: number }[];
    },
    /** True while 'YYYY-MM' is closed (both confirmations given, not reopened): its payments and documents cannot change. */
    async isMonthClosed(month: string): Promise<boolean> {
      return monthClosedSync(deps, month);
    },
  };
}
