import { afterAll, describe, expect, it } from 'vitest';
import { buildViewModel, createPdfRenderer, loadBuiltInTemplate, TemplateInvalidError } from '../../src/documents/index';
import { sampleData } from './fixtures';
import { pdfPages } from './pdf-text';

const invoice = { viewModel: buildViewModel(sampleData('invoice')), template: loadBuiltInTemplate('invoice') };
const contract = { viewModel: buildViewModel(sampleData('contract_supply')), template: loadBuiltInTemplate('contract_supply') };

describe('createPdfRenderer', () => {
  const worker = createPdfRenderer();
  const inline = createPdfRenderer({ inline: true });
  afterAll(async () => {
    await worker.close();
    await inline.close();
  });

  it('reports ready once the worker has warmed up', async () => {
    await expect(worker.ready()).resolves.toBeUndefined();
    await expect(inline.ready()).resolves.toBeUndefined();
  });

  it('renders in a worker thread the same bytes as in-process', async () => {
    const [fromWorker, fromInline] = await Promise.all([worker.render(invoice.viewModel, invoice.template), inline.render(invoice.viewModel, invoice.template)]);
    expect(fromWorker).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(fromWorker).equals(Buffer.from(fromInline))).toBe(true);
  });

  it('renders bundles and concurrent requests in the worker', async () => {
    const [bundle, single] = await Promise.all([worker.renderCombined([contract, invoice]), worker.render(invoice.viewModel, invoice.template)]);
    const pages = await pdfPages(bundle);
    expect(pages[pages.length - 1]).toContain('Счёт на оплату');
    expect(pages[0]).toContain('Договор поставки');
    expect((await pdfPages(single)).length).toBe(1);
  });

  it('passes template errors back from the worker as TemplateInvalidError', async () => {
    const attempt = worker.render(invoice.viewModel, { source: 'Итого: {{totals.grss}}' });
    await expect(attempt).rejects.toBeInstanceOf(TemplateInvalidError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ line: 1, column: 8, message: 'Неизвестное поле {{totals.grss}}' }] });
  });

  it('refuses work after close', async () => {
    const renderer = createPdfRenderer();
    await renderer.close();
    await expect(renderer.render(invoice.viewModel, invoice.template)).rejects.toThrow('остановлено');
  });
});
