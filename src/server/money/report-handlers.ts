import { formatDateNumeric, formatMoneyRub, pluralRu } from '../../core/index';
import type { MonthCloseBlocker, MonthClosePanelDto, MonthFreezeSummary } from '../../shared/api/commercial-report-types';
import type { commercialReportApi } from '../../shared/api/commercial-report';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { monthLabel, moneyWrite } from './errors';
import { nameConfirmer, secondConfirmer } from './month-confirmer';
import { buildCommercialReport } from './report-build';
import { commercialReportWorkbook } from './report-xlsx';

/** Why the month cannot be confirmed yet, each with the screen that fixes it; empty when it can. */
async function blockersOf(ctx: CallContext, month: string): Promise<MonthCloseBlocker[]> {
  const out: MonthCloseBlocker[] = [];
  if (month >= ctx.now().toISOString().slice(0, 7)) out.push({ text: `Месяц «${monthLabel(month)}» ещё не закончился — закрыть его можно с первого числа следующего.`, link: null });
  for (const p of await ctx.store.money.closeBlockingPayments(month)) {
    const what = `Поступление от ${formatDateNumeric(p.date)} на ${formatMoneyRub(p.amountKopecks)}${p.payerName ? ` от «${p.payerName}»` : ''}`;
    out.push(
      p.reason === 'unsorted'
        ? { text: `${what} не разобрано: укажите клиента или отметьте, что это за деньги.`, link: '/payments/unmatched' }
        : { text: `${what}: у клиента нет ответственного менеджера — назначьте его или отметьте «прочее».`, link: '/payments/unmatched' },
    );
  }
  return out;
}

/** «3 поступления на 120 000,00 ₽ и 2 документа на 90 000,00 ₽». */
export function freezeText(f: MonthFreezeSummary): string {
  const outgoing = f.outgoingCount > 0 ? `, ${f.outgoingCount} ${pluralRu(f.outgoingCount, 'списание', 'списания', 'списаний')} на ${formatMoneyRub(f.outgoingKopecks)}` : '';
  return (
    `${f.paymentsCount} ${pluralRu(f.paymentsCount, 'поступление', 'поступления', 'поступлений')} на ${formatMoneyRub(f.paymentsKopecks)}${outgoing} и ` +
    `${f.documentsCount} ${pluralRu(f.documentsCount, 'документ', 'документа', 'документов')} на ${formatMoneyRub(f.documentsKopecks)}`
  );
}

async function panel(ctx: CallContext, month: string): Promise<MonthClosePanelDto> {
  const user = requireUser(ctx);
  const state = await ctx.store.money.closeState(month);
  const second = await secondConfirmer(ctx);
  const blockers = state.closed ? [] : await blockersOf(ctx, month);
  const headOfSalesStale = state.headOfSalesFingerprint !== null && state.headOfSalesFingerprint !== state.fingerprint;
  const accountantStale = state.accountantFingerprint !== null && state.accountantFingerprint !== state.fingerprint;
  const side = user.role === 'head_of_sales' ? 'head' : second.gives(user) ? 'second' : null;
  const mine = side === 'head' ? state.headOfSalesFingerprint : side === 'second' ? state.accountantFingerprint : undefined;
  const other = side === 'head' ? state.accountantFingerprint : side === 'second' ? state.headOfSalesFingerprint : null;
  const canConfirm = !state.closed && blockers.length === 0 && mine !== undefined && (mine === null || mine !== state.fingerprint);
  const people = second.accountant || user.role !== 'director' ? [] : (await ctx.store.users.list()).filter((u) => u.active && u.role !== 'head_of_sales');
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
    secondConfirmer: second.title,
    secondIsAccountant: second.accountant,
    closesOnConfirm: canConfirm && other === state.fingerprint,
    freezes: await ctx.store.money.freezeSummary(month),
    confirmerChoices: people.map((u) => ({ id: u.id, fullName: u.fullName })),
    confirmerId: second.namedId,
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
    const second = await secondConfirmer(ctx);
    const side = user.role === 'head_of_sales' ? 'head_of_sales' : second.gives(user) ? 'accountant' : null;
    if (side === null) throw new AppError('FORBIDDEN', `Месяц подтверждают руководитель отдела продаж и ${second.title}.`);
    const blockers = await blockersOf(ctx, input.month);
    if (blockers.length > 0) throw new AppError('CONFLICT', blockers.map((b) => b.text).join(' '));
    const before = await panel(ctx, input.month);
    if (before.closesOnConfirm && !input.closeAcknowledged) {
      throw new AppError('CONFLICT', `Это подтверждение закроет месяц «${monthLabel(input.month)}»: будут заморожены ${freezeText(before.freezes)}. Подтвердите закрытие ещё раз.`);
    }
    const totals = await ctx.store.money.departmentBase(input.month);
    await moneyWrite(() => ctx.store.money.confirm(ctx.actor, input.month, side, totals));
    return panel(ctx, input.month);
  },

  async 'monthClose.setConfirmer'(input, ctx) {
    const second = await secondConfirmer(ctx);
    if (second.accountant) throw new AppError('CONFLICT', 'В офисе есть бухгалтер: второе подтверждение закрытия месяца даёт он.');
    if (input.userId !== null) {
      const person = await ctx.store.users.get(input.userId);
      if (!person?.active) throw new AppError('NOT_FOUND', 'Сотрудник не найден');
      if (person.role === 'head_of_sales') throw new AppError('VALIDATION', 'Руководитель отдела продаж уже даёт первое подтверждение: назначьте другого сотрудника.');
    }
    await nameConfirmer(ctx, input.userId);
    return panel(ctx, input.month);
  },

  async 'monthClose.reopen'(input, ctx) {
    await moneyWrite(() => ctx.store.money.reopen(ctx.actor, input.month, input.reason));
    return panel(ctx, input.month);
  },
};
