import type { ApprovalRequest } from '../../db/repos/discount-approvals-repo';
import type { DraftValues } from '../../db/repos/document-drafts';
import type { DocumentRecord } from '../../db/repos/documents-repo';
import { CONTRACT_KINDS, type DocumentRef, type DraftParsed } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { assertClientAllowed, managerOf } from './access';
import { discountRequestsOnSave } from './discounts';
import { priceLines } from './pricing';
import { SERIES_OF } from './series';

/** A draft's values checked and priced, with the contract it refers to (a draft contract is fine until issue). */
export async function draftValuesOf(ctx: CallContext, input: DraftParsed, existing: DocumentRecord | null): Promise<{ values: DraftValues; basis: DocumentRef | null }> {
  const client = found(await ctx.store.clients.get(input.clientId), 'Клиент не найден');
  assertClientAllowed(ctx, client);
  found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
  if (input.dealId !== null) {
    const deal = found(await ctx.store.sales.deals.get(input.dealId), 'Сделка не найдена');
    if (deal.clientId !== input.clientId) throw new AppError('VALIDATION', 'Сделка относится к другому клиенту', [{ path: 'dealId', message: 'Другой клиент' }]);
  }
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
  const priced = priceLines(lines, input.vatMode);
  const sameClient = existing !== null && existing.clientId === input.clientId;
  return {
    basis,
    values: {
      kind: input.kind,
      orgId: input.orgId,
      clientId: input.clientId,
      dealId: input.dealId,
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
