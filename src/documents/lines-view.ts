// Goods lines, totals and VAT labels: computed by core (VAT per line, totals = sum of lines), then formatted.
import { amountInWords, computeLines, formatMoney, formatPercent, formatQuantity, vatRateLabel } from '../core/index';
import type { VatMode, VatRate } from '../core/index';
import type { LineData } from './document-data';
import type { LineView, TotalsView, VatRowView, VatView } from './view-model-types';

const NBSP = '\u00a0';
const NO_VAT = 'Без налога (НДС)';
const NO_VAT_SHORT = 'без НДС';

/** a × b / c rounded half-up, in integers (c > 0). */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n % d;
  return Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}

function vatLabel(rate: VatRate | null, mode: VatMode): string {
  const suffix = rate === null ? '' : ` (${vatRateLabel(rate)})`;
  return mode === 'included' ? `В том числе НДС${suffix}` : `НДС${suffix}`;
}

/** Lines, totals and VAT labels of a document, all formatted. */
export function buildLines(lines: readonly LineData[], mode: VatMode): { lines: LineView[]; totals: TotalsView; vat: VatView } {
  const computed = computeLines(
    lines.map((l) => ({ quantityMilli: l.quantityMilli, priceKopecks: l.priceKopecks, discountPercent: l.discountBp ?? 0, rate: l.vatRate })),
    { mode },
  );
  const views = lines.map((line, i): LineView => {
    const c = computed.lines[i];
    const hasDiscount = (line.discountBp ?? 0) > 0;
    // On top, the net price is the printed (discounted) price; with VAT included the forms' «цена без НДС» is derived from the net amount.
    const priceNet = mode === 'on_top' ? c.unitPriceKopecks : line.quantityMilli > 0 ? mulDivHalfUp(c.net, 1000, line.quantityMilli) : 0;
    const none = line.vatRate === 'none';
    return {
      n: String(i + 1),
      name: line.name,
      unit: line.unit,
      okei: line.okei,
      quantity: formatQuantity(line.quantityMilli),
      price: formatMoney(c.unitPriceKopecks),
      priceNet: formatMoney(priceNet),
      discount: hasDiscount ? formatPercent(line.discountBp ?? 0) : '',
      amount: formatMoney(c.amountKopecks),
      net: formatMoney(c.net),
      vatRate: vatRateLabel(line.vatRate),
      vatRateShort: none ? NO_VAT_SHORT : vatRateLabel(line.vatRate),
      vat: none ? NO_VAT_SHORT : formatMoney(c.vat),
      total: formatMoney(c.gross),
      countryCode: line.countryCode ?? '',
      country: line.country ?? '',
      customsDeclaration: line.customsDeclaration ?? '',
      productKindCode: line.productKindCode ?? '',
      sums: { quantityMilli: line.quantityMilli, net: c.net, vat: none ? 0 : c.vat, gross: c.gross },
    };
  });

  const taxed = computed.byRate.filter((r) => r.rate !== 'none');
  const allExempt = lines.length > 0 && taxed.length === 0;
  const singleRate = taxed.length === 1 && computed.byRate.length === 1 ? taxed[0].rate : null;
  const vatRows: VatRowView[] = allExempt
    ? [{ label: NO_VAT, amount: '—' }]
    : taxed.map((r) => ({ label: vatLabel(r.rate, mode), amount: formatMoney(r.vat) }));
  const vatText = allExempt ? NO_VAT : vatRows.map((r) => `${r.label}: ${r.amount}${NBSP}руб.`).join('; ');
  const amount = computed.lines.reduce((sum, l) => sum + l.amountKopecks, 0);
  const discount = computed.lines.reduce((sum, l) => sum + l.discountKopecks, 0);
  const { net, vat, gross } = computed.totals;

  const totals: TotalsView = {
    amount: formatMoney(amount),
    net: formatMoney(net),
    vat: allExempt ? '—' : formatMoney(vat),
    gross: formatMoney(gross),
    words: amountInWords(gross),
    count: String(lines.length),
    quantity: formatQuantity(lines.reduce((sum, l) => sum + l.quantityMilli, 0)),
    summary: `Всего наименований ${lines.length}, на сумму ${formatMoney(gross)}${NBSP}руб.`,
    discount: discount > 0 ? formatMoney(discount) : '',
    vatRows,
    vatText,
  };
  const vatView: VatView = {
    label: allExempt ? NO_VAT : vatLabel(singleRate, mode),
    rate: allExempt ? NO_VAT : singleRate === null ? '' : vatRateLabel(singleRate),
    none: allExempt,
    included: mode === 'included',
    onTop: mode === 'on_top',
    note: '',
  };
  return { lines: views, totals, vat: vatView };
}
