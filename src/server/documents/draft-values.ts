import type { ApprovalRequest } from '../../db/repos/discount-approvals-repo';
import type { DraftValues } from '../../db/repos/document-drafts';
import type { DocumentRecord } from '../../db/repos/documents-repo';
import { CONTRACT_KINDS, type DocumentKindKey, type DocumentLineParsed, type DocumentRef, type DraftParsed } from '../../shared/api/document-types';
import { dealOfDocument } from './deal-of-document';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { assertClientAllowed, managerOf, seesCosts } from './access';
import { checkedLines } from './discount-lines';
import { discountRequestsOnSave } from './discounts';
import { assertBasisFits } from './issue-checks';
import { priceLines } from './pricing';
import { defaultUpdStatus, seriesOf } from './series';

/**
 * Each line's cost per unit: as sent by someone who sees costs; otherwise the cost the same line
 * (same position and catalog item) already had, or the catalog's cost for a line added now.
 */
async function withCosts(ctx: CallContext, lines: readonly DocumentLineParsed[], existing: DocumentRecord | null): Promise<DocumentLineParsed[]> {
  const trusted = seesCosts(requireUser(ctx));
  const day = ctx.now().toISOString().slice(0, 10);
  const out: DocumentLineParsed[] = [];
  for (const [i, l] of lines.entries()) {
    if (trusted && l.costKopecks !== undefined) {
      out.push(l);
      continue;
    }
    const before = existing?.lines[i];
    if (before !== undefined && before.catalogItemId === l.catalogItemId && before.name === l.name) {
      out.push({ ...l, costKopecks: before.costKopecks ?? null });
      continue;
    }
    const item = l.catalogItemId === null ? null : await ctx.store.documents.catalog.get(l.catalogItemId, day);
    out.push({ ...l, costKopecks: item?.costKopecks ?? null });
  }
  return out;
}

/** Acts that copy their contract's lines when made from it empty. */
const ACTS_FROM_CONTRACT: readonly DocumentKindKey[] = ['act_services', 'act_transfer'];

/** A draft's values checked and priced, with the contract it refers to (a draft contract is fine until issue). */
export async function draftValuesOf(ctx: CallContext, input: DraftParsed, existing: DocumentRecord | null): Promise<{ values: DraftValues; basis: DocumentRef | null }> {
  const client = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
  assertClientAllowed(ctx, client);
  const org = found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
  const terms = input.kind === 'upd' ? { ...input.terms, updStatus: input.terms.updStatus ?? defaultUpdStatus(org.defaultVatRate) } : input.terms;
  const dealId = await dealOfDocument(ctx, input.clientId, input.dealId === undefined && existing !== null ? existing.dealId : input.dealId);
  let basis: DocumentRef | null = null;
  let given: { lines: readonly DocumentLineParsed[]; vatMode: DraftParsed['vatMode'] } = input;
  if (input.basisDocumentId !== null) {
    const b = await ctx.store.documents.docs.get(input.basisDocumentId);
    if (!b || b.clientId !== input.clientId || b.orgId !== input.orgId || !CONTRACT_KINDS.includes(b.kind) || b.status === 'annulled') {
      throw new AppError('VALIDATION', 'Основанием может быть только действующий договор этого клиента', [{ path: 'basisDocumentId', message: 'Выберите договор клиента' }]);
    }
    basis = { id: b.id, kind: b.kind, status: b.status, number: b.number, docDate: b.docDate };
    // An act made from a contract with no lines of its own takes the contract's lines and VAT mode.
    if (ACTS_FROM_CONTRACT.includes(input.kind) && input.lines.length === 0) given = { vatMode: b.vatMode, lines: b.lines };
  }
  assertBasisFits(input.kind, basis);
  if (input.kind === 'reconciliation_act' && input.lines.length > 0) {
    throw new AppError('VALIDATION', 'В акте сверки нет строк товаров: его строки — документы и оплаты за период', [{ path: 'lines', message: 'Строки не нужны' }]);
  }
  const lines = input.vatRate === 'none' ? given.lines.map((l) => ({ ...l, vatRate: 'none' as const })) : given.lines;
  const priced = priceLines(await withCosts(ctx, lines, existing), given.vatMode);
  const sameClient = existing !== null && existing.clientId === input.clientId;
  return {
    basis,
    values: {
      kind: input.kind,
      orgId: input.orgId,
      clientId: input.clientId,
      dealId,
      managerId: sameClient ? existing.managerId : managerOf(ctx, client),
      docDate: input.docDate,
      vatMode: given.vatMode,
      vatRate: input.vatRate,
      basisDocumentId: input.basisDocumentId,
      seriesKey: seriesOf(input.kind, terms.updStatus),
      terms,
      lines: priced.lines,
      totals: priced.totals,
      correctsDocumentId: existing?.correctsDocumentId ?? null,
      correctionNumber: existing?.correctionNumber ?? null,
    },
  };
}

/** Discounts of a draft being saved: within the caller's limit, already requested, or new requests (when asked). */
export async function approvalRequestsFor(ctx: CallContext, input: DraftParsed, documentId: number | null): Promise<{ requests: ApprovalRequest[]; reason: string }> {
  const limit = await ctx.store.documents.settings.limit(requireUser(ctx).role);
  const approvals = documentId === null ? [] : await ctx.store.documents.approvals.covering(documentId);
  const lines = await checkedLines(ctx, input.lines, input.docDate, input.basisDocumentId);
  return { requests: discountRequestsOnSave(lines, limit.maxDiscountBp, approvals, input.requestApproval), reason: input.approvalReason };
}
