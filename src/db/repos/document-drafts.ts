// Synchronous building blocks for documents, called inside the repositories' transactions.
import { eq } from 'drizzle-orm';
import type { DocumentKindKey, DocumentLineDto, DocumentTerms, VatModeKey, VatRateKey } from '../../shared/api/document-types';
import type { RepoDeps } from '../drizzle';
import { documentLines, documents } from '../schema/documents';

/** A draft's fields as the handler hands them over: lines already priced (core's computeLines). */
export interface DraftValues {
  kind: DocumentKindKey;
  orgId: number;
  clientId: number;
  dealId: number | null;
  managerId: number;
  docDate: string;
  vatMode: VatModeKey;
  vatRate: VatRateKey;
  basisDocumentId: number | null;
  seriesKey: string;
  terms: DocumentTerms;
  lines: DocumentLineDto[];
  totals: { net: number; vat: number; gross: number };
  bundleId?: number | null;
  correctsDocumentId?: number | null;
  correctionNumber?: number | null;
}

/** Replaces a draft's lines (the store refuses this once the document is issued). */
export function writeLinesSync(deps: RepoDeps, documentId: number, lines: readonly DocumentLineDto[]): void {
  deps.db.delete(documentLines).where(eq(documentLines.documentId, documentId)).run();
  for (const l of lines) {
    deps.db
      .insert(documentLines)
      .values({
        documentId,
        position: l.position,
        catalogItemId: l.catalogItemId,
        name: l.name,
        unit: l.unit,
        okei: l.okei,
        quantityMilli: l.quantityMilli,
        priceKopecks: l.priceKopecks,
        discountBp: l.discountBp,
        vatRate: l.vatRate,
        netKopecks: l.netKopecks,
        vatKopecks: l.vatKopecks,
        grossKopecks: l.grossKopecks,
        costKopecks: l.costKopecks ?? null,
        countryCode: l.countryCode,
        countryName: l.countryName,
        customsDeclaration: l.customsDeclaration,
        productKindCode: l.productKindCode,
      })
      .run();
  }
}

function columns(v: DraftValues) {
  return {
    kind: v.kind,
    orgId: v.orgId,
    clientId: v.clientId,
    dealId: v.dealId,
    managerId: v.managerId,
    docDate: v.docDate,
    vatMode: v.vatMode,
    vatRate: v.vatRate,
    basisDocumentId: v.basisDocumentId,
    seriesKey: v.seriesKey,
    terms: JSON.stringify(v.terms),
    netKopecks: v.totals.net,
    vatKopecks: v.totals.vat,
    grossKopecks: v.totals.gross,
  };
}

/** Inserts a draft with its lines; returns its id. */
export function insertDraftSync(deps: RepoDeps, createdBy: number | null, v: DraftValues, at: string): number {
  const row = deps.db
    .insert(documents)
    .values({
      ...columns(v),
      status: 'draft',
      bundleId: v.bundleId ?? null,
      correctsDocumentId: v.correctsDocumentId ?? null,
      correctionNumber: v.correctionNumber ?? null,
      createdBy,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: documents.id })
    .get();
  writeLinesSync(deps, row.id, v.lines);
  return row.id;
}

/** Rewrites a draft's fields and lines; false when it is no longer a draft. */
export function updateDraftSync(deps: RepoDeps, id: number, v: DraftValues, at: string): boolean {
  const current = deps.db.select({ status: documents.status }).from(documents).where(eq(documents.id, id)).get();
  if (current?.status !== 'draft') return false;
  deps.db.update(documents).set({ ...columns(v), updatedAt: at }).where(eq(documents.id, id)).run();
  writeLinesSync(deps, id, v.lines);
  return true;
}

/** The columns written when a draft is issued (a trigger checks they are all there). */
export interface IssueValues {
  number: string;
  numberSeq: number | null;
  seriesYear: number | null;
  snapshot: string;
  pdf: Uint8Array;
  pdfSha256: string;
  templateVersionId: number;
  issuedBy: number | null;
  basisDocumentId: number | null;
  correctionDate: string | null;
}

/** Turns a draft into an issued document; false when it was not a draft any more. */
export function markIssuedSync(deps: RepoDeps, id: number, v: IssueValues, at: string): boolean {
  const res = deps.sqlite
    .prepare(
      `UPDATE documents SET status = 'issued', number = ?, number_seq = ?, series_year = ?, snapshot = ?, pdf = ?, pdf_sha256 = ?,
         template_version_id = ?, issued_at = ?, issued_by = ?, basis_document_id = ?, correction_date = ?, updated_at = ?
       WHERE id = ? AND status = 'draft'`,
    )
    .run(v.number, v.numberSeq, v.seriesYear, v.snapshot, Buffer.from(v.pdf), v.pdfSha256, v.templateVersionId, at, v.issuedBy, v.basisDocumentId, v.correctionDate, at, id);
  return res.changes === 1;
}
