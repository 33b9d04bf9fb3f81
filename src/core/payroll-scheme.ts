// The data shape of a payroll scheme, its checks and the two worked examples of ru-documents §6.
import type { Kopecks } from './money';

/** A band starting at a completion level, in basis points of plan (7000 = 70 %), inclusive. */
export type PercentBand = { fromBasisPoints: number };

/** Commission rate (basis points of the base: 500 = 5 %) from a personal completion level on. */
export type RateBand = PercentBand & { rateBasisPoints: number };

/** Department multiplier K (basis points: 9000 = 0.9) from a department completion level on. */
export type MultiplierBand = PercentBand & { multiplierBasisPoints: number };

/** Fixed bonus paid from a department completion level on. */
export type FixedBonusBand = PercentBand & { amountKopecks: Kopecks };

/** What the manager's fact measures. */
export type CommissionBase = 'revenue_net' | 'gross_margin';

/**
 * A pay scheme as data. Bands are sorted by fromBasisPoints; the highest band reached applies.
 * rateMode 'whole': the rate of the band reached applies to the whole fact (Scheme A).
 * rateMode 'progressive': each band's rate applies to the part of the fact between its bound and
 * the next band's bound, measured as a share of plan (Scheme B: 10 % up to plan, 15 % above).
 */
export type PayrollScheme = {
  name: string;
  baseSalaryKopecks: Kopecks;
  commissionBase: CommissionBase;
  rateMode: 'whole' | 'progressive';
  /** The first band starts at 0. */
  rateBands: RateBand[];
  /** Below this personal completion no commission at all (Scheme B: 5000 = 50 %); 0 = no threshold. */
  minPersonalBasisPoints: number;
  /** Empty: K = 1. Otherwise the first band starts at 0. */
  deptMultiplierBands: MultiplierBand[];
  /** Empty: no fixed bonus. */
  deptBonusBands: FixedBonusBand[];
  /** НДФЛ rate in basis points (1300 = 13 %). */
  ndflBasisPoints: number;
};

function isNonNegativeInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function checkBands<T extends PercentBand>(
  bands: readonly T[],
  title: string,
  valueOf: (b: T) => unknown,
  mustStartAtZero: boolean,
): string[] {
  const errors: string[] = [];
  if (mustStartAtZero && bands.length > 0 && bands[0].fromBasisPoints !== 0) {
    errors.push(`${title}: первая ступень должна начинаться с 0 %`);
  }
  bands.forEach((b, i) => {
    if (!isNonNegativeInt(b.fromBasisPoints) || !isNonNegativeInt(valueOf(b))) {
      errors.push(`${title}: ступень ${i + 1} — ожидаются неотрицательные целые числа`);
    } else if (i > 0 && b.fromBasisPoints <= bands[i - 1].fromBasisPoints) {
      errors.push(`${title}: ступени должны идти по возрастанию процента`);
    }
  });
  return errors;
}

/** Lists what is wrong with a scheme, in Russian; empty when it can be used. */
export function validatePayrollScheme(scheme: PayrollScheme): string[] {
  const errors: string[] = [];
  if (!isNonNegativeInt(scheme.baseSalaryKopecks)) errors.push('Оклад: ожидается неотрицательная сумма в копейках');
  if (scheme.commissionBase !== 'revenue_net' && scheme.commissionBase !== 'gross_margin') {
    errors.push('База премии: выручка без НДС или валовая маржа');
  }
  if (scheme.rateMode !== 'whole' && scheme.rateMode !== 'progressive') {
    errors.push('Способ начисления: на весь факт или по ступеням');
  }
  if (scheme.rateBands.length === 0) errors.push('Шкала ставок: нужна хотя бы одна ступень');
  errors.push(...checkBands(scheme.rateBands, 'Шкала ставок', (b) => b.rateBasisPoints, true));
  errors.push(...checkBands(scheme.deptMultiplierBands, 'Коэффициент отдела', (b) => b.multiplierBasisPoints, true));
  errors.push(...checkBands(scheme.deptBonusBands, 'Бонус за план отдела', (b) => b.amountKopecks, false));
  if (!isNonNegativeInt(scheme.minPersonalBasisPoints)) errors.push('Порог премии: ожидается неотрицательное число');
  if (!isNonNegativeInt(scheme.ndflBasisPoints) || scheme.ndflBasisPoints > 10_000) {
    errors.push('Ставка НДФЛ: от 0 до 100 %');
  }
  return errors;
}

/** Scheme A of ru-documents §6: оклад 40 000; bonus = revenue × rate(P) × K(D). */
export const SCHEME_A_EXAMPLE: PayrollScheme = {
  name: 'Схема А: процент от выручки по выполнению плана × коэффициент отдела',
  baseSalaryKopecks: 4_000_000,
  commissionBase: 'revenue_net',
  rateMode: 'whole',
  rateBands: [
    { fromBasisPoints: 0, rateBasisPoints: 200 },
    { fromBasisPoints: 7000, rateBasisPoints: 400 },
    { fromBasisPoints: 9000, rateBasisPoints: 500 },
    { fromBasisPoints: 10_000, rateBasisPoints: 600 },
    { fromBasisPoints: 12_000, rateBasisPoints: 700 },
  ],
  minPersonalBasisPoints: 0,
  deptMultiplierBands: [
    { fromBasisPoints: 0, multiplierBasisPoints: 8000 },
    { fromBasisPoints: 8000, multiplierBasisPoints: 9000 },
    { fromBasisPoints: 10_000, multiplierBasisPoints: 10_000 },
    { fromBasisPoints: 11_000, multiplierBasisPoints: 11_000 },
  ],
  deptBonusBands: [],
  ndflBasisPoints: 1300,
};

/** Scheme B of ru-documents §6: оклад 35 000; 10 % of margin up to plan, 15 % above, 0 below 50 %; +10 000 at department 100 %. */
export const SCHEME_B_EXAMPLE: PayrollScheme = {
  name: 'Схема Б: процент от валовой маржи, сверх плана — повышенный',
  baseSalaryKopecks: 3_500_000,
  commissionBase: 'gross_margin',
  rateMode: 'progressive',
  rateBands: [
    { fromBasisPoints: 0, rateBasisPoints: 1000 },
    { fromBasisPoints: 10_000, rateBasisPoints: 1500 },
  ],
  minPersonalBasisPoints: 5000,
  deptMultiplierBands: [],
  deptBonusBands: [{ fromBasisPoints: 10_000, amountKopecks: 1_000_000 }],
  ndflBasisPoints: 1300,
};
