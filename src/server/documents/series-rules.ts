import { addDays, formatDateNumeric } from '../../core/index';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { CHRONOLOGICAL_SERIES, SERIES_KEYS } from './series';

/**
 * How many days ahead of today a series' documents may be dated unless a person set otherwise
 * (null = no limit): shipping documents are dated the day of the shipment, invoices and proposals may
 * be prepared for up to a month ahead.
 */
export const DEFAULT_MAX_DAYS_AHEAD: Readonly<Record<string, number | null>> = {
  offer: 30,
  contract: 30,
  invoice: 30,
  act: 0,
  torg12: 0,
  factura: 0,
  reconciliation: 0,
  free: null,
};

/** The limits in force per series key: the stored ones over the defaults. */
export async function maxDaysAheadBySeries(ctx: CallContext): Promise<Map<string, number | null>> {
  const stored = await ctx.store.documents.seriesRules.all();
  return new Map(SERIES_KEYS.map((k) => [k, stored.has(k) ? (stored.get(k) ?? null) : (DEFAULT_MAX_DAYS_AHEAD[k] ?? null)]));
}

/** The series' rule as Справочники → Нумерация states it. */
export function seriesRuleText(seriesKey: string, maxDaysAhead: number | null): string {
  const order = CHRONOLOGICAL_SERIES.includes(seriesKey)
    ? 'Номера в хронологическом порядке: дата не раньше последнего выставленного (аннулированные не в счёт)'
    : 'Следующий номер серии, какой бы ни была дата документа';
  const ahead = maxDaysAhead === null ? 'дата вперёд не ограничена' : maxDaysAhead === 0 ? 'дата не позже сегодняшней' : `дата не позже чем через ${maxDaysAhead} дн. от сегодняшней`;
  return `${order}; ${ahead}.`;
}

/** Refuses a document dated further ahead of today than its series allows. */
export async function assertNotTooFarAhead(ctx: CallContext, kind: DocumentKindKey, seriesKey: string, docDate: string): Promise<void> {
  const max = (await maxDaysAheadBySeries(ctx)).get(seriesKey) ?? null;
  if (max === null) return;
  const latest = addDays(ctx.now().toISOString().slice(0, 10), max);
  if (docDate <= latest) return;
  const limit = max === 0 ? 'позже сегодняшнего дня' : `более чем на ${max} дн. вперёд`;
  throw new AppError('VALIDATION', `${DOCUMENT_KIND_LABELS[kind]} не может быть датирован ${limit}: дата ${formatDateNumeric(docDate)}, крайняя ${formatDateNumeric(latest)}. Срок меняется в Справочники → Нумерация`, [
    { path: 'docDate', message: `Не позже ${formatDateNumeric(latest)}` },
  ]);
}
