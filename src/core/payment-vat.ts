// VAT inside a payment: from the invoices it pays (their VAT share), or as the payer wrote it in the
// purpose («в т.ч. НДС (22%) 22000-00», «НДС 22% - 5500.00 руб.», «НДС не облагается»).
import { mulDivHalfUp, rublesToKopecks, type Kopecks } from './money';

/** A payment's VAT and where it came from: 'purpose' (written by the payer) or 'none' (not known, taken as 0). */
export type PurposeVat = { vatKopecks: Kopecks; source: 'purpose' | 'none' };

const NO_VAT = /(без\s+(?:налога\s*)?\(?\s*ндс|ндс\s+не\s+(?:облагается|предусмотрен)|не\s+облагается\s+ндс|без\s+налога)/i;
// «НДС», an optional rate «22%» / «(22%)», an optional «-», «:» or «сумма», then the amount:
// «22000-00», «5500.00», «4 400,00». The amount must not run on into a digit or a «%».
const VAT_AMOUNT =
  /ндс\s*(?:\(?\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%\s*\)?)?\s*(?:[-–—:=]|сумма)?\s*(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,-](\d{2}))?(?![\d%])/i;
const VAT_RATE_ONLY = /ндс\s*\(?\s*(\d{1,2})\s*%/i;

/**
 * Reads the VAT a payer states in the purpose. An amount that is not below the payment's amount
 * is ignored; a rate without an amount gives amount·r/(100+r), half-up.
 */
export function vatFromPurpose(purpose: string, amountKopecks: Kopecks): PurposeVat {
  const none: PurposeVat = { vatKopecks: 0, source: 'none' };
  if (typeof purpose !== 'string' || !Number.isSafeInteger(amountKopecks) || amountKopecks <= 0) return none;
  if (NO_VAT.test(purpose)) return { vatKopecks: 0, source: 'purpose' };
  const m = VAT_AMOUNT.exec(purpose);
  if (m) {
    const vat = rublesToKopecks(`${m[2].replace(/[ \u00a0]/g, '')}${m[3] === undefined ? '' : `.${m[3]}`}`);
    if (vat !== null && vat > 0 && vat < amountKopecks) return { vatKopecks: vat, source: 'purpose' };
  }
  const rate = VAT_RATE_ONLY.exec(purpose);
  if (rate) {
    const r = Number(rate[1]);
    if (r > 0 && r < 100) return { vatKopecks: mulDivHalfUp(amountKopecks, r, 100 + r), source: 'purpose' };
  }
  return none;
}

/** The VAT share of `amountKopecks` paid against an invoice: the invoice's VAT in proportion, half-up. */
export function allocationVat(invoice: { grossKopecks: Kopecks; vatKopecks: Kopecks }, amountKopecks: Kopecks): Kopecks {
  if (invoice.grossKopecks <= 0 || invoice.vatKopecks <= 0) return 0;
  return mulDivHalfUp(invoice.vatKopecks, amountKopecks, invoice.grossKopecks);
}
