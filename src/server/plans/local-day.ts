import { RU_HOLIDAYS_2026_2027, RU_WORKING_WEEKENDS } from '../../core/index';

/** The office's calendar day of a moment ('YYYY-MM-DD', local time: the office works in one time zone). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The production calendar the pace is counted on (holidays and transferred working days). */
export const OFFICE_CALENDAR = {
  holidays: new Set(RU_HOLIDAYS_2026_2027),
  workingWeekends: new Set(RU_WORKING_WEEKENDS),
};
