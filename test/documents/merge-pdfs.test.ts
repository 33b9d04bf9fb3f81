// A bundle's print file joins its documents' own files: every page the same picture, text and size as in
// the document's file (and as the one-file render of the same parts), in print order, with the bundle's title.
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { buildViewModel, loadBuiltInTemplate, mergePdfs, pdfInfoOf, renderCombinedPdf, renderPdf, type RenderPart } from '../../src/documents/index';
import { manyLines, sampleData } from './fixtures';
import { onePdfThread } from './one-pdf-thread';
import { mediaBoxes, pdfInfo, pdfPages } from './pdf-text';

const contract: RenderPart = { viewModel: buildViewModel(sampleData('contract_supply')), template: loadBuiltInTemplate('contract_supply') };
const invoice: RenderPart = { viewModel: buildViewModel(sampleData('invoice', { lines: manyLines(45) })), template: loadBuiltInTemplate('invoice') };
const torg12: RenderPart = { viewModel: buildViewModel(sampleData('torg12', { lines: manyLines(30) })), template: loadBuiltInTemplate('torg12') };
const parts = [contract, invoice, torg12];

async function own(part: RenderPart): Promise<Uint8Array> {
  return renderPdf(part.viewModel, part.template, part.assets);
}

/** Every page drawn at 1× as PNG bytes. */
async function pictures(bytes: Uint8Array): Promise<Buffer[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const shot = await parser.getScreenshot({ scale: 1, imageDataUrl: false, imageBuffer: true });
    return shot.pages.map((p) => Buffer.from(p.data));
  } finally {
    await parser.destroy();
  }
}

let files: Uint8Array[] = [];
let merged: Uint8Array = new Uint8Array();

beforeAll(async () => {
  files = [];
  for (const part of parts) files.push(await own(part));
  merged = await mergePdfs(files, pdfInfoOf(parts.map((p) => p.viewModel)));
});

describe('mergePdfs', () => {
  it('holds each document\'s pages in order, each the same text, size and picture as in its own file', async () => {
    const ownPages = (await Promise.all(files.map(pdfPages))).flat();
    // The invoice of 45 lines takes two pages and the TORG-12 of 30 lines more than one: three documents, more pages.
    expect(ownPages.length).toBeGreaterThan(4);
    expect(await pdfPages(merged)).toEqual(ownPages);
    expect(mediaBoxes(merged).map((b) => b.join('×'))).toEqual(files.flatMap((f) => mediaBoxes(f).map((b) => b.join('×'))));
    const ownPictures = (await Promise.all(files.map(pictures))).flat();
    const mergedPictures = await pictures(merged);
    expect(mergedPictures).toHaveLength(ownPictures.length);
    mergedPictures.forEach((picture, i) => expect(picture.equals(ownPictures[i]), `page ${i + 1}`).toBe(true));
  });

  it('prints the same pages as rendering the parts into one file', async () => {
    expect(await pdfPages(merged)).toEqual(await pdfPages(await renderCombinedPdf(parts)));
  });

  it('names the bundle and dates it by its first document, the same bytes every time', async () => {
    const info = await pdfInfo(merged);
    expect(info.Title).toBe('Комплект документов: Договор поставки №\u00a015 от 9 января 2026 г.; Счёт на оплату №\u00a015 от 9 января 2026 г.; Товарная накладная №\u00a015 от 9 января 2026 г.');
    expect(info.Producer).toBe('Sdelka (pdfmake)');
    expect(String(info.CreationDate)).toMatch(/^D:20260109/);
    const again = await mergePdfs(files, pdfInfoOf(parts.map((p) => p.viewModel)));
    expect(Buffer.from(again).equals(Buffer.from(merged))).toBe(true);
  });

  it('refuses an empty list with a Russian message', async () => {
    await expect(mergePdfs([], pdfInfoOf([contract.viewModel]))).rejects.toThrow('Нет документов для печати');
  });
});

describe('the pool joins files in a worker thread', () => {
  const pool = onePdfThread();

  it('gives the same bytes as joining in this thread', async () => {
    const joined = await pool().merge(files, pdfInfoOf(parts.map((p) => p.viewModel)));
    expect(Buffer.from(joined).equals(Buffer.from(merged))).toBe(true);
  });

  it('refuses a file that is not a PDF, and goes on joining', async () => {
    await expect(pool().merge([files[0], new TextEncoder().encode('не PDF')], pdfInfoOf([contract.viewModel]))).rejects.toThrow();
    expect((await pool().merge([files[1]], pdfInfoOf([invoice.viewModel]))).byteLength).toBeGreaterThan(1000);
  });
});
