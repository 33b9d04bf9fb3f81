import { pdfInfoOf } from '../../documents/index';
import { DraftChangedError, SeriesMovedError, type BundlePlan } from '../../db/repos/document-issue-repo';
import type { DocumentRecord } from '../../db/repos/documents-repo';
import { CONTRACT_KINDS, type DocumentKindKey } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { checkedLines } from './discount-lines';
import { assertDiscountsApproved } from './discounts';
import { basisRef } from './issue-checks';
import { ensureBuiltInTemplates, newPlan, prepareItem, renderedItems, type IssueSource, type PendingItem, type PlanState } from './prepare';
import { Rehearsed, RehearseAgain, type RenderedPlan } from './issue-stage';
import { numberingInTurn } from './number-reservations';
import { seriesOf } from './series';
import { sha256Hex } from './snapshot';

/** What a plan builds: the items in issue order, and the bundle with the parts of its combined PDF. */
export interface BuiltPlan {
  items: PendingItem[];
  bundle: (Omit<BundlePlan, 'combinedPdf' | 'combinedSha256'> & { printOrder: string[] }) | null;
}

const ATTEMPTS = 3;

/** Print order of a bundle: the proposal, the contract, then the rest. */
const PRINT_RANK: Partial<Record<DocumentKindKey, number>> = { commercial_offer: 0, contract_supply: 1, contract_services: 1 };

/** Sorts a bundle's kinds for printing. */
export function printOrderOf(items: readonly { key: string; kind: DocumentKindKey }[]): string[] {
  return [...items].sort((a, b) => (PRINT_RANK[a.kind] ?? 2) - (PRINT_RANK[b.kind] ?? 2)).map((i) => i.key);
}

/** Builds a plan, renders its documents and joins a bundle's into its combined PDF. */
async function renderPlan(ctx: CallContext, build: (plan: PlanState) => Promise<BuiltPlan>): Promise<RenderedPlan> {
  // A rehearsal takes its numbers while no other rehearsal takes any (the build only reads and starts
  // renders), so concurrent issues hold their numbers in the same order in every series.
  const stage = ctx.issueStage;
  const built = stage?.mode === 'rehearse' ? await numberingInTurn(ctx.store, () => build(newPlan())) : await build(newPlan());
  if (!built.bundle) return { items: await renderedItems(built.items), bundle: null };
  const { printOrder, ...rest } = built.bundle;
  const items = await renderedItems(built.items);
  // The combined file joins the documents' own files in print order: the same pages, not a second render.
  const printed = printOrder.map((key) => found(items.find((p) => p.item.key === key), 'Документ комплекта не найден'));
  const combinedPdf = await ctx.pdf.renderer().merge(
    printed.map((p) => p.item.pdf),
    pdfInfoOf(printed.map((p) => p.part.viewModel)),
  );
  return { items, bundle: { ...rest, combinedPdf, combinedSha256: sha256Hex(combinedPdf) } };
}

/**
 * Renders every document of a plan first (no database needed), then writes them all in one
 * transaction that re-checks the series. When another issue took the number meanwhile, the plan is
 * prepared again with the next one; when anything fails, nothing is written and the series stays.
 * Called by invoke in two stages (see issue-stage.ts): the rehearsal renders outside the writer and
 * stops; the run in the writer writes the rehearsed plan, or asks for a new rehearsal if the series moved.
 */
export async function runIssue(ctx: CallContext, build: (plan: PlanState) => Promise<BuiltPlan>): Promise<{ ids: number[]; bundleId: number | null }> {
  await ensureBuiltInTemplates(ctx);
  const stage = ctx.issueStage;
  for (let attempt = 1; ; attempt++) {
    const rehearsed = attempt === 1 && stage?.mode === 'commit' ? stage.plan : null;
    const plan = rehearsed ?? (await renderPlan(ctx, build));
    if (stage?.mode === 'rehearse') throw new Rehearsed(plan);
    try {
      return await ctx.store.documents.issuing.issue(
        ctx.actor,
        plan.items.map((p) => p.item),
        plan.bundle,
      );
    } catch (e) {
      if (e instanceof SeriesMovedError && rehearsed) throw new RehearseAgain();
      if (e instanceof SeriesMovedError && attempt < ATTEMPTS) continue;
      if (e instanceof SeriesMovedError) throw new AppError('CONFLICT', 'Номер из серии занят одновременным выставлением другого документа — повторите');
      if (e instanceof DraftChangedError) throw new AppError('CONFLICT', 'Черновик изменился во время выставления — откройте его снова и повторите');
      throw e;
    }
  }
}

/** A saved draft as an issue source; its basis is another draft of the plan (`planKeys`) or an issued contract. */
export async function sourceOfDraft(ctx: CallContext, doc: DocumentRecord, planKeys: ReadonlyMap<number, string> = new Map()): Promise<IssueSource> {
  let correction: IssueSource['correction'] = null;
  if (doc.correctsDocumentId !== null) {
    const original = found(await ctx.store.documents.docs.get(doc.correctsDocumentId), 'Исправляемый документ не найден');
    if (original.status !== 'issued') throw new AppError('CONFLICT', 'Исправлять можно только выставленный счёт-фактуру');
    correction = { number: original.number, docDate: original.docDate, correctionNumber: doc.correctionNumber ?? 1 };
  }
  const inPlan = doc.basis ? planKeys.get(doc.basis.id) : undefined;
  const basis = inPlan ? { key: inPlan } : doc.basis ? { ref: found(await basisRef(ctx, doc.basis.id, doc.clientId, doc.orgId), 'Основание не найдено') } : null;
  return {
    key: `doc:${doc.id}`,
    existing: { id: doc.id, updatedAt: doc.updatedAt },
    values: {
      kind: doc.kind,
      orgId: doc.orgId,
      clientId: doc.clientId,
      dealId: doc.dealId,
      managerId: doc.managerId,
      docDate: correction?.docDate ?? doc.docDate,
      vatMode: doc.vatMode,
      vatRate: doc.vatRate,
      basisDocumentId: doc.basis?.id ?? null,
      seriesKey: seriesOf(doc.kind, doc.terms.updStatus),
      terms: doc.terms,
      lines: doc.lines,
      totals: { net: doc.netKopecks, vat: doc.vatKopecks, gross: doc.grossKopecks },
      correctsDocumentId: doc.correctsDocumentId,
    },
    basis,
    correction,
  };
}

/** Discounts beyond the issuer's limit must be approved (requests of the bundle's documents count). */
export async function assertApprovedFor(ctx: CallContext, doc: DocumentRecord): Promise<void> {
  const limit = await ctx.store.documents.settings.limit(requireUser(ctx).role);
  const lines = await checkedLines(ctx, doc.lines, doc.docDate, doc.basis?.id ?? null);
  assertDiscountsApproved(lines, limit.maxDiscountBp, await ctx.store.documents.approvals.covering(doc.id));
}

/** Issues saved drafts together (one draft, or a bundle's drafts waiting for approval). */
export async function issueDrafts(ctx: CallContext, docs: readonly DocumentRecord[], bundle: BuiltPlan['bundle']): Promise<{ ids: number[]; bundleId: number | null }> {
  for (const doc of docs) {
    if (doc.status !== 'draft') throw new AppError('CONFLICT', `${doc.number ? `№ ${doc.number}` : 'Документ'} уже выставлен`);
    await assertApprovedFor(ctx, doc);
  }
  // Contracts first: the other documents refer to them.
  const ordered = [...docs].sort((a, b) => Number(!CONTRACT_KINDS.includes(a.kind)) - Number(!CONTRACT_KINDS.includes(b.kind)));
  const keys = new Map(ordered.map((d) => [d.id, `doc:${d.id}`]));
  return runIssue(ctx, async (plan) => {
    const items: PendingItem[] = [];
    for (const doc of ordered) items.push(await prepareItem(ctx, plan, await sourceOfDraft(ctx, doc, keys)));
    return { items, bundle };
  });
}
