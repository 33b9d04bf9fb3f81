import type { SessionUser } from '../../shared/api/auth';
import type { PlanScope } from '../../shared/api/plan-types';
import { SALES_HEADS } from '../../shared/api/sales';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';

/** Plans the caller may approve: the head of sales personal and department plans, the director all of them. */
export function approvableScopes(user: SessionUser): PlanScope[] {
  if (user.role === 'director') return ['manager', 'department', 'company'];
  if (user.role === 'head_of_sales') return ['manager', 'department'];
  return [];
}

/** True when the caller enters plans (the head of sales and the director). */
export function editsPlans(user: SessionUser): boolean {
  return SALES_HEADS.includes(user.role);
}

/** The person the caller's view is narrowed to: a manager sees only their own plans, forecast and visits. */
export function ownOnly(ctx: CallContext): number | undefined {
  const user = requireUser(ctx);
  return user.role === 'manager' ? user.id : undefined;
}

/** The manager a view is for: a manager always themselves (asking for another is refused), others whom they ask for. */
export function viewedManager(ctx: CallContext, asked: number | undefined): number | undefined {
  const own = ownOnly(ctx);
  if (own !== undefined && asked !== undefined && asked !== own) throw new AppError('FORBIDDEN', 'Менеджер видит только свой план и прогноз');
  return own ?? asked;
}
