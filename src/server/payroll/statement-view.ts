import { MONTHS_NOMINATIVE } from '../../core/index';
import type { SessionUser } from '../../shared/api/auth';
import { PAYROLL_CALCULATORS } from '../../shared/api/payroll';
import type { PayrollApprovalBlocker, PayrollLineDto, PayrollStatementDto } from '../../shared/api/payroll-types';
import type { AppContext } from '../context';
import { seesPayOf } from './access';

/** «ноябрь 2026» */
export function monthTitle(month: string): string {
  return `${MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** Where a line's problem is fixed: plans in Планы и прогноз, anything else in the payroll order. */
export function approvalBlocker(userId: number, fullName: string, problem: string): PayrollApprovalBlocker {
  return problem.includes('план')
    ? { userId, fullName, problem, fixPath: '/plans/grid', fixLabel: 'Ввести планы' }
    : { userId, fullName, problem, fixPath: '/payroll/orders', fixLabel: 'Открыть приказы' };
}

/** The statement of a month as `user` may see it: only the lines they may see, with totals over those. */
export async function statementView(ctx: AppContext, month: string, user: SessionUser, onlyUserId?: number): Promise<PayrollStatementDto> {
  const monthClosed = await ctx.store.money.isMonthClosed(month);
  const statement = await ctx.store.payroll.statements.byMonth(month);
  let lines: PayrollLineDto[] = [];
  if (statement) {
    const held = await ctx.store.payroll.statements.heldOf(statement.id);
    const all = await ctx.store.payroll.statements.lines(statement.id);
    lines = all
      .filter((l) => seesPayOf(user, { userId: l.userId, role: l.role }) && (onlyUserId === undefined || l.userId === onlyUserId))
      .map(({ role: _role, ...l }) => ({
        ...l,
        // A manager gets the department's fulfilment percentage; its money would give away the others' share.
        ...(user.role === 'manager' ? { deptPlanKopecks: null, deptFactKopecks: null } : {}),
        held: held.filter((h) => h.userId === l.userId).map(({ userId: _u, ...h }) => h),
      }));
  }
  const sum = (f: (l: PayrollLineDto) => number) => lines.reduce((s, l) => s + f(l), 0);
  const problems = lines.filter((l) => l.problem !== null);
  return {
    month,
    monthClosed,
    statement: statement
      ? {
          id: statement.id,
          status: statement.status,
          computedAt: statement.computedAt,
          computedByName: statement.computedByName,
          approvedAt: statement.approvedAt,
          approvedByName: statement.approvedByName,
        }
      : null,
    lines,
    totals: { accruedKopecks: sum((l) => l.accruedKopecks), ndflKopecks: sum((l) => l.ndflKopecks), netKopecks: sum((l) => l.netKopecks), heldKopecks: sum((l) => l.heldKopecks) },
    missingPlans: problems.filter((l) => (l.problem ?? '').includes('план')).map((l) => l.fullName),
    approvalBlockers: problems.map((l) => approvalBlocker(l.userId, l.fullName, l.problem ?? '')),
    canCompute: PAYROLL_CALCULATORS.includes(user.role) && monthClosed && statement?.status !== 'approved',
    canApprove: user.role === 'director' && statement?.status === 'draft' && monthClosed && problems.length === 0 && lines.length > 0,
  };
}
