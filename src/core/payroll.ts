// Payroll maths for the «Положение о мотивации менеджеров по продажам» (ru-documents §6).
// A scheme is plain data; percentages of plan are compared unrounded, as integer cross-products
// (fact·10000 ≥ band·plan), so 1 049 999 of 1 500 000 stays below 70 %.
import { assertSafeInteger, divHalfUp, scaledToDecimalString, toSafeNumber, type Kopecks } from './money';
import { formatDecimal, formatMoneyRub, formatPercent } from './format';
import { validatePayrollScheme } from './payroll-scheme';
import type { PayrollScheme, PercentBand } from './payroll-scheme';

export * from './payroll-scheme';

/** Plan and fact for one manager and the department for one period, in kopecks. */
export type PayrollInput = {
  planKopecks: Kopecks;
  /** The commission base: revenue without VAT or gross margin, as the scheme says. */
  factKopecks: Kopecks;
  deptPlanKopecks: Kopecks;
  deptFactKopecks: Kopecks;
  /** Part of the pay held back until the client signs the acts (shown, paid later). */
  heldKopecks?: Kopecks;
};

/** One printable line of the calculation, e.g. {label: «Ставка», value: «5%»}. */
export type PayrollLine = { label: string; value: string; kopecks?: Kopecks };

/** The whole calculation: printable lines and the numbers behind them. */
export type PayrollResult = {
  lines: PayrollLine[];
  /** Personal plan completion, half-up to 2 decimals with a dot: "92.00" (display only). */
  personalPercent: string;
  /** Department plan completion, same format, or null when the department plan is 0. */
  deptPercent: string | null;
  /** Rate of the band reached, in basis points (500 = 5 %); 0 when below the minimum. */
  rate: number;
  /** Department multiplier K in basis points (9000 = 0.9; 10000 when the scheme has none). */
  multiplier: number;
  /** Percentage commission after K. */
  commissionKopecks: Kopecks;
  /** Fixed bonus for the department's plan. */
  fixedBonusKopecks: Kopecks;
  /** commission + fixed bonus. */
  bonusKopecks: Kopecks;
  accruedKopecks: Kopecks;
  /** НДФЛ at the scheme's rate, rounded half-up to whole rubles. */
  ndflKopecks: Kopecks;
  /** accrued − НДФЛ. */
  netKopecks: Kopecks;
  heldKopecks: Kopecks;
  /** net − held: what is paid now. */
  payableNowKopecks: Kopecks;
};

const BP = 10_000n;

/** fact reaches `fromBasisPoints` of plan, compared exactly. */
function reaches(fact: bigint, plan: bigint, fromBasisPoints: number): boolean {
  return fact * BP >= BigInt(fromBasisPoints) * plan;
}

function lastReached<T extends PercentBand>(bands: readonly T[], fact: bigint, plan: bigint): T | null {
  let found: T | null = null;
  for (const band of bands) if (reaches(fact, plan, band.fromBasisPoints)) found = band;
  return found;
}

function percentString(fact: bigint, plan: bigint): string {
  return scaledToDecimalString(divHalfUp(fact * BP, plan), 2);
}

/** Commission before K, scaled by 10^8 (basis points of plan × basis points of rate). */
function commissionScaled(scheme: PayrollScheme, fact: bigint, plan: bigint): bigint {
  if (scheme.rateMode === 'whole') {
    const band = lastReached(scheme.rateBands, fact, plan);
    return fact * BP * BigInt(band ? band.rateBasisPoints : 0);
  }
  // Progressive: each band's rate applies to the slice of the fact between its bound and the next.
  let sum = 0n;
  scheme.rateBands.forEach((band, i) => {
    const lo = BigInt(band.fromBasisPoints) * plan;
    const next = scheme.rateBands[i + 1];
    const hi = next ? BigInt(next.fromBasisPoints) * plan : null;
    const top = hi !== null && hi < fact * BP ? hi : fact * BP;
    if (top > lo) sum += (top - lo) * BigInt(band.rateBasisPoints);
  });
  return sum;
}

function rateDescription(scheme: PayrollScheme, rate: number): string {
  if (scheme.rateMode === 'whole') return formatPercent(rate);
  return scheme.rateBands
    .map((band, i) => {
      const next = scheme.rateBands[i + 1];
      const range = next
        ? `от ${formatPercent(band.fromBasisPoints)} до ${formatPercent(next.fromBasisPoints)} плана`
        : `от ${formatPercent(band.fromBasisPoints)} плана`;
      return `${formatPercent(band.rateBasisPoints)} ${range}`;
    })
    .join('; ');
}

function checkInput(input: PayrollInput, usesDept: boolean): void {
  assertSafeInteger(input.planKopecks, 'План');
  assertSafeInteger(input.factKopecks, 'Факт');
  assertSafeInteger(input.deptPlanKopecks, 'План отдела');
  assertSafeInteger(input.deptFactKopecks, 'Факт отдела');
  assertSafeInteger(input.heldKopecks ?? 0, 'Удержано');
  if (input.planKopecks <= 0) throw new RangeError('План должен быть больше нуля');
  if (input.factKopecks < 0 || input.deptFactKopecks < 0) throw new RangeError('Факт не может быть отрицательным');
  if ((input.heldKopecks ?? 0) < 0) throw new RangeError('Удержанная сумма не может быть отрицательной');
  if (usesDept && input.deptPlanKopecks <= 0) throw new RangeError('План отдела должен быть больше нуля');
}

/**
 * Computes one manager's pay for a period under a scheme. Throws a RangeError (Russian message)
 * for an invalid scheme or input. НДФЛ is a flat rate on this accrual (the 2.4 млн ₽ yearly
 * threshold of the progressive scale is not tracked here).
 */
export function computePayroll(scheme: PayrollScheme, input: PayrollInput): PayrollResult {
  const problems = validatePayrollScheme(scheme);
  if (problems.length > 0) throw new RangeError(problems[0]);
  const usesDept = scheme.deptMultiplierBands.length > 0 || scheme.deptBonusBands.length > 0;
  checkInput(input, usesDept);

  const plan = BigInt(input.planKopecks);
  const fact = BigInt(input.factKopecks);
  const deptPlan = BigInt(input.deptPlanKopecks);
  const deptFact = BigInt(input.deptFactKopecks);
  const gated = !reaches(fact, plan, scheme.minPersonalBasisPoints);
  const deptKnown = deptPlan > 0n;

  const rateBand = lastReached(scheme.rateBands, fact, plan);
  const rate = gated || !rateBand ? 0 : rateBand.rateBasisPoints;
  const kBand = deptKnown ? lastReached(scheme.deptMultiplierBands, deptFact, deptPlan) : null;
  const multiplier = kBand ? kBand.multiplierBasisPoints : 10_000;
  const bonusBand = deptKnown ? lastReached(scheme.deptBonusBands, deptFact, deptPlan) : null;

  const commission = gated
    ? 0
    : toSafeNumber(divHalfUp(commissionScaled(scheme, fact, plan) * BigInt(multiplier), BP * BP * BP), 'Премия');
  const fixedBonus = bonusBand ? bonusBand.amountKopecks : 0;
  const bonus = commission + fixedBonus;
  const accrued = scheme.baseSalaryKopecks + bonus;
  const ndfl = toSafeNumber(divHalfUp(BigInt(accrued) * BigInt(scheme.ndflBasisPoints), BP * 100n) * 100n, 'НДФЛ');
  const net = accrued - ndfl;
  const held = input.heldKopecks ?? 0;
  const personalPercent = percentString(fact, plan);
  const deptPercent = deptKnown ? percentString(deptFact, deptPlan) : null;

  const money = (label: string, kopecks: Kopecks): PayrollLine => ({ label, value: formatMoneyRub(kopecks), kopecks });
  const percentLine = (label: string, p: string): PayrollLine => ({ label, value: `${p.replace('.', ',')}%` });
  const lines: PayrollLine[] = [
    money('Оклад', scheme.baseSalaryKopecks),
    money('План', input.planKopecks),
    money(scheme.commissionBase === 'gross_margin' ? 'Факт: валовая маржа' : 'Факт: выручка без НДС', input.factKopecks),
    percentLine('Процент выполнения личного плана', personalPercent),
  ];
  if (usesDept && deptPercent !== null) lines.push(percentLine('Процент выполнения плана отдела', deptPercent));
  lines.push({ label: 'Ставка', value: rateDescription(scheme, rate) });
  if (gated) {
    lines.push({ label: 'Порог начисления премии', value: `${formatPercent(scheme.minPersonalBasisPoints)} плана не достигнут` });
  }
  if (scheme.deptMultiplierBands.length > 0) {
    lines.push({ label: 'Коэффициент отдела', value: formatDecimal(multiplier, 4) });
  }
  lines.push(money('Премия', commission));
  if (scheme.deptBonusBands.length > 0) lines.push(money('Бонус за выполнение плана отдела', fixedBonus));
  lines.push(money('Начислено', accrued), money(`НДФЛ ${formatPercent(scheme.ndflBasisPoints)}`, ndfl));
  lines.push(money('К выплате', net));
  if (held > 0) lines.push(money('Удержано до подписания актов', held), money('К выплате сейчас', net - held));

  return {
    lines,
    personalPercent,
    deptPercent,
    rate,
    multiplier,
    commissionKopecks: commission,
    fixedBonusKopecks: fixedBonus,
    bonusKopecks: bonus,
    accruedKopecks: accrued,
    ndflKopecks: ndfl,
    netKopecks: net,
    heldKopecks: held,
    payableNowKopecks: net - held,
  };
}
