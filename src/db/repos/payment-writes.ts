// Synchronous building blocks of the money repositories, called inside their transactions: inserting a
// payment with its allocations, the manager at payment time, and the client's ladder facts.
import { BATCH_ROWS, batchStatement, insertRowsSync } from '../batch-insert';
import type { RepoDeps } from '../drizzle';
import { ownersOnDaysSync } from './payment-owners';

/** An allocation to write: money on one invoice, its VAT share and the rule that found it. */
export interface NewAllocation {
  documentId: number;
  amountKopecks: number;
  vatKopecks: number;
  rule: 'number_date' | 'inn_amount' | 'inn_open' | 'manual';
  /** The invoice's number and date when the caller has read them (an issued invoice's never change): its ladder fact names it without reading it again. */
  invoice?: { number: string; docDate: string };
}

/** A payment to write, already classified and matched by the server (VAT computed, net = amount − VAT). */
export interface NewPayment {
  direction: 'in' | 'out';
  kind: 'client' | 'bank_fee' | 'outgoing' | 'other' | 'unsorted';
  date: string;
  amountKopecks: number;
  vatKopecks: number;
  vatSource: 'invoices' | 'purpose' | 'none';
  orgId: number;
  ourAccount: string;
  payerInn: string;
  payerName: string;
  payerAccount: string;
  payerBik: string;
  payeeInn: string;
  payeeName: string;
  payeeAccount: string;
  payeeBik: string;
  purpose: string;
  docNumber: string;
  docType: string;
  docDate: string | null;
  clientId: number | null;
  /** The client's manager on the payment day when the caller already knows it (a statement's batch); otherwise looked up. */
  managerId?: number | null;
  matchRule: 'number_date' | 'inn_amount' | 'inn_open' | 'manual' | 'none';
  dedupeKey: string;
  extra: string;
  comment: string;
  allocations: NewAllocation[];
}

/** True for the store's refusal to change a closed month (its triggers' message). */
export function isClosedMonthError(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('month_closed:');
}

function statements(deps: RepoDeps) {
  const { sqlite } = deps;
  return {
    insertPayment: sqlite.prepare(
      `INSERT INTO payments (direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, vat_source, org_id, our_account,
        payer_inn, payer_name, payer_account, payer_bik, payee_inn, payee_name, payee_account, payee_bik, purpose, doc_number, doc_type,
        doc_date, statement_id, client_id, manager_id, match_rule, dedupe_key, extra, comment, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(dedupe_key) DO NOTHING`,
    ),
    insertAllocation: sqlite.prepare(
      'INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

const cache = new WeakMap<RepoDeps['sqlite'], ReturnType<typeof statements>>();

function stmts(deps: RepoDeps): ReturnType<typeof statements> {
  let s = cache.get(deps.sqlite);
  if (!s) {
    s = statements(deps);
    cache.set(deps.sqlite, s);
  }
  return s;
}

/**
 * The client's responsible manager on a day: the owner after the last transfer up to that day's end;
 * before the first transfer, its previous owner; without transfers, the current one. A day before the
 * client was entered into the base (an older payment imported later) takes the first owner.
 */
export function ownerAtSync(deps: RepoDeps, clientId: number, date: string): number | null {
  return ownersOnDaysSync(deps, [{ clientId, date }]).get(`${clientId}|${date}`) ?? null;
}

/** Inserts a payment and its allocations; returns its id, or null when its dedupe key is already stored. */
export function insertPaymentSync(deps: RepoDeps, p: NewPayment, statementId: number | null, createdBy: number | null, at: string): number | null {
  const s = stmts(deps);
  const managerId = p.clientId === null ? null : p.managerId !== undefined ? p.managerId : ownerAtSync(deps, p.clientId, p.date);
  const res = s.insertPayment.run(
    p.direction, p.kind, p.date, p.date.slice(0, 7), p.amountKopecks, p.vatKopecks, p.amountKopecks - p.vatKopecks, p.vatSource, p.orgId, p.ourAccount,
    p.payerInn, p.payerName, p.payerAccount, p.payerBik, p.payeeInn, p.payeeName, p.payeeAccount, p.payeeBik, p.purpose, p.docNumber, p.docType,
    p.docDate, statementId, p.clientId, managerId, p.matchRule, p.dedupeKey, p.extra, p.comment, createdBy, at, at,
  );
  if (res.changes === 0) return null;
  const id = Number(res.lastInsertRowid);
  insertAllocationsSync(deps, id, p.allocations, createdBy, at);
  return id;
}

const PAYMENT_INSERT = `INSERT INTO payments (direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, vat_source, org_id, our_account,
  payer_inn, payer_name, payer_account, payer_bik, payee_inn, payee_name, payee_account, payee_bik, purpose, doc_number, doc_type,
  doc_date, statement_id, client_id, manager_id, match_rule, dedupe_key, extra, comment, created_by, created_at, updated_at)`;
const ALLOCATION_INSERT = 'INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_by, created_at)';

/**
 * Inserts many payments with their allocations, BATCH_ROWS rows per statement; returns each payment's
 * id in the order given, null where its dedupe key was already stored. Writes the same rows, in the
 * same order, as insertPaymentSync one by one.
 */
export function insertPaymentsSync(deps: RepoDeps, ps: readonly NewPayment[], statementId: number | null, createdBy: number | null, at: string): (number | null)[] {
  const idByKey = new Map<string, number>();
  for (let from = 0; from < ps.length; from += BATCH_ROWS) {
    const part = ps.slice(from, from + BATCH_ROWS);
    const values: unknown[] = [];
    for (const p of part) {
      const managerId = p.clientId === null ? null : p.managerId !== undefined ? p.managerId : ownerAtSync(deps, p.clientId, p.date);
      values.push(
        p.direction, p.kind, p.date, p.date.slice(0, 7), p.amountKopecks, p.vatKopecks, p.amountKopecks - p.vatKopecks, p.vatSource, p.orgId, p.ourAccount,
        p.payerInn, p.payerName, p.payerAccount, p.payerBik, p.payeeInn, p.payeeName, p.payeeAccount, p.payeeBik, p.purpose, p.docNumber, p.docType,
        p.docDate, statementId, p.clientId, managerId, p.matchRule, p.dedupeKey, p.extra, p.comment, createdBy, at, at,
      );
    }
    const before = deps.sqlite.prepare('SELECT coalesce(max(id), 0) FROM payments').pluck().get() as number;
    const res = batchStatement(deps.sqlite, PAYMENT_INSERT, 32, part.length, ' ON CONFLICT(dedupe_key) DO NOTHING').run(...values);
    // No RETURNING (handing 64-character keys back to JavaScript cost more than the rows): inside the write
    // transaction the statement's rows are the ones above the largest id before it. When none was skipped,
    // they took the ids just below the last one in the order of the VALUES (a skipped row leaves a gap).
    const last = Number(res.lastInsertRowid);
    if (res.changes === part.length) {
      part.forEach((p, k) => idByKey.set(p.dedupeKey, last - part.length + 1 + k));
    } else if (res.changes > 0) {
      const rows = deps.sqlite.prepare('SELECT id, dedupe_key FROM payments WHERE id > ?').raw().all(before) as [number, string][];
      for (const [id, key] of rows) idByKey.set(key, id);
    }
  }
  // A key twice in one list: only its first payment is stored, as one-by-one inserts would do.
  const seen = new Set<string>();
  const ids = ps.map((p) => {
    const id = seen.has(p.dedupeKey) ? undefined : idByKey.get(p.dedupeKey);
    seen.add(p.dedupeKey);
    return id ?? null;
  });
  const allocations: unknown[] = [];
  ps.forEach((p, i) => {
    const id = ids[i];
    if (id !== null) for (const a of p.allocations) allocations.push(id, a.documentId, a.amountKopecks, a.vatKopecks, a.rule, createdBy, at);
  });
  insertRowsSync(deps.sqlite, ALLOCATION_INSERT, 7, allocations);
  return ids;
}

/** Writes allocations of a payment. */
export function insertAllocationsSync(deps: RepoDeps, paymentId: number, allocations: readonly NewAllocation[], createdBy: number | null, at: string): void {
  const s = stmts(deps);
  for (const a of allocations) s.insertAllocation.run(paymentId, a.documentId, a.amountKopecks, a.vatKopecks, a.rule, createdBy, at);
}
