import type { SessionUser } from '../../shared/api/auth';
import type { PayrollPerson } from '../../shared/api/payroll-types';
import type { Role } from '../../shared/roles';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import { AppError } from '../app-error';
import { coveredIds } from './coverage';

/** Roles whose pay lines the head of sales sees: the department. */
const DEPARTMENT: readonly Role[] = ['manager', 'head_of_sales'];

/** Whose pay the caller may see: a manager their own, the head of sales the department's, the accountant and director everyone's. */
export function seesPayOf(user: SessionUser, person: { userId: number; role: string }): boolean {
  if (user.role === 'director' || user.role === 'accountant') return true;
  if (user.role === 'head_of_sales') return DEPARTMENT.some((r) => r === person.role) || person.userId === user.id;
  return person.userId === user.id;
}

/** Refuses asking for another person's pay («other managers' pay» is not shown to a manager). */
export function assertSeesPayOf(user: SessionUser, person: { userId: number; role: string }): void {
  if (!seesPayOf(user, person)) throw new AppError('FORBIDDEN', 'Зарплата других сотрудников вам не показывается');
}

/** Whether the caller sees an order: a manager only approved orders that cover them; the others every order. */
export function seesOrder(user: SessionUser, order: PayrollOrderRecord, people: readonly PayrollPerson[]): boolean {
  if (user.role !== 'manager') return true;
  return (order.status === 'approved' || order.status === 'superseded') && coveredIds(order, people).has(user.id);
}

/** Roles that see every manager's commission: the director, the head of sales and the accountant (a manager sees his own). */
const COMMISSION_READERS: readonly Role[] = ['director', 'head_of_sales', 'accountant'];

/** Whether the caller sees a manager's commission figures (the same people `payroll.commission` answers). */
export function seesCommissionOf(user: SessionUser, managerId: number): boolean {
  return COMMISSION_READERS.includes(user.role) || (user.role === 'manager' && user.id === managerId);
}
