// Russian display formats for dates, money, quantities and percentages. Hand-made rather than
// Intl so the output is byte-identical in Node, Electron and every browser.
import { isoFromParts, parseIsoDate, requireIsoDate } from './iso-date';
import { assertSafeInteger, type Kopecks } from './money';

export { pluralRu } from './plural';

/** Non-breaking space (U+00A0), the digit-group separator in every formatted number. */
export const NBSP = '\u00a0';

/** Month names in the genitive case, index 0 = January («января»). */
export const MONTHS_GENITIVE: readonly string[] = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

/** Month names in the nominative case, index 0 = January («январь»), for headings like «Январь 2026». */
export const MONTHS_NOMINATIVE: readonly string[] = [
  'январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
  'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь',
];

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NBSP;
    out += digits[i];
  }
  return out;
}

/** Formats an integer scaled by 10^scale with a decimal comma and grouped thousands. */
function formatScaled(value: number, scale: number, trimZeros: boolean): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const intPart = groupThousands(digits.slice(0, digits.length - scale));
  let frac = digits.slice(digits.length - scale);
  if (trimZeros) frac = frac.replace(/0+$/, '');
  return (negative ? '-' : '') + intPart + (frac ? `,${frac}` : '');
}

/** An integer scaled by 10^scale as a Russian decimal without trailing zeros: (9000, 4) → «0,9». */
export function formatDecimal(value: number, scale: number): string {
  assertSafeInteger(value, 'Число');
  return formatScaled(value, scale, true);
}

/** «26 ноября 2026 г.» */
export function formatDateLong(iso: string): string {
  const p = requireIsoDate(iso);
  return `${p.day} ${MONTHS_GENITIVE[p.month - 1]} ${p.year} г.`;
}

/** The contract style «26» ноября 2026 г.: the day in two digits inside guillemets. */
export function formatDateContract(iso: string): string {
  const p = requireIsoDate(iso);
  return `«${String(p.day).padStart(2, '0')}» ${MONTHS_GENITIVE[p.month - 1]} ${p.year} г.`;
}

/** «26.11.2026» */
export function formatDateNumeric(iso: string): string {
  const p = requireIsoDate(iso);
  return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year}`;
}

/** Kopecks as «1 234 567,89» (U+00A0 between groups, always two decimals, «-» for negatives). */
export function formatMoney(kopecks: Kopecks): string {
  assertSafeInteger(kopecks, 'Сумма в копейках');
  return formatScaled(kopecks, 2, false);
}

/** Kopecks as «1 234 567,89 ₽» (U+00A0 before the sign too). */
export function formatMoneyRub(kopecks: Kopecks): string {
  return `${formatMoney(kopecks)}${NBSP}₽`;
}

/** Quantity in thousandths as «1,5», «2», «1 234,567» (no trailing zeros). */
export function formatQuantity(milli: number): string {
  assertSafeInteger(milli, 'Количество');
  return formatScaled(milli, 3, true);
}

/** Basis points as a percentage: 2200 → «22%», 1250 → «12,5%», 5 → «0,05%». */
export function formatPercent(basisPoints: number): string {
  assertSafeInteger(basisPoints, 'Процент');
  return `${formatScaled(basisPoints, 2, true)}%`;
}

/**
 * Reads a Russian numeric date «26.11.2026» (also «9.1.2026» and a two-digit year «9.01.26»,
 * read as 20YY) into ISO; null when it is not a real date.
 */
export function parseDateRu(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(s.trim());
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = isoFromParts({ year, month: Number(m[2]), day: Number(m[1]) });
  return parseIsoDate(iso) ? iso : null;
}
