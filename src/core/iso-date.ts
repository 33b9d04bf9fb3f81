// Calendar dates as ISO strings (YYYY-MM-DD). Arithmetic goes through UTC day numbers, so the
// result never depends on the machine's time zone.

/** Parts of a calendar date; month and day are 1-based. */
export type DateParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Number of days in a month (month 1-12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a valid `YYYY-MM-DD` string into parts; null for anything else (including 2026-02-30). */
export function parseIsoDate(iso: unknown): DateParts | null {
  if (typeof iso !== 'string') return null;
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(iso: unknown): iso is string {
  return parseIsoDate(iso) !== null;
}

/** Formats parts as `YYYY-MM-DD` (no validation). */
export function isoFromParts(parts: DateParts): string {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Parses an ISO date or throws a RangeError naming the bad value (for programmer errors). */
export function requireIsoDate(iso: unknown, what = 'Дата'): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`${what}: ожидается дата в формате ГГГГ-ММ-ДД, получено «${String(iso)}»`);
  return parts;
}

/** Days since 1970-01-01 for a valid ISO date. */
export function isoToDayNumber(iso: string): number {
  const p = requireIsoDate(iso);
  return Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function dayNumberToIso(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoFromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Adds (or with a negative n subtracts) calendar days. */
export function addDays(iso: string, n: number): string {
  return dayNumberToIso(isoToDayNumber(iso) + n);
}

/** Calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return isoToDayNumber(toIso) - isoToDayNumber(fromIso);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((isoToDayNumber(iso) + 4) % 7) + 7) % 7;
}
