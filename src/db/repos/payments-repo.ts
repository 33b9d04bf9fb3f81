import type { PaymentFilter } from '../../shared/api/money';
import type { PaymentDto, PaymentKind } from '../../shared/api/money-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { monthClosedSync } from './money-base-repo';
import { PAYMENT_SELECT, toPaymentDtos, type PaymentRowShape } from './payment-rows';
import { recordPaymentFactSync } from './payment-facts';
import { insertAllocationsSync, insertPaymentSync, ownerAtSync, type NewAllocation, type NewPayment } from './payment-writes';

/** The month of the payment is closed: nothing in it may change. */
export class MonthClosedError extends Error {
  constructor(readonly month: string) {
    super(`month ${month} is closed`);
  }
}

/** The same bank document (date, number, amount, payer, our account) is already stored. */
export class DuplicatePaymentError extends Error {
  constructor(readonly paymentId: number) {
    super(`duplicate of payment ${paymentId}`);
  }
}

/** A new matching of a payment: its client, allocations and the VAT that follows from them. */
export interface PaymentMatch {
  clientId: number | null;
  allocations: NewAllocation[];
  vatKopecks: number;
  vatSource: 'invoices' | 'purpose' | 'none';
  matchRule: NewPayment['matchRule'];
}

function audited(p: PaymentDto) {
  return {
    kind: p.kind,
    direction: p.direction,
    date: p.date,
    amountKopecks: p.amountKopecks,
    vatKopecks: p.vatKopecks,
    payer: p.payerName,
    docNumber: p.docNumber,
    clientId: p.clientId,
    managerId: p.managerId,
    allocations: p.allocations.map((a) => ({ documentId: a.documentId, amountKopecks: a.amountKopecks })),
  };
}

/** Payments (`store.money`): the list, one payment, manual entry, matching by hand, kind changes, deletion. */
export function createPaymentsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const getSync = (id: number): PaymentDto | null => {
    const r = sqlite.prepare(`${PAYMENT_SELECT} WHERE p.id = ?`).get(id) as PaymentRowShape | undefined;
    return r ? (toPaymentDtos(deps, [r])[0] ?? null) : null;
  };
  const assertOpen = (month: string) => {
    if (monthClosedSync(deps, month)) throw new MonthClosedError(month);
  };
  const mustGet = (id: number): PaymentDto => {
    const p = getSync(id);
    if (!p) throw new Error(`payment ${id} not found`);
    return p;
  };
  return {
    /** Payments by the filter, newest first; `onlyManagerId` keeps a manager to their own clients'. */
    async list(f: PaymentFilter, onlyManagerId: number | null): Promise<{ total: number; rows: PaymentDto[]; inKopecks: number; outKopecks: number }> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (sql: string, ...values: (string | number)[]) => {
        where.push(sql);
        args.push(...values);
      };
      if (f.month) add('p.month = ?', f.month);
      if (f.direction) add('p.direction = ?', f.direction);
      if (f.kind) add('p.kind = ?', f.kind);
      if (f.state === 'unmatched') add("p.direction = 'in' AND (p.kind = 'unsorted' OR (p.kind = 'client' AND NOT EXISTS (SELECT 1 FROM payment_allocations a WHERE a.payment_id = p.id)))");
      if (f.state === 'matched') add('EXISTS (SELECT 1 FROM payment_allocations a WHERE a.payment_id = p.id)');
      if (f.clientId !== undefined) add('p.client_id = ?', f.clientId);
      if (f.managerId !== undefined) add('p.manager_id = ?', f.managerId);
      if (onlyManagerId !== null) add('p.manager_id = ?', onlyManagerId);
      if (f.statementId !== undefined) add('p.statement_id = ?', f.statementId);
      if (f.search) {
        const like = `%${f.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        add("(p.payer_name LIKE ? ESCAPE '\\' OR p.payee_name LIKE ? ESCAPE '\\' OR p.purpose LIKE ? ESCAPE '\\' OR p.payer_inn = ? OR p.doc_number = ?)", like, like, like, f.search, f.search);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const totals = sqlite
        .prepare(
          `SELECT count(*) AS n, coalesce(sum(CASE WHEN p.direction = 'in' THEN p.amount_kopecks END), 0) AS inK,
             coalesce(sum(CASE WHEN p.direction = 'out' THEN p.amount_kopecks END), 0) AS outK FROM payments p ${whereSql}`,
        )
        .get(...args) as { n: number; inK: number; outK: number };
      const rows = sqlite.prepare(`${PAYMENT_SELECT} ${whereSql} ORDER BY p.date DESC, p.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as PaymentRowShape[];
      return { total: totals.n, rows: toPaymentDtos(deps, rows), inKopecks: totals.inK, outKopecks: totals.outK };
    },
    /** Payments that pay any of these documents, oldest first. */
    async forDocuments(documentIds: readonly number[]): Promise<PaymentDto[]> {
      if (documentIds.length === 0) return [];
      const rows = sqlite
        .prepare(`${PAYMENT_SELECT} WHERE p.id IN (SELECT payment_id FROM payment_allocations WHERE document_id IN (${documentIds.map(() => '?').join(', ')})) ORDER BY p.date, p.id`)
        .all(...documentIds) as PaymentRowShape[];
      return toPaymentDtos(deps, rows);
    },
    /** One payment, or null. */
    async get(id: number): Promise<PaymentDto | null> {
      return getSync(id);
    },
    /** Stores a payment entered by hand with its allocations; moves the client's ladder; audited. */
    async create(actor: Actor, p: NewPayment): Promise<PaymentDto> {
      const at = deps.now().toISOString();
      return inTransaction(deps, () => {
        assertOpen(p.date.slice(0, 7));
        const id = insertPaymentSync(deps, p, null, actor.userId, at);
        if (id === null) {
          const existing = sqlite.prepare('SELECT id FROM payments WHERE dedupe_key = ?').get(p.dedupeKey) as { id: number };
          throw new DuplicatePaymentError(existing.id);
        }
        const created = mustGet(id);
        recordPaymentFactSync(deps, { id, clientId: created.clientId, month: created.month, date: created.date, amountKopecks: created.amountKopecks }, actor.userId, at);
        appendAudit(sqlite, actor, { action: 'create', entity: 'payment', entityId: id, after: audited(created) }, at);
        return created;
      });
    },
    /** Replaces a payment's client and allocations (an empty list puts it back in the queue); audited. */
    async match(actor: Actor, id: number, m: PaymentMatch): Promise<PaymentDto> {
      const at = deps.now().toISOString();
      return inTransaction(deps, () => {
        const before = mustGet(id);
        assertOpen(before.month);
        sqlite.prepare('DELETE FROM payment_allocations WHERE payment_id = ?').run(id);
        insertAllocationsSync(deps, id, m.allocations, actor.userId, at);
        const managerId = m.clientId === null ? null : ownerAtSync(deps, m.clientId, before.date);
        sqlite
          .prepare(
            `UPDATE payments SET client_id = ?, manager_id = ?, vat_kopecks = ?, amount_net_kopecks = amount_kopecks - ?, vat_source = ?,
               match_rule = ?, kind = CASE WHEN ? IS NULL THEN kind ELSE 'client' END, updated_at = ? WHERE id = ?`,
          )
          .run(m.clientId, managerId, m.vatKopecks, m.vatKopecks, m.vatSource, m.matchRule, m.clientId, at, id);
        const after = mustGet(id);
        if (m.allocations.length > 0) recordPaymentFactSync(deps, { id, clientId: after.clientId, month: after.month, date: after.date, amountKopecks: after.amountKopecks }, actor.userId, at);
        appendAudit(sqlite, actor, { action: 'match', entity: 'payment', entityId: id, before: audited(before), after: audited(after) }, at);
        return after;
      });
    },
    /** Changes what a payment is; a payment that stops being client money loses its client and invoices. */
    async setKind(actor: Actor, id: number, kind: PaymentKind, comment: string): Promise<PaymentDto> {
      const at = deps.now().toISOString();
      return inTransaction(deps, () => {
        const before = mustGet(id);
        assertOpen(before.month);
        if (kind !== 'client') {
          sqlite.prepare('DELETE FROM payment_allocations WHERE payment_id = ?').run(id);
          sqlite
            .prepare("UPDATE payments SET client_id = NULL, manager_id = NULL, match_rule = 'none', vat_source = CASE WHEN vat_source = 'invoices' THEN 'none' ELSE vat_source END WHERE id = ?")
            .run(id);
          sqlite.prepare("UPDATE payments SET vat_kopecks = 0, amount_net_kopecks = amount_kopecks WHERE id = ? AND vat_source = 'none'").run(id);
        }
        sqlite.prepare('UPDATE payments SET kind = ?, comment = ?, updated_at = ? WHERE id = ?').run(kind, comment, at, id);
        const after = mustGet(id);
        appendAudit(sqlite, actor, { action: 'update', entity: 'payment', entityId: id, before: audited(before), after: { ...audited(after), comment } }, at);
        return after;
      });
    },
    /** Deletes a payment of an open month with its allocations; audited. */
    async remove(actor: Actor, id: number): Promise<void> {
      const at = deps.now().toISOString();
      inTransaction(deps, () => {
        const before = mustGet(id);
        assertOpen(before.month);
        sqlite.prepare('DELETE FROM payments WHERE id = ?').run(id);
        appendAudit(sqlite, actor, { action: 'delete', entity: 'payment', entityId: id, before: audited(before) }, at);
      });
    },
  };
}
