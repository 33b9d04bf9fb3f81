import type { PaymentCommissionDto } from '../../shared/api/payroll-types';
import { AppError } from '../app-error';
import type { AppContext } from '../context';
import { peopleUnderOrders } from './compute-statement';
import { computeLine, loadMonth } from './month-pay';
import { localDay } from './today';

/**
 * The commission each of a manager's payments in a month earns under the order in force: the month's
 * commission split over the payments in proportion to their amounts without VAT (exactly, to the
 * kopeck), with `held` set while the acts behind the payment stay unsigned past the deadline. Once the
 * month's statement is approved, `held` follows what the statement held.
 * For the money area's commercial report: `commissionForPayments(ctx, '2026-11', managerId)`.
 * Empty when no order covers the manager; a CONFLICT AppError (Russian text) when the month cannot
 * be computed for them (no approved plan…).
 */
export async function commissionForPayments(ctx: AppContext, month: string, managerId: number): Promise<PaymentCommissionDto[]> {
  const under = (await peopleUnderOrders(ctx, month)).find((p) => p.person.id === managerId);
  if (!under) return [];
  const m = await loadMonth(ctx, month, localDay(ctx.now()));
  const computed = await computeLine(ctx, m, managerId, under.order);
  if (computed.line.problem !== null) throw new AppError('CONFLICT', computed.line.problem);
  const statement = await ctx.store.payroll.statements.byMonth(month);
  if (statement?.status !== 'approved') return computed.payments;
  const heldIds = new Set(
    (await ctx.store.payroll.statements.heldOf(statement.id)).filter((h) => h.userId === managerId && h.heldMonth === month).map((h) => h.paymentId),
  );
  return computed.payments.map((p) => ({ ...p, held: heldIds.has(p.paymentId) }));
}
