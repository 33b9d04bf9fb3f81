import type { ApprovalRequest } from '../../db/repos/discount-approvals-repo';
import type { DraftValues } from '../../db/repos/document-drafts';
import type { DocumentRecord } from '../../db/repos/documents-repo';
import { CONTRACT_KINDS, type DocumentLineParsed, type DocumentRef, type DraftParsed } from '../../shared/api/document-types';
import { dealOfDocument } from './deal-of-document';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { assertClientAllowed, managerOf, seesCosts } from './access';
import { discountRequestsOnSave } from './discounts';
import { priceLines } from './pricing';
import { SERIES_OF } from './series';

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

/** A draft's values checked and priced, with the contract it refers to (a draft contract is fine until issue). */
export async function draftValuesOf(ctx: CallContext, input: DraftParsed, existing: DocumentRecord | null): Promise<{ values: DraftValues; basis: DocumentRef | null }> {
  const client = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
  assertClientAllowed(ctx, client);
  found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
  const dealId = await dealOfDocument(ctx, input.clientId, input.dealId === undefined && existing !== null ? existing.dealId : input.dealId);
  let basis: DocumentRef | null = null;
  if (input.basisDocumentId !== null) {
    const b = await ctx.store.documents.docs.get(input.basisDocumentId);
    if (!b || b.clientId !== input.clientId || b.orgId !== input.orgId || !CONTRACT_KINDS.includes(b.kind) || b.status === 'annulled') {
      throw new AppError('VALIDATION', 'Основанием может быть только действующий договор этого клиента', [{ path: 'basisDocumentId', message: 'Выберите договор клиента' }]);
    }
    basis = { id: b.id, kind: b.kind, status: b.status, number: b.number, docDate: b.docDate };
  }
  if (input.kind === 'reconciliation_act' && input.lines.length > 0) {
    throw new AppError('VALIDATION', 'В акте сверки нет строк товаров: его строки — документы и оплаты за период', [{ path: 'lines', message: 'Строки не нужны' }]);
  }
  const lines = input.vatRate === 'none' ? input.lines.map((l) => ({ ...l, vatRate: 'none' as const })) : input.lines;
  const priced = priceLines(await withCosts(ctx, lines, existing), input.vatMode);
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
      vatMode: input.vatMode,
      vatRate: input.vatRate,
      basisDocumentId: input.basisDocumentId,
      seriesKey: SERIES_OF[input.kind],
      terms: input.terms,
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
  return { requests: discountRequestsOnSave(input.lines, limit.maxDiscountBp, approvals, input.requestApproval), reason: input.approvalReason };
}
