import { formatDateNumeric, vatRateFitsDocument, vatRateInForce, vatRateLabel } from '../../core/index';
import type { DraftValues } from '../../db/repos/document-drafts';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { vatRateOf } from './pricing';

/** Kinds whose rate is the one in force on their own date (the shipment). */
const SHIPPING: readonly DocumentKindKey[] = ['act_services', 'act_transfer', 'torg12', 'upd'];

/** Kinds whose VAT rate is checked against their date at issue. */
const CHECKED: readonly DocumentKindKey[] = [...SHIPPING, 'invoice_factura', 'invoice'];

/**
 * The VAT rates of a document against its date: a shipping document takes the rate in force on its date,
 * a счёт-фактура its shipment's (up to 5 days earlier), a correction the original's rates; a счёт на оплату
 * may carry the 22 % of a shipment after 01.01.2026 (it prints a note). A mismatch is refused unless the
 * person gave a reason; returns that reason (to audit) or null when everything fits.
 */
export async function checkVatRatesByDate(ctx: CallContext, v: DraftValues): Promise<string | null> {
  if (!CHECKED.includes(v.kind)) return null;
  const reason = v.terms.vatRateReason.trim();
  const date = v.docDate;
  const original = v.correctsDocumentId ? await ctx.store.documents.docs.get(v.correctsDocumentId) : null;
  const originalRates = new Set(original?.lines.map((l) => l.vatRate) ?? []);
  const problems: string[] = [];
  v.lines.forEach((l, i) => {
    const rate = vatRateOf(l.vatRate);
    const where = `строка ${i + 1} «${l.name}»`;
    if (original !== null) {
      if (!originalRates.has(l.vatRate)) problems.push(`${where}: ставка ${vatRateLabel(rate)}, а в исправляемом документе — ${[...originalRates].map((r) => vatRateLabel(vatRateOf(r))).join(', ')}; исправление сохраняет ставку оригинала`);
      return;
    }
    const fits = v.kind === 'invoice' ? vatRateInForce(rate, date) || rate === 22 : vatRateFitsDocument(rate, date, v.kind === 'invoice_factura');
    if (!fits) problems.push(`${where}: ставка ${vatRateLabel(rate)} не действует на ${formatDateNumeric(date)} (20 % — по 31.12.2025, 22 % — с 01.01.2026)`);
  });
  if (problems.length === 0) return null;
  if (reason === '') {
    throw new AppError('VALIDATION', `${DOCUMENT_KIND_LABELS[v.kind]}: ставка НДС не соответствует дате — ${problems.join('; ')}. Исправьте ставку или укажите причину`, [
      { path: 'terms.vatRateReason', message: 'Укажите причину ставки НДС, не действующей на дату документа' },
    ]);
  }
  return reason;
}
