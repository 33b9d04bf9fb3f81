// Issue 15 item 10: the end of a document (totals, signatures) never stands alone on a page, and a form states its real page count.
import { describe, expect, it } from 'vitest';
import { buildViewModel, loadBuiltInTemplate, renderPdf, type DocumentKind } from '../../src/documents/index';
import { manyLines, sampleData } from './fixtures';
import { overlaps, pageGeometry } from './pdf-geometry';
import { pdfPages } from './pdf-text';
import { signaturePng, stampPng } from './png';

async function pagesOf(kind: DocumentKind, lineCount: number): Promise<string[]> {
  return pdfPages(await renderPdf(buildViewModel(sampleData(kind, { lines: manyLines(lineCount) })), loadBuiltInTemplate(kind)));
}

/** The name of line n as manyLines writes it (its prefix). */
const lineName = (n: number): string => `Товар хозяйственный, позиция ${n}:`;

describe('page fit (a short form on one landscape page, as 1C and Kontur print it)', () => {
  it.each([
    ['УПД статус 1', 'upd', 1, 'Товар (груз) передал'],
    ['УПД статус 2', 'upd', 2, 'Товар (груз) передал'],
    ['ТОРГ-12', 'torg12', 1, 'Отпуск разрешил'],
  ] as const)('a 3-line %s with our stamp and facsimile is one page, the signatures on it', async (_title, kind, status, signature) => {
    const data = sampleData(kind, { updStatus: status });
    const bytes = await renderPdf(buildViewModel(data), loadBuiltInTemplate(kind), { stampPng: stampPng(), signaturePng: signaturePng() });
    const pages = await pdfPages(bytes);
    expect(pages.length).toBe(1);
    expect(pages[0]).toContain(signature);
    if (kind === 'upd') expect(pages[0]).toContain('Документ составлен на 1 листе');
    // Tighter rows must not bring the facsimile onto the row above: it may touch only its own captions.
    const [page] = await pageGeometry(bytes);
    const covered = page.images.flatMap((image) => page.texts.filter((run) => overlaps(image, run.rect)).map((run) => run.text.trim()));
    expect(covered.filter((text) => !['подпись', 'расшифровка', 'подписи', 'расшифровка подписи'].includes(text))).toEqual([]);
  });
});

describe('page breaks', () => {
  // Every table length over two pages: wherever the table ends, the signatures share their page with the last lines.
  it.each([
    ['invoice', 'Руководитель', 24, 44],
    ['torg12', 'Отпуск разрешил', 6, 30],
    ['upd', 'Товар (груз) передал', 1, 9],
    ['commercial_offer', 'Генеральный директор', 20, 40],
  ] as const)('%s keeps «%s» with the last table lines for %i…%i lines', async (kind, signature, from, to) => {
    for (let n = from; n <= to; n++) {
      const pages = await pagesOf(kind, n);
      const last = pages[pages.length - 1];
      expect({ n, signaturesOnLastPage: last.includes(signature), lastLineThere: last.includes(lineName(n)) }).toEqual({ n, signaturesOnLastPage: true, lastLineThere: true });
      if (kind === 'invoice') expect({ n, totalsWithLines: last.includes('Итого:') }).toEqual({ n, totalsWithLines: true });
      // No page in between carries an orphaned line or two (a page of one line under its «Итого» looks like a mistake).
      const thin = pages.slice(0, -1).filter((p) => (p.match(/позиция \d+:/g) ?? []).length < 3);
      expect({ n, thin }).toEqual({ n, thin: [] });
    }
  }, 120_000);

  it('keeps the акт сверки’s closing balance, its words and the signatures with the last rows for 10…60 rows', async () => {
    for (let n = 10; n <= 60; n++) {
      const rows = Array.from({ length: n }, (_, i) => ({ dateIso: '2026-01-05', doc: `Реализация (УПД № ${i + 1})`, debitKopecks: 100_000 + i, creditKopecks: 0 }));
      const data = sampleData('reconciliation_act', { reconciliation: { periodFromIso: '2026-01-01', periodToIso: '2026-01-31', openingKopecks: 0, rows } });
      const pages = await pdfPages(await renderPdf(buildViewModel(data), loadBuiltInTemplate('reconciliation_act')));
      const last = pages[pages.length - 1];
      const end = { n, lastRow: last.includes(`УПД № ${n})`), closing: last.includes('Сальдо конечное'), words: last.includes('задолженность'), signatures: last.includes('М.П.') };
      expect(end).toEqual({ n, lastRow: true, closing: true, words: true, signatures: true });
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

describe('ТОРГ-12 (item 8)', () => {
  it('ends every page of a long waybill with its «Итого», the last with «Всего по накладной» too', async () => {
    const pages = await pagesOf('torg12', 40);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toMatch(/Итого \d/);
    expect(pages[pages.length - 1]).toContain('Всего по накладной 155');
    // The first page's «Итого» sums only its own lines: 1 + 2 + … (quantities 1…7 repeating) of the lines printed there.
    const first = pages[0];
    const shown = [...first.matchAll(/позиция (\d+):/g)].map((m) => Number(m[1]));
    const quantity = shown.reduce((sum, n) => sum + (((n - 1) % 7) + 1), 0);
    expect(first).toContain(`Итого ${quantity} `);
  }, 60_000);

  it('prints places, the cargo mass, the attachment sheets and the count of records in words', async () => {
    const data = sampleData('torg12', { cargo: { places: 12, massNet: '118,5 кг', massGross: '126 кг', attachmentSheets: 3 } });
    const text = (await pdfPages(await renderPdf(buildViewModel(data), loadBuiltInTemplate('torg12')))).join(' ');
    expect(text).toContain('Товарная накладная имеет приложение на 3 листах и содержит три порядковых номера записей');
    expect(text).toContain('Всего мест двенадцать');
    expect(text).toContain('Масса груза (нетто) 118,5 кг');
    expect(text).toContain('Масса груза (брутто) 126 кг');
    expect(text).toMatch(/Приложение \(паспорта, сертификаты и т\.п\.\), листов три/);
  });
});

describe('justified text (item 13)', () => {
  it('never breaks «Вектор-Строй» or «№ 1-ЗП» at the hyphen, wherever the line ends', async () => {
    const { PDFParse } = await import('pdf-parse');
    for (let k = 0; k < 24; k++) {
      const notes = `${'слово '.repeat(k)}Поставка для ООО «Вектор-Строй» по договору № 1-ЗП выполняется в срок, ${'согласно графику '.repeat(3)}`;
      const bytes = await renderPdf(buildViewModel(sampleData('free_form', { notes })), loadBuiltInTemplate('free_form'));
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      const raw = (await parser.getText()).text;
      await parser.destroy();
      const lines = raw.split('\n').map((l) => l.trim());
      expect({ k, broken: lines.filter((l) => /(Вектор-|1-|№)$/.test(l) || /^(Строй|ЗП)/.test(l)) }).toEqual({ k, broken: [] });
      const flat = raw.replace(/\s+/g, ' ');
      expect({ k, intact: flat.includes('Поставка для ООО «Вектор-Строй» по договору № 1-ЗП выполняется') }).toEqual({ k, intact: true });
    }
  }, 60_000);
});
