// Synchronous building blocks of the money repositories, called inside their transactions: inserting a
// payment with its allocations, the manager at payment time, and the client's ladder facts.
import { formatDateNumeric, formatMoneyRub } from '../../core/index';
import type { RepoDeps } from '../drizzle';
import { addEventSync } from './client-writes';

/** An allocation to write: money on one invoice, its VAT share and the rule that found it. */
export interface NewAllocation {
  documentId: number;
  amountKopecks: number;
  vatKopecks: number;
  rule: 'number_date' | 'inn_amount' | 'inn_open' | 'manual';
}

/** A payment to write, already classified and matched by the server (VAT computed, net = amount − VAT). */
export interface NewPayment {
  direction: 'in' | 'out';
  kind: 'client' | 'bank_fee' | 'outgoing' | 'other';
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
       VALUES (@direction, @kind, @date, @month, @amountKopecks, @vatKopecks, @net, @vatSource, @orgId, @ourAccount,
        @payerInn, @payerName, @payerAccount, @payerBik, @payeeInn, @payeeName, @payeeAccount, @payeeBik, @purpose, @docNumber, @docType,
        @docDate, @statementId, @clientId, @managerId, @matchRule, @dedupeKey, @extra, @comment, @createdBy, @at, @at)
       ON CONFLICT(dedupe_key) DO NOTHING`,
    ),
    insertAllocation: sqlite.prepare(
      'INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    responsible: sqlite.prepare('SELECT responsible_id FROM clients WHERE id = ?'),
    transferBefore: sqlite.prepare('SELECT to_user_id FROM client_transfers WHERE client_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1'),
    transferAfter: sqlite.prepare('SELECT from_user_id, to_user_id FROM client_transfers WHERE client_id = ? AND at > ? ORDER BY at, id LIMIT 1'),
    createdOn: sqlite.prepare('SELECT substr(created_at, 1, 10) AS day FROM clients WHERE id = ?'),
    hasPaymentFact: sqlite.prepare("SELECT 1 AS x FROM client_events WHERE client_id = ? AND kind = 'payment' LIMIT 1"),
    priorAllocations: sqlite.prepare(
      `SELECT p.month, a.document_id FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
       WHERE p.client_id = ? AND p.id <> ? AND p.direction = 'in' AND p.kind = 'client'`,
    ),
    invoiceLabels: sqlite.prepare(
      `SELECT d.id, d.number, d.doc_date FROM payment_allocations a JOIN documents d ON d.id = a.document_id WHERE a.payment_id = ? ORDER BY a.id`,
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
  const s = stmts(deps);
  const end = `${date}T23:59:59.999Z`;
  const before = s.transferBefore.get(clientId, end) as { to_user_id: number | null } | undefined;
  if (before) return before.to_user_id;
  const after = s.transferAfter.get(clientId, end) as { from_user_id: number | null; to_user_id: number | null } | undefined;
  if (after) {
    const created = s.createdOn.get(clientId) as { day: string } | undefined;
    return after.from_user_id === null && created !== undefined && date < created.day ? after.to_user_id : after.from_user_id;
  }
  return (s.responsible.get(clientId) as { responsible_id: number | null } | undefined)?.responsible_id ?? null;
}

/** Inserts a payment and its allocations; returns its id, or null when its dedupe key is already stored. */
export function insertPaymentSync(deps: RepoDeps, p: NewPayment, statementId: number | null, createdBy: number | null, at: string): number | null {
  const s = stmts(deps);
  const managerId = p.clientId === null ? null : ownerAtSync(deps, p.clientId, p.date);
  const res = s.insertPayment.run({
    ...p,
    month: p.date.slice(0, 7),
    net: p.amountKopecks - p.vatKopecks,
    statementId,
    managerId,
    createdBy,
    at,
  });
  if (res.changes === 0) return null;
  const id = Number(res.lastInsertRowid);
  insertAllocationsSync(deps, id, p.allocations, createdBy, at);
  return id;
}

/** Writes allocations of a payment. */
export function insertAllocationsSync(deps: RepoDeps, paymentId: number, allocations: readonly NewAllocation[], createdBy: number | null, at: string): void {
  const s = stmts(deps);
  for (const a of allocations) s.insertAllocation.run(paymentId, a.documentId, a.amountKopecks, a.vatKopecks, a.rule, createdBy, at);
}

/**
 * Moves the client's ladder for a matched payment: the first one is «оплата»; one in a later month
 * than the first, or for an invoice no earlier payment paid, is «повторная оплата»; any other (the
 * second part of the same invoice) goes into the history without a fact.
 */
export function recordPaymentFactSync(
  deps: RepoDeps,
  p: { id: number; clientId: number | null; month: string; date: string; amountKopecks: number },
  userId: number | null,
  at: string,
): void {
  if (p.clientId === null) return;
  const s = stmts(deps);
  const invoices = s.invoiceLabels.all(p.id) as { id: number; number: string; doc_date: string }[];
  if (invoices.length === 0) return;
  const what = `${formatMoneyRub(p.amountKopecks)} от ${formatDateNumeric(p.date)} по ${invoices.map((i) => `счёту № ${i.number} от ${formatDateNumeric(i.doc_date)}`).join(', ')}`;
  let kind = 'payment';
  let text = `Оплата: ${what}`;
  if (s.hasPaymentFact.get(p.clientId)) {
    const prior = s.priorAllocations.all(p.clientId, p.id) as { month: string; document_id: number }[];
    const firstMonth = prior.reduce<string | null>((m, r) => (m === null || r.month < m ? r.month : m), null);
    const paidBefore = new Set(prior.map((r) => r.document_id));
    const repeat = firstMonth !== null && (p.month > firstMonth || invoices.some((i) => !paidBefore.has(i.id)));
    kind = repeat ? 'repeat_payment' : 'payment_received';
    text = repeat ? `Повторная оплата: ${what}` : `Поступила доплата: ${what}`;
  }
  addEventSync(deps, { clientId: p.clientId, kind, text, userId, at, refEntity: 'payment', refId: p.id });
}
