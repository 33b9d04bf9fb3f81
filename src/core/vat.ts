// VAT (НДС) arithmetic in integer kopecks. VAT is computed per line and the document total is
// the sum of the lines, never recomputed on the total (invoice layout, ru-documents §3).
import { assertSafeInteger, divHalfUp, toSafeNumber, type Kopecks } from './money';
import { requireIsoDate } from './iso-date';

/** A VAT rate in percent, or 'none' for «Без налога (НДС)» (exempt seller). */
export type VatRate = 22 | 20 | 10 | 7 | 5 | 0 | 'none';

/** Whether prices are net with VAT added on top, or gross with VAT included («в т.ч. НДС»). */
export type VatMode = 'on_top' | 'included';

/** Every VAT rate the app offers, in display order. */
export const VAT_RATES: readonly VatRate[] = [22, 20, 10, 7, 5, 0, 'none'];

/** Net, VAT and gross amounts of one line or a total, in kopecks. */
export type VatAmounts = { net: Kopecks; vat: Kopecks; gross: Kopecks };

/** One document line: quantity in thousandths (1500 = 1,5), price in kopecks, rate. */
export type VatLineInput = {
  quantityMilli: number;
  priceKopecks: Kopecks;
  /** Discount in basis points despite the name: 1250 = 12,5 %; 0..10000, default 0. */
  discountPercent?: number;
  rate: VatRate;
};

/** A computed line: subtotal before discount, the discount, the line amount and its VAT split. */
export type VatLineResult = VatAmounts & {
  rate: VatRate;
  /** quantity × price, half-up to kopecks. */
  subtotalKopecks: Kopecks;
  /** subtotal − amount, so that the printed columns always add up. */
  discountKopecks: Kopecks;
  /** The line amount as priced (net for on_top, gross for included): quantity × unitPriceKopecks, half-up. */
  amountKopecks: Kopecks;
  /** The unit price after the discount, half-up to kopecks (the price as entered when there is none). */
  unitPriceKopecks: Kopecks;
};

/** Totals of one VAT rate across a document. */
export type VatRateTotal = VatAmounts & { rate: VatRate };

/** Lines, the document totals (sums of the lines) and the totals per rate in VAT_RATES order. */
export type VatDocumentResult = {
  lines: VatLineResult[];
  totals: VatAmounts;
  byRate: VatRateTotal[];
};

/** True for one of the supported VAT rates. */
export function isVatRate(value: unknown): value is VatRate {
  return VAT_RATES.some((r) => r === value);
}

function ratePercent(rate: VatRate): number {
  return rate === 'none' ? 0 : rate;
}

/** Splits one amount into net/VAT/gross, half-up: on top VAT = net·r/100; included VAT = gross·r/(100+r). */
export function vatForLine(input: { amount: Kopecks; rate: VatRate; mode: VatMode }): VatAmounts {
  const { amount, rate, mode } = input;
  assertSafeInteger(amount, 'Сумма строки');
  if (!isVatRate(rate)) throw new RangeError(`Неизвестная ставка НДС: «${String(rate)}»`);
  const r = BigInt(ratePercent(rate));
  const a = BigInt(amount);
  if (mode === 'on_top') {
    const vat = toSafeNumber(divHalfUp(a * r, 100n));
    return { net: amount, vat, gross: toSafeNumber(a + BigInt(vat)) };
  }
  if (mode !== 'included') throw new RangeError(`Неизвестный режим НДС: «${String(mode)}»`);
  const vat = toSafeNumber(divHalfUp(a * r, 100n + r));
  return { net: amount - vat, vat, gross: amount };
}

function lineAmounts(line: VatLineInput, index: number): { subtotal: Kopecks; amount: Kopecks; unitPrice: Kopecks } {
  const where = `Строка ${index + 1}`;
  assertSafeInteger(line.quantityMilli, `${where}, количество`);
  assertSafeInteger(line.priceKopecks, `${where}, цена`);
  const discount = line.discountPercent ?? 0;
  assertSafeInteger(discount, `${where}, скидка`);
  if (line.quantityMilli < 0) throw new RangeError(`${where}: количество не может быть отрицательным`);
  if (line.priceKopecks < 0) throw new RangeError(`${where}: цена не может быть отрицательной`);
  if (discount < 0 || discount > 10_000) throw new RangeError(`${where}: скидка должна быть от 0 до 100 %`);
  const q = BigInt(line.quantityMilli);
  const subtotal = toSafeNumber(divHalfUp(q * BigInt(line.priceKopecks), 1000n), `${where}, сумма`);
  // The printed price is the discounted one in kopecks, and the printed amount is quantity × that
  // printed price rounded once: a reader who multiplies the columns gets the same kopecks.
  const unitPrice = discount === 0 ? line.priceKopecks : toSafeNumber(divHalfUp(BigInt(line.priceKopecks) * BigInt(10_000 - discount), 10_000n), `${where}, цена`);
  const amount = toSafeNumber(divHalfUp(q * BigInt(unitPrice), 1000n), `${where}, сумма`);
  return { subtotal, amount, unitPrice };
}

function addAmounts(a: VatAmounts, b: VatAmounts): VatAmounts {
  return {
    net: toSafeNumber(BigInt(a.net) + BigInt(b.net)),
    vat: toSafeNumber(BigInt(a.vat) + BigInt(b.vat)),
    gross: toSafeNumber(BigInt(a.gross) + BigInt(b.gross)),
  };
}

/** Computes every line (quantity × price − discount, half-up) and the totals as sums of the lines. */
export function computeLines(lines: readonly VatLineInput[], options: { mode: VatMode }): VatDocumentResult {
  const zero: VatAmounts = { net: 0, vat: 0, gross: 0 };
  const perRate = new Map<VatRate, VatAmounts>();
  let totals = zero;
  const results = lines.map((line, index): VatLineResult => {
    const { subtotal, amount, unitPrice } = lineAmounts(line, index);
    const split = vatForLine({ amount, rate: line.rate, mode: options.mode });
    totals = addAmounts(totals, split);
    perRate.set(line.rate, addAmounts(perRate.get(line.rate) ?? zero, split));
    return { ...split, rate: line.rate, subtotalKopecks: subtotal, discountKopecks: subtotal - amount, amountKopecks: amount, unitPriceKopecks: unitPrice };
  });
  const byRate: VatRateTotal[] = [];
  for (const rate of VAT_RATES) {
    const sums = perRate.get(rate);
    if (sums) byRate.push({ rate, ...sums });
  }
  return { lines: results, totals, byRate };
}

/** The general VAT rate on a shipment or advance date: 20 % before 2026-01-01, 22 % from then. */
export function defaultVatRateFor(dateIso: string): 20 | 22 {
  requireIsoDate(dateIso, 'Дата для ставки НДС');
  return dateIso < '2026-01-01' ? 20 : 22;
}

/** How a rate is printed: «22%», «0%», «Без налога (НДС)». */
export function vatRateLabel(rate: VatRate): string {
  return rate === 'none' ? 'Без налога (НДС)' : `${rate}%`;
}

/** The calculated rate for advances and VAT-included amounts: «22/122»; «Без налога (НДС)» for 'none'. */
export function vatCalculatedRateLabel(rate: VatRate): string {
  return rate === 'none' ? 'Без налога (НДС)' : `${rate}/${100 + rate}`;
}
