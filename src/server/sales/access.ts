import type { SessionUser } from '../../shared/api/auth';
import { SALES_HEADS } from '../../shared/api/sales';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';

/** True when the caller sees every manager's deals and activities (everyone but a manager). */
export function seesAll(user: SessionUser): boolean {
  return user.role !== 'manager';
}

/** True for the head of sales and the director. */
export function isSalesHead(user: SessionUser): boolean {
  return SALES_HEADS.includes(user.role);
}

/** The manager a list is narrowed to: a manager sees only their own records. */
export function ownScope(ctx: CallContext): number | undefined {
  const user = requireUser(ctx);
  return seesAll(user) ? undefined : user.id;
}

/** Refuses a manager who touches another manager's record (or assigns one to someone else). */
export function assertOwn(ctx: CallContext, ...managerIds: number[]): void {
  const user = requireUser(ctx);
  if (user.role !== 'manager') return;
  if (managerIds.some((id) => id !== user.id)) {
    throw new AppError('FORBIDDEN', 'Менеджер работает только со своими сделками и звонками');
  }
}

/** Refuses a record the caller may not even see, as if it did not exist. */
export function assertVisible(ctx: CallContext, managerId: number, what: string): void {
  const user = requireUser(ctx);
  if (!seesAll(user) && managerId !== user.id) throw new AppError('NOT_FOUND', what);
}
