// The commercial report of a month, built from the stored payments, deals and approved plans.
import { divHalfUp, formatDateNumeric } from '../../core/index';
import type { CommercialReportDto, ReportManagerDto } from '../../shared/api/commercial-report-types';
import type { SessionUser } from '../../shared/api/auth';
import { requireUser, type CallContext } from '../context';
import { seesCommissionOf } from '../payroll/access';
import { perPaymentHidden } from '../plans/margin-access';
import { commissionsOf } from './report-commission';

const NO_ORDER = 'Нет утверждённого приказа по оплате труда на этот месяц (или плана, от которого он считает) — комиссия не начисляется, показано «—».';

const NOT_YOURS = 'Комиссию менеджеров видят директор, руководитель отдела продаж и бухгалтер.';

function commissionInfo(user: SessionUser, notes: ReadonlySet<string>): CommercialReportDto['commission'] {
  if (user.role === 'office_manager') return { available: false, note: NOT_YOURS };
  return notes.size > 0 ? { available: true, note: `Комиссия ${[...notes].join('; ')}` } : { available: false, note: NO_ORDER };
}

function percentBp(fact: number, plan: number | null): number | null {
  if (plan === null || plan <= 0) return null;
  return Number(divHalfUp(BigInt(fact) * 10_000n, BigInt(plan)));
}

/** Builds the month's report; a manager gets their own line and the department's totals. */
export async function buildCommercialReport(ctx: CallContext, month: string): Promise<CommercialReportDto> {
  const user = requireUser(ctx);
  const dept = await ctx.store.money.departmentBase(month);
  const deals = await ctx.store.money.wonDeals(month);
  const people = (await ctx.store.users.list()).filter((u) => u.role === 'manager' && u.active);
  const ids = new Set<number>([...people.map((u) => u.id), ...dept.managers.map((m) => m.managerId), ...deals.map((d) => d.managerId)]);
  const names = new Map<number, string>([...people.map((u): [number, string] => [u.id, u.fullName]), ...dept.managers.map((m): [number, string] => [m.managerId, m.managerName])]);
  // Commission figures are computed only for the managers whose commission the caller may see.
  const commissions = await commissionsOf(ctx, month, [...ids].filter((id) => seesCommissionOf(user, id)));
  // A manager paid on margin gets his month's commission, not what each payment earned (that is its margin).
  const totalOnly = await perPaymentHidden(ctx, month);
  const notes = new Set<string>();
  const managers: ReportManagerDto[] = [];
  for (const managerId of ids) {
    const base = await ctx.store.money.managerBase(month, managerId);
    const plan = await ctx.store.plans.personalPlan(managerId, month);
    const commission = commissions.get(managerId) ?? null;
    if (commission) notes.add(commission.order);
    const own = deals.filter((d) => d.managerId === managerId);
    managers.push({
      managerId,
      managerName: names.get(managerId) ?? (await ctx.store.users.get(managerId))?.fullName ?? `№ ${managerId}`,
      deals: own.map((d) => ({ dealId: d.dealId, title: d.title, clientName: d.clientName, amountKopecks: d.amountKopecks, closedAt: d.closedAt })),
      dealsKopecks: own.reduce((s, d) => s + d.amountKopecks, 0),
      payments: base.payments.map((p) => ({
        paymentId: p.id,
        date: p.date,
        clientId: p.clientId,
        clientName: p.clientName,
        docNumber: p.docNumber,
        invoices: p.allocations.map((a) => `№ ${a.number} от ${formatDateNumeric(a.docDate)}`),
        grossKopecks: p.amountKopecks,
        vatKopecks: p.vatKopecks,
        netKopecks: p.amountNetKopecks,
        commissionKopecks: commission && !totalOnly ? (commission.byPayment.get(p.id)?.kopecks ?? 0) : null,
        commissionHeld: commission?.byPayment.get(p.id)?.held ?? false,
      })),
      grossKopecks: base.revenueGrossKopecks,
      factKopecks: base.revenueNetKopecks,
      planKopecks: plan,
      percentBp: percentBp(base.revenueNetKopecks, plan),
      commissionKopecks: commission ? commission.totalKopecks : null,
      commissionNote: commission ? `Комиссия ${commission.order}` : NO_ORDER,
    });
  }
  managers.sort((a, b) => a.managerName.localeCompare(b.managerName, 'ru'));
  const deptPlan = await ctx.store.plans.departmentPlan(month);
  const totals = managers.map((m) => m.commissionKopecks);
  // A manager sees the department's fulfilment, not its money: the others' share would be the difference.
  const own = user.role === 'manager';
  const department = {
    dealsCount: deals.length,
    dealsKopecks: deals.reduce((s, d) => s + d.amountKopecks, 0),
    grossKopecks: dept.revenueGrossKopecks,
    factKopecks: dept.revenueNetKopecks,
    planKopecks: deptPlan,
    percentBp: percentBp(dept.revenueNetKopecks, deptPlan),
    commissionKopecks: totals.some((c) => c !== null) ? totals.reduce<number>((s, c) => s + (c ?? 0), 0) : null,
  };
  return {
    month,
    live: month >= ctx.now().toISOString().slice(0, 7),
    closed: dept.closed,
    managers: own ? managers.filter((m) => m.managerId === user.id) : managers,
    department: own ? { ...department, dealsKopecks: null, grossKopecks: null, factKopecks: null, planKopecks: null, commissionKopecks: null } : department,
    unassigned: { count: dept.unassignedCount, grossKopecks: dept.unassignedGrossKopecks, netKopecks: dept.unassignedNetKopecks },
    commission: commissionInfo(user, notes),
    scopedToManagerId: user.role === 'manager' ? user.id : null,
  };
}
