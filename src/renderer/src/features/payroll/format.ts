import { decimalToScaled, formatDateNumeric, formatMoney, formatMoneyRub, MONTHS_NOMINATIVE, rublesToKopecks, scaledToDecimalString } from '../../../../core/index';

/** Kopecks as «1 234,56 ₽», or «—». */
export function money(kopecks: number | null | undefined): string {
  return kopecks === null || kopecks === undefined ? '—' : formatMoneyRub(kopecks);
}

/** A signed difference: «+12 000,00 ₽», «−5 000,00 ₽». */
export function signedMoney(kopecks: number): string {
  if (kopecks === 0) return formatMoneyRub(0);
  return `${kopecks > 0 ? '+' : '−'}${formatMoneyRub(Math.abs(kopecks))}`;
}

/** "YYYY-MM" → «Ноябрь 2026». */
export function monthLabel(month: string): string {
  const name = MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${month.slice(0, 4)}`;
}

/** ISO date → «26.11.2026», or «—». */
export function day(iso: string | null | undefined): string {
  return iso ? formatDateNumeric(iso.slice(0, 10)) : '—';
}

/** A number scaled by 10^scale as typed: «12,5» (no trailing zeros, comma). */
export function scaledInput(value: number, scale: number): string {
  return scaledToDecimalString(value, scale).replace(/\.?0+$/, '').replace('.', ',');
}

/** «12,5» → 1250 at scale 2; null when it is not a non-negative number. */
export function parseScaled(text: string, scale: number): number | null {
  const v = decimalToScaled(text.replace(/\s/g, '').replace(',', '.'), scale);
  return v === null || v < 0n || v > 1_000_000_000n ? null : Number(v);
}

/** Kopecks as typed roubles: «40 000» or «40 000,50». */
export function roublesInput(kopecks: number): string {
  const t = formatMoney(kopecks);
  return t.endsWith(',00') ? t.slice(0, -3) : t;
}

/** Typed roubles → kopecks; null when empty, negative or junk. */
export function parseRoubles(text: string): number | null {
  const k = rublesToKopecks(text);
  return k !== null && k >= 0 ? k : null;
}

/** Saves base64 bytes as a file through a download link. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Base64 → bytes. */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The MIME types of the files. */
export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
