import { formatMoneyRub } from '../../core/index';
import type { DraftValues } from '../../db/repos/document-drafts';
import type { IssueItem, SeriesClaim } from '../../db/repos/document-issue-repo';
import { buildViewModel, CONSUMER_TEMPLATE_KINDS, loadBuiltInConsumerTemplate, loadBuiltInTemplate, TemplateInvalidError, type DocumentAssets, type RenderPart } from '../../documents/index';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KIND_VALUES, type DocumentKindKey, type DocumentRef } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import type { CallContext } from '../context';
import { buildDocumentData } from './document-data';
import { assertBasisFits, assertChronological, assertClientRequisites, assertHasLines, assertOrgRequisites, assertReconciliationDated } from './issue-checks';
import { reconciliationData } from './reconciliation';
import { assertNotTooFarAhead } from './series-rules';
import { checkVatRatesByDate } from './vat-date-check';
import { DEFAULT_MASK, printedNumber, seriesYearOf } from './series';
import { officeCalendar, shippingFacts } from './shipping';
import { sha256Hex, type DocumentSnapshot } from './snapshot';

/** A document about to be issued: a saved draft or a new one (bundle), with what it refers to. */
export interface IssueSource {
  key: string;
  existing: { id: number; updatedAt: string } | null;
  values: DraftValues;
  /** An issued contract, or another document of the same plan by key. */
  basis: { ref: DocumentRef } | { key: string } | null;
  /** A correction of a счёт-фактура: the original's number and date, this correction's number. */
  correction: { number: string; docDate: string; correctionNumber: number } | null;
}

/** A prepared item: what the transaction writes, and the part for a combined PDF. */
export interface PreparedItem {
  item: IssueItem;
  part: RenderPart;
}

/** An item checked and numbered whose PDF is still rendering: a plan numbers all its items before any render ends. */
export interface PendingItem {
  item: Omit<IssueItem, 'pdf' | 'pdfSha256'>;
  part: RenderPart;
  pdf: Promise<Uint8Array>;
}

/** Waits for the items' PDFs (rendered side by side in the pool); a template error names the template. */
export async function renderedItems(pending: readonly PendingItem[]): Promise<PreparedItem[]> {
  const pdfs = await Promise.all(pending.map((p) => p.pdf));
  return pending.map((p, i) => {
    const pdf = pdfs[i] as Uint8Array;
    return { part: p.part, item: { ...p.item, pdf, pdfSha256: sha256Hex(pdf) } };
  });
}

/** State shared by the items of one plan: the next number of each series, numbers already given. */
export interface PlanState {
  next: Map<string, { mask: string; last: number; seq: number }>;
  numbers: Map<string, DocumentRef>;
}

/** A fresh plan. */
export function newPlan(): PlanState {
  return { next: new Map(), numbers: new Map() };
}

/** Makes sure the kinds' built-in templates are in the base (and current). */
export async function ensureBuiltInTemplates(ctx: CallContext): Promise<void> {
  const shipped = Object.fromEntries(DOCUMENT_KIND_VALUES.map((k) => [k, loadBuiltInTemplate(k, ctx.resourcesDir).source])) as Record<DocumentKindKey, string>;
  const consumer = Object.fromEntries(CONSUMER_TEMPLATE_KINDS.map((k) => [k, loadBuiltInConsumerTemplate(k, ctx.resourcesDir).source]));
  await ctx.store.documents.templates.ensureBuiltIns(shipped, consumer);
}

async function claimNumber(ctx: CallContext, plan: PlanState, v: DraftValues): Promise<{ claim: SeriesClaim; number: string }> {
  const year = seriesYearOf(v.docDate);
  const key = `${v.orgId}/${v.seriesKey}/${year}`;
  let state = plan.next.get(key);
  const stage = ctx.issueStage;
  if (!state) {
    const series = await ctx.store.documents.settings.oneSeries(v.orgId, v.seriesKey, year);
    assertChronological(v.seriesKey, v.docDate, await ctx.store.documents.settings.lastIssuedDate(v.orgId, v.seriesKey, year));
    const last = series?.lastNumber ?? 0;
    // A rehearsal counts the numbers others are rendering: it expects them written before its own.
    const first = stage?.mode === 'rehearse' ? stage.reservations.reserve(key, last) : last + 1;
    state = { mask: series?.mask ?? DEFAULT_MASK, last: first - 1, seq: first };
  } else {
    state = { ...state, seq: stage?.mode === 'rehearse' ? stage.reservations.reserve(key, state.seq) : state.seq + 1 };
  }
  plan.next.set(key, state);
  const claim: SeriesClaim = { orgId: v.orgId, seriesKey: v.seriesKey, year, mask: state.mask, seq: state.seq, expectedLast: state.last };
  return { claim, number: printedNumber(state.mask, state.seq, v.docDate) };
}

/**
 * Our stamp, and the facsimile signature only for a client whose card records an agreement on it
 * (ГК ст.160 п.2); the engine itself keeps it off a счёт-фактура and a УПД статус 1.
 */
async function assetsOf(ctx: CallContext, orgId: number, facsimileAgreed: boolean): Promise<{ assets: DocumentAssets; ids: DocumentSnapshot['assets'] }> {
  const stamp = await ctx.store.documents.settings.activeAsset(orgId, 'stamp');
  const signature = facsimileAgreed ? await ctx.store.documents.settings.activeAsset(orgId, 'signature') : null;
  const logo = await ctx.store.documents.settings.activeAsset(orgId, 'logo');
  return {
    assets: { ...(stamp ? { stampPng: stamp.png } : {}), ...(signature ? { signaturePng: signature.png } : {}), ...(logo ? { logoImage: logo.png } : {}) },
    ids: { stampId: stamp?.id ?? null, signatureId: signature?.id ?? null, ...(logo ? { logoId: logo.id } : {}) },
  };
}

function eventOf(kind: DocumentKindKey, number: string, gross: number): { kind: string; text: string } {
  const text = `${DOCUMENT_KIND_LABELS[kind]} № ${number}${kind === 'reconciliation_act' ? '' : ` на ${formatMoneyRub(gross)}`}`;
  if (kind === 'contract_supply' || kind === 'contract_services') return { kind: 'contract', text };
  if (kind === 'commercial_offer') return { kind: 'proposal', text };
  return { kind: 'document', text };
}

/**
 * Checks and numbers one document of a plan and starts its render (no writes: the transaction comes after
 * every render, see renderedItems).
 */
export async function prepareItem(ctx: CallContext, plan: PlanState, s: IssueSource): Promise<PendingItem> {
  const v = s.values;
  const org = found(await ctx.store.orgs.get(v.orgId), 'Организация не найдена');
  const client = found(await ctx.store.clients.get(v.clientId), 'Клиент не найден');
  assertOrgRequisites(org);
  assertClientRequisites(client, v.kind);
  assertHasLines(v.kind, v.lines.length, v.totals.gross);
  assertReconciliationDated(v.kind, v.docDate, v.terms.periodTo);
  const vatRateReason = await checkVatRatesByDate(ctx, v);
  // A correction keeps the original's date, whatever the limit says now.
  if (!s.correction) await assertNotTooFarAhead(ctx, v.kind, v.seriesKey, v.docDate);
  const basis = s.basis === null ? null : 'ref' in s.basis ? s.basis.ref : found(plan.numbers.get(s.basis.key), 'Договор комплекта не найден');
  assertBasisFits(v.kind, basis);
  const numbered = s.correction ? null : await claimNumber(ctx, plan, v);
  const number = numbered?.number ?? s.correction?.number ?? '';
  const docDate = s.correction?.docDate ?? v.docDate;
  const correctionDate = s.correction ? ctx.now().toISOString().slice(0, 10) : null;
  plan.numbers.set(s.key, { id: s.existing?.id ?? 0, kind: v.kind, status: 'issued', number, docDate });
  const version = found(await ctx.store.documents.templates.currentVersion(v.kind, v.terms.templateId, client.kind === 'person'), 'Шаблон документа не найден');
  const manager = await ctx.store.users.get(v.managerId);
  const deal = v.dealId === null ? null : await ctx.store.sales.deals.get(v.dealId);
  const data = buildDocumentData({
    kind: v.kind,
    number,
    docDate,
    org,
    client,
    managerName: manager?.fullName ?? '',
    lines: v.lines,
    vatMode: v.vatMode,
    terms: v.terms,
    basis,
    passport: client.kind === 'person' ? await ctx.store.clientPassports.get(client.id) : null,
    dealTitle: deal?.title ?? null,
    correction: s.correction && correctionDate ? { number: s.correction.correctionNumber, dateIso: correctionDate } : null,
    reconciliation: v.kind === 'reconciliation_act' ? await reconciliationData(ctx, v.orgId, v.clientId, v.terms, basis?.id ?? null) : null,
    shipping: await shippingFacts(ctx, v, basis),
    calendar: await officeCalendar(ctx),
  });
  const { assets, ids } = await assetsOf(ctx, v.orgId, client.facsimileAgreement);
  const part: RenderPart = { viewModel: buildViewModel(data), template: { source: version.source }, assets };
  const pdf = ctx.pdf
    .renderer()
    .render(part.viewModel, part.template, assets)
    .catch((e: unknown) => {
      throw e instanceof TemplateInvalidError ? new AppError('VALIDATION', `Шаблон «${version.name}» (версия ${version.version}): ${e.message}`) : e;
    });
  // A later item's check may end the plan before this render is awaited: its failure is then nobody's.
  pdf.catch(() => {});
  const snapshot: DocumentSnapshot = { v: 1, data, templateVersionId: version.id, assets: ids };
  return {
    part,
    pdf,
    item: {
      key: s.key,
      existingId: s.existing?.id ?? null,
      expectedUpdatedAt: s.existing?.updatedAt ?? null,
      draft: s.existing ? null : v,
      basis: s.basis === null ? null : 'ref' in s.basis ? { id: s.basis.ref.id } : { key: s.basis.key },
      number,
      claim: numbered?.claim ?? null,
      snapshot: JSON.stringify(snapshot),
      templateVersionId: version.id,
      correctionDate,
      clientId: v.clientId,
      vatRateReason,
      event: eventOf(v.kind, number, v.totals.gross),
    },
  };
}
