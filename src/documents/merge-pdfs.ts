// Joins already rendered PDFs into one file (a bundle to print), page for page, with the bundle's metadata.
import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import type { PdfInfo } from './pdf-types';

/**
 * The files' pages in the given order in one PDF. Each page keeps its own content, fonts and images,
 * so it prints exactly as in its document's own file; the same files and info give the same bytes.
 */
export async function mergePdfs(files: readonly Uint8Array[], info: PdfInfo): Promise<Uint8Array> {
  if (files.length === 0) throw new Error('Нет документов для печати');
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const file of files) {
    // pdf-lib gives the event loop a turn (a timer, a millisecond or more) every hundred objects read
    // and every fifty written; a print file is a few hundred objects joined in a pool thread or in a
    // few milliseconds, so it is read and written in one go: the same bytes, without the waits.
    const source = await PDFDocument.load(file, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  out.setTitle(info.title);
  out.setAuthor(info.author);
  out.setSubject(info.subject);
  out.setCreator(info.creator);
  out.setProducer(info.producer);
  out.setCreationDate(info.creationDate);
  out.setModificationDate(info.modDate);
  // Plain objects, as the documents' own files are written: readable by the simplest tools, and no slower.
  return out.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
