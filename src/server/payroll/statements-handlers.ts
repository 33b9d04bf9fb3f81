import { addMonths } from '../../core/index';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { perPaymentHidden } from '../plans/margin-access';
import { assertSeesPayOf } from './access';
import { commissionForPayments } from './commission';
import { assertClosed, computeStatement } from './compute-statement';
import { statementPrint } from './statement-print';
import { monthTitle, statementView } from './statement-view';
import { statementWorkbook } from './statement-xlsx';
import { localDay } from './today';

async function defaultOrg(ctx: CallContext) {
  const orgs = await ctx.store.orgs.list();
  return orgs.find((x) => x.isDefault) ?? orgs[0] ?? null;
}

async function assertSeesPerson(ctx: CallContext, userId: number): Promise<void> {
  const person = (await ctx.store.payroll.orders.people()).find((p) => p.id === userId);
  if (!person) throw new AppError('NOT_FOUND', 'Сотрудник не найден');
  assertSeesPayOf(requireUser(ctx), { userId, role: person.role });
}

/** Зарплата → ведомости: months, a month's statement, computing, the director's approval, PDF and XLSX. */
export const statementsHandlers: HandlerMap<
  | 'payroll.statements.list'
  | 'payroll.statements.get'
  | 'payroll.statements.compute'
  | 'payroll.statements.approve'
  | 'payroll.statements.pdf'
  | 'payroll.statements.xlsx'
  | 'payroll.commission'
> = {
  async 'payroll.statements.list'(_input, ctx) {
    const user = requireUser(ctx);
    const saved = await ctx.store.payroll.statements.list();
    const current = localDay(ctx.now()).slice(0, 7);
    const months = new Set(saved.map((s) => s.month));
    for (let i = 1; i <= 12; i++) months.add(addMonths(current, -i));
    const out = [];
    for (const month of [...months].sort().reverse()) {
      const s = saved.find((x) => x.month === month);
      // A manager's total is their own line only: the department's sum is not theirs to see.
      const accrued = s ? (user.role === 'manager' || user.role === 'head_of_sales' ? (await statementView(ctx, month, user)).totals.accruedKopecks : s.accruedKopecks) : 0;
      out.push({ month, closed: await ctx.store.money.isMonthClosed(month), status: s ? s.status : ('none' as const), accruedKopecks: accrued });
    }
    return out;
  },

  async 'payroll.statements.get'(input, ctx) {
    const user = requireUser(ctx);
    if (input.userId !== undefined) await assertSeesPerson(ctx, input.userId);
    return statementView(ctx, input.month, user, input.userId);
  },

  async 'payroll.statements.compute'(input, ctx) {
    await computeStatement(ctx, ctx.actor, input.month);
    return statementView(ctx, input.month, requireUser(ctx));
  },

  async 'payroll.statements.approve'(input, ctx) {
    const user = requireUser(ctx);
    await assertClosed(ctx, input.month);
    const view = await statementView(ctx, input.month, user);
    if (!view.statement) throw new AppError('CONFLICT', 'Сначала рассчитайте ведомость за месяц');
    if (view.statement.status === 'approved') throw new AppError('CONFLICT', 'Ведомость уже утверждена');
    const problems = view.lines.filter((l) => l.problem !== null);
    if (problems.length > 0) {
      const list = view.approvalBlockers.map((b) => `${b.fullName} — ${b.problem}`).join('; ');
      throw new AppError('CONFLICT', `Ведомость нельзя утвердить: премия не рассчитана (оклад начислен). ${list}.`);
    }
    if (!(await ctx.store.payroll.statements.approve(ctx.actor, input.month))) throw new AppError('CONFLICT', 'Ведомость уже утверждена');
    return statementView(ctx, input.month, user);
  },

  async 'payroll.statements.pdf'(input, ctx) {
    const view = await statementView(ctx, input.month, requireUser(ctx));
    if (!view.statement) throw new AppError('NOT_FOUND', 'Ведомость за этот месяц ещё не рассчитана');
    const bytes = await ctx.pdf.renderer().print({ form: 'payrollStatement', data: statementPrint(view, await defaultOrg(ctx)) });
    return { fileName: `Ведомость ${monthTitle(input.month)}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  },

  async 'payroll.statements.xlsx'(input, ctx) {
    const view = await statementView(ctx, input.month, requireUser(ctx));
    if (!view.statement) throw new AppError('NOT_FOUND', 'Ведомость за этот месяц ещё не рассчитана');
    const bytes = await statementWorkbook(view);
    return { fileName: `Ведомость ${monthTitle(input.month)}.xlsx`, base64: bytes.toString('base64') };
  },

  async 'payroll.commission'(input, ctx) {
    await assertSeesPerson(ctx, input.managerId);
    if (await perPaymentHidden(ctx, input.month)) {
      throw new AppError('FORBIDDEN', 'Комиссия от валовой маржи показывается менеджеру итогом за месяц (ведомость, коммерческий отчёт), а не по платежам');
    }
    return commissionForPayments(ctx, input.month, input.managerId);
  },
};
