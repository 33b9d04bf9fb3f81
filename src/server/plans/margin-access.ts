import { isMonthPeriod } from '../../core/index';
import type { PlanFactView } from '../../shared/api/plan-types';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { peopleUnderOrders } from '../payroll/compute-statement';

/**
 * Margin figures reach a manager only where his own pay order in force that month is on gross margin,
 * and then only as his monthly total: margin next to revenue per item would hand out the cost prices
 * the catalog hides from him. Everyone else who may call plan / fact sees every row.
 */
export async function assertMarginVisible(ctx: CallContext, period: string): Promise<void> {
  const user = requireUser(ctx);
  if (user.role !== 'manager') return;
  if (!isMonthPeriod(period)) throw new AppError('FORBIDDEN', 'Валовую маржу менеджер видит только помесячно — выберите месяц');
  if (!(await paidOnMargin(ctx, user.id, period))) {
    throw new AppError('FORBIDDEN', 'Валовая маржа показывается менеджеру, только если его оплата считается от маржи (приказ по оплате труда)');
  }
}

/** Whether a person's pay order in force in a month is on gross margin. */
export async function paidOnMargin(ctx: CallContext, userId: number, month: string): Promise<boolean> {
  const order = (await peopleUnderOrders(ctx, month)).find((u) => u.person.id === userId)?.order;
  return order?.scheme.commissionBase === 'gross_margin';
}

/**
 * True when the caller is a manager paid on margin that month: his commission per payment would give
 * away each payment's margin (the month's commission is split over the payments by their margin), so he
 * gets the month's total only.
 */
export async function perPaymentHidden(ctx: CallContext, month: string): Promise<boolean> {
  const user = requireUser(ctx);
  return user.role === 'manager' && (await paidOnMargin(ctx, user.id, month));
}

/** A manager's margin view without last year's figure (the order then may not have been on margin). */
export function withoutLastYear(view: PlanFactView): PlanFactView {
  return { ...view, rows: view.rows.map((r) => ({ ...r, lastYearKopecks: null, growthPercent: null })) };
}
