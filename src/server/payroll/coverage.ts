// Who an order covers, when it is in force, which orders overlap and which one a new approval supersedes.
import { addDays, periodDays } from '../../core/index';
import type { PayrollPerson } from '../../shared/api/payroll-types';
import { ROLE_TITLES, type Role } from '../../shared/roles';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';

/** The part of an order coverage and validity rules look at. */
export type CoverageOf = Pick<PayrollOrderRecord, 'id' | 'userIds' | 'roles' | 'validFrom' | 'validTo' | 'status' | 'supersededByFrom'>;

/** The people an order covers: named ones, and the active people of its roles. */
export function coveredIds(order: Pick<CoverageOf, 'userIds' | 'roles'>, people: readonly PayrollPerson[]): Set<number> {
  const ids = new Set(order.userIds);
  for (const p of people) if (p.active && order.roles.includes(p.role)) ids.add(p.id);
  return ids;
}

/** Coverage in words: «Менеджер по продажам (все); Иванов Иван Иванович». */
export function coverageText(order: Pick<CoverageOf, 'userIds' | 'roles'>, people: readonly PayrollPerson[]): string {
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const parts = [...order.roles.map((r: Role) => `${ROLE_TITLES[r]} (все)`), ...order.userIds.map((id) => names.get(id) ?? `№ ${id}`)];
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** The last day an order is (or was) in force: its end, or the day before the order that superseded it. */
export function effectiveTo(order: Pick<CoverageOf, 'validTo' | 'supersededByFrom'>): string | null {
  const cut = order.supersededByFrom === null ? null : addDays(order.supersededByFrom, -1);
  if (cut === null) return order.validTo;
  if (order.validTo === null) return cut;
  return cut < order.validTo ? cut : order.validTo;
}

function overlapsPeriod(a: Pick<CoverageOf, 'validFrom' | 'validTo'>, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || a.validFrom <= bTo) && (a.validTo === null || bFrom <= a.validTo);
}

/** True when two orders name a common person or role (a named person whose role the other covers counts too). */
export function sharePeople(a: Pick<CoverageOf, 'userIds' | 'roles'>, b: Pick<CoverageOf, 'userIds' | 'roles'>, people: readonly PayrollPerson[]): boolean {
  if (a.roles.some((r) => b.roles.includes(r))) return true;
  const ca = coveredIds(a, people);
  for (const id of coveredIds(b, people)) if (ca.has(id)) return true;
  return false;
}

/**
 * Checks a (new or changed) order against the others that are sent or in force. An approved order that
 * starts earlier is fine: approving this one supersedes it from this one's start. Anything else sharing
 * people and period is an overlap. Returns the conflicting order and the ones to supersede.
 */
export function checkOverlap(
  order: Pick<CoverageOf, 'id' | 'userIds' | 'roles' | 'validFrom' | 'validTo'>,
  others: readonly CoverageOf[],
  people: readonly PayrollPerson[],
): { conflict: CoverageOf | null; supersedes: number[] } {
  const supersedes: number[] = [];
  for (const o of others) {
    if (o.id === order.id || (o.status !== 'approved' && o.status !== 'sent' && o.status !== 'superseded')) continue;
    const end = o.status === 'superseded' ? effectiveTo(o) : o.validTo;
    if (!overlapsPeriod(order, o.validFrom, end) || !sharePeople(order, o, people)) continue;
    if (o.status === 'approved' && o.validFrom < order.validFrom) supersedes.push(o.id);
    else return { conflict: o, supersedes: [] };
  }
  return { conflict: null, supersedes };
}

/** The order in force for a person in a month 'YYYY-MM' (approved or since superseded), or null. */
export function orderInForce<T extends CoverageOf>(orders: readonly T[], userId: number, month: string, people: readonly PayrollPerson[]): T | null {
  const { from, to } = periodDays(month);
  let found: T | null = null;
  for (const o of orders) {
    if (o.status !== 'approved' && o.status !== 'superseded') continue;
    const end = effectiveTo(o);
    if (o.validFrom > to || (end !== null && end < from)) continue;
    if (!coveredIds(o, people).has(userId)) continue;
    if (found === null || o.validFrom > found.validFrom) found = o;
  }
  return found;
}
