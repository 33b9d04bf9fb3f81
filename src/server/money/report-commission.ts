// The commission column of the commercial report comes from the payroll area: the order in force for
// the manager in the month, and what each payment earns under it (commissionForPayments).
import { formatDateNumeric } from '../../core/index';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { commissionForPayments } from '../payroll/commission';
import { peopleUnderOrders } from '../payroll/compute-statement';

/** A manager's commission in a month: per payment (with «held» for unsigned acts) and the order it follows. */
export interface ManagerCommission {
  byPayment: ReadonlyMap<number, { kopecks: number; held: boolean }>;
  totalKopecks: number;
  order: string;
}

/** The orders in force in a month, by manager; null for a manager no approved order covers. */
export async function commissionsOf(ctx: CallContext, month: string, managerIds: readonly number[]): Promise<Map<number, ManagerCommission | null>> {
  const out = new Map<number, ManagerCommission | null>();
  const covered = new Map((await peopleUnderOrders(ctx, month)).map((u) => [u.person.id, u.order]));
  for (const managerId of managerIds) {
    const order = covered.get(managerId);
    if (!order) {
      out.set(managerId, null);
      continue;
    }
    try {
      const rows = await commissionForPayments(ctx, month, managerId);
      out.set(managerId, {
        byPayment: new Map(rows.map((r) => [r.paymentId, { kopecks: r.commissionKopecks, held: r.held }])),
        totalKopecks: rows.reduce((s, r) => s + r.commissionKopecks, 0),
        order: `по приказу № ${order.number}${order.orderDate ? ` от ${formatDateNumeric(order.orderDate)}` : ''}`,
      });
    } catch (e) {
      // A month payroll cannot compute (no approved plan…) shows «—» for that manager, not a broken report.
      if (!(e instanceof AppError)) throw e;
      out.set(managerId, null);
    }
  }
  return out;
}
