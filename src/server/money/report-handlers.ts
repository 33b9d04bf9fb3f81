import type { MonthClosePanelDto } from '../../shared/api/commercial-report-types';
import type { commercialReportApi } from '../../shared/api/commercial-report';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { monthLabel, moneyWrite } from './errors';
import { buildCommercialReport } from './report-build';
import { commercialReportWorkbook } from './report-xlsx';

/** Why the month cannot be confirmed yet (in Russian); empty when it can. */
async function blockersOf(ctx: CallContext, month: string): Promise<string[]> {
  const out: string[] = [];
  if (month >= ctx.now().toISOString().slice(0, 7)) out.push(`Месяц «${monthLabel(month)}» ещё не закончился — закрыть его можно с первого числа следующего.`);
  const dept = await ctx.store.money.departmentBase(month);
  if (dept.unassignedCount > 0) {
    out.push(`Поступления без менеджера: ${dept.unassignedCount}. Разнесите их по клиентам или отметьте «прочее» в разделе «Платежи».`);
  }
  return out;
}

async function panel(ctx: CallContext, month: string): Promise<MonthClosePanelDto> {
  const user = requireUser(ctx);
  const state = await ctx.store.money.closeState(month);
  const blockers = state.closed ? [] : await blockersOf(ctx, month);
  const headOfSalesStale = state.headOfSalesFingerprint !== null && state.headOfSalesFingerprint !== state.fingerprint;
  const accountantStale = state.accountantFingerprint !== null && state.accountantFingerprint !== state.fingerprint;
  const mine = user.role === 'head_of_sales' ? state.headOfSalesFingerprint : user.role === 'accountant' ? state.accountantFingerprint : undefined;
  const canConfirm = !state.closed && blockers.length === 0 && mine !== undefined && (mine === null || mine !== state.fingerprint);
  return {
    month,
    closed: state.closed,
    current: state.current,
    history: state.history,
    headOfSalesStale,
    accountantStale,
    blockers,
    canConfirm,
    canReopen: state.closed && user.role === 'director',
  };
}

/** Отчёты → Коммерческий отчёт: the report, its XLSX, and the month's close (two confirmations, the director's reopening). */
export const reportHandlers: HandlerMap<keyof typeof commercialReportApi> = {
  async 'commercialReport.get'(input, ctx) {
    return buildCommercialReport(ctx, input.month);
  },

  async 'commercialReport.export'(input, ctx) {
    const report = await buildCommercialReport(ctx, input.month);
    const bytes = await commercialReportWorkbook(report);
    return { fileName: `Коммерческий отчёт ${input.month}.xlsx`, base64: bytes.toString('base64') };
  },

  async 'monthClose.get'(input, ctx) {
    return panel(ctx, input.month);
  },

  async 'monthClose.confirm'(input, ctx) {
    const user = requireUser(ctx);
    const side = user.role === 'head_of_sales' ? 'head_of_sales' : 'accountant';
    const blockers = await blockersOf(ctx, input.month);
    if (blockers.length > 0) throw new AppError('CONFLICT', blockers.join(' '));
    const totals = await ctx.store.money.departmentBase(input.month);
    await moneyWrite(() => ctx.store.money.confirm(ctx.actor, input.month, side, totals));
    return panel(ctx, input.month);
  },

  async 'monthClose.reopen'(input, ctx) {
    await moneyWrite(() => ctx.store.money.reopen(ctx.actor, input.month, input.reason));
    return panel(ctx, input.month);
  },
};
