// Payment QR payload of ГОСТ Р 56042-2014: «ST00012|Name=…|PersonalAcc=…|…» (UTF-8), what Russian banking apps scan.

/** The payee, the amount and the purpose a payment QR carries. */
export type PaymentQrInput = {
  name: string;
  personalAcc: string;
  bankName: string;
  bic: string;
  /** Correspondent account; empty when the bank has none (printed as «0»). */
  correspAcc: string;
  payeeInn: string;
  /** Empty for an ИП (no КПП key then). */
  kpp: string;
  sumKopecks: number;
  purpose: string;
};

/** The standard's limit for «Purpose». */
export const PAYMENT_PURPOSE_MAX = 210;

/** A value as the standard allows it: no «|» (the separator), no line breaks, trimmed. */
function clean(value: string): string {
  return value.replace(/[|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The payload: header ST00012 (UTF-8), the mandatory keys in their order, then PayeeINN, KPP, Sum (kopecks), Purpose. */
export function paymentQrPayload(p: PaymentQrInput): string {
  if (!Number.isSafeInteger(p.sumKopecks) || p.sumKopecks < 0) throw new RangeError('Сумма для QR-кода должна быть целым неотрицательным числом копеек');
  const pairs: Array<[string, string]> = [
    ['Name', clean(p.name)],
    ['PersonalAcc', clean(p.personalAcc)],
    ['BankName', clean(p.bankName)],
    ['BIC', clean(p.bic)],
    ['CorrespAcc', clean(p.correspAcc) === '' ? '0' : clean(p.correspAcc)],
    ['PayeeINN', clean(p.payeeInn)],
  ];
  if (clean(p.kpp) !== '') pairs.push(['KPP', clean(p.kpp)]);
  pairs.push(['Sum', String(p.sumKopecks)], ['Purpose', clean(p.purpose).slice(0, PAYMENT_PURPOSE_MAX)]);
  return ['ST00012', ...pairs.map(([k, v]) => `${k}=${v}`)].join('|');
}
