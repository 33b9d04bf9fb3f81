import { eq } from 'drizzle-orm';
import {
  payrollSchemeSchema,
  type PayrollOrderParsed,
  type PayrollOrderStatus,
  type PayrollPerson,
  type PayrollSchemeDto,
} from '../../shared/api/payroll-types';
import type { Role } from '../../shared/roles';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { bumpVersionSync, claimVersionSync } from '../record-version';
import { payrollAcknowledgements, payrollOrderCoverage, payrollOrders } from '../schema/payroll';

/** An order as stored, with its coverage and the superseding order's start. */
export interface PayrollOrderRecord {
  id: number;
  number: string;
  orderDate: string | null;
  title: string;
  validFrom: string;
  validTo: string | null;
  status: PayrollOrderStatus;
  scheme: PayrollSchemeDto;
  holdUnsigned: boolean;
  holdGraceDays: number;
  conditions: string;
  userIds: number[];
  roles: Role[];
  createdByName: string | null;
  sentAt: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  supersededBy: number | null;
  supersededByNumber: string | null;
  supersededByFrom: string | null;
  updatedAt: string;
  version: number;
}

/** Who acknowledged an order and when. */
export interface PayrollAcknowledgement {
  userId: number;
  acknowledgedAt: string;
}

interface OrderRow {
  id: number;
  number: string;
  order_date: string | null;
  title: string;
  valid_from: string;
  valid_to: string | null;
  status: PayrollOrderStatus;
  scheme: string;
  hold_unsigned: number;
  hold_grace_days: number;
  conditions: string;
  created_by_name: string | null;
  sent_at: string | null;
  approved_at: string | null;
  approved_by_name: string | null;
  superseded_by: number | null;
  superseded_by_number: string | null;
  superseded_by_from: string | null;
  updated_at: string;
  version: number;
}

const ORDER_SELECT = `
  SELECT o.id, o.number, o.order_date, o.title, o.valid_from, o.valid_to, o.status, o.scheme, o.hold_unsigned,
         o.hold_grace_days, o.conditions, c.full_name AS created_by_name, o.sent_at, o.approved_at,
         a.full_name AS approved_by_name, o.superseded_by, s.number AS superseded_by_number,
         s.valid_from AS superseded_by_from, o.updated_at, o.version
  FROM payroll_orders o
  LEFT JOIN users c ON c.id = o.created_by
  LEFT JOIN users a ON a.id = o.approved_by
  LEFT JOIN payroll_orders s ON s.id = o.superseded_by`;

/** The approval's number and date, and the orders it supersedes. */
export interface ApproveOrder {
  orderDate: string;
  year: number;
  supersedes: readonly number[];
}

/** Payroll orders: drafts, coverage, the approval path, superseding and acknowledgements. */
export function createPayrollOrdersRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const coverageOf = (ids: readonly number[]): Map<number, { userIds: number[]; roles: Role[] }> => {
    const out = new Map<number, { userIds: number[]; roles: Role[] }>();
    if (ids.length === 0) return out;
    const rows = sqlite
      .prepare(`SELECT order_id, user_id, role FROM payroll_order_coverage WHERE order_id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`)
      .all(...ids) as { order_id: number; user_id: number | null; role: Role | null }[];
    for (const r of rows) {
      const c = out.get(r.order_id) ?? { userIds: [], roles: [] };
      if (r.user_id !== null) c.userIds.push(r.user_id);
      if (r.role !== null) c.roles.push(r.role);
      out.set(r.order_id, c);
    }
    return out;
  };
  const toRecords = (rows: OrderRow[]): PayrollOrderRecord[] => {
    const coverage = coverageOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      orderDate: r.order_date,
      title: r.title,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: r.status,
      scheme: payrollSchemeSchema.parse(JSON.parse(r.scheme)),
      holdUnsigned: r.hold_unsigned === 1,
      holdGraceDays: r.hold_grace_days,
      conditions: r.conditions,
      userIds: coverage.get(r.id)?.userIds ?? [],
      roles: coverage.get(r.id)?.roles ?? [],
      createdByName: r.created_by_name,
      sentAt: r.sent_at,
      approvedAt: r.approved_at,
      approvedByName: r.approved_by_name,
      supersededBy: r.superseded_by,
      supersededByNumber: r.superseded_by_number,
      supersededByFrom: r.superseded_by_from,
      updatedAt: r.updated_at,
      version: r.version,
    }));
  };
  const getSync = (id: number): PayrollOrderRecord | null => {
    const r = sqlite.prepare(`${ORDER_SELECT} WHERE o.id = ?`).get(id) as OrderRow | undefined;
    return r ? (toRecords([r])[0] ?? null) : null;
  };
  const writeCoverage = (id: number, o: PayrollOrderParsed) => {
    db.delete(payrollOrderCoverage).where(eq(payrollOrderCoverage.orderId, id)).run();
    for (const userId of [...new Set(o.userIds)]) db.insert(payrollOrderCoverage).values({ orderId: id, userId }).run();
    for (const role of [...new Set(o.roles)]) db.insert(payrollOrderCoverage).values({ orderId: id, role }).run();
  };
  const values = (o: PayrollOrderParsed, at: string) => ({
    title: o.title,
    validFrom: o.validFrom,
    validTo: o.validTo,
    scheme: JSON.stringify(o.scheme),
    holdUnsigned: o.holdUnsigned,
    holdGraceDays: o.holdGraceDays,
    conditions: o.conditions,
    updatedAt: at,
  });
  const setStatus = (actor: Actor, id: number, from: PayrollOrderStatus, to: PayrollOrderStatus): PayrollOrderRecord | null =>
    inTransaction(deps, () => {
      const before = getSync(id);
      if (!before || before.status !== from) return null;
      const at = deps.now().toISOString();
      const sent = to === 'sent' ? { sentBy: actor.userId, sentAt: at } : { sentBy: null, sentAt: null };
      db.update(payrollOrders).set({ status: to, ...sent, updatedAt: at }).where(eq(payrollOrders.id, id)).run();
      bumpVersionSync(sqlite, 'payroll_orders', id, actor.userId);
      appendAudit(sqlite, actor, { action: 'status', entity: 'payroll_order', entityId: id, before: { status: from }, after: { status: to } }, at);
      return getSync(id);
    });

  return {
    /** Every order, newest start first. */
    async list(): Promise<PayrollOrderRecord[]> {
      return toRecords(sqlite.prepare(`${ORDER_SELECT} ORDER BY o.valid_from DESC, o.id DESC`).all() as OrderRow[]);
    },
    /** One order, or null. */
    async get(id: number): Promise<PayrollOrderRecord | null> {
      return getSync(id);
    },
    /** Approved and superseded orders: the ones that ever were in force. */
    async inForceOrders(): Promise<PayrollOrderRecord[]> {
      return toRecords(sqlite.prepare(`${ORDER_SELECT} WHERE o.status IN ('approved', 'superseded') ORDER BY o.valid_from, o.id`).all() as OrderRow[]);
    },
    /** People the editor can cover (and whose roles resolve role coverage). */
    async people(): Promise<PayrollPerson[]> {
      const rows = sqlite.prepare('SELECT id, full_name, position, role, active FROM users ORDER BY full_name').all() as {
        id: number;
        full_name: string;
        position: string;
        role: Role;
        active: number;
      }[];
      return rows.map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, role: r.role, active: r.active === 1 }));
    },
    /** Creates a draft with its coverage; audited. */
    async create(actor: Actor, o: PayrollOrderParsed): Promise<PayrollOrderRecord> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const { id } = db.insert(payrollOrders).values({ ...values(o, at), createdBy: actor.userId, createdAt: at, updatedBy: actor.userId }).returning({ id: payrollOrders.id }).get();
        writeCoverage(id, o);
        const after = getSync(id);
        appendAudit(sqlite, actor, { action: 'create', entity: 'payroll_order', entityId: id, after }, at);
        if (!after) throw new Error('payroll order vanished after insert');
        return after;
      });
    },
    /**
     * Rewrites a draft saved on `version` (StaleRecordError when another save came first; null when
     * it is missing or no longer a draft); audited.
     */
    async update(actor: Actor, id: number, o: PayrollOrderParsed, version?: number): Promise<PayrollOrderRecord | null> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before || before.status !== 'draft') return null;
        if (version !== undefined) claimVersionSync(sqlite, 'payroll_orders', id, version, actor.userId);
        const at = deps.now().toISOString();
        db.update(payrollOrders).set(values(o, at)).where(eq(payrollOrders.id, id)).run();
        writeCoverage(id, o);
        const after = getSync(id);
        appendAudit(sqlite, actor, { action: 'update', entity: 'payroll_order', entityId: id, before, after }, at);
        return after;
      });
    },
    /** Deletes a draft; false when it is missing or not a draft. */
    async remove(actor: Actor, id: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before || before.status !== 'draft') return false;
        const at = deps.now().toISOString();
        db.delete(payrollOrders).where(eq(payrollOrders.id, id)).run();
        appendAudit(sqlite, actor, { action: 'delete', entity: 'payroll_order', entityId: id, before }, at);
        return true;
      });
    },
    /** Draft → sent for approval. */
    async send(actor: Actor, id: number): Promise<PayrollOrderRecord | null> {
      return setStatus(actor, id, 'draft', 'sent');
    },
    /** Sent → back to draft (the director asks for changes). */
    async returnToDraft(actor: Actor, id: number): Promise<PayrollOrderRecord | null> {
      return setStatus(actor, id, 'sent', 'draft');
    },
    /**
     * Sent → approved: numbers it («N-ЗП», N counting the year's approved orders), dates it and
     * supersedes the given approved orders, all in one transaction with the audit entries.
     */
    async approve(actor: Actor, id: number, a: ApproveOrder): Promise<PayrollOrderRecord | null> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before || before.status !== 'sent') return null;
        const at = deps.now().toISOString();
        const last = sqlite.prepare('SELECT MAX(number_seq) AS n FROM payroll_orders WHERE number_year = ?').get(a.year) as { n: number | null };
        const seq = (last.n ?? 0) + 1;
        // Bumped while still 'sent': once approved the row is frozen, its version included.
        bumpVersionSync(sqlite, 'payroll_orders', id, actor.userId);
        db.update(payrollOrders)
          .set({ status: 'approved', number: `${seq}-ЗП`, numberSeq: seq, numberYear: a.year, orderDate: a.orderDate, approvedBy: actor.userId, approvedAt: at, updatedAt: at })
          .where(eq(payrollOrders.id, id))
          .run();
        for (const oldId of a.supersedes) {
          db.update(payrollOrders).set({ status: 'superseded', supersededBy: id, supersededAt: at }).where(eq(payrollOrders.id, oldId)).run();
          appendAudit(sqlite, actor, { action: 'status', entity: 'payroll_order', entityId: oldId, before: { status: 'approved' }, after: { status: 'superseded', supersededBy: id } }, at);
        }
        const after = getSync(id);
        appendAudit(sqlite, actor, { action: 'approve', entity: 'payroll_order', entityId: id, before: { status: 'sent' }, after }, at);
        return after;
      });
    },
    /** Records «ознакомлен» once; false when already recorded. */
    async acknowledge(actor: Actor, orderId: number, userId: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const exists = sqlite.prepare('SELECT 1 AS x FROM payroll_acknowledgements WHERE order_id = ? AND user_id = ?').get(orderId, userId);
        if (exists) return false;
        const at = deps.now().toISOString();
        db.insert(payrollAcknowledgements).values({ orderId, userId, acknowledgedAt: at }).run();
        appendAudit(sqlite, actor, { action: 'acknowledge', entity: 'payroll_order', entityId: orderId, after: { userId, acknowledgedAt: at } }, at);
        return true;
      });
    },
    /** Who acknowledged an order. */
    async acknowledgements(orderId: number): Promise<PayrollAcknowledgement[]> {
      return sqlite
        .prepare('SELECT user_id AS userId, acknowledged_at AS acknowledgedAt FROM payroll_acknowledgements WHERE order_id = ? ORDER BY acknowledged_at')
        .all(orderId) as PayrollAcknowledgement[];
    },
  };
}

/** The payroll orders repository (`store.payroll.orders`). */
export type PayrollOrdersRepo = ReturnType<typeof createPayrollOrdersRepo>;
