// One person's month under an order: plan and fact from the plans and money areas, the «held until
// signed» rule over the acts behind each payment, released commissions, and the line as saved.
import { addDays, computeMonthPay, splitCommission, validatePayrollScheme, type PaymentShare } from '../../core/index';
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
  /** The day the acts' deadlines are judged on (today). */
  today: string;
  /** The department's fact in each measure: money without VAT, and gross margin from the cost prices. */
  deptFact: Record<'revenue_net' | 'gross_margin', number>;
  deptPlan: (measure: 'revenue_net' | 'gross_margin') => Promise<number | null>;
  openHeld: OpenHeld[];
}

/** Loads what every line of a month needs. */
export async function loadMonth(ctx: AppContext, month: string, today: string): Promise<MonthContext> {
  const dept = await ctx.store.money.departmentBase(month);
  const plans = new Map<string, number | null>();
  return {
    month,
    today,
    deptFact: { revenue_net: dept.revenueNetKopecks, gross_margin: dept.grossMarginKopecks },
    deptPlan: async (measure) => {
      if (!plans.has(measure)) plans.set(measure, await ctx.store.plans.departmentPlan(month, measure));
      return plans.get(measure) ?? null;
    },
    openHeld: await ctx.store.payroll.statements.openHeld(month),
  };
}

/** Which payments are held: those whose invoices' acts are unsigned past the deadline (plus the grace days). */
async function heldPayments(ctx: AppContext, order: OrderTerms, payments: readonly BasePaymentDto[], today: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!order.holdUnsigned || payments.length === 0) return out;
  const acts = await ctx.store.payroll.acts.actsForInvoices(payments.flatMap((p) => p.documentIds));
  const all = [...new Set([...acts.values()].flat())];
  const unsigned = new Set(await actSigning(ctx).unsignedPastDeadline(all, addDays(today, -order.holdGraceDays)));
  for (const p of payments) {
    const ids = [...new Set(p.documentIds.flatMap((d) => acts.get(d) ?? []))].filter((a) => unsigned.has(a));
    if (ids.length > 0) out.set(p.id, ids);
  }
  return out;
}

/** Held commissions of earlier months whose acts are all signed now. */
async function releasable(ctx: AppContext, open: readonly OpenHeld[]): Promise<OpenHeld[]> {
  if (open.length === 0) return [];
  const signed = new Set(await actSigning(ctx).signed([...new Set(open.flatMap((h) => h.actIds))]));
  return open.filter((h) => h.actIds.every((a) => signed.has(a)));
}

function emptyLine(userId: number, order: OrderTerms, problem: string, plan: number | null, fact: number, deptPlan: number | null, deptFact: number): PayrollLineRecord {
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
    salaryKopecks: 0,
    commissionKopecks: 0,
    heldKopecks: 0,
    releasedKopecks: 0,
    bonusKopecks: 0,
    accruedKopecks: 0,
    ndflKopecks: 0,
    netKopecks: 0,
    problem,
    explanation: [{ label: 'Не рассчитано', value: problem }],
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
  if (problem !== null) return { line: emptyLine(userId, order, problem, plan, fact, deptPlan, deptFact), ...none };

  const heldMap = await heldPayments(ctx, order, base.payments, m.today);
  const released = await releasable(ctx, m.openHeld.filter((h) => h.userId === userId));
  const shares: PaymentShare[] = base.payments.map((p) => ({ paymentId: p.id, baseKopecks: baseOf(p), held: heldMap.has(p.id) }));
  const pay = computeMonthPay(scheme, {
    planKopecks: plan ?? 0,
    factKopecks: fact,
    deptPlanKopecks: deptPlan ?? 0,
    deptFactKopecks: deptFact,
    payments: shares,
    releasedKopecks: released.reduce((s, h) => s + h.commissionKopecks, 0),
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
      explanation:
        margin && base.marginUnknownLines > 0
          ? [...pay.explanation, { label: 'Себестоимость', value: `у ${base.marginUnknownLines} строк оплаченных счетов не указана себестоимость — их маржа считается нулевой` }]
          : pay.explanation,
    },
    held,
    releasedIds: released.map((h) => h.id),
    payments: perPayment.map((p) => ({ ...p, baseKopecks: allShares.get(p.paymentId) ?? 0, held: heldMap.has(p.paymentId) })),
  };
}
