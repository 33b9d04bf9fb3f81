// Plan periods ('YYYY-MM' months and 'YYYY' years), ISO weeks and due dates of periodic visits.
import { addDays, dayOfWeek, daysBetween, daysInMonth, isoFromParts, requireIsoDate } from './iso-date';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^\d{4}$/;

/** True for a plan period: a month 'YYYY-MM' or a year 'YYYY'. */
export function isPlanPeriod(period: string): boolean {
  return MONTH_RE.test(period) || YEAR_RE.test(period);
}

/** True for a month period 'YYYY-MM'. */
export function isMonthPeriod(period: string): boolean {
  return MONTH_RE.test(period);
}

function requirePeriod(period: string): void {
  if (!isPlanPeriod(period)) throw new RangeError(`Период должен быть в формате ГГГГ-ММ или ГГГГ, получено «${period}»`);
}

/** Moves a month 'YYYY-MM' by n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m || !Number.isSafeInteger(n)) throw new RangeError(`Месяц должен быть в формате ГГГГ-ММ, получено «${month}»`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** The period before: the previous month for a month, the previous year for a year. */
export function previousPeriod(period: string): string {
  requirePeriod(period);
  return isMonthPeriod(period) ? addMonths(period, -1) : String(Number(period) - 1).padStart(4, '0');
}

/** The same period a year earlier ('2026-11' → '2025-11', '2026' → '2025'). */
export function samePeriodLastYear(period: string): string {
  requirePeriod(period);
  return isMonthPeriod(period) ? addMonths(period, -12) : String(Number(period) - 1).padStart(4, '0');
}

/** The twelve months of a year 'YYYY'. */
export function monthsOfYear(year: string): string[] {
  if (!YEAR_RE.test(year)) throw new RangeError(`Год должен быть в формате ГГГГ, получено «${year}»`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The first and last day of a period, inclusive ISO dates. */
export function periodDays(period: string): { from: string; to: string } {
  requirePeriod(period);
  if (!isMonthPeriod(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number);
  return { from: `${period}-01`, to: isoFromParts({ year: y, month: m, day: daysInMonth(y, m) }) };
}

/** The Monday starting the ISO week of a date. */
export function weekStart(iso: string): string {
  requireIsoDate(iso);
  return addDays(iso, -((dayOfWeek(iso) + 6) % 7));
}

/** The ISO 8601 week of a date, 'YYYY-Www' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(iso: string): string {
  const thursday = addDays(weekStart(iso), 3);
  const year = String(requireIsoDate(thursday).year).padStart(4, '0');
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The day a periodic visit falls due: `intervalMonths` after the last one (the same day of the
 * month, or the month's last day when it is shorter: 31 Jan + 1 month = 28/29 Feb).
 */
export function addMonthsToDate(iso: string, intervalMonths: number): string {
  const p = requireIsoDate(iso);
  const month = addMonths(`${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}`, intervalMonths);
  const [y, m] = month.split('-').map(Number);
  return isoFromParts({ year: y, month: m, day: Math.min(p.day, daysInMonth(y, m)) });
}

/** Where a periodic visit stands on a day: overdue (due date passed), due (by `dueSoonUntilIso`) or later. */
export function visitStatus(dueIso: string, todayIso: string, dueSoonUntilIso: string): 'overdue' | 'due' | 'later' {
  if (dueIso < todayIso) return 'overdue';
  return dueIso <= dueSoonUntilIso ? 'due' : 'later';
}
