import { afterAll, describe, expect, it } from 'vitest';
import { buildViewModel, createPdfRenderer, loadBuiltInTemplate, RenderLimitError, validateTemplate, type DocumentViewModel } from '../../src/documents/index';
import { sampleData } from './fixtures';
import { pdfPages } from './pdf-text';

const invoice = { viewModel: buildViewModel(sampleData('invoice')), template: loadBuiltInTemplate('invoice') };

/** An invoice with `count` lines named «Позиция N» (a long list for the templates that repeat it). */
function invoiceWithLines(count: number): DocumentViewModel {
  const data = sampleData('invoice');
  return buildViewModel({ ...data, lines: Array.from({ length: count }, (_, i) => ({ ...data.lines[0], name: `Позиция ${i + 1}` })) });
}

const nested = (depth: number): string => `${'{{#lines}}'.repeat(depth)}{{name}} ${'{{/lines}}'.repeat(depth)}`;

describe('template limits at validation', () => {
  it('refuses sections nested four deep, at the fourth opening tag, in Russian', () => {
    expect(validateTemplate(`# Счёт\n${nested(4)}`, 'invoice')).toEqual([
      { line: 2, column: 31, message: 'Блоки {{#…}} вложены слишком глубоко: уровней вложенности 4, допускается не больше 3' },
    ]);
  });

  it('accepts three levels of nesting', () => {
    expect(validateTemplate(nested(3), 'invoice')).toEqual([]);
  });
});

describe('the size of a filled template', () => {
  const inline = createPdfRenderer({ inline: true });

  it('refuses a template that multiplies its lines past the limit, before laying anything out', async () => {
    // 400 lines repeated inside 400 lines: 160 000 names of about 12 characters, about 2 million characters.
    const attempt = inline.render(invoiceWithLines(400), { source: `# Счёт\n${nested(2)}` });
    await expect(attempt).rejects.toBeInstanceOf(RenderLimitError);
    await expect(attempt).rejects.toThrow(
      'Документ получается слишком большим (более 500 000 знаков текста): упростите шаблон — повторяемые блоки не вкладывают друг в друга',
    );
  });

  it('renders the same template with a short list', async () => {
    const pages = await pdfPages(await inline.render(invoiceWithLines(3), { source: `# Счёт\n${nested(2)}` }));
    expect(pages.join('\n')).toContain('Позиция 3 Позиция 1');
  });
});

describe('the PDF worker pool', () => {
  // A template inside every limit that still takes many seconds to lay out: about 450 000 characters
  // of one paragraph per document, four documents in one bundle.
  const heavyPart = { viewModel: invoiceWithLines(190), template: { source: `# Счёт\n${nested(2)}` } };
  const hostile = [heavyPart, heavyPart, heavyPart, heavyPart];
  const pool = createPdfRenderer({ threads: 2, timeLimitMs: 3_000 });
  afterAll(() => pool.close());

  it('stops a render that passes its time limit while a normal render beside it succeeds', async () => {
    await pool.ready();
    const slow = pool.renderCombined(hostile);
    const slowOutcome = slow.then(
      () => 'rendered',
      (e: unknown) => e,
    );
    const normal = await pool.render(invoice.viewModel, invoice.template);
    // The normal document came back while the hostile one was still in its thread.
    expect(await Promise.race([slowOutcome, Promise.resolve('still running')])).toBe('still running');
    expect((await pdfPages(normal))[0]).toContain('Счёт на оплату');
    const outcome = await slowOutcome;
    expect(outcome).toBeInstanceOf(RenderLimitError);
    expect(outcome).toMatchObject({ message: 'Документ формировался дольше 3 с и остановлен: упростите шаблон или разделите документ на несколько' });
    // The stopped thread is replaced: the pool keeps rendering.
    expect((await pdfPages(await pool.render(invoice.viewModel, invoice.template)))[0]).toContain('Счёт на оплату');
  }, 120_000);

  it('stops a render that passes its heap limit and keeps rendering for the others', async () => {
    const small = createPdfRenderer({ threads: 2, heapLimitMb: 160, timeLimitMs: 120_000 });
    try {
      await small.ready();
      const huge = small.renderCombined([...hostile, ...hostile, ...hostile]).then(
        () => 'rendered',
        (e: unknown) => e,
      );
      const normal = await small.render(invoice.viewModel, invoice.template);
      expect((await pdfPages(normal))[0]).toContain('Счёт на оплату');
      const outcome = await huge;
      expect(outcome).toBeInstanceOf(RenderLimitError);
      expect(outcome).toMatchObject({ message: 'Документу не хватило памяти (предел 160 МБ) и он остановлен: упростите шаблон или разделите документ на несколько' });
      expect((await pdfPages(await small.render(invoice.viewModel, invoice.template)))[0]).toContain('Счёт на оплату');
    } finally {
      await small.close();
    }
  }, 180_000);
});
