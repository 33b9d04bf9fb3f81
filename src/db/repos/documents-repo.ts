import { asc, eq } from 'drizzle-orm';
import type { DocumentFilter } from '../../shared/api/documents';
import type { DocumentDetail, DocumentRef, DocumentRow } from '../../shared/api/document-types';
import { appendAudit, type Actor } from '../audit';
import { claimVersionSync } from '../record-version';
import { inTransaction, type RepoDeps } from '../drizzle';
import { documentLines, documents } from '../schema/documents';
import { approvalsOfSync, requestApprovalsSync, type ApprovalRequest } from './discount-approvals-repo';
import { insertDraftSync, updateDraftSync, type DraftValues } from './document-drafts';
import { parseTerms, ROW_SELECT, toRow, type RowShape } from './document-rows';
import { signingFilterClause } from './signing-board-repo';

/** A document as stored, before the handler adds what the caller may do with it. */
export type DocumentRecord = Omit<DocumentDetail, 'canEdit' | 'canAnnul'>;

/** What an issued document keeps: the snapshot, the PDF bytes and their hash. */
export interface FrozenDocument {
  id: number;
  status: 'issued' | 'annulled';
  snapshot: string;
  pdf: Uint8Array;
  pdfSha256: string;
  templateVersionId: number;
}

interface DetailExtra {
  vat_mode: DocumentDetail['vatMode'];
  vat_rate: DocumentDetail['vatRate'];
  terms: string;
  basis_document_id: number | null;
  corrects_document_id: number | null;
  correction_date: string | null;
  template_version_id: number | null;
  template_name: string | null;
  template_version: number | null;
  pdf_sha256: string | null;
  issued_by_name: string | null;
  annulled_at: string | null;
  annulled_by_name: string | null;
  annulled_reason: string | null;
  updated_at: string;
  version: number;
  updated_by_name: string | null;
}

const DETAIL_SELECT = ROW_SELECT.replace(
  'FROM documents d',
  `, d.vat_mode, d.vat_rate, d.terms, d.basis_document_id, d.corrects_document_id, d.correction_date, d.template_version_id,
     t.name AS template_name, tv.version AS template_version, d.pdf_sha256, iu.full_name AS issued_by_name, d.annulled_at,
     au.full_name AS annulled_by_name, d.annulled_reason, d.updated_at, d.version, ub.full_name AS updated_by_name
   FROM documents d
   LEFT JOIN users ub ON ub.id = d.updated_by
   LEFT JOIN template_versions tv ON tv.id = d.template_version_id
   LEFT JOIN templates t ON t.id = tv.template_id
   LEFT JOIN users iu ON iu.id = d.issued_by
   LEFT JOIN users au ON au.id = d.annulled_by`,
);

const REF_SELECT = 'SELECT id, kind, status, number, doc_date AS docDate FROM documents';

/** Documents: the list, one document with its lines, drafts, annulment and the frozen bytes. */
export function createDocumentsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const refSync = (id: number | null): DocumentRef | null =>
    id === null ? null : ((sqlite.prepare(`${REF_SELECT} WHERE id = ?`).get(id) as DocumentRef | undefined) ?? null);
  const detailSync = (id: number): DocumentRecord | null => {
    const r = sqlite.prepare(`${DETAIL_SELECT} WHERE d.id = ?`).get(id) as (RowShape & DetailExtra) | undefined;
    if (!r) return null;
    const lines = db.select().from(documentLines).where(eq(documentLines.documentId, id)).orderBy(asc(documentLines.position)).all();
    const related = sqlite
      .prepare(`${REF_SELECT} WHERE id <> ? AND ((bundle_id IS NOT NULL AND bundle_id = ?) OR basis_document_id = ? OR corrects_document_id = ? OR id = ?) ORDER BY id`)
      .all(id, r.bundle_id, id, id, r.corrects_document_id ?? 0) as DocumentRef[];
    return {
      ...toRow(r),
      vatMode: r.vat_mode,
      vatRate: r.vat_rate,
      terms: parseTerms(r.terms),
      lines: lines.map((l) => ({
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
        costKopecks: l.costKopecks,
        countryCode: l.countryCode,
        countryName: l.countryName,
        customsDeclaration: l.customsDeclaration,
        productKindCode: l.productKindCode,
      })),
      basis: refSync(r.basis_document_id),
      related,
      correctsDocumentId: r.corrects_document_id,
      correctionDate: r.correction_date,
      templateVersion:
        r.template_version_id !== null && r.template_name !== null && r.template_version !== null
          ? { id: r.template_version_id, templateName: r.template_name, version: r.template_version }
          : null,
      pdfSha256: r.pdf_sha256,
      issuedByName: r.issued_by_name,
      annulledAt: r.annulled_at,
      annulledByName: r.annulled_by_name,
      annulledReason: r.annulled_reason,
      approvals: approvalsOfSync(deps, id),
      updatedAt: r.updated_at,
      version: r.version,
      updatedByName: r.updated_by_name,
    };
  };

  return {
    detailSync,
    async list(f: DocumentFilter & { onlyManagerId?: number }): Promise<{ total: number; rows: DocumentRow[] }> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, ...values: (string | number)[]) => {
        where.push(clause);
        args.push(...values);
      };
      if (f.onlyManagerId !== undefined) add('d.manager_id = ?', f.onlyManagerId);
      if (f.managerId !== undefined) add('d.manager_id = ?', f.managerId);
      if (f.kind) add('d.kind = ?', f.kind);
      if (f.status) add('d.status = ?', f.status);
      if (f.signing) {
        const clause = signingFilterClause(f.signing);
        add(clause.sql, ...clause.args);
      }
      if (f.clientId !== undefined) add('d.client_id = ?', f.clientId);
      if (f.dealId !== undefined) add('(d.deal_id = ? OR d.id IN (SELECT document_id FROM document_deal_links WHERE deal_id = ?))', f.dealId, f.dealId);
      if (f.from) add('d.doc_date >= ?', f.from);
      if (f.to) add('d.doc_date <= ?', f.to);
      if (f.search) {
        // SQLite's lower() knows only Latin letters: client names are matched through their normalised key as well.
        const like = `%${f.search}%`;
        add('(d.number LIKE ? OR c.short_name LIKE ? OR c.full_name LIKE ? OR c.name_key LIKE ? OR c.inn LIKE ?)', like, like, like, `%${f.search.toLowerCase()}%`, like);
      }
      const whereText = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (sqlite.prepare(`SELECT count(*) AS n FROM documents d JOIN clients c ON c.id = d.client_id ${whereText}`).get(...args) as { n: number }).n;
      const rows = sqlite.prepare(`${ROW_SELECT} ${whereText} ORDER BY d.doc_date DESC, d.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as RowShape[];
      return { total, rows: rows.map(toRow) };
    },
    /** Issued (not annulled) documents of some kinds per manager and day: the work statistics' contracts and invoices. */
    async dailyIssued(kinds: readonly string[], range: { from: string; to: string; managerId?: number }): Promise<{ managerId: number; day: string; count: number }[]> {
      const marks = kinds.map(() => '?').join(',');
      const byManager = range.managerId === undefined ? '' : 'AND manager_id = ?';
      const args: (string | number)[] = [...kinds, range.from, range.to, ...(range.managerId === undefined ? [] : [range.managerId])];
      return sqlite
        .prepare(
          `SELECT manager_id AS managerId, doc_date AS day, count(*) AS count FROM documents
           WHERE status = 'issued' AND correction_number IS NULL AND kind IN (${marks}) AND doc_date BETWEEN ? AND ? ${byManager}
           GROUP BY manager_id, doc_date`,
        )
        .all(...args) as { managerId: number; day: string; count: number }[];
    },
    async get(id: number): Promise<DocumentRecord | null> {
      return detailSync(id);
    },
    /** The frozen part of an issued or annulled document. */
    async frozen(id: number): Promise<FrozenDocument | null> {
      const r = db.select().from(documents).where(eq(documents.id, id)).get();
      if (!r || r.status === 'draft' || r.snapshot === null || r.pdf === null || r.pdfSha256 === null || r.templateVersionId === null) return null;
      return { id: r.id, status: r.status, snapshot: r.snapshot, pdf: new Uint8Array(r.pdf), pdfSha256: r.pdfSha256, templateVersionId: r.templateVersionId };
    },
    /** The newest correction number of a счёт-фактура (0 when it has none). */
    async lastCorrection(id: number): Promise<number> {
      const r = sqlite.prepare('SELECT max(correction_number) AS n FROM documents WHERE corrects_document_id = ?').get(id) as { n: number | null };
      return r.n ?? 0;
    },
    async createDraft(actor: Actor, v: DraftValues, approvals: { requests: ApprovalRequest[]; reason: string }): Promise<DocumentRecord> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const id = insertDraftSync(deps, actor.userId, v, at);
        requestApprovalsSync(deps, actor, id, approvals.requests, approvals.reason, at);
        const created = detailSync(id);
        if (!created) throw new Error('document vanished inside its own transaction');
        appendAudit(sqlite, actor, { action: 'create', entity: 'document', entityId: id, after: { kind: v.kind, clientId: v.clientId, totals: v.totals, lines: v.lines.length } }, at);
        return created;
      });
    },
    async updateDraft(actor: Actor, id: number, v: DraftValues, approvals: { requests: ApprovalRequest[]; reason: string }, version: number): Promise<DocumentRecord | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = detailSync(id);
        if (before?.status === 'draft') claimVersionSync(sqlite, 'documents', id, version, actor.userId);
        if (!before || !updateDraftSync(deps, id, v, at)) return null;
        requestApprovalsSync(deps, actor, id, approvals.requests, approvals.reason, at);
        appendAudit(sqlite, actor, { action: 'update', entity: 'document', entityId: id, before: { totals: { net: before.netKopecks, vat: before.vatKopecks, gross: before.grossKopecks }, lines: before.lines.length }, after: { totals: v.totals, lines: v.lines.length } }, at);
        return detailSync(id);
      });
    },
    async deleteDraft(actor: Actor, id: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const res = sqlite.prepare("DELETE FROM documents WHERE id = ? AND status = 'draft' RETURNING kind, client_id").get(id) as { kind: string; client_id: number } | undefined;
        if (!res) return false;
        appendAudit(sqlite, actor, { action: 'delete', entity: 'document', entityId: id, before: { kind: res.kind, clientId: res.client_id } }, deps.now().toISOString());
        return true;
      });
    },
    /** The only change an issued document accepts (the store's triggers allow nothing else). */
    /** Links a document issued without a deal to one (once); audited. False when it already has a deal. */
    async linkDeal(actor: Actor, id: number, dealId: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const res = sqlite
          .prepare(
            `INSERT INTO document_deal_links (document_id, deal_id, linked_by, linked_at)
             SELECT id, ?, ?, ? FROM documents WHERE id = ? AND deal_id IS NULL AND NOT EXISTS (SELECT 1 FROM document_deal_links WHERE document_id = ?)`,
          )
          .run(dealId, actor.userId, at, id, id);
        if (res.changes === 0) return false;
        appendAudit(sqlite, actor, { action: 'update', entity: 'document', entityId: id, before: { dealId: null }, after: { dealId } }, at);
        return true;
      });
    },
    async annul(actor: Actor, id: number, reason: string): Promise<DocumentRecord | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const res = sqlite
          .prepare("UPDATE documents SET status = 'annulled', annulled_at = ?, annulled_by = ?, annulled_reason = ? WHERE id = ? AND status = 'issued'")
          .run(at, actor.userId, reason, id);
        if (res.changes === 0) return null;
        appendAudit(sqlite, actor, { action: 'status', entity: 'document', entityId: id, before: { status: 'issued' }, after: { status: 'annulled', reason } }, at);
        return detailSync(id);
      });
    },
  };
}

/** The documents repository. */
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
