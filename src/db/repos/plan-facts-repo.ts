import type { RepoDeps } from '../drizzle';
import { marginsByPayment } from './payment-margins';

/** Fact per manager: null is client money with no responsible manager (company, not department). */
export type FactByManager = Map<number | null, number>;

// The fact of a plan is the Money area's commission base: incoming client money without VAT, counted
// for the client's responsible manager at payment time (payments.manager_id), by payments.month.
const FACT_WHERE = `direction = 'in' AND kind = 'client'`;
// The plans migration's covering index answers every sum below from the index alone; named because
// without statistics SQLite prefers the Money area's narrower (month, manager) index and reads each row.
const FROM_PAYMENTS = 'FROM payments INDEXED BY plans_payments_fact_idx';

/** The fact side of plan / fact: money received without VAT (or its gross margin), read from the Money area's `payments` table. */
export function createPlanFactsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  let present = false;
  /** The Money area's table may not exist in an older base; until it does, there is no fact. */
  const hasPayments = (): boolean => {
    if (!present) present = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payments'").get() !== undefined;
    return present;
  };
  return {
    hasPayments,
    /** Net money per manager for months in [fromMonth, toMonth]; null when the payments table is missing. */
    async byManager(fromMonth: string, toMonth: string): Promise<FactByManager | null> {
      if (!hasPayments()) return null;
      const rows = sqlite
        .prepare(`SELECT manager_id AS m, sum(amount_net_kopecks) AS s ${FROM_PAYMENTS} WHERE month BETWEEN ? AND ? AND ${FACT_WHERE} GROUP BY manager_id`)
        .all(fromMonth, toMonth) as { m: number | null; s: number }[];
      return new Map(rows.map((r) => [r.m, r.s]));
    },
    /** Gross margin per manager for months in [fromMonth, toMonth] (the Money area's margin of each payment); null without payments. */
    async marginByManager(fromMonth: string, toMonth: string): Promise<FactByManager | null> {
      if (!hasPayments()) return null;
      const rows = sqlite
        .prepare(`SELECT id, manager_id AS m FROM payments WHERE month BETWEEN ? AND ? AND ${FACT_WHERE}`)
        .all(fromMonth, toMonth) as { id: number; m: number | null }[];
      const margins = marginsByPayment(deps, rows.map((r) => r.id));
      const out: FactByManager = new Map();
      for (const r of rows) out.set(r.m, (out.get(r.m) ?? 0) + (margins.get(r.id)?.grossMarginKopecks ?? 0));
      return out;
    },
    /** Net money per month in [fromMonth, toMonth] (of one manager, or of the department when `departmentOnly`). */
    async byMonth(fromMonth: string, toMonth: string, scope: { managerId?: number; departmentOnly?: boolean }): Promise<Map<string, number> | null> {
      if (!hasPayments()) return null;
      const who = scope.managerId !== undefined ? ' AND manager_id = ?' : scope.departmentOnly ? ' AND manager_id IS NOT NULL' : '';
      const args: (string | number)[] = scope.managerId !== undefined ? [fromMonth, toMonth, scope.managerId] : [fromMonth, toMonth];
      const rows = sqlite
        .prepare(`SELECT month AS k, sum(amount_net_kopecks) AS s ${FROM_PAYMENTS} WHERE month BETWEEN ? AND ? AND ${FACT_WHERE}${who} GROUP BY month`)
        .all(...args) as { k: string; s: number }[];
      return new Map(rows.map((r) => [r.k, r.s]));
    },
    /** Net money per day of a month (1…31), of one manager or of the department. */
    async byDay(month: string, scope: { managerId?: number; departmentOnly?: boolean }): Promise<Map<number, number> | null> {
      if (!hasPayments()) return null;
      const who = scope.managerId !== undefined ? ' AND manager_id = ?' : scope.departmentOnly ? ' AND manager_id IS NOT NULL' : '';
      const args: (string | number)[] = scope.managerId !== undefined ? [month, scope.managerId] : [month];
      const rows = sqlite
        .prepare(`SELECT date AS k, sum(amount_net_kopecks) AS s ${FROM_PAYMENTS} WHERE month = ? AND ${FACT_WHERE}${who} GROUP BY date`)
        .all(...args) as { k: string; s: number }[];
      return new Map(rows.map((r) => [Number(r.k.slice(8, 10)), r.s]));
    },
  };
}

/** The plan-fact repository (`store.planFacts`). */
export type PlanFactsRepo = ReturnType<typeof createPlanFactsRepo>;
