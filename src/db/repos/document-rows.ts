// The list row of a document, shared by the documents repositories.
import { documentTermsSchema, type DocumentRow, type DocumentTerms } from '../../shared/api/document-types';

/** A document list row as SQLite returns it. */
export interface RowShape {
  id: number;
  kind: DocumentRow['kind'];
  status: DocumentRow['status'];
  number: string;
  doc_date: string;
  org_id: number;
  client_id: number;
  client_name: string;
  manager_id: number;
  manager_name: string;
  deal_id: number | null;
  bundle_id: number | null;
  net_kopecks: number;
  vat_kopecks: number;
  gross_kopecks: number;
  correction_number: number | null;
  pending_approvals: number;
  issued_at: string | null;
}

/** The list row's SELECT (… FROM documents d JOIN clients c JOIN users u). */
export const ROW_SELECT = `
  SELECT d.id, d.kind, d.status, d.number, d.doc_date, d.org_id, d.client_id, coalesce(nullif(c.short_name, ''), c.full_name) AS client_name,
    d.manager_id, u.full_name AS manager_name, d.deal_id, d.bundle_id, d.net_kopecks, d.vat_kopecks, d.gross_kopecks, d.correction_number,
    (SELECT count(*) FROM discount_approvals a WHERE a.document_id = d.id AND a.status = 'pending') AS pending_approvals, d.issued_at
  FROM documents d
  JOIN clients c ON c.id = d.client_id
  JOIN users u ON u.id = d.manager_id`;

/** Converts a row to the list DTO. */
export function toRow(r: RowShape): DocumentRow {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    number: r.number,
    docDate: r.doc_date,
    orgId: r.org_id,
    clientId: r.client_id,
    clientName: r.client_name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    dealId: r.deal_id,
    bundleId: r.bundle_id,
    netKopecks: r.net_kopecks,
    vatKopecks: r.vat_kopecks,
    grossKopecks: r.gross_kopecks,
    correctionNumber: r.correction_number,
    pendingApprovals: r.pending_approvals,
    issuedAt: r.issued_at,
  };
}

/** The stored terms JSON, with defaults for anything missing. */
export function parseTerms(json: string): DocumentTerms {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = documentTermsSchema.safeParse(raw);
  return parsed.success ? parsed.data : documentTermsSchema.parse({});
}
