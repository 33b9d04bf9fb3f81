import type { DraftValues } from '../../db/repos/document-drafts';
import type { BundleParsed } from '../../shared/api/documents';
import type { BundleResult, DocumentKindKey, DocumentRef } from '../../shared/api/document-types';
import { dealOfDocument } from './deal-of-document';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { assertClientAllowed, managerOf } from './access';
import { pdfFileName } from './document-data';
import { checkedLines } from './discount-lines';
import { discountRequestsOnSave } from './discounts';
import { issueDrafts, printOrderOf, runIssue } from './issue';
import { NothingToRehearse } from './issue-stage';
import { prepareItem, type PendingItem } from './prepare';
import { priceLines } from './pricing';
import { SERIES_OF } from './series';

type Planned = { key: string; kind: DocumentKindKey; basisKey: string | null };

function plannedKinds(input: BundleParsed): Planned[] {
  const planned: Planned[] = [
    { key: 'contract', kind: input.contractKind, basisKey: null },
    { key: 'invoice', kind: 'invoice', basisKey: 'contract' },
  ];
  if (input.include.offer) planned.push({ key: 'offer', kind: 'commercial_offer', basisKey: null });
  return planned;
}

async function refsOf(ctx: CallContext, ids: readonly number[]): Promise<DocumentRef[]> {
  const refs: DocumentRef[] = [];
  for (const id of ids) {
    const d = found(await ctx.store.documents.docs.get(id), 'Документ не найден');
    refs.push({ id: d.id, kind: d.kind, status: d.status, number: d.number, docDate: d.docDate });
  }
  return refs;
}

/** The combined PDF of an issued bundle as the window receives it. */
export async function bundleFile(ctx: CallContext, bundleId: number): Promise<BundleResult['combined']> {
  const stored = await ctx.store.documents.issuing.bundlePdf(bundleId);
  if (!stored) return null;
  const bundle = found(await ctx.store.documents.issuing.bundle(bundleId), 'Комплект не найден');
  const first = bundle.documentIds.length > 0 ? await ctx.store.documents.docs.get(bundle.documentIds[0]) : null;
  const name = first ? `Комплект — ${pdfFileName(first.kind, first.number, first.docDate)}` : 'Комплект документов.pdf';
  return { fileName: name, base64: Buffer.from(stored.pdf).toString('base64'), sha256: stored.sha256 };
}

/**
 * One action for a client (and a deal): the contract and the invoice based on it — and the commercial
 * proposal when asked — sharing lines and terms, numbered from their series and issued together.
 * A discount beyond the caller's limit is refused, or (when asked) the drafts wait for the head of sales.
 */
export async function makeBundle(ctx: CallContext, input: BundleParsed): Promise<BundleResult> {
  const user = requireUser(ctx);
  const client = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
  assertClientAllowed(ctx, client);
  found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
  const dealId = await dealOfDocument(ctx, input.clientId, input.dealId);
  const lines = input.vatRate === 'none' ? input.lines.map((l) => ({ ...l, vatRate: 'none' as const })) : input.lines;
  const priced = priceLines(lines, input.vatMode);
  const limit = await ctx.store.documents.settings.limit(user.role);
  const requests = discountRequestsOnSave(await checkedLines(ctx, lines, input.docDate, null), limit.maxDiscountBp, [], input.requestApproval);
  const terms = { ...input.terms, templateId: null };
  const planned = plannedKinds(input);
  const valuesOf = (kind: DocumentKindKey): DraftValues => ({
    kind,
    orgId: input.orgId,
    clientId: input.clientId,
    dealId,
    managerId: managerOf(ctx, client),
    docDate: input.docDate,
    vatMode: input.vatMode,
    vatRate: input.vatRate,
    basisDocumentId: null,
    seriesKey: SERIES_OF[kind],
    terms,
    lines: priced.lines,
    totals: priced.totals,
  });
  const bundleFields = { orgId: input.orgId, clientId: input.clientId, dealId, terms: JSON.stringify(terms) };
  if (requests.length > 0) {
    // Saving drafts for approval writes before anything renders: it runs in the writer only.
    if (ctx.issueStage?.mode === 'rehearse') throw new NothingToRehearse();
    const saved = await ctx.store.documents.issuing.saveBundleDrafts(
      ctx.actor,
      bundleFields,
      planned.map((p) => ({ key: p.key, draft: valuesOf(p.kind), basisKey: p.basisKey })),
      { requests, reason: input.approvalReason },
    );
    return { bundleId: saved.bundleId, status: 'pending_approval', documents: await refsOf(ctx, saved.ids), combined: null };
  }
  const { ids, bundleId } = await runIssue(ctx, async (plan) => {
    const items: PendingItem[] = [];
    for (const p of planned) {
      items.push(await prepareItem(ctx, plan, { key: p.key, existing: null, values: valuesOf(p.kind), basis: p.basisKey ? { key: p.basisKey } : null, correction: null }));
    }
    return { items, bundle: { existingId: null, ...bundleFields, printOrder: printOrderOf(planned) } };
  });
  const id = found(bundleId, 'Комплект не создан');
  return { bundleId: id, status: 'issued', documents: await refsOf(ctx, ids), combined: await bundleFile(ctx, id) };
}

/** Issues the drafts of a bundle that waited for discount approval, together, with the combined PDF. */
export async function issueSavedBundle(ctx: CallContext, bundleId: number): Promise<BundleResult> {
  const bundle = found(await ctx.store.documents.issuing.bundle(bundleId), 'Комплект не найден');
  // Whose it is before what state it is in: another manager's bundle tells him nothing.
  const client = found(await ctx.store.clients.get(bundle.clientId), 'Клиент не найден');
  assertClientAllowed(ctx, client);
  if (bundle.status === 'issued') throw new AppError('CONFLICT', 'Комплект уже выставлен');
  const docs = [];
  for (const id of bundle.documentIds) docs.push(found(await ctx.store.documents.docs.get(id), 'Документ комплекта не найден'));
  if (docs.length === 0) throw new AppError('CONFLICT', 'В комплекте нет документов');
  const printOrder = printOrderOf(docs.map((d) => ({ key: `doc:${d.id}`, kind: d.kind })));
  const { ids } = await issueDrafts(ctx, docs, { existingId: bundle.id, orgId: bundle.orgId, clientId: bundle.clientId, dealId: bundle.dealId, terms: bundle.terms, printOrder });
  return { bundleId, status: 'issued', documents: await refsOf(ctx, ids), combined: await bundleFile(ctx, bundleId) };
}
