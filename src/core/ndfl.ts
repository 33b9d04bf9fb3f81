// НДФЛ of a resident on wage income (376-ФЗ, from 01.01.2025): a progressive scale on the year's income
// from one employer, withheld cumulatively from January: the tax on the total so far (whole roubles,
// п.6 ст.52 НК) minus what earlier months withheld.
import { divHalfUp, toSafeNumber, type Kopecks } from './money';
import { formatMoneyRub, formatPercent } from './format';

/** One band of the scale: the rate applies to the part of the year's income above `fromKopecks`. */
export type NdflBand = { fromKopecks: Kopecks; rateBasisPoints: number };

/** The resident scale of 2025 onwards: 13 % to 2.4 млн ₽, 15 % to 5 млн, 18 % to 20 млн, 20 % to 50 млн, 22 % above. */
export const NDFL_SCALE: readonly NdflBand[] = [
  { fromKopecks: 0, rateBasisPoints: 1300 },
  { fromKopecks: 240_000_000, rateBasisPoints: 1500 },
  { fromKopecks: 500_000_000, rateBasisPoints: 1800 },
  { fromKopecks: 2_000_000_000, rateBasisPoints: 2000 },
  { fromKopecks: 5_000_000_000, rateBasisPoints: 2200 },
];

/** The rate a scheme names for the resident scale: 13 % means «by the scale», any other rate stays flat. */
export const NDFL_SCALE_BASE_RATE = 1300;

/** Tax on a year's income by the scale, in whole roubles (half-up), as kopecks. */
export function ndflOnYearIncome(incomeKopecks: Kopecks): Kopecks {
  if (!Number.isSafeInteger(incomeKopecks) || incomeKopecks < 0) throw new RangeError('Доход за год: ожидается неотрицательная сумма в копейках');
  const income = BigInt(incomeKopecks);
  let scaled = 0n; // kopecks × 10 000
  NDFL_SCALE.forEach((band, i) => {
    const next = NDFL_SCALE[i + 1];
    const lo = BigInt(band.fromKopecks);
    const hi = next && BigInt(next.fromKopecks) < income ? BigInt(next.fromKopecks) : income;
    if (hi > lo) scaled += (hi - lo) * BigInt(band.rateBasisPoints);
  });
  return toSafeNumber(divHalfUp(scaled, 1_000_000n) * 100n, 'НДФЛ');
}

/** A month's НДФЛ by the scale with what the year brought before it. */
export type MonthNdfl = {
  ndflKopecks: Kopecks;
  /** The band the year's income reaches with this month, in words: «13 % (доход с начала года до 2 400 000,00 ₽)». */
  bracket: string;
  /** The year's income with this month. */
  yearIncomeKopecks: Kopecks;
};

/** The rate of the band a year's income (after this month) falls into. */
function bandOf(incomeKopecks: Kopecks): { band: NdflBand; next: NdflBand | undefined } {
  let index = 0;
  NDFL_SCALE.forEach((b, i) => {
    if (incomeKopecks > b.fromKopecks) index = i;
  });
  return { band: NDFL_SCALE[index] ?? { fromKopecks: 0, rateBasisPoints: 1300 }, next: NDFL_SCALE[index + 1] };
}

/**
 * НДФЛ of a month, cumulative from January: the scale's tax on (earlier income + this month's accrual),
 * rounded to whole roubles, minus the tax earlier months of the year withheld.
 */
export function ndflForMonth(input: { earlierIncomeKopecks: Kopecks; earlierNdflKopecks: Kopecks; accruedKopecks: Kopecks }): MonthNdfl {
  const { earlierIncomeKopecks, earlierNdflKopecks, accruedKopecks } = input;
  if (!Number.isSafeInteger(earlierNdflKopecks) || earlierNdflKopecks < 0) throw new RangeError('НДФЛ прошлых месяцев: ожидается неотрицательная сумма');
  if (!Number.isSafeInteger(accruedKopecks) || accruedKopecks < 0) throw new RangeError('Начислено: ожидается неотрицательная сумма');
  const year = earlierIncomeKopecks + accruedKopecks;
  const ndfl = ndflOnYearIncome(year) - earlierNdflKopecks;
  const { band, next } = bandOf(year);
  const range = next
    ? band.fromKopecks === 0
      ? `доход с начала года до ${formatMoneyRub(next.fromKopecks)}`
      : `доход с начала года от ${formatMoneyRub(band.fromKopecks)} до ${formatMoneyRub(next.fromKopecks)}`
    : `доход с начала года свыше ${formatMoneyRub(band.fromKopecks)}`;
  return { ndflKopecks: Math.max(0, ndfl), bracket: `${formatPercent(band.rateBasisPoints)} (${range})`, yearIncomeKopecks: year };
}
