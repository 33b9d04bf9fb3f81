// Production calendar: working days with Sat/Sun weekends, public holidays and transfers.
// The lists below are starting data: the app stores the calendar as editable data, because the
// government publishes each year's transfers only in the autumn before.
import { addDays, dayOfWeek, daysInMonth, isoFromParts, requireIsoDate } from './iso-date';

/**
 * Non-working days (holidays and transferred days off) for 2026 and 2027, ISO dates.
 * 2026 per ТК ст.112 and Постановление Правительства от 24.09.2025 № 1466: Jan 3 (Sat) → Jan 9,
 * Jan 4 (Sun) → Dec 31; Mar 8 (Sun) → Mar 9; May 9 (Sat) → May 11.
 * 2027 is PROVISIONAL: statutory holidays plus the automatic ст.112 transfers (May 1 Sat → May 3,
 * May 9 Sun → May 10, Jun 12 Sat → Jun 14). The decree moving Jan 2–3 (and any Saturday swaps)
 * was not known when this was written; add it to the app's calendar when published.
 */
export const RU_HOLIDAYS_2026_2027: readonly string[] = [
  // 2026
  '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07',
  '2026-01-08', '2026-01-09',
  '2026-02-23',
  '2026-03-08', '2026-03-09',
  '2026-05-01', '2026-05-09', '2026-05-11',
  '2026-06-12',
  '2026-11-04',
  '2026-12-31',
  // 2027 (provisional, see above)
  '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07',
  '2027-01-08',
  '2027-02-23',
  '2027-03-08',
  '2027-05-01', '2027-05-03', '2027-05-09', '2027-05-10',
  '2027-06-12', '2027-06-14',
  '2027-11-04',
];

/** Saturdays or Sundays made working days by a transfer decree (none in 2026; 2027 not yet known). */
export const RU_WORKING_WEEKENDS: readonly string[] = [];

const NO_DAYS: ReadonlySet<string> = new Set();

/** True on Mon–Fri that is not a holiday, or on a weekend day listed as working. */
export function isWorkingDay(
  iso: string,
  holidays: ReadonlySet<string>,
  workingWeekends: ReadonlySet<string> = NO_DAYS,
): boolean {
  requireIsoDate(iso);
  if (workingWeekends.has(iso)) return true;
  const dow = dayOfWeek(iso);
  if (dow === 0 || dow === 6) return false;
  return !holidays.has(iso);
}

/**
 * Moves n working days from a date: n > 0 gives the n-th working day after it, n < 0 the n-th
 * before it, n = 0 the date itself (even if it is a day off).
 */
export function addWorkingDays(
  iso: string,
  n: number,
  holidays: ReadonlySet<string>,
  workingWeekends: ReadonlySet<string> = NO_DAYS,
): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Число рабочих дней должно быть целым, получено «${String(n)}»`);
  requireIsoDate(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = iso;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, holidays, workingWeekends)) left--;
  }
  return day;
}

/**
 * Working days d with from < d ≤ to, so that addWorkingDays(from, k) = to gives k; negative
 * when `toIso` is earlier than `fromIso`.
 */
export function workingDaysBetween(
  fromIso: string,
  toIso: string,
  holidays: ReadonlySet<string>,
  workingWeekends: ReadonlySet<string> = NO_DAYS,
): number {
  requireIsoDate(fromIso);
  requireIsoDate(toIso);
  if (toIso < fromIso) return -workingDaysBetween(toIso, fromIso, holidays, workingWeekends);
  let count = 0;
  for (let day = addDays(fromIso, 1); day <= toIso; day = addDays(day, 1)) {
    if (isWorkingDay(day, holidays, workingWeekends)) count++;
  }
  return count;
}

/** Working days in a month given as 'YYYY-MM'. */
export function workingDaysInMonth(
  yyyymm: string,
  holidays: ReadonlySet<string>,
  workingWeekends: ReadonlySet<string> = NO_DAYS,
): number {
  const first = requireIsoDate(`${yyyymm}-01`, 'Месяц');
  let count = 0;
  for (let day = 1; day <= daysInMonth(first.year, first.month); day++) {
    if (isWorkingDay(isoFromParts({ year: first.year, month: first.month, day }), holidays, workingWeekends)) count++;
  }
  return count;
}
