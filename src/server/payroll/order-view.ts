import type { SessionUser } from '../../shared/api/auth';
import { PAYROLL_EDITORS } from '../../shared/api/payroll';
import type { PayrollOrderDto, PayrollOrderSummary, PayrollPerson } from '../../shared/api/payroll-types';
import type { PayrollAcknowledgement, PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import { coveredIds, coverageText, effectiveTo } from './coverage';

/** An order for the list. */
export function orderSummary(o: PayrollOrderRecord, people: readonly PayrollPerson[]): PayrollOrderSummary {
  return {
    id: o.id,
    number: o.number,
    orderDate: o.orderDate,
    title: o.title,
    validFrom: o.validFrom,
    validTo: o.validTo,
    status: o.status,
    coverage: coverageText(o, people),
    approvedByName: o.approvedByName,
    supersededByNumber: o.supersededByNumber,
    effectiveTo: effectiveTo(o),
    version: o.version,
  };
}

/** An order in full, with the people it covers, their «ознакомлен» marks and what the caller may do. */
export function orderDto(o: PayrollOrderRecord, people: readonly PayrollPerson[], acks: readonly PayrollAcknowledgement[], user: SessionUser): PayrollOrderDto {
  const ack = new Map(acks.map((a) => [a.userId, a.acknowledgedAt]));
  const ids = coveredIds(o, people);
  // Someone acknowledged stays listed even if they left the role since.
  for (const a of acks) ids.add(a.userId);
  const covered = people
    .filter((p) => ids.has(p.id))
    .map((p) => ({ userId: p.id, fullName: p.fullName, position: p.position, role: p.role, acknowledgedAt: ack.get(p.id) ?? null }));
  return {
    ...orderSummary(o, people),
    userIds: o.userIds,
    roles: o.roles,
    scheme: o.scheme,
    holdUnsigned: o.holdUnsigned,
    holdGraceDays: o.holdGraceDays,
    conditions: o.conditions,
    createdByName: o.createdByName,
    sentAt: o.sentAt,
    approvedAt: o.approvedAt,
    people: covered,
    canEdit: o.status === 'draft' && PAYROLL_EDITORS.includes(user.role),
    canApprove: o.status === 'sent' && user.role === 'director',
  };
}
