import type { PdfTarget } from '../../shared/api/documents';
import { AppError, found } from '../app-error';
import type { CallContext } from '../context';
import type { DesktopFile } from '../desktop-actions';
import type { HandlerMap } from '../handler-types';
import { documentScope, visibleDocument } from './access';
import { bundleFile, issueSavedBundle, makeBundle } from './bundle';
import { pdfFileName } from './document-data';
import { renderDraft } from './preview';
import { SERIES_OF } from './series';
import { printFile } from './print-file';

async function visibleBundleFile(ctx: CallContext, bundleId: number) {
  const bundle = found(await ctx.store.documents.issuing.bundle(bundleId), 'Комплект не найден');
  const scope = documentScope(ctx);
  if (scope !== undefined) {
    // A manager sees a bundle when its documents are theirs.
    const first = bundle.documentIds.length > 0 ? await ctx.store.documents.docs.get(bundle.documentIds[0]) : null;
    if (first?.managerId !== scope) throw new AppError('NOT_FOUND', 'Комплект не найден');
  }
  return found(await bundleFile(ctx, bundleId), 'Комплект ещё не выставлен');
}

/** The bytes a desktop action works on: an issued document's stored PDF, a draft rendered, or a bundle's combined PDF. */
async function desktopFile(ctx: CallContext, target: PdfTarget): Promise<DesktopFile> {
  if (target.kind === 'bundle') {
    const f = await visibleBundleFile(ctx, target.id);
    return { fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') };
  }
  const doc = await visibleDocument(ctx, target.id);
  const frozen = await ctx.store.documents.docs.frozen(doc.id);
  if (frozen) return { fileName: pdfFileName(doc.kind, doc.number, doc.docDate), bytes: frozen.pdf };
  const draft = await renderDraft(
    ctx,
    { ...doc, basisDocumentId: doc.basis?.id ?? null, seriesKey: SERIES_OF[doc.kind], totals: { net: doc.netKopecks, vat: doc.vatKopecks, gross: doc.grossKopecks } },
    doc.basis,
  );
  return { fileName: draft.fileName, bytes: Buffer.from(draft.base64, 'base64') };
}

/** The bundle, and what only the desktop does with a PDF: save through a dialog, print, open. */
export const outputHandlers: HandlerMap<
  'documents.bundle' | 'documents.issueBundle' | 'documents.bundlePdf' | 'documents.printFile' | 'documents.saveAs' | 'documents.print' | 'documents.open'
> = {
  async 'documents.bundle'(input, ctx) {
    return makeBundle(ctx, input);
  },

  async 'documents.issueBundle'(input, ctx) {
    return issueSavedBundle(ctx, input.id);
  },

  async 'documents.bundlePdf'(input, ctx) {
    return visibleBundleFile(ctx, input.id);
  },

  async 'documents.printFile'(input, ctx) {
    return printFile(ctx, input.documentIds);
  },

  async 'documents.saveAs'(input, ctx) {
    const res = await ctx.desktop.saveAs(await desktopFile(ctx, input));
    return 'unsupported' in res ? { saved: false, unsupported: true as const } : { saved: res.saved };
  },

  async 'documents.print'(input, ctx) {
    const res = await ctx.desktop.print(await desktopFile(ctx, input));
    return 'unsupported' in res ? { printed: false, unsupported: true as const } : { printed: res.printed };
  },

  async 'documents.open'(input, ctx) {
    const res = await ctx.desktop.open(await desktopFile(ctx, input));
    return 'unsupported' in res ? { opened: false, unsupported: true as const } : { opened: res.opened };
  },
};
