// One manager's month under a payroll order: the scheme's pay (computePayroll), minus the commission
// held on payments whose acts are unsigned past the deadline, plus held commission released this month
// because its acts got signed. НДФЛ is taken on what is accrued this month.
import { divHalfUp, toSafeNumber, type Kopecks } from './money';
import { formatDecimal, formatMoneyRub, formatPercent } from './format';
import { ndflForMonth, NDFL_SCALE_BASE_RATE } from './ndfl';
import { pluralRu } from './plural';
import { computePayroll, type PayrollLine, type PayrollResult } from './payroll';
import type { PayrollScheme } from './payroll-scheme';

/** One payment in a manager's base: its amount without VAT and whether its commission is held. */
export type PaymentShare = { paymentId: number; baseKopecks: Kopecks; held: boolean };

/** What a month's pay needs: plans, facts, the payments behind the fact and what is released now. */
export type MonthPayInput = {
  planKopecks: Kopecks;
  factKopecks: Kopecks;
  deptPlanKopecks: Kopecks;
  deptFactKopecks: Kopecks;
  /** The payments making up the fact (their bases should add up to it); empty when not known. */
  payments: readonly PaymentShare[];
  /** Commission held in earlier months and released now (acts signed since). */
  releasedKopecks: Kopecks;
  /** What earlier months of the year accrued and withheld (for the progressive НДФЛ); none when absent. */
  yearToDate?: { incomeKopecks: Kopecks; ndflKopecks: Kopecks };
};

/** A line of the explanation: label, printed value and the amount behind it when it is money. */
export type PayLine = PayrollLine & { note?: string };

/** The month's pay with the numbers behind it and the explanation line by line. */
export type MonthPay = {
  scheme: PayrollResult;
  /** The rate band reached, in words: «от 90% до 100% плана». */
  band: string;
  salaryKopecks: Kopecks;
  /** Percentage commission after K, before anything is held. */
  commissionKopecks: Kopecks;
  heldKopecks: Kopecks;
  heldByPayment: { paymentId: number; commissionKopecks: Kopecks }[];
  releasedKopecks: Kopecks;
  /** Fixed bonus for the department plan. */
  bonusKopecks: Kopecks;
  accruedKopecks: Kopecks;
  ndflKopecks: Kopecks;
  netKopecks: Kopecks;
  explanation: PayLine[];
};

/** НДФЛ at a rate in basis points, rounded half-up to whole rubles (as in computePayroll). */
export function ndflOf(accruedKopecks: Kopecks, ndflBasisPoints: number): Kopecks {
  return toSafeNumber(divHalfUp(BigInt(accruedKopecks) * BigInt(ndflBasisPoints), 1_000_000n) * 100n, 'НДФЛ');
}

/**
 * A month's НДФЛ: by the resident scale, cumulative from January, when the scheme names 13 %; flat at
 * any other rate the scheme names. The label and note say which bracket applied.
 */
export function monthNdfl(
  ndflBasisPoints: number,
  accruedKopecks: Kopecks,
  yearToDate: { incomeKopecks: Kopecks; ndflKopecks: Kopecks } = { incomeKopecks: 0, ndflKopecks: 0 },
): { ndflKopecks: Kopecks; label: string; note: string } {
  if (ndflBasisPoints !== NDFL_SCALE_BASE_RATE) {
    return { ndflKopecks: ndflOf(accruedKopecks, ndflBasisPoints), label: `НДФЛ ${formatPercent(ndflBasisPoints)}`, note: 'по ставке приказа' };
  }
  const r = ndflForMonth({ earlierIncomeKopecks: yearToDate.incomeKopecks, earlierNdflKopecks: yearToDate.ndflKopecks, accruedKopecks });
  const rate = r.bracket.slice(0, r.bracket.indexOf(' '));
  const before = yearToDate.incomeKopecks > 0 ? `; до этого месяца начислено ${formatMoneyRub(yearToDate.incomeKopecks)}, удержано ${formatMoneyRub(yearToDate.ndflKopecks)}` : '';
  return {
    ndflKopecks: r.ndflKopecks,
    label: `НДФЛ ${rate}`,
    note: `шкала 13–22 % с начала года: ставка ${r.bracket}; доход с начала года ${formatMoneyRub(r.yearIncomeKopecks)}${before}`,
  };
}

/**
 * Splits a commission among payments in proportion to their bases; the parts add up exactly
 * (largest remainder, ties to the earlier payment).
 */
export function splitCommission(commissionKopecks: Kopecks, bases: readonly { paymentId: number; baseKopecks: Kopecks }[]): { paymentId: number; commissionKopecks: Kopecks }[] {
  const total = bases.reduce((s, b) => s + BigInt(b.baseKopecks), 0n);
  if (total <= 0n) return bases.map((b) => ({ paymentId: b.paymentId, commissionKopecks: 0 }));
  const c = BigInt(commissionKopecks);
  const parts = bases.map((b, i) => {
    const exact = c * BigInt(b.baseKopecks);
    return { i, paymentId: b.paymentId, floor: exact / total, rest: exact % total };
  });
  let left = c - parts.reduce((s, p) => s + p.floor, 0n);
  const byRest = [...parts].sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const p of byRest) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ paymentId: p.paymentId, commissionKopecks: toSafeNumber(p.floor) }));
}

/** The rate band a fact reaches, in words (exact comparison, as computePayroll does). */
export function rateBandLabel(scheme: PayrollScheme, factKopecks: Kopecks, planKopecks: Kopecks): string {
  if (planKopecks <= 0) return '';
  const reaches = (bp: number) => BigInt(factKopecks) * 10_000n >= BigInt(bp) * BigInt(planKopecks);
  if (!reaches(scheme.minPersonalBasisPoints)) return `ниже ${formatPercent(scheme.minPersonalBasisPoints)} плана — премия не начисляется`;
  let index = -1;
  scheme.rateBands.forEach((b, i) => {
    if (reaches(b.fromBasisPoints)) index = i;
  });
  if (index < 0) return '';
  const band = scheme.rateBands[index];
  const next = scheme.rateBands[index + 1];
  if (!next) return `от ${formatPercent(band.fromBasisPoints)} плана и выше`;
  if (band.fromBasisPoints === 0) return `ниже ${formatPercent(next.fromBasisPoints)} плана`;
  return `от ${formatPercent(band.fromBasisPoints)} до ${formatPercent(next.fromBasisPoints)} плана`;
}

function money(label: string, kopecks: Kopecks, note?: string): PayLine {
  return note === undefined ? { label, value: formatMoneyRub(kopecks), kopecks } : { label, value: formatMoneyRub(kopecks), kopecks, note };
}

/** Computes one manager's month under a scheme; throws RangeError (Russian) for bad input, like computePayroll. */
export function computeMonthPay(scheme: PayrollScheme, input: MonthPayInput): MonthPay {
  const result = computePayroll(scheme, {
    planKopecks: input.planKopecks,
    factKopecks: input.factKopecks,
    deptPlanKopecks: input.deptPlanKopecks,
    deptFactKopecks: input.deptFactKopecks,
  });
  if (input.releasedKopecks < 0 || !Number.isSafeInteger(input.releasedKopecks)) throw new RangeError('Выплата удержанного: ожидается неотрицательная сумма');
  const shares = splitCommission(
    result.commissionKopecks,
    input.payments.map((p) => ({ paymentId: p.paymentId, baseKopecks: p.baseKopecks })),
  );
  const heldIds = new Set(input.payments.filter((p) => p.held).map((p) => p.paymentId));
  const heldByPayment = shares.filter((s) => heldIds.has(s.paymentId));
  const held = heldByPayment.reduce((s, h) => s + h.commissionKopecks, 0);
  const accrued = result.accruedKopecks - held + input.releasedKopecks;
  const tax = monthNdfl(scheme.ndflBasisPoints, accrued, input.yearToDate);
  const ndfl = tax.ndflKopecks;
  const band = rateBandLabel(scheme, input.factKopecks, input.planKopecks);
  const usesDept = scheme.deptMultiplierBands.length > 0 || scheme.deptBonusBands.length > 0;
  const pct = (p: string) => `${p.replace('.', ',')}%`;

  const lines: PayLine[] = [
    money('План', input.planKopecks),
    money(scheme.commissionBase === 'gross_margin' ? 'Факт: валовая маржа' : 'Факт: оплаты своих клиентов без НДС', input.factKopecks),
    { label: 'Выполнение личного плана', value: pct(result.personalPercent) },
    { label: 'Ступень шкалы', value: band },
    { label: 'Ставка', value: result.lines.find((l) => l.label === 'Ставка')?.value ?? formatPercent(result.rate) },
  ];
  if (usesDept && result.deptPercent !== null) {
    lines.push(money('План отдела', input.deptPlanKopecks), money('Факт отдела', input.deptFactKopecks));
    lines.push({ label: 'Выполнение плана отдела', value: pct(result.deptPercent) });
  }
  if (scheme.deptMultiplierBands.length > 0) lines.push({ label: 'Коэффициент отдела', value: formatDecimal(result.multiplier, 4) });
  lines.push(money('Премия по шкале', result.commissionKopecks));
  if (held > 0) {
    lines.push(money('Удержано до подписания актов', -held, `${heldByPayment.length} ${pluralRu(heldByPayment.length, 'оплата', 'оплаты', 'оплат')}: акты не подписаны в срок`));
  }
  if (input.releasedKopecks > 0) lines.push(money('Выплата удержанной ранее премии', input.releasedKopecks, 'акты подписаны'));
  if (scheme.deptBonusBands.length > 0) lines.push(money('Бонус за выполнение плана отдела', result.fixedBonusKopecks));
  lines.push(money('Оклад', scheme.baseSalaryKopecks));
  lines.push(money('Начислено', accrued), money(tax.label, ndfl, tax.note), money('К выплате', accrued - ndfl));

  return {
    scheme: result,
    band,
    salaryKopecks: scheme.baseSalaryKopecks,
    commissionKopecks: result.commissionKopecks,
    heldKopecks: held,
    heldByPayment,
    releasedKopecks: input.releasedKopecks,
    bonusKopecks: result.fixedBonusKopecks,
    accruedKopecks: accrued,
    ndflKopecks: ndfl,
    netKopecks: accrued - ndfl,
    explanation: lines,
  };
}
