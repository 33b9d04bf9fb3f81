// One person's month under an order: plan and fact from the plans and money areas, the «held until
// signed» rule over the acts behind each payment, released commissions, and the line as saved.
import { addDays, computeMonthPay, formatDateNumeric, formatMoneyRub, monthNdfl, pluralRu, periodDays, splitCommission, validatePayrollScheme, type PaymentShare } from '../../core/index';
import type { HeldRecord, OpenHeld, PayrollLineRecord } from '../../db/repos/payroll-statements-repo';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import type { BasePaymentDto } from '../../shared/api/money-types';
import type { AppContext } from '../context';
import { actSigning } from './signing-source';

/** The order terms a computation needs. */
export type OrderTerms = Pick<PayrollOrderRecord, 'id' | 'scheme' | 'holdUnsigned' | 'holdGraceDays'>;

/** A computed line, what it holds and which earlier held commissions it releases. */
export interface ComputedLine {
  line: PayrollLineRecord;
  held: HeldRecord[];
  releasedIds: number[];
  /** The payments behind the fact, with their commission (for the commercial report). */
  payments: { paymentId: number; baseKopecks: number; commissionKopecks: number; held: boolean }[];
}

/** What one month's computations share: the department's fact and plans, loaded once. */
export interface MonthContext {
  month: string;
  /** The day the acts are judged on: the month's last day (today while the month runs). */
  asOf: string;
  /** The department's fact in each measure: money without VAT, and gross margin from the cost prices. */
  deptFact: Record<'revenue_net' | 'gross_margin', number>;
  deptPlan: (measure: 'revenue_net' | 'gross_margin') => Promise<number | null>;
  openHeld: OpenHeld[];
}

/** Loads what every line of a month needs. */
export async function loadMonth(ctx: AppContext, month: string, today: string): Promise<MonthContext> {
  const dept = await ctx.store.money.departmentBase(month);
  const plans = new Map<string, number | null>();
  const end = periodDays(month).to;
  return {
    month,
    asOf: end < today ? end : today,
    deptFact: { revenue_net: dept.revenueNetKopecks, gross_margin: dept.grossMarginKopecks },
    deptPlan: async (measure) => {
      if (!plans.has(measure)) plans.set(measure, await ctx.store.plans.departmentPlan(month, measure));
      return plans.get(measure) ?? null;
    },
    openHeld: await ctx.store.payroll.statements.openHeld(month),
  };
}

/**
 * Which payments are held: those whose invoices' acts were unsigned on `asOf` (the month's last day)
 * past the deadline plus the grace days. A signature dated later releases the commission in its month.
 */
async function heldPayments(ctx: AppContext, order: OrderTerms, payments: readonly BasePaymentDto[], asOf: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!order.holdUnsigned || payments.length === 0) return out;
  const acts = await ctx.store.payroll.acts.actsForInvoices(payments.flatMap((p) => p.documentIds));
  const all = [...new Set([...acts.values()].flat())];
  const unsigned = new Set(await actSigning(ctx).unsignedPastDeadlineAsOf(all, asOf, addDays(asOf, -order.holdGraceDays)));
  for (const p of payments) {
    const ids = [...new Set(p.documentIds.flatMap((d) => acts.get(d) ?? []))].filter((a) => unsigned.has(a));
    if (ids.length > 0) out.set(p.id, ids);
  }
  return out;
}

/** Held commissions of earlier months whose acts were all signed by `asOf` (the month's last day). */
async function releasable(ctx: AppContext, open: readonly OpenHeld[], asOf: string): Promise<OpenHeld[]> {
  if (open.length === 0) return [];
  const signed = new Set(await actSigning(ctx).signedBy([...new Set(open.flatMap((h) => h.actIds))], asOf));
  return open.filter((h) => h.actIds.every((a) => signed.has(a)));
}

/**
 * The line of a person whose commission cannot be computed (no plan…): the base salary is still paid
 * and taxed; the commission waits, and the problem blocks the statement's approval.
 */
function salaryOnlyLine(
  userId: number,
  order: OrderTerms,
  problem: string,
  figures: { plan: number | null; fact: number; deptPlan: number | null; deptFact: number },
  yearToDate: { incomeKopecks: number; ndflKopecks: number },
): PayrollLineRecord {
  const { plan, fact, deptPlan, deptFact } = figures;
  const salary = order.scheme.baseSalaryKopecks;
  const tax = monthNdfl(order.scheme.ndflBasisPoints, salary, yearToDate);
  const money = (label: string, kopecks: number, note?: string) => ({ label, value: formatMoneyRub(kopecks), kopecks, ...(note === undefined ? {} : { note }) });
  return {
    userId,
    orderId: order.id,
    planKopecks: plan,
    factKopecks: fact,
    deptPlanKopecks: deptPlan,
    deptFactKopecks: deptFact,
    personalPercent: '',
    deptPercent: null,
    band: '',
    rateBasisPoints: 0,
    multiplierBasisPoints: 10_000,
    salaryKopecks: salary,
    commissionKopecks: 0,
    heldKopecks: 0,
    releasedKopecks: 0,
    bonusKopecks: 0,
    accruedKopecks: salary,
    ndflKopecks: tax.ndflKopecks,
    netKopecks: salary - tax.ndflKopecks,
    problem,
    explanation: [
      { label: 'Премия не рассчитана', value: problem },
      money('Оклад', salary),
      money('Начислено', salary),
      money(tax.label, tax.ndflKopecks, tax.note),
      money('К выплате', salary - tax.ndflKopecks),
    ],
  };
}

/** Computes one person's month under an order; problems (no plan…) come back on the line, not thrown. */
export async function computeLine(ctx: AppContext, m: MonthContext, userId: number, order: OrderTerms): Promise<ComputedLine> {
  const scheme = order.scheme;
  const measure = scheme.commissionBase;
  const plan = await ctx.store.plans.personalPlan(userId, m.month, measure);
  const deptPlan = await m.deptPlan(measure);
  const base = await ctx.store.money.managerBase(m.month, userId);
  const margin = measure === 'gross_margin';
  const fact = margin ? base.grossMarginKopecks : base.revenueNetKopecks;
  const deptFact = m.deptFact[measure];
  // The commission base of each payment, in the order's measure.
  const baseOf = (p: BasePaymentDto) => (margin ? p.grossMarginKopecks : p.amountNetKopecks);
  const none = { held: [], releasedIds: [], payments: [] };
  const usesDept = scheme.deptMultiplierBands.length > 0 || scheme.deptBonusBands.length > 0;
  const schemeErrors = validatePayrollScheme(scheme);
  const problem =
    schemeErrors[0] ??
    (plan === null || plan <= 0
        ? 'Нет утверждённого личного плана на месяц — введите его в разделе «Планы и прогноз»'
        : usesDept && (deptPlan === null || deptPlan <= 0)
          ? 'Нет утверждённого плана отдела на месяц — введите его в разделе «Планы и прогноз»'
          : null);
  const yearToDate = await ctx.store.payroll.statements.yearToDate(userId, m.month);
  if (problem !== null) return { line: salaryOnlyLine(userId, order, problem, { plan, fact, deptPlan, deptFact }, yearToDate), ...none };

  const heldMap = await heldPayments(ctx, order, base.payments, m.asOf);
  const released = await releasable(ctx, m.openHeld.filter((h) => h.userId === userId), m.asOf);
  const shares: PaymentShare[] = base.payments.map((p) => ({ paymentId: p.id, baseKopecks: baseOf(p), held: heldMap.has(p.id) }));
  const pay = computeMonthPay(scheme, {
    planKopecks: plan ?? 0,
    factKopecks: fact,
    deptPlanKopecks: deptPlan ?? 0,
    deptFactKopecks: deptFact,
    payments: shares,
    releasedKopecks: released.reduce((s, h) => s + h.commissionKopecks, 0),
    yearToDate,
  });
  const heldCommission = new Map(pay.heldByPayment.map((h) => [h.paymentId, h.commissionKopecks]));
  const allShares = new Map(base.payments.map((p) => [p.id, baseOf(p)] as const));
  const held: HeldRecord[] = [...heldMap.entries()].map(([paymentId, actIds]) => ({
    userId,
    paymentId,
    baseKopecks: allShares.get(paymentId) ?? 0,
    commissionKopecks: heldCommission.get(paymentId) ?? 0,
    actIds,
  }));
  // The same exact split as the held amounts (largest remainder), so the report and the statement agree.
  const perPayment = splitCommission(pay.commissionKopecks, shares);
  return {
    line: {
      userId,
      orderId: order.id,
      planKopecks: plan,
      factKopecks: fact,
      deptPlanKopecks: deptPlan,
      deptFactKopecks: deptFact,
      personalPercent: pay.scheme.personalPercent,
      deptPercent: pay.scheme.deptPercent,
      band: pay.band,
      rateBasisPoints: pay.scheme.rate,
      multiplierBasisPoints: pay.scheme.multiplier,
      salaryKopecks: pay.salaryKopecks,
      commissionKopecks: pay.commissionKopecks,
      heldKopecks: pay.heldKopecks,
      releasedKopecks: pay.releasedKopecks,
      bonusKopecks: pay.bonusKopecks,
      accruedKopecks: pay.accruedKopecks,
      ndflKopecks: pay.ndflKopecks,
      netKopecks: pay.netKopecks,
      problem: null,
      explanation: [
        ...pay.explanation,
        ...(order.holdUnsigned
          ? [{ label: 'Удержание до подписания актов', value: `оценено на ${formatDateNumeric(m.asOf)}: акты, подписанные клиентом позже, освобождают премию в месяце подписания` }]
          : []),
        ...(margin && base.marginUnknownLines > 0
          ? [{ label: 'Себестоимость', value: `у ${base.marginUnknownLines} ${pluralRu(base.marginUnknownLines, 'строки', 'строк', 'строк')} оплаченных счетов не указана себестоимость — их маржа считается нулевой` }]
          : []),
      ],
    },
    held,
    releasedIds: released.map((h) => h.id),
    payments: perPayment.map((p) => ({ ...p, baseKopecks: allShares.get(p.paymentId) ?? 0, held: heldMap.has(p.paymentId) })),
  };
}
