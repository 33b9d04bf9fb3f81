import { formatMoney, MONTHS_NOMINATIVE, rublesToKopecks } from '../../../../core/index';

/** Kopecks as whole roubles for tables and cards: «1 234 568 ₽» (half-up). */
export function rub(kopecks: number | null | undefined): string {
  if (kopecks === null || kopecks === undefined) return '—';
  const roubles = Math.sign(kopecks) * Math.floor((Math.abs(kopecks) + 50) / 100);
  return `${formatMoney(roubles * 100).slice(0, -3)}\u00a0₽`;
}

/** Kopecks as roubles (a number) for charts. */
export function roubles(kopecks: number | null | undefined): number | null {
  return kopecks === null || kopecks === undefined ? null : Math.round(kopecks / 100);
}

/** A signed change in roubles: «+120 000 ₽», «−5 000 ₽». */
export function signedRub(kopecks: number): string {
  if (kopecks === 0) return rub(0);
  return `${kopecks > 0 ? '+' : '−'}${rub(Math.abs(kopecks))}`;
}

/** "92.00" → «92,0 %»; null → «—». */
export function percent(value: string | null): string {
  if (value === null) return '—';
  const n = Number(value);
  return `${n.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`;
}

/** "YYYY-MM" → «Ноябрь 2026»; "YYYY" → «2026 год». */
export function periodLabel(period: string): string {
  if (period.length === 4) return `${period} год`;
  const [y, m] = period.split('-');
  const name = MONTHS_NOMINATIVE[Number(m) - 1] ?? m;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}

/** "YYYY-MM" → «ноя 26» for chart axes and grid headers. */
export function shortMonth(month: string): string {
  const name = MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name.slice(0, 3).toLowerCase()} ${month.slice(2, 4)}`;
}

/** Roubles as typed («1 500 000», «1500000,50») → kopecks; null when empty, negative or not a number. */
export function parseRoubles(text: string): number | null {
  const k = rublesToKopecks(text);
  return k !== null && k >= 0 ? k : null;
}

/** Kopecks as roubles to show in an input: «1 500 000» or «1 500 000,50». */
export function inputRoubles(kopecks: number | null | undefined): string {
  if (kopecks === null || kopecks === undefined) return '';
  const text = formatMoney(kopecks);
  return text.endsWith(',00') ? text.slice(0, -3) : text;
}
