// A matched payment moves the client's ladder: the first one is «оплата»; one in a later month than
// the first, or for an invoice no earlier payment paid, is «повторная оплата»; any other (the second
// part of the same invoice in the same month) goes into the history without a fact.
import { computeLadder, factsFromEventCounts, formatDateNumeric, formatMoneyRub } from '../../core/index';
import type { RepoDeps } from '../drizzle';
import { insertRowsSync } from '../batch-insert';
import { addEventSync } from './client-writes';

/** A matched payment as the ladder sees it. */
export interface FactPayment {
  id: number;
  clientId: number | null;
  month: string;
  date: string;
  amountKopecks: number;
  invoices: { id: number; number: string; docDate: string }[];
}

/** What is known of a client's payments before this one. */
export interface ClientPaymentState {
  hasFact: boolean;
  firstMonth: string | null;
  paid: Set<number>;
}

function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The clients' payment states as stored now (call before writing the new payments), leaving out `exceptPaymentId`. */
export function loadFactStatesSync(deps: RepoDeps, clientIds: readonly number[], exceptPaymentId = 0): Map<number, ClientPaymentState> {
  const out = new Map<number, ClientPaymentState>();
  for (const part of chunks([...new Set(clientIds)])) {
    const marks = part.map(() => '?').join(', ');
    for (const id of part) out.set(id, { hasFact: false, firstMonth: null, paid: new Set() });
    const facts = deps.sqlite.prepare(`SELECT DISTINCT client_id FROM client_events WHERE kind = 'payment' AND client_id IN (${marks})`).raw().all(...part) as [number][];
    for (const [id] of facts) {
      const st = out.get(id);
      if (st) st.hasFact = true;
    }
    const prior = deps.sqlite
      .prepare(
        `SELECT p.client_id, p.month, a.document_id FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
         WHERE p.client_id IN (${marks}) AND p.id <> ? AND p.direction = 'in' AND p.kind = 'client'`,
      )
      .raw()
      .all(...part, exceptPaymentId) as [number, string, number][];
    for (const [id, month, documentId] of prior) {
      const st = out.get(id);
      if (!st) continue;
      if (st.firstMonth === null || month < st.firstMonth) st.firstMonth = month;
      st.paid.add(documentId);
    }
  }
  return out;
}

/** The fact's words: formatDateNumeric and formatMoneyRub, each distinct value formatted once per import. */
interface FactWords {
  date(iso: string): string;
  money(kopecks: number): string;
}

const plainWords: FactWords = { date: formatDateNumeric, money: formatMoneyRub };

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const known = new Map<K, V>();
  return (k) => {
    let v = known.get(k);
    if (v === undefined) {
      v = fn(k);
      known.set(k, v);
    }
    return v;
  };
}

function decide(st: ClientPaymentState, p: FactPayment, words: FactWords = plainWords): { kind: string; text: string } {
  const what = `${words.money(p.amountKopecks)} от ${words.date(p.date)} по ${p.invoices.map((i) => `счёту № ${i.number} от ${words.date(i.docDate)}`).join(', ')}`;
  if (!st.hasFact) return { kind: 'payment', text: `Оплата: ${what}` };
  const repeat = st.firstMonth !== null && (p.month > st.firstMonth || p.invoices.some((i) => !st.paid.has(i.id)));
  return repeat ? { kind: 'repeat_payment', text: `Повторная оплата: ${what}` } : { kind: 'payment_received', text: `Поступила доплата: ${what}` };
}

function remember(st: ClientPaymentState, p: FactPayment): void {
  st.hasFact = true;
  if (st.firstMonth === null || p.month < st.firstMonth) st.firstMonth = p.month;
  for (const i of p.invoices) st.paid.add(i.id);
}

/** Records the ladder fact of one matched payment (manual entry, manual matching). */
export function recordPaymentFactSync(deps: RepoDeps, p: Omit<FactPayment, 'invoices'>, userId: number | null, at: string): void {
  if (p.clientId === null) return;
  const invoices = deps.sqlite
    .prepare('SELECT d.id, d.number, d.doc_date AS docDate FROM payment_allocations a JOIN documents d ON d.id = a.document_id WHERE a.payment_id = ? ORDER BY a.id')
    .all(p.id) as FactPayment['invoices'];
  if (invoices.length === 0) return;
  const st = loadFactStatesSync(deps, [p.clientId], p.id).get(p.clientId) ?? { hasFact: false, firstMonth: null, paid: new Set<number>() };
  const fact = decide(st, { ...p, invoices });
  addEventSync(deps, { clientId: p.clientId, kind: fact.kind, text: fact.text, userId, at, refEntity: 'payment', refId: p.id });
}

const EVENT_INSERT = 'INSERT INTO client_events (client_id, kind, at, user_id, text, ref_entity, ref_id)';

/**
 * Records the facts of a statement's matched payments in date order against the states loaded before
 * they were written (BATCH_ROWS events per INSERT, in that order); returns the clients whose ladder the
 * caller recomputes once at the end (refreshLaddersSync).
 */
export function recordImportFactsSync(deps: RepoDeps, states: Map<number, ClientPaymentState>, payments: readonly FactPayment[], userId: number | null, at: string): number[] {
  const words: FactWords = { date: memo(formatDateNumeric), money: memo(formatMoneyRub) };
  const touched = new Set<number>();
  const events: unknown[] = [];
  for (const p of payments) {
    if (p.clientId === null || p.invoices.length === 0) continue;
    let st = states.get(p.clientId);
    if (!st) {
      st = { hasFact: false, firstMonth: null, paid: new Set() };
      states.set(p.clientId, st);
    }
    const fact = decide(st, p, words);
    events.push(p.clientId, fact.kind, at, userId, fact.text, 'payment', p.id);
    remember(st, p);
    touched.add(p.clientId);
  }
  insertRowsSync(deps.sqlite, EVENT_INSERT, 7, events);
  return [...touched];
}

/**
 * Marks clients active and recomputes their stored ladder steps: one count of their events by kind and
 * one UPDATE that writes each client's row once (activity and step together), for all of them.
 */
export function refreshLaddersSync(deps: RepoDeps, clientIds: readonly number[], at: string): void {
  if (clientIds.length === 0) return;
  const counts = new Map<number, Record<string, number>>();
  const rows = deps.sqlite
    .prepare('SELECT client_id, kind, count(*) FROM client_events WHERE client_id IN (SELECT value FROM json_each(?)) GROUP BY client_id, kind')
    .raw()
    .all(JSON.stringify(clientIds)) as [number, string, number][];
  for (const [id, kind, n] of rows) {
    const c = counts.get(id);
    if (c) c[kind] = n;
    else counts.set(id, { [kind]: n });
  }
  const steps = clientIds.map((id) => [id, computeLadder(factsFromEventCounts(counts.get(id) ?? {})).current]);
  deps.sqlite
    .prepare(
      `UPDATE clients SET last_activity_at = ?, ladder_step = s.value ->> 1
       FROM json_each(?) s WHERE clients.id = s.value ->> 0`,
    )
    .run(at, JSON.stringify(steps));
}
