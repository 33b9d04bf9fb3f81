// How a month's sales are pacing against plan, counted in working days.
import { isWorkingDay, workingDaysInMonth } from './calendar';
import { isoFromParts, requireIsoDate } from './iso-date';
import { assertSafeInteger, divHalfUp, mulDivHalfUp, scaledToDecimalString, type Kopecks } from './money';

/** Plan and fact of the month containing `todayIso`. */
export type MonthPaceInput = {
  planKopecks: Kopecks;
  factKopecks: Kopecks;
  todayIso: string;
  holidays: ReadonlySet<string>;
  workingWeekends?: ReadonlySet<string>;
};

/** The month's pace. Days before today count as done; today and later as remaining. */
export type MonthPace = {
  totalWorkingDays: number;
  /** Working days of the month strictly before today. */
  elapsedWorkingDays: number;
  /** Working days from today (inclusive) to the end of the month. */
  remainingWorkingDays: number;
  /** plan × elapsed / total, half-up. */
  linearPlanToDateKopecks: Kopecks;
  /** fact / linear plan to date as a percentage with 2 decimals and a dot ("95.50"); null before the first working day. */
  pacePercent: string | null;
  /** What is left to reach the plan (0 once it is reached). */
  remainingKopecks: Kopecks;
  /** remaining / remaining working days, half-up; null when no working days are left. */
  neededPerDayKopecks: Kopecks | null;
  /** fact × total / elapsed: where the month ends at the current pace; null before the first working day. */
  projectedKopecks: Kopecks | null;
};

/** Pace of the current month: linear plan to date, pace %, and what is needed per remaining working day. */
export function monthPace(input: MonthPaceInput): MonthPace {
  const { planKopecks: plan, factKopecks: fact, holidays } = input;
  const weekends = input.workingWeekends ?? new Set<string>();
  assertSafeInteger(plan, 'План');
  assertSafeInteger(fact, 'Факт');
  const today = requireIsoDate(input.todayIso, 'Сегодня');
  const month = `${String(today.year).padStart(4, '0')}-${String(today.month).padStart(2, '0')}`;
  const total = workingDaysInMonth(month, holidays, weekends);
  let elapsed = 0;
  for (let day = 1; day < today.day; day++) {
    if (isWorkingDay(isoFromParts({ year: today.year, month: today.month, day }), holidays, weekends)) elapsed++;
  }
  const remainingDays = total - elapsed;
  const linear = total === 0 ? 0 : mulDivHalfUp(plan, elapsed, total);
  const remainingKopecks = Math.max(0, plan - fact);
  return {
    totalWorkingDays: total,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: remainingDays,
    linearPlanToDateKopecks: linear,
    pacePercent: linear > 0 ? scaledToDecimalString(divHalfUp(BigInt(fact) * 10_000n, BigInt(linear)), 2) : null,
    remainingKopecks,
    neededPerDayKopecks: remainingDays > 0 ? mulDivHalfUp(remainingKopecks, 1, remainingDays) : null,
    projectedKopecks: elapsed > 0 ? mulDivHalfUp(fact, total, elapsed) : null,
  };
}
