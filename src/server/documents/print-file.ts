// One file to print many issued documents at once (the month's acts to sign, waybills to send): each
// document's stored PDF, in the order chosen, joined page for page. Hundreds of documents take seconds:
// the count («Подготовлено 40 из 120») shows how far it has got, and a person's second request while
// theirs runs is refused. Only what the person may open goes in, and only issued documents: a draft's
// bytes are not final and an annulled document is not to be signed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatDateNumeric, pluralRu } from '../../core/index';
import type { PdfInfo } from '../../documents/index';
import { DOCUMENT_KIND_LABELS, type PdfFile } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { reportProgress, singleFlight } from '../single-flight';
import { visibleDocument } from './access';
import { toPdfFile } from './preview';

/** How many documents one join takes: the count moves after each. */
const JOIN_STEP = 20;

/** A document's name in a refusal: «Акт № 12 от 03.03.2026». */
function named(doc: { kind: keyof typeof DOCUMENT_KIND_LABELS; number: string; docDate: string }): string {
  return `${DOCUMENT_KIND_LABELS[doc.kind]}${doc.number ? ` № ${doc.number}` : ''} от ${formatDateNumeric(doc.docDate)}`;
}

function printInfo(count: number, at: Date): PdfInfo {
  return {
    title: `Документы для печати: ${count} ${pluralRu(count, 'документ', 'документа', 'документов')}`,
    author: 'Sdelka',
    subject: 'Документы для печати',
    creator: 'Sdelka',
    producer: 'Sdelka (pdf-lib)',
    creationDate: at,
    modDate: at,
  };
}

/** The print file of the documents `ids` (repeats taken once, the order kept). */
export async function printFile(ctx: CallContext, ids: readonly number[]): Promise<PdfFile> {
  const user = requireUser(ctx);
  const unique = [...new Set(ids)];
  return singleFlight(
    ctx,
    'documents.printFile',
    'Подготовка файла для печати',
    async () => {
      const files: Uint8Array[] = [];
      for (const id of unique) {
        const doc = await visibleDocument(ctx, id);
        const frozen = await ctx.store.documents.docs.frozen(doc.id);
        if (doc.status === 'draft' || !frozen) {
          throw new AppError('VALIDATION', `${named(doc)} — черновик: в файл для печати попадают только выставленные документы`);
        }
        if (frozen.status === 'annulled') throw new AppError('VALIDATION', `${named(doc)} аннулирован — его не печатают для подписи`);
        files.push(frozen.pdf);
      }
      const at = ctx.now();
      const info = printInfo(files.length, at);
      const renderer = ctx.pdf.renderer();
      // Joined in steps, each in a PDF thread, then the steps joined: the count moves while it works.
      const steps: Uint8Array[] = [];
      reportProgress(ctx, 'documents.printFile', 0, files.length, user.id);
      for (let from = 0; from < files.length; from += JOIN_STEP) {
        const part = files.slice(from, from + JOIN_STEP);
        steps.push(part.length === 1 && files.length === 1 ? part[0] : await renderer.merge(part, info));
        reportProgress(ctx, 'documents.printFile', from + part.length, files.length, user.id);
        // Other desks' calls (and this person's screen asking for the count) get a turn between two joins.
        await nextTurn();
      }
      const bytes = steps.length === 1 ? steps[0] : await renderer.merge(steps, info);
      const count = `${files.length} ${pluralRu(files.length, 'документ', 'документа', 'документов')}`;
      return toPdfFile(`Документы для печати (${count}) от ${formatDateNumeric(at.toISOString().slice(0, 10))}.pdf`, bytes);
    },
    user.id,
  );
}
