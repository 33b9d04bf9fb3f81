import { formatDateNumeric, formatMoneyRub, MONTHS_NOMINATIVE } from '../../core/index';
import { MonthCloseStateError } from '../../db/repos/month-close-repo';
import { isClosedMonthError } from '../../db/repos/payment-writes';
import { DuplicatePaymentError, MonthClosedError } from '../../db/repos/payments-repo';
import type { ApiError } from '../../shared/errors';
import { AppError } from '../app-error';

/** «январь 2026» for 'YYYY-MM'. */
export function monthLabel(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${MONTHS_NOMINATIVE[m - 1] ?? month} ${month.slice(0, 4)}`;
}

/** The Russian refusal of a change in a closed month. */
export function closedMonthMessage(month: string | null): string {
  const which = month === null ? 'Месяц' : `Месяц «${monthLabel(month)}»`;
  return `${which} закрыт: его платежи и документы изменить нельзя. Переоткрыть месяц может директор.`;
}

/** The store's own refusal (a trigger) as an API error, or null for anything else. */
export function storeRefusal(e: unknown): ApiError | null {
  if (isClosedMonthError(e)) return { code: 'CONFLICT', message: closedMonthMessage(null) };
  return null;
}

/** Runs a money write and turns the repositories' refusals into Russian AppErrors. */
export async function moneyWrite<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MonthClosedError) throw new AppError('CONFLICT', closedMonthMessage(e.month));
    if (e instanceof MonthCloseStateError) {
      throw new AppError('CONFLICT', e.reason === 'closed' ? 'Месяц уже закрыт' : 'Месяц не закрыт — переоткрывать нечего');
    }
    if (e instanceof DuplicatePaymentError) throw new AppError('CONFLICT', `Такой платёж уже есть в базе (№ ${e.paymentId}): тот же номер, дата, сумма и плательщик`);
    const refusal = storeRefusal(e);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    throw e;
  }
}

/** «№ 15 от 09.01.2026». */
export function invoiceLabel(number: string, docDate: string): string {
  return `№ ${number} от ${formatDateNumeric(docDate)}`;
}

/** «122 000,00 ₽». */
export function rub(kopecks: number): string {
  return formatMoneyRub(kopecks);
}
