// Plan against fact: completion, growth on last year, return on advertising, and the month's day-by-day line.
import { isWorkingDay, workingDaysInMonth } from './calendar';
import { daysInMonth, isoFromParts } from './iso-date';
import { assertSafeInteger, divHalfUp, mulDivHalfUp, scaledToDecimalString, type Kopecks } from './money';

/** fact / plan as a percentage with 2 decimals and a dot ("92.00"); null when there is no plan. */
export function completionPercent(factKopecks: Kopecks, planKopecks: Kopecks | null): string | null {
  if (planKopecks === null || planKopecks <= 0) return null;
  assertSafeInteger(factKopecks, 'Факт');
  assertSafeInteger(planKopecks, 'План');
  return scaledToDecimalString(divHalfUp(BigInt(factKopecks) * 10_000n, BigInt(planKopecks)), 2);
}

/** Change on last year as a signed percentage with 2 decimals ("+12.50", "-3.00"); null without last year. */
export function growthPercent(nowKopecks: Kopecks, lastYearKopecks: Kopecks | null): string | null {
  if (lastYearKopecks === null || lastYearKopecks <= 0) return null;
  assertSafeInteger(nowKopecks, 'Факт');
  const scaled = divHalfUp((BigInt(nowKopecks) - BigInt(lastYearKopecks)) * 10_000n, BigInt(lastYearKopecks));
  return `${scaled >= 0n ? '+' : ''}${scaledToDecimalString(scaled, 2)}`;
}

/** Revenue per rouble spent, with 2 decimals ("3.25"); null when nothing was spent or the spend is unknown. */
export function returnPerRouble(revenueKopecks: Kopecks, spendKopecks: Kopecks | null): string | null {
  if (spendKopecks === null || spendKopecks <= 0) return null;
  assertSafeInteger(revenueKopecks, 'Выручка');
  return scaledToDecimalString(divHalfUp(BigInt(revenueKopecks) * 100n, BigInt(spendKopecks)), 2);
}

/** One day of a month's plan line: the linear plan by the end of the day, fact and last year so far. */
export type PaceDay = { day: string; linearPlanKopecks: Kopecks; factKopecks: Kopecks | null; lastYearKopecks: Kopecks | null };

/**
 * The month day by day: the linear plan reached by the end of each day (it grows on working days
 * only), the cumulative fact up to `todayIso` (later days null), and last year's cumulative fact
 * on the same day of the month. Daily amounts are keyed by day of month (1…31).
 */
export function paceLine(input: {
  month: string;
  planKopecks: Kopecks;
  todayIso: string;
  factByDay: ReadonlyMap<number, Kopecks>;
  lastYearByDay: ReadonlyMap<number, Kopecks> | null;
  holidays: ReadonlySet<string>;
  workingWeekends?: ReadonlySet<string>;
}): PaceDay[] {
  const [year, month] = input.month.split('-').map(Number);
  const weekends = input.workingWeekends ?? new Set<string>();
  const total = workingDaysInMonth(input.month, input.holidays, weekends);
  const out: PaceDay[] = [];
  let worked = 0;
  let fact = 0;
  let lastYear = 0;
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const day = isoFromParts({ year, month, day: d });
    if (isWorkingDay(day, input.holidays, weekends)) worked++;
    fact += input.factByDay.get(d) ?? 0;
    lastYear += input.lastYearByDay?.get(d) ?? 0;
    out.push({
      day,
      linearPlanKopecks: total === 0 ? 0 : mulDivHalfUp(input.planKopecks, worked, total),
      factKopecks: day <= input.todayIso ? fact : null,
      lastYearKopecks: input.lastYearByDay ? lastYear : null,
    });
  }
  return out;
}
