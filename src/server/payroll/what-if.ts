// What-if: an order (usually a draft) applied to past closed months, against the order that was in
// force, on the same figures (payments, plans, acts signed as of today), and the month-shifting holes.
import { addMonths, findShiftHoles, type MonthFigures } from '../../core/index';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import type { PayrollHoleDto, PayrollWhatIfResult, PayrollWhatIfRow } from '../../shared/api/payroll-types';
import type { AppContext } from '../context';
import { coveredIds, orderInForce } from './coverage';
import { computeLine, loadMonth } from './month-pay';
import { localDay } from './today';

/** Closed months among the last twelve, oldest first. */
async function recentClosedMonths(ctx: AppContext, today: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 12; i >= 1; i--) {
    const month = addMonths(today.slice(0, 7), -i);
    if (await ctx.store.money.isMonthClosed(month)) out.push(month);
  }
  return out;
}

function holesOf(draft: PayrollOrderRecord, rows: readonly PayrollWhatIfRow[], figures: Map<string, MonthFigures>): PayrollHoleDto[] {
  const holes: PayrollHoleDto[] = [];
  const byUser = new Map<number, PayrollWhatIfRow[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  for (const [userId, list] of byUser) {
    // Only runs of consecutive months can trade payments with each other.
    let run: MonthFigures[] = [];
    const flush = () => {
      for (const h of findShiftHoles(draft.scheme, run)) holes.push({ userId, fullName: list[0]?.fullName ?? '', ...h });
      run = [];
    };
    for (const r of list) {
      const f = figures.get(`${userId}/${r.month}`);
      const prev = run[run.length - 1];
      if (!f || (prev && addMonths(prev.month, 1) !== f.month)) flush();
      if (f) run.push(f);
    }
    flush();
  }
  return holes.sort((a, b) => b.gainKopecks - a.gainKopecks);
}

/** Applies `draft` to the months (default: closed months of the last year) and compares per manager per month. */
export async function whatIf(ctx: AppContext, draft: PayrollOrderRecord, requested?: readonly string[]): Promise<PayrollWhatIfResult> {
  const today = localDay(ctx.now());
  const months = requested
    ? [...new Set(requested)].sort().filter((m) => m < today.slice(0, 7))
    : await recentClosedMonths(ctx, today);
  const closed: string[] = [];
  for (const m of months) if (await ctx.store.money.isMonthClosed(m)) closed.push(m);
  const people = await ctx.store.payroll.orders.people();
  const inForce = await ctx.store.payroll.orders.inForceOrders();
  const covered = people.filter((p) => coveredIds(draft, people).has(p.id));
  const rows: PayrollWhatIfRow[] = [];
  const figures = new Map<string, MonthFigures>();
  for (const month of closed) {
    // Releases of earlier held commission are left out on both sides: they do not depend on the order.
    const m = { ...(await loadMonth(ctx, month, today)), openHeld: [] };
    for (const p of covered) {
      const draftLine = (await computeLine(ctx, m, p.id, draft)).line;
      const current = orderInForce(inForce, p.id, month, people);
      const currentLine = current ? (await computeLine(ctx, m, p.id, current)).line : null;
      const draftOk = draftLine.problem === null;
      const currentOk = currentLine !== null && currentLine.problem === null;
      if (draftOk && draftLine.planKopecks !== null && draftLine.deptPlanKopecks !== null) {
        figures.set(`${p.id}/${month}`, {
          month,
          planKopecks: draftLine.planKopecks,
          factKopecks: draftLine.factKopecks,
          deptPlanKopecks: draftLine.deptPlanKopecks,
          deptFactKopecks: draftLine.deptFactKopecks,
        });
      }
      rows.push({
        month,
        userId: p.id,
        fullName: p.fullName,
        factKopecks: draftLine.factKopecks,
        planKopecks: draftLine.planKopecks,
        currentOrderNumber: current?.number ?? null,
        currentSource: current ? 'computed' : 'none',
        currentBand: currentOk && currentLine ? currentLine.band : '',
        currentAccruedKopecks: currentOk && currentLine ? currentLine.accruedKopecks : null,
        draftBand: draftOk ? draftLine.band : '',
        draftAccruedKopecks: draftOk ? draftLine.accruedKopecks : null,
        differenceKopecks: draftOk && currentOk && currentLine ? draftLine.accruedKopecks - currentLine.accruedKopecks : null,
        problem: draftLine.problem ?? currentLine?.problem ?? null,
      });
    }
  }
  const totals = closed.map((month) => {
    const list = rows.filter((r) => r.month === month);
    return {
      month,
      currentKopecks: list.reduce((s, r) => s + (r.currentAccruedKopecks ?? 0), 0),
      draftKopecks: list.reduce((s, r) => s + (r.draftAccruedKopecks ?? 0), 0),
    };
  });
  return { orderId: draft.id, months: closed, rows, totals, holes: holesOf(draft, rows, figures) };
}
