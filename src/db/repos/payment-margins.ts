// Gross margin of incoming money: each allocation to an invoice brings that invoice's margin in
// proportion to the money without VAT it pays. Exact BigInt arithmetic, half-up rounding.
import { divHalfUp, toSafeNumber } from '../../core/index';
import type { RepoDeps } from '../drizzle';

/** One payment's gross margin and the invoices behind it. */
export interface PaymentMargin {
  grossMarginKopecks: number;
  /** Lines of the paid invoices without a cost price (counted as margin 0). */
  marginUnknownLines: number;
  /** The invoices paid and their lines without cost (to count each invoice once across payments). */
  invoices: { documentId: number; unknownLines: number }[];
}

/** An invoice's margin: Σ lines (net − quantity × cost), its net, and how many lines have no cost. */
export interface InvoiceMargin {
  marginKopecks: bigint;
  netKopecks: bigint;
  unknownLines: number;
}

const CHUNK = 500;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The margins of the given documents, by id (a line's cost is quantity (thousandths) × cost per unit, half-up). */
export function invoiceMargins(deps: RepoDeps, documentIds: readonly number[]): Map<number, InvoiceMargin> {
  const out = new Map<number, InvoiceMargin>();
  const ids = [...new Set(documentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const docs = deps.sqlite.prepare(`SELECT id, net_kopecks FROM documents WHERE id IN (${marks(part.length)})`).all(...part) as { id: number; net_kopecks: number }[];
    for (const d of docs) out.set(d.id, { marginKopecks: 0n, netKopecks: BigInt(d.net_kopecks), unknownLines: 0 });
    const lines = deps.sqlite
      .prepare(`SELECT document_id, net_kopecks, quantity_milli, cost_kopecks FROM document_lines WHERE document_id IN (${marks(part.length)})`)
      .all(...part) as { document_id: number; net_kopecks: number; quantity_milli: number; cost_kopecks: number | null }[];
    for (const l of lines) {
      const m = out.get(l.document_id);
      if (!m) continue;
      if (l.cost_kopecks === null) m.unknownLines += 1;
      else m.marginKopecks += BigInt(l.net_kopecks) - divHalfUp(BigInt(l.quantity_milli) * BigInt(l.cost_kopecks), 1000n);
    }
  }
  return out;
}

/**
 * Gross margin per payment: for each allocation, its amount without VAT × (invoice margin ÷ invoice
 * net), half-up. Money on no invoice (or on an invoice with a zero net) brings no margin.
 */
export function marginsByPayment(deps: RepoDeps, paymentIds: readonly number[]): Map<number, PaymentMargin> {
  const allocations: { payment_id: number; document_id: number; amount_kopecks: number; vat_kopecks: number }[] = [];
  for (let i = 0; i < paymentIds.length; i += CHUNK) {
    const part = paymentIds.slice(i, i + CHUNK);
    allocations.push(
      ...(deps.sqlite
        .prepare(`SELECT payment_id, document_id, amount_kopecks, vat_kopecks FROM payment_allocations WHERE payment_id IN (${marks(part.length)}) ORDER BY payment_id, id`)
        .all(...part) as typeof allocations),
    );
  }
  const invoices = invoiceMargins(deps, allocations.map((a) => a.document_id));
  const sums = new Map<number, { margin: bigint; docs: Set<number> }>();
  for (const id of paymentIds) sums.set(id, { margin: 0n, docs: new Set() });
  for (const a of allocations) {
    const s = sums.get(a.payment_id);
    const inv = invoices.get(a.document_id);
    if (!s || !inv) continue;
    s.docs.add(a.document_id);
    if (inv.netKopecks !== 0n) s.margin += divHalfUp(BigInt(a.amount_kopecks - a.vat_kopecks) * inv.marginKopecks, inv.netKopecks);
  }
  const out = new Map<number, PaymentMargin>();
  for (const [id, s] of sums) {
    const paid = [...s.docs].map((d) => ({ documentId: d, unknownLines: invoices.get(d)?.unknownLines ?? 0 }));
    out.set(id, {
      grossMarginKopecks: toSafeNumber(s.margin, 'Валовая маржа'),
      marginUnknownLines: paid.reduce((n, d) => n + d.unknownLines, 0),
      invoices: paid,
    });
  }
  return out;
}

/** Σ margin over payments, with lines without cost counted once per invoice. */
export function totalMargin(margins: Iterable<PaymentMargin>): { grossMarginKopecks: number; marginUnknownLines: number } {
  let margin = 0n;
  const unknown = new Map<number, number>();
  for (const m of margins) {
    margin += BigInt(m.grossMarginKopecks);
    for (const d of m.invoices) unknown.set(d.documentId, d.unknownLines);
  }
  let lines = 0;
  for (const n of unknown.values()) lines += n;
  return { grossMarginKopecks: toSafeNumber(margin, 'Валовая маржа'), marginUnknownLines: lines };
}
