import { eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { bundles, documents } from '../schema/documents';
import { addEventSync } from './client-writes';
import { requestApprovalsSync, type ApprovalRequest } from './discount-approvals-repo';
import { insertDraftSync, markIssuedSync, type DraftValues } from './document-drafts';
import type { createDocumentSettingsRepo } from './document-settings-repo';

/** The number a document takes from its series, and what the series held when the number was chosen. */
export interface SeriesClaim {
  orgId: number;
  seriesKey: string;
  year: number;
  mask: string;
  seq: number;
  /** The series' last number when the PDF was rendered: the transaction re-checks it. */
  expectedLast: number;
}

/** One document to issue: an existing draft or a new one, with its number, snapshot and rendered PDF. */
export interface IssueItem {
  /** A name other items of the same plan use to point at this one as their basis ('contract'). */
  key: string;
  existingId: number | null;
  /** The draft's updated_at when it was read: a draft edited meanwhile is not issued unseen. */
  expectedUpdatedAt: string | null;
  draft: DraftValues | null;
  basis: { id: number } | { key: string } | null;
  number: string;
  claim: SeriesClaim | null;
  snapshot: string;
  pdf: Uint8Array;
  pdfSha256: string;
  templateVersionId: number;
  correctionDate: string | null;
  clientId: number;
  /** Why a VAT rate not in force on the document's date was used (audited), or null. */
  vatRateReason: string | null;
  /** The client history entry: 'contract' and 'proposal' move the client's ladder. */
  event: { kind: string; text: string };
}

/** A bundle to create (or an existing one to finish) with its combined PDF. */
export interface BundlePlan {
  existingId: number | null;
  orgId: number;
  clientId: number;
  dealId: number | null;
  terms: string;
  combinedPdf: Uint8Array;
  combinedSha256: string;
}

/** A series moved between rendering and writing (someone else issued): prepare again with the next number. */
export class SeriesMovedError extends Error {
  constructor(readonly seriesKey: string) {
    super(`number series ${seriesKey} moved while rendering`);
  }
}

/** A draft changed or was issued between reading and writing. */
export class DraftChangedError extends Error {
  constructor(readonly documentId: number) {
    super(`draft ${documentId} changed while rendering`);
  }
}

type SettingsRepo = ReturnType<typeof createDocumentSettingsRepo>;

function checkSeries(settings: SettingsRepo, items: readonly IssueItem[]): Map<string, SeriesClaim> {
  const newest = new Map<string, SeriesClaim>();
  for (const { claim } of items) {
    if (!claim) continue;
    const key = `${claim.orgId}/${claim.seriesKey}/${claim.year}`;
    const current = settings.seriesSync(claim.orgId, claim.seriesKey, claim.year)?.lastNumber ?? 0;
    const earlier = newest.get(key);
    const expected = earlier ? earlier.seq : claim.expectedLast;
    if (current !== claim.expectedLast || claim.seq !== expected + 1) throw new SeriesMovedError(claim.seriesKey);
    newest.set(key, claim);
  }
  return newest;
}

/**
 * Issuing in one transaction: the series re-checked and advanced, drafts inserted or verified, every
 * document frozen with its number, snapshot, PDF and hash, the bundle finished, the client's history
 * and the audit trail written. Any failure leaves nothing behind and the series where it was.
 */
export function createDocumentIssueRepo(deps: RepoDeps, settings: SettingsRepo) {
  const { db, sqlite } = deps;
  return {
    async issue(actor: Actor, items: readonly IssueItem[], bundle: BundlePlan | null): Promise<{ ids: number[]; bundleId: number | null }> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const series = checkSeries(settings, items);
        let bundleId = bundle?.existingId ?? null;
        if (bundle && bundleId === null) {
          bundleId = db
            .insert(bundles)
            .values({ orgId: bundle.orgId, clientId: bundle.clientId, dealId: bundle.dealId, terms: bundle.terms, createdBy: actor.userId, createdAt: at })
            .returning({ id: bundles.id })
            .get().id;
        }
        const idOf = new Map<string, number>();
        const ids = items.map((item) => {
          let id = item.existingId;
          if (id === null) {
            if (!item.draft) throw new Error('an issue item needs a draft or an existing id');
            id = insertDraftSync(deps, actor.userId, { ...item.draft, bundleId }, at);
          } else {
            const current = db.select({ status: documents.status, updatedAt: documents.updatedAt }).from(documents).where(eq(documents.id, id)).get();
            if (current?.status !== 'draft' || current.updatedAt !== item.expectedUpdatedAt) throw new DraftChangedError(id);
          }
          idOf.set(item.key, id);
          const basisId = item.basis === null ? null : 'id' in item.basis ? item.basis.id : (idOf.get(item.basis.key) ?? null);
          const issued = markIssuedSync(
            deps,
            id,
            {
              number: item.number,
              numberSeq: item.claim?.seq ?? null,
              seriesYear: item.claim?.year ?? null,
              snapshot: item.snapshot,
              pdf: item.pdf,
              pdfSha256: item.pdfSha256,
              templateVersionId: item.templateVersionId,
              issuedBy: actor.userId,
              basisDocumentId: basisId,
              correctionDate: item.correctionDate,
            },
            at,
          );
          if (!issued) throw new DraftChangedError(id);
          appendAudit(sqlite, actor, { action: 'issue', entity: 'document', entityId: id, after: { number: item.number, pdfSha256: item.pdfSha256, templateVersionId: item.templateVersionId, bundleId, ...(item.vatRateReason === null ? {} : { vatRateReason: item.vatRateReason }) } }, at);
          addEventSync(deps, { clientId: item.clientId, kind: item.event.kind, text: item.event.text, userId: actor.userId, at, refEntity: 'document', refId: id });
          return id;
        });
        for (const claim of series.values()) {
          const current = settings.seriesSync(claim.orgId, claim.seriesKey, claim.year);
          settings.saveSeriesSync(actor, { orgId: claim.orgId, seriesKey: claim.seriesKey, year: claim.year, mask: current?.mask ?? claim.mask, lastNumber: claim.seq });
        }
        if (bundle && bundleId !== null) {
          db.update(bundles)
            .set({ status: 'issued', combinedPdf: Buffer.from(bundle.combinedPdf), combinedSha256: bundle.combinedSha256, issuedAt: at })
            .where(eq(bundles.id, bundleId))
            .run();
          appendAudit(sqlite, actor, { action: 'issue', entity: 'bundle', entityId: bundleId, after: { documents: ids, combinedSha256: bundle.combinedSha256 } }, at);
        }
        return { ids, bundleId };
      });
    },

    /** Saves a bundle's drafts and their discount requests (issued later, once the head of sales approves). */
    async saveBundleDrafts(
      actor: Actor,
      bundle: Omit<BundlePlan, 'existingId' | 'combinedPdf' | 'combinedSha256'>,
      drafts: { key: string; draft: DraftValues; basisKey: string | null }[],
      approvals: { requests: ApprovalRequest[]; reason: string },
    ): Promise<{ bundleId: number; ids: number[] }> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const bundleId = db
          .insert(bundles)
          .values({ orgId: bundle.orgId, clientId: bundle.clientId, dealId: bundle.dealId, terms: bundle.terms, createdBy: actor.userId, createdAt: at })
          .returning({ id: bundles.id })
          .get().id;
        const idOf = new Map<string, number>();
        const ids = drafts.map((d, i) => {
          const basisDocumentId = d.basisKey === null ? d.draft.basisDocumentId : (idOf.get(d.basisKey) ?? null);
          const id = insertDraftSync(deps, actor.userId, { ...d.draft, bundleId, basisDocumentId }, at);
          idOf.set(d.key, id);
          // The documents of a bundle share their lines: one request each, on the first document, covers them all.
          if (i === 0) requestApprovalsSync(deps, actor, id, approvals.requests, approvals.reason, at);
          appendAudit(sqlite, actor, { action: 'create', entity: 'document', entityId: id, after: { kind: d.draft.kind, bundleId, totals: d.draft.totals } }, at);
          return id;
        });
        appendAudit(sqlite, actor, { action: 'create', entity: 'bundle', entityId: bundleId, after: { documents: ids } }, at);
        return { bundleId, ids };
      });
    },

    async bundle(id: number): Promise<{ id: number; orgId: number; clientId: number; dealId: number | null; status: 'draft' | 'issued'; terms: string; documentIds: number[] } | null> {
      const b = db.select().from(bundles).where(eq(bundles.id, id)).get();
      if (!b) return null;
      const documentIds = (sqlite.prepare('SELECT id FROM documents WHERE bundle_id = ? ORDER BY id').all(id) as { id: number }[]).map((r) => r.id);
      return { id: b.id, orgId: b.orgId, clientId: b.clientId, dealId: b.dealId, status: b.status, terms: b.terms, documentIds };
    },

    async bundlePdf(id: number): Promise<{ pdf: Uint8Array; sha256: string } | null> {
      const b = db.select({ pdf: bundles.combinedPdf, sha: bundles.combinedSha256 }).from(bundles).where(eq(bundles.id, id)).get();
      return b?.pdf && b.sha ? { pdf: new Uint8Array(b.pdf), sha256: b.sha } : null;
    },
  };
}

/** The issuing repository. */
export type DocumentIssueRepo = ReturnType<typeof createDocumentIssueRepo>;
