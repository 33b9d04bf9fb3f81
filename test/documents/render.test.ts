import { describe, expect, it } from 'vitest';
import { buildViewModel, DOCUMENT_KINDS, loadBuiltInTemplate, renderCombinedPdf, renderPdf, TemplateInvalidError } from '../../src/documents/index';
import { BUYER_LEGAL, manyLines, sampleData } from './fixtures';
import { mediaBoxes, pdfInfo, pdfPages, pdfText, savePreview } from './pdf-text';
import { signaturePng, stampPng } from './png';

const invoiceTemplate = loadBuiltInTemplate('invoice');
const HEADER_ROW = '№ Товары (работы, услуги) Кол-во Ед. Цена Сумма';

describe('renderPdf', () => {
  it('gives byte-identical PDFs for identical input, whatever was rendered before', async () => {
    const vm = buildViewModel(sampleData('invoice'));
    const first = await renderPdf(vm, invoiceTemplate);
    for (const kind of DOCUMENT_KINDS) await renderPdf(buildViewModel(sampleData(kind)), loadBuiltInTemplate(kind));
    const again = await renderPdf(buildViewModel(sampleData('invoice')), invoiceTemplate);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('writes fixed metadata derived from the document, not from the clock', async () => {
    const bytes = await renderPdf(buildViewModel(sampleData('invoice')), invoiceTemplate);
    expect(await pdfInfo(bytes)).toMatchObject({
      Title: 'Счёт на оплату №\u00a015 от 9 января 2026 г.',
      Author: 'Sdelka',
      Creator: 'Sdelka',
      Producer: 'Sdelka (pdfmake)',
      CreationDate: 'D:20260109000000Z',
      ModDate: 'D:20260109000000Z',
    });
    // pdfkit derives the file ID from the info dictionary (an MD5), so it is fixed too.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/ID \[<([0-9a-f]{32})> <\1>\]/);
  });

  it('spreads a 60-line invoice over pages, repeating the header row and numbering pages', async () => {
    const bytes = await renderPdf(buildViewModel(sampleData('invoice', { lines: manyLines(60) })), invoiceTemplate);
    savePreview('invoice-60-lines', bytes);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain(HEADER_ROW);
    expect(pages[0]).toContain(`Страница 1 из ${pages.length}`);
    expect(pages[1]).toContain(`Страница 2 из ${pages.length}`);
    expect(pages[pages.length - 1]).toContain('Всего к оплате:');
    // Every line is printed exactly once.
    const text = pages.join('\n');
    for (let n = 1; n <= 60; n++) expect(text.split(`позиция ${n}:`).length - 1).toBe(1);
  });

  it('never leaves a heading at the bottom of a page, before text or before a table', async () => {
    for (let filler = 48; filler <= 56; filler += 2) {
      const source = `${Array.from({ length: filler }, (_, i) => `Абзац ${i + 1}.`).join('\n')}\n## Спецификация\n::lines`;
      const vm = buildViewModel(sampleData('free_form', { lines: manyLines(30) }));
      const pages = await pdfPages(await renderPdf(vm, { source }));
      const page = pages.find((p) => p.includes('Спецификация')) ?? '';
      expect(page.replace(/Страница \d+ из \d+/, '').trim().endsWith('Спецификация')).toBe(false);
      pages.forEach((p, i) => expect(p).toContain(`Страница ${i + 1} из ${pages.length}`));
    }
  });

  it('does not number the page of a one-page document', async () => {
    expect(await pdfText(await renderPdf(buildViewModel(sampleData('invoice')), invoiceTemplate))).not.toContain('Страница');
  });

  it('prints values literally even when they look like markup', async () => {
    const buyer = { ...BUYER_LEGAL, shortName: '**ООО** «Звезда*» | ::lines' };
    const text = await pdfText(await renderPdf(buildViewModel(sampleData('invoice', { buyer })), { source: 'Покупатель: {{buyer.shortName}}\n{{buyer.shortName}}' }));
    expect(text).toContain('Покупатель: **ООО** «Звезда*» | ::lines **ООО** «Звезда*» | ::lines');
  });

  it('refuses a template with errors, listing them', async () => {
    const vm = buildViewModel(sampleData('invoice'));
    const attempt = renderPdf(vm, { source: '{{#lines}}{{name}}' });
    await expect(attempt).rejects.toBeInstanceOf(TemplateInvalidError);
    await expect(attempt).rejects.toMatchObject({ errors: [expect.objectContaining({ line: 1, column: 1 })] });
  });

  it('places the uploaded stamp and signature, and refuses images that are not PNG', async () => {
    const vm = buildViewModel(sampleData('invoice'));
    const plain = await renderPdf(vm, invoiceTemplate);
    const stamped = await renderPdf(vm, invoiceTemplate, { stampPng: stampPng(), signaturePng: signaturePng() });
    savePreview('invoice-stamp', stamped);
    expect(Buffer.from(stamped).toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(plain).toString('latin1')).not.toContain('/Subtype /Image');
    await expect(renderPdf(vm, invoiceTemplate, { stampPng: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) })).rejects.toThrow('PNG');
  });
});

describe('renderCombinedPdf', () => {
  it('prints a contract and its invoice as one PDF, numbering pages per document', async () => {
    const contract = { viewModel: buildViewModel(sampleData('contract_supply')), template: loadBuiltInTemplate('contract_supply') };
    const invoice = { viewModel: buildViewModel(sampleData('invoice')), template: invoiceTemplate };
    const contractPages = (await pdfPages(await renderPdf(contract.viewModel, contract.template))).length;
    const bytes = await renderCombinedPdf([contract, invoice]);
    savePreview('bundle-contract-invoice', bytes);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(contractPages + 1);
    expect(pages[0]).toContain(`Страница 1 из ${contractPages}`);
    expect(pages[contractPages - 1]).toContain(`Страница ${contractPages} из ${contractPages}`);
    expect(pages[contractPages]).toContain('Счёт на оплату № 15 от 9 января 2026 г.');
    expect(pages[contractPages]).not.toContain('Страница');
  });

  it('restarts page numbers for each document and keeps each one\'s orientation', async () => {
    const longInvoice = { viewModel: buildViewModel(sampleData('invoice', { lines: manyLines(60) })), template: invoiceTemplate };
    const torg12 = { viewModel: buildViewModel(sampleData('torg12', { lines: manyLines(40) })), template: loadBuiltInTemplate('torg12') };
    const bytes = await renderCombinedPdf([longInvoice, torg12]);
    const pages = await pdfPages(bytes);
    const invoicePages = pages.filter((p) => p.includes(HEADER_ROW)).length;
    expect(pages[0]).toContain(`Страница 1 из ${invoicePages}`);
    expect(pages[invoicePages]).toContain(`Страница 1 из ${pages.length - invoicePages}`);
    const boxes = mediaBoxes(bytes);
    expect(boxes[0][0]).toBeLessThan(boxes[0][1]);
    expect(boxes[invoicePages][0]).toBeGreaterThan(boxes[invoicePages][1]);
  });
});
