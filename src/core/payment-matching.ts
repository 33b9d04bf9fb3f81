// Matching incoming payments to our invoices, in the order of the rules: the invoice number and
// date written in the purpose; else the payer's ИНН with the exact amount owed; else the payer's
// ИНН with its open invoices, oldest first. Partial payments leave the rest owed; an overpayment is
// allocated to the (last) invoice, so the money stays with the client and the invoice.
import { classifyDirection, findInvoiceReference, isBankFee, type InvoiceReference } from './bank-statement-helpers';
import type { StatementDocument } from './bank-statement-types';
import type { Kopecks } from './money';

/** An issued invoice as matching sees it: what it asks, what it has already received. */
export type InvoiceForMatching = {
  id: number;
  /** The printed number: «15» or «СЧ-2026-0015». */
  number: string;
  /** The number within its series (15 for «СЧ-2026-0015»), when known. */
  numberSeq: number | null;
  docDate: string;
  clientId: number;
  clientInn: string;
  grossKopecks: Kopecks;
  vatKopecks: Kopecks;
  /** Already allocated to it by stored payments. */
  paidKopecks: Kopecks;
};

/** What matching needs of a payment. */
export type PaymentForMatching = { amountKopecks: Kopecks; payerInn: string; purpose: string };

/** The rule that found the invoices, or 'none'. */
export type MatchRuleUsed = 'number_date' | 'inn_amount' | 'inn_open' | 'none';

/** Money of a payment put against one invoice; `outstandingKopecks` is what the invoice was owed before. */
export type ProposedAllocation = { invoiceId: number; amountKopecks: Kopecks; outstandingKopecks: Kopecks };

/** What matching proposes for one payment. */
export type MatchProposal = {
  rule: MatchRuleUsed;
  /** The invoice the purpose names, as read (even when no such invoice was found). */
  reference: InvoiceReference | null;
  allocations: ProposedAllocation[];
  /** The payment leaves part of its invoice owed. */
  partial: boolean;
  /** Paid beyond what the invoices were owed. */
  overpaidKopecks: Kopecks;
  /** The client of the invoices, or null when nothing matched. */
  clientId: number | null;
};

/** A matcher over a set of invoices: proposes, and keeps track of what each invoice is still owed. */
export interface InvoiceMatcher {
  /** Proposes allocations for a payment without changing what is owed. */
  propose(payment: PaymentForMatching): MatchProposal;
  /** Records allocations (proposed or chosen by a person) so later payments see the invoices' new balance. */
  take(allocations: readonly { invoiceId: number; amountKopecks: Kopecks }[]): void;
  /** What an invoice is still owed (0 when paid or unknown). */
  outstanding(invoiceId: number): Kopecks;
  /** An invoice by id. */
  invoice(invoiceId: number): InvoiceForMatching | undefined;
}

/** Keys an invoice number is found by: the whole printed number, and its number in the series. */
export function invoiceNumberKeys(number: string, numberSeq: number | null): string[] {
  const whole = normalizeInvoiceNumber(number);
  const seq = numberSeq !== null && Number.isSafeInteger(numberSeq) ? String(numberSeq) : '';
  if (whole === '') return seq === '' ? [] : [seq];
  return seq === '' || seq === whole ? [whole] : [whole, seq];
}

const DIGITS = /^\d+$/;

/** Upper case, no spaces or «№», digits-only numbers without leading zeros: «№ 0015» → «15», «сч-2026-0015» → «СЧ-2026-0015». */
export function normalizeInvoiceNumber(number: string): string {
  // The common case first: a plain number («15») needs no rewriting beyond leading zeros.
  if (DIGITS.test(number)) return number.length > 1 && number.charCodeAt(0) === 48 ? number.replace(/^0+(?=\d)/, '') : number;
  const s = number.toUpperCase().replace(/Ё/g, 'Е').replace(/[\s№]/g, '').replace(/[./_-]+$/, '');
  return DIGITS.test(s) ? s.replace(/^0+(?=\d)/, '') : s;
}

const byAge = (a: InvoiceForMatching, b: InvoiceForMatching) => (a.docDate < b.docDate ? -1 : a.docDate > b.docDate ? 1 : a.id - b.id);

/** Adds `inv` under `key`: one invoice as itself, a second turns it into a list (most numbers name one invoice). */
function addByNumber(map: Map<string, InvoiceForMatching | InvoiceForMatching[]>, key: string, inv: InvoiceForMatching): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, inv);
  else if (Array.isArray(known)) known.push(inv);
  else map.set(key, [known, inv]);
}

/** Builds a matcher over the invoices (issued invoices; paid ones too, so a number in a purpose still finds them). */
export function createInvoiceMatcher(invoices: readonly InvoiceForMatching[]): InvoiceMatcher {
  const byId = new Map<number, InvoiceForMatching>();
  const owed = new Map<number, Kopecks>();
  const byNumber = new Map<string, InvoiceForMatching | InvoiceForMatching[]>();
  const byInn = new Map<string, InvoiceForMatching[]>();
  // Each payer's invoices oldest first; invoices given in that order (as the base reads them) need no sorting.
  const unsorted = new Set<InvoiceForMatching[]>();
  for (const inv of invoices) {
    byId.set(inv.id, inv);
    owed.set(inv.id, Math.max(0, inv.grossKopecks - inv.paidKopecks));
    for (const key of invoiceNumberKeys(inv.number, inv.numberSeq)) addByNumber(byNumber, key, inv);
    if (inv.clientInn !== '') {
      const list = byInn.get(inv.clientInn);
      if (list === undefined) byInn.set(inv.clientInn, [inv]);
      else {
        if (byAge(list[list.length - 1], inv) > 0) unsorted.add(list);
        list.push(inv);
      }
    }
  }
  for (const list of unsorted) list.sort(byAge);
  const outstanding = (id: number) => owed.get(id) ?? 0;

  const single = (inv: InvoiceForMatching, amount: Kopecks, rule: MatchRuleUsed, reference: InvoiceReference | null): MatchProposal => {
    const before = outstanding(inv.id);
    return {
      rule,
      reference,
      allocations: [{ invoiceId: inv.id, amountKopecks: amount, outstandingKopecks: before }],
      partial: amount < before,
      overpaidKopecks: Math.max(0, amount - before),
      clientId: inv.clientId,
    };
  };

  const byReference = (ref: InvoiceReference, payerInn: string): InvoiceForMatching | null => {
    const seen = new Set<number>();
    const candidates: InvoiceForMatching[] = [];
    for (const key of invoiceNumberKeys(ref.number, null)) {
      const found = byNumber.get(key);
      for (const inv of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
        if (!seen.has(inv.id)) {
          seen.add(inv.id);
          candidates.push(inv);
        }
      }
    }
    const samePayer = (list: InvoiceForMatching[]) => (payerInn === '' ? [] : list.filter((i) => i.clientInn === payerInn));
    const dated = ref.date === null ? [] : candidates.filter((i) => i.docDate === ref.date);
    if (dated.length === 1) return dated[0];
    if (dated.length > 1) {
      const ours = samePayer(dated);
      return ours.length === 1 ? ours[0] : null;
    }
    // No date in the purpose (or a mistyped one): the number is enough when only one of the payer's invoices has it.
    const ours = samePayer(candidates);
    return ours.length === 1 ? ours[0] : null;
  };

  return {
    propose(payment) {
      const reference = findInvoiceReference(payment.purpose);
      const amount = payment.amountKopecks;
      if (reference) {
        const inv = byReference(reference, payment.payerInn);
        if (inv) return single(inv, amount, 'number_date', reference);
      }
      const open = payment.payerInn === '' ? [] : (byInn.get(payment.payerInn) ?? []).filter((i) => outstanding(i.id) > 0);
      const exact = open.find((i) => outstanding(i.id) === amount);
      if (exact) return single(exact, amount, 'inn_amount', reference);
      if (open.length > 0) {
        const allocations: ProposedAllocation[] = [];
        let left = amount;
        for (const inv of open) {
          if (left <= 0) break;
          const before = outstanding(inv.id);
          const last = inv === open[open.length - 1];
          const part = last ? left : Math.min(left, before);
          allocations.push({ invoiceId: inv.id, amountKopecks: part, outstandingKopecks: before });
          left -= part;
        }
        const final = allocations[allocations.length - 1];
        return {
          rule: 'inn_open',
          reference,
          allocations,
          partial: final.amountKopecks < final.outstandingKopecks,
          overpaidKopecks: Math.max(0, final.amountKopecks - final.outstandingKopecks),
          clientId: open[0].clientId,
        };
      }
      return { rule: 'none', reference, allocations: [], partial: false, overpaidKopecks: 0, clientId: null };
    },
    take(allocations) {
      for (const a of allocations) owed.set(a.invoiceId, Math.max(0, outstanding(a.invoiceId) - a.amountKopecks));
    },
    outstanding,
    invoice: (id) => byId.get(id),
  };
}

/** What a statement line is for us: a client's money, our payment out, the bank's fee, or something else (a transfer between our accounts). */
export type StatementPaymentClass = {
  direction: 'in' | 'out';
  kind: 'client' | 'bank_fee' | 'outgoing' | 'other' | 'unsorted';
  /** Our account the money moved on. */
  ourAccount: string;
  /** The day it arrived or left: «ДатаПоступило» / «ДатаСписано», else the document's date. */
  bookedDate: string;
};

/** Classifies one statement document against our accounts; `statementAccount` decides a transfer between two of ours. */
export function classifyStatementPayment(doc: StatementDocument, ourAccounts: readonly string[], statementAccount: string): StatementPaymentClass {
  const direction = classifyDirection(doc, ourAccounts);
  if (direction === 'in') return { direction, kind: 'client', ourAccount: doc.payeeAccount, bookedDate: doc.dateCredited ?? doc.date };
  if (direction === 'out') {
    return { direction, kind: isBankFee(doc) ? 'bank_fee' : 'outgoing', ourAccount: doc.payerAccount, bookedDate: doc.dateDebited ?? doc.date };
  }
  const incoming = doc.payeeAccount === statementAccount || (doc.payerAccount !== statementAccount && doc.dateCredited !== undefined);
  return incoming
    ? { direction: 'in', kind: 'other', ourAccount: statementAccount, bookedDate: doc.dateCredited ?? doc.date }
    : { direction: 'out', kind: 'other', ourAccount: statementAccount, bookedDate: doc.dateDebited ?? doc.date };
}

/** The text a payment's dedupe key is hashed from: the same bank document gives the same text in any statement or by hand. */
export function paymentDedupeSource(p: { docDate: string; number: string; amountKopecks: Kopecks; payerInn: string; ourAccount: string }): string {
  return ['v1', p.docDate, p.number.trim(), String(p.amountKopecks), p.payerInn.trim(), p.ourAccount.trim()].join('|');
}

/** Invoice payment state: nothing received, part of it, all of it (and perhaps more). */
export type InvoicePaymentState = 'unpaid' | 'partly' | 'paid';

/** The payment state of an invoice asking `grossKopecks` that has received `paidKopecks`. */
export function invoicePaymentState(grossKopecks: Kopecks, paidKopecks: Kopecks): InvoicePaymentState {
  if (paidKopecks <= 0) return 'unpaid';
  return paidKopecks >= grossKopecks ? 'paid' : 'partly';
}
