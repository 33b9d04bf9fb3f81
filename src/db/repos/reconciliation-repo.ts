// Reads behind an акт сверки: a client's issued shipping documents up to a day (corrections with their
// originals) and the client's incoming payments with what they were allocated to.
import type { DocumentKindKey } from '../../shared/api/document-types';
import type { RepoDeps } from '../drizzle';

/** An issued shipping document of a client, or a correction of one. */
export interface ShipmentFact {
  id: number;
  kind: DocumentKindKey;
  number: string;
  docDate: string;
  grossKopecks: number;
  basisDocumentId: number | null;
  correctsDocumentId: number | null;
  correctionNumber: number | null;
  correctionDate: string | null;
}

/** An incoming client payment with the invoices (and their contracts) it paid. */
export interface PaymentFact {
  id: number;
  date: string;
  docNumber: string;
  amountKopecks: number;
  allocations: { documentId: number; basisDocumentId: number | null; amountKopecks: number }[];
}

/** The documents area's read for an акт сверки. */
export function createReconciliationShipmentsRepo(deps: RepoDeps) {
  return {
    /** Issued (not annulled) documents of the kinds for one organisation and client, dated up to `to`. */
    async shipmentsUpTo(q: { orgId: number; clientId: number; to: string; kinds: readonly DocumentKindKey[] }): Promise<ShipmentFact[]> {
      const marks = q.kinds.map(() => '?').join(',');
      return deps.sqlite
        .prepare(
          `SELECT id, kind, number, doc_date AS docDate, gross_kopecks AS grossKopecks, basis_document_id AS basisDocumentId,
             corrects_document_id AS correctsDocumentId, correction_number AS correctionNumber, correction_date AS correctionDate
           FROM documents WHERE status = 'issued' AND org_id = ? AND client_id = ? AND doc_date <= ? AND kind IN (${marks})
           ORDER BY doc_date, id`,
        )
        .all(q.orgId, q.clientId, q.to, ...q.kinds) as ShipmentFact[];
    },
  };
}

/** The money area's read for an акт сверки. */
export function createReconciliationPaymentsRepo(deps: RepoDeps) {
  return {
    /** A client's incoming payments to one organisation, dated up to `to`, with their allocations. */
    async clientPaymentsUpTo(q: { orgId: number; clientId: number; to: string }): Promise<PaymentFact[]> {
      const rows = deps.sqlite
        .prepare(
          `SELECT id, date, doc_number AS docNumber, amount_kopecks AS amountKopecks FROM payments
           WHERE direction = 'in' AND kind = 'client' AND org_id = ? AND client_id = ? AND date <= ? ORDER BY date, id`,
        )
        .all(q.orgId, q.clientId, q.to) as Omit<PaymentFact, 'allocations'>[];
      const allocations = deps.sqlite.prepare(
        `SELECT a.document_id AS documentId, d.basis_document_id AS basisDocumentId, a.amount_kopecks AS amountKopecks
         FROM payment_allocations a JOIN documents d ON d.id = a.document_id WHERE a.payment_id = ? ORDER BY a.id`,
      );
      return rows.map((r) => ({ ...r, allocations: allocations.all(r.id) as PaymentFact['allocations'] }));
    },
  };
}
