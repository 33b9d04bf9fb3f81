// pdfkit's text call as pdfmake makes it: the fast path leaves the document where pdfkit's own path
// does (doc.x past the word, doc.y at the line) and writes the same operators; other calls go the general way.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installFastPaths, setFastPaths } from '../../src/documents/render-fast-paths';
import { RESOURCES } from '../helpers/temp-app';

type Doc = {
  x: number;
  y: number;
  font(path: string): Doc;
  fontSize(size: number): Doc;
  addPage(): Doc;
  text(text: string, x?: number, y?: number, options?: object): Doc;
  page: { content: { uncompressedLength: number } };
};

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const PDFDocument = fromPdfmake('pdfkit') as new (options: object) => Doc;

/** Where each call leaves the document, and how many content bytes it wrote, with the fast paths on or off. */
function trace(fast: boolean): { x: number; y: number; bytes: number }[] {
  setFastPaths(fast);
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  doc.addPage();
  doc.font(join(RESOURCES, 'fonts', 'DejaVuSansCondensed.ttf')).fontSize(10);
  const out: { x: number; y: number; bytes: number }[] = [];
  const calls: [string, number, number, object][] = [
    // As pdfmake's renderer writes a word.
    ['Поставщик', 56.7, 120.25, { lineBreak: false, textWidth: 48.1, characterSpacing: 0, wordCount: 1 }],
    ['Поставщик', 110.2, 120.25, { lineBreak: false, textWidth: 48.1, characterSpacing: 0, wordCount: 1 }],
    ['обязуется ', 160, 120.25, { lineBreak: false, textWidth: 51, characterSpacing: 0.5, wordCount: 1 }],
    // Not that shape: wrapped to a width, a line break inside.
    ['Покупатель оплачивает товар', 56.7, 140, { width: 80 }],
    ['в течение\nпяти дней', 56.7, 180, { lineBreak: false }],
  ];
  for (const [text, x, y, options] of calls) {
    doc.text(text, x, y, options);
    out.push({ x: doc.x, y: doc.y, bytes: doc.page.content.uncompressedLength });
  }
  return out;
}

describe('the fast path of pdfmake’s text calls', () => {
  it('leaves the document at the same place with the same content as pdfkit’s own path', () => {
    installFastPaths();
    try {
      const fast = trace(true);
      const plain = trace(false);
      expect(fast).toEqual(plain);
      // The words moved the pen: past the first word at 56.7, each call's own start for the next.
      expect(plain[0].x).toBeGreaterThan(56.7 + 40);
      expect(plain[1].x).toBeGreaterThan(110.2 + 40);
      expect(plain[0].bytes).toBeGreaterThan(0);
    } finally {
      setFastPaths(true);
    }
  });
});
