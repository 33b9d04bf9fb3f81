// Issue 15 item 10: the end of a document (totals, signatures) never stands alone on a page, and a form states its real page count.
import { describe, expect, it } from 'vitest';
import { buildViewModel, loadBuiltInTemplate, renderPdf, type DocumentKind } from '../../src/documents/index';
import { manyLines, sampleData } from './fixtures';
import { pdfPages } from './pdf-text';

async function pagesOf(kind: DocumentKind, lineCount: number): Promise<string[]> {
  return pdfPages(await renderPdf(buildViewModel(sampleData(kind, { lines: manyLines(lineCount) })), loadBuiltInTemplate(kind)));
}

/** The name of line n as manyLines writes it (its prefix). */
const lineName = (n: number): string => `Товар хозяйственный, позиция ${n}:`;

describe('page breaks', () => {
  // Every table length over two pages: wherever the table ends, the signatures share their page with the last lines.
  it.each([
    ['invoice', 'Руководитель', 24, 44],
    ['torg12', 'Отпуск разрешил', 8, 26],
  ] as const)('%s keeps «%s» with the last table lines for %i…%i lines', async (kind, signature, from, to) => {
    for (let n = from; n <= to; n++) {
      const pages = await pagesOf(kind, n);
      const last = pages[pages.length - 1];
      expect({ n, signaturesOnLastPage: last.includes(signature), lastLineThere: last.includes(lineName(n)) }).toEqual({ n, signaturesOnLastPage: true, lastLineThere: true });
      if (kind === 'invoice') expect({ n, totalsWithLines: last.includes('Итого:') }).toEqual({ n, totalsWithLines: true });
    }
  }, 120_000);

  it('states the real page count on a УПД: «Документ составлен на N листах»', async () => {
    for (const n of [1, 30]) {
      const pages = await pagesOf('upd', n);
      const expected = pages.length === 1 ? 'на 1 листе' : `на ${pages.length} листах`;
      expect(pages.join(' ')).toContain(`Документ составлен ${expected}`);
    }
  }, 60_000);
});
