import { amountInWords, computeLines, decimalToScaled, rublesToKopecks, scaledToDecimalString, type VatRate } from '../../../../core/index';
import type { CatalogItemDto } from '../../../../shared/api/catalog';
import type { DocumentLineInput, VatModeKey, VatRateKey } from '../../../../shared/api/document-types';

/** A line as typed in the editor: numbers are text until saved. */
export interface LineDraft {
  catalogItemId: number | null;
  name: string;
  unit: string;
  okei: string;
  quantity: string;
  price: string;
  discount: string;
  vatRate: VatRateKey;
  /** Imported and traceable goods: ОКСМ code and short name of the country, ГТД / РНПТ, код вида товара (ТН ВЭД). */
  countryCode: string;
  countryName: string;
  customsDeclaration: string;
  productKindCode: string;
  /** Cost per unit as typed ('' = unknown); undefined when the editor does not show costs (the server keeps or takes it). */
  cost?: string;
}

const costText = (kopecks: number | null | undefined): string | undefined =>
  kopecks === undefined ? undefined : kopecks === null ? '' : scaledToDecimalString(kopecks, 2).replace('.', ',');

const NO_ORIGIN = { countryCode: '', countryName: '', customsDeclaration: '', productKindCode: '' };

/** Whether a line carries any import or traceability field. */
export function hasOrigin(l: LineDraft): boolean {
  return l.countryCode !== '' || l.countryName !== '' || l.customsDeclaration !== '' || l.productKindCode !== '';
}

/** An empty line with the document's rate. */
export function emptyLine(vatRate: VatRateKey): LineDraft {
  return { catalogItemId: null, name: '', unit: 'шт', okei: '796', quantity: '1', price: '', discount: '', vatRate, ...NO_ORIGIN };
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A stored line for the editor. */
export function toDraft(l: DocumentLineInput): LineDraft {
  return {
    catalogItemId: l.catalogItemId ?? null,
    name: l.name,
    unit: l.unit,
    okei: l.okei ?? '',
    quantity: trimZeros(scaledToDecimalString(l.quantityMilli, 3)).replace('.', ','),
    price: scaledToDecimalString(l.priceKopecks, 2).replace('.', ','),
    discount: l.discountBp ? trimZeros(scaledToDecimalString(l.discountBp, 2)).replace('.', ',') : '',
    vatRate: l.vatRate,
    countryCode: l.countryCode ?? '',
    countryName: l.countryName ?? '',
    customsDeclaration: l.customsDeclaration ?? '',
    productKindCode: l.productKindCode ?? '',
    cost: costText(l.costKopecks),
  };
}

/** A catalog item as a new line (its price from the price list in force). */
export function fromCatalog(item: CatalogItemDto, docRate: VatRateKey): LineDraft {
  return {
    catalogItemId: item.id,
    name: item.name,
    unit: item.unit,
    okei: item.okei,
    quantity: '1',
    price: item.priceKopecks === null ? '' : scaledToDecimalString(item.priceKopecks, 2).replace('.', ','),
    discount: '',
    vatRate: docRate === 'none' ? 'none' : item.vatRate,
    ...NO_ORIGIN,
    // Managers get no costs from the catalog: the server takes the catalog's cost for them.
    cost: item.costKopecks === null ? undefined : costText(item.costKopecks),
  };
}

function scaled(text: string, scale: number): number | null {
  const v = decimalToScaled(text.replace(/\s/g, '').replace(',', '.') || '0', scale);
  return v === null || v > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(v);
}

/**
 * The line as the contract's schema reads it: each readable number converted, an unreadable one left as
 * typed (the schema then names it with its own message). Used to check the form, never sent.
 */
export function lineForCheck(d: LineDraft): Record<keyof DocumentLineInput, unknown> {
  const price = d.price.trim() === '' ? 0 : rublesToKopecks(d.price);
  const cost = d.cost === undefined ? undefined : d.cost.trim() === '' ? null : (rublesToKopecks(d.cost) ?? d.cost);
  return {
    catalogItemId: d.catalogItemId,
    name: d.name,
    unit: d.unit,
    okei: d.okei,
    quantityMilli: scaled(d.quantity, 3) ?? d.quantity,
    priceKopecks: price ?? d.price,
    discountBp: scaled(d.discount, 2) ?? d.discount,
    vatRate: d.vatRate,
    costKopecks: cost,
    countryCode: d.countryCode,
    countryName: d.countryName,
    customsDeclaration: d.customsDeclaration,
    productKindCode: d.productKindCode,
  };
}

/** The editor's field of a line path of the contract (`lines.0.quantityMilli` → `lines.0.quantity`). */
const LINE_FIELDS = new Map<string, keyof LineDraft>([
  ['quantityMilli', 'quantity'],
  ['priceKopecks', 'price'],
  ['discountBp', 'discount'],
  ['costKopecks', 'cost'],
]);

/** Maps a contract path to the form field: a line's number fields are typed as text under other names. */
export function lineFieldOf(path: string): string {
  const m = /^(.*\blines\.\d+\.)(\w+)$/.exec(path);
  if (!m) return path;
  const key = LINE_FIELDS.get(m[2]);
  return key ? `${m[1]}${key}` : path;
}

/** The line for the API, or null while a number is not readable. */
export function toInput(d: LineDraft): DocumentLineInput | null {
  const quantityMilli = scaled(d.quantity, 3);
  const priceKopecks = rublesToKopecks(d.price.trim() === '' ? '0' : d.price);
  const discountBp = scaled(d.discount, 2);
  if (quantityMilli === null || priceKopecks === null || discountBp === null) return null;
  const line: DocumentLineInput = {
    catalogItemId: d.catalogItemId,
    name: d.name.trim(),
    unit: d.unit.trim(),
    okei: d.okei.trim(),
    quantityMilli,
    priceKopecks,
    discountBp,
    vatRate: d.vatRate,
    countryCode: d.countryCode.trim(),
    countryName: d.countryName.trim(),
    customsDeclaration: d.customsDeclaration.trim(),
    productKindCode: d.productKindCode.trim(),
  };
  if (d.cost === undefined) return line;
  if (d.cost.trim() === '') return { ...line, costKopecks: null };
  const costKopecks = rublesToKopecks(d.cost);
  return costKopecks === null || costKopecks < 0 ? null : { ...line, costKopecks };
}

function coreRate(key: VatRateKey): VatRate {
  return key === 'none' ? 'none' : (Number(key) as Exclude<VatRate, 'none'>);
}

/** Live totals for the editor: per line and for the document, with the amount in words; null when a line is not valid yet. */
export function liveTotals(lines: readonly LineDraft[], mode: VatModeKey) {
  const inputs = lines.map(toInput);
  if (inputs.some((l) => l === null || l.quantityMilli <= 0 || l.priceKopecks < 0 || (l.discountBp ?? 0) > 10_000)) return null;
  try {
    const r = computeLines(
      inputs.flatMap((l) => (l ? [{ quantityMilli: l.quantityMilli, priceKopecks: l.priceKopecks, discountPercent: l.discountBp ?? 0, rate: coreRate(l.vatRate) }] : [])),
      { mode },
    );
    return { lines: r.lines, totals: r.totals, words: amountInWords(r.totals.gross) };
  } catch {
    return null;
  }
}
