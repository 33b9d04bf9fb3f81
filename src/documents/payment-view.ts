// The payment block of a счёт на оплату: «Назначение платежа» and the ГОСТ Р 56042-2014 QR payload carrying the same purpose.
import { computeLines, formatDateNumeric, formatMoney, paymentQrPayload } from '../core/index';
import type { DocumentData } from './document-data';

const NBSP = '\u00a0';

/** What a payment QR and the printed purpose show; false for other kinds or a seller without a bank account. */
export type PaymentView = { purpose: string; qr: string } | false;

/** «Оплата по счёту № 15 от 07.12.2026, в т.ч. НДС (22 %) 22 000,00 руб.» or «…, НДС не облагается», and the total to pay. */
function purposeAndSum(data: DocumentData): { purpose: string; grossKopecks: number } {
  const computed = computeLines(
    data.lines.map((l) => ({ quantityMilli: l.quantityMilli, priceKopecks: l.priceKopecks, discountPercent: l.discountBp ?? 0, rate: l.vatRate })),
    { mode: data.vatMode },
  );
  const taxed = computed.byRate.filter((r) => r.rate !== 'none');
  const vat = taxed.length === 0 ? 'НДС не облагается' : `в т.ч. ${taxed.map((r) => `НДС (${r.rate}${NBSP}%) ${formatMoney(r.vat)}${NBSP}руб.`).join(', ')}`;
  return { purpose: `Оплата по счёту №${NBSP}${data.number} от ${formatDateNumeric(data.dateIso)}, ${vat}`, grossKopecks: computed.totals.gross };
}

/** The payment view of an invoice: the purpose and the QR text with the seller's bank requisites and the total in kopecks. */
export function buildPayment(data: DocumentData): PaymentView {
  const bank = data.seller.bank;
  if (data.kind !== 'invoice' || bank === null || bank.account.trim() === '') return false;
  const { purpose, grossKopecks } = purposeAndSum(data);
  const qr = paymentQrPayload({
    name: data.seller.shortName || data.seller.fullName,
    personalAcc: bank.account,
    bankName: bank.name,
    bic: bank.bik,
    correspAcc: bank.corrAccount,
    payeeInn: data.seller.inn,
    kpp: data.seller.kind === 'legal' ? data.seller.kpp : '',
    sumKopecks: grossKopecks,
    // The QR carries plain spaces: banking apps show the purpose as text.
    purpose: purpose.replace(/\u00a0/g, ' '),
  });
  return { purpose, qr };
}
