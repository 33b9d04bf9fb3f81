import type { DraftValues } from '../../db/repos/document-drafts';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { refuseStale } from '../stale';
import { documentScope, editableDraft, visibleDocument, withRights } from './access';
import { pdfFileName } from './document-data';
import { approvalRequestsFor, draftValuesOf } from './draft-values';
import { issueDrafts } from './issue';
import { renderDraft, toPdfFile } from './preview';
import { SERIES_OF } from './series';

const NO_DOCUMENT = 'Документ не найден';

async function detail(ctx: CallContext, id: number) {
  return withRights(requireUser(ctx), found(await ctx.store.documents.docs.get(id), NO_DOCUMENT));
}

/** Документы: the list, drafts, issue, annulment, copies and corrections, PDFs. */
export const documentHandlers: HandlerMap<
  | 'documents.list'
  | 'documents.get'
  | 'documents.createDraft'
  | 'documents.updateDraft'
  | 'documents.deleteDraft'
  | 'documents.issue'
  | 'documents.annul'
  | 'documents.copy'
  | 'documents.correct'
  | 'documents.preview'
  | 'documents.pdf'
> = {
  async 'documents.list'(input, ctx) {
    return ctx.store.documents.docs.list({ ...input, onlyManagerId: documentScope(ctx) });
  },

  async 'documents.get'(input, ctx) {
    return withRights(requireUser(ctx), await visibleDocument(ctx, input.id));
  },

  async 'documents.createDraft'(input, ctx) {
    const { values } = await draftValuesOf(ctx, input, null);
    const approvals = await approvalRequestsFor(ctx, input, null);
    const created = await ctx.store.documents.docs.createDraft(ctx.actor, values, approvals);
    return withRights(requireUser(ctx), created);
  },

  async 'documents.updateDraft'(input, ctx) {
    const before = await editableDraft(ctx, input.id);
    if (before.correctsDocumentId !== null && input.draft.kind !== before.kind) throw new AppError('VALIDATION', 'Вид исправления счёта-фактуры не меняется');
    const { values } = await draftValuesOf(ctx, input.draft, before);
    const approvals = await approvalRequestsFor(ctx, input.draft, before.id);
    found(await refuseStale(() => ctx.store.documents.docs.updateDraft(ctx.actor, before.id, values, approvals, input.version)), 'Документ уже выставлен');
    return detail(ctx, before.id);
  },

  async 'documents.deleteDraft'(input, ctx) {
    const doc = await editableDraft(ctx, input.id);
    if (!(await ctx.store.documents.docs.deleteDraft(ctx.actor, doc.id))) throw new AppError('CONFLICT', 'Документ уже выставлен и не удаляется');
    return { deleted: true as const };
  },

  async 'documents.issue'(input, ctx) {
    const doc = await editableDraft(ctx, input.id);
    await issueDrafts(ctx, [doc], null);
    return detail(ctx, doc.id);
  },

  async 'documents.annul'(input, ctx) {
    const doc = await visibleDocument(ctx, input.id);
    if (doc.status !== 'issued') throw new AppError('CONFLICT', doc.status === 'draft' ? 'Черновик не аннулируют — его можно удалить' : 'Документ уже аннулирован');
    found(await ctx.store.documents.docs.annul(ctx.actor, doc.id, input.reason), 'Документ уже аннулирован');
    return detail(ctx, doc.id);
  },

  async 'documents.copy'(input, ctx) {
    const doc = await visibleDocument(ctx, input.id);
    const { values } = await draftValuesOf(
      ctx,
      {
        kind: doc.kind,
        orgId: doc.orgId,
        clientId: doc.clientId,
        dealId: doc.dealId,
        docDate: ctx.now().toISOString().slice(0, 10),
        vatMode: doc.vatMode,
        vatRate: doc.vatRate,
        basisDocumentId: doc.basis && doc.basis.status !== 'annulled' ? doc.basis.id : null,
        terms: doc.terms,
        lines: doc.lines,
        requestApproval: false,
        approvalReason: '',
      },
      null,
    );
    const approvals = { requests: [], reason: '' };
    return withRights(requireUser(ctx), await ctx.store.documents.docs.createDraft(ctx.actor, values, approvals));
  },

  async 'documents.correct'(input, ctx) {
    const original = await visibleDocument(ctx, input.id);
    if (original.kind !== 'invoice_factura' && original.kind !== 'upd') throw new AppError('VALIDATION', 'Исправление с тем же номером и датой делают только для счёта-фактуры и УПД; другой документ аннулируйте и выставьте заново');
    if (original.status !== 'issued') throw new AppError('CONFLICT', 'Исправляют только выставленный документ');
    const base = original.correctsDocumentId === null ? original : found(await ctx.store.documents.docs.get(original.correctsDocumentId), NO_DOCUMENT);
    const values: DraftValues = {
      kind: base.kind,
      orgId: base.orgId,
      clientId: base.clientId,
      dealId: base.dealId,
      managerId: base.managerId,
      docDate: base.docDate,
      vatMode: original.vatMode,
      vatRate: original.vatRate,
      basisDocumentId: base.basis?.id ?? null,
      seriesKey: SERIES_OF[base.kind],
      terms: original.terms,
      lines: original.lines,
      totals: { net: original.netKopecks, vat: original.vatKopecks, gross: original.grossKopecks },
      correctsDocumentId: base.id,
      correctionNumber: (await ctx.store.documents.docs.lastCorrection(base.id)) + 1,
    };
    return withRights(requireUser(ctx), await ctx.store.documents.docs.createDraft(ctx.actor, values, { requests: [], reason: '' }));
  },

  async 'documents.preview'(input, ctx) {
    const { values, basis } = await draftValuesOf(ctx, { ...input, requestApproval: false }, null);
    return renderDraft(ctx, values, basis);
  },

  async 'documents.pdf'(input, ctx) {
    const doc = await visibleDocument(ctx, input.id);
    const frozen = await ctx.store.documents.docs.frozen(doc.id);
    // An issued document always opens as the bytes stored when it was issued.
    if (frozen) return toPdfFile(pdfFileName(doc.kind, doc.number, doc.docDate), frozen.pdf);
    return renderDraft(
      ctx,
      {
        ...doc,
        basisDocumentId: doc.basis?.id ?? null,
        seriesKey: SERIES_OF[doc.kind],
        totals: { net: doc.netKopecks, vat: doc.vatKopecks, gross: doc.grossKopecks },
      },
      doc.basis,
    );
  },
};
