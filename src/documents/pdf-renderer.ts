// A PDF renderer that works in a pool of worker threads (default) or in-process (`inline: true`).
import { configureDocuments } from './fonts';
import { mergePdfs } from './merge-pdfs';
import { createPdfPool, type PdfPoolOptions } from './pdf-pool';
import type { PdfInfo } from './pdf-types';
import { renderPrintJob, type PrintJob } from './print-jobs';
import { renderCombinedPdf, type DocumentAssets, type DocumentTemplate, type RenderPart } from './render';
import type { DocumentViewModel } from './view-model-types';

/** Renderer options. */
export type PdfRendererOptions = PdfPoolOptions & {
  /** Render in the calling thread instead (tests, benchmarks, tools). */
  inline?: boolean;
};

/** Renders documents; `close()` stops the worker threads. */
export type PdfRenderer = {
  /** Resolves once a worker has loaded pdfmake and the fonts and rendered a warm-up document. */
  ready(): Promise<void>;
  render(viewModel: DocumentViewModel, template: DocumentTemplate, assets?: DocumentAssets): Promise<Uint8Array>;
  renderCombined(parts: readonly RenderPart[]): Promise<Uint8Array>;
  /** Joins documents already rendered into one file, page for page (a bundle's print file). */
  merge(files: readonly Uint8Array[], info: PdfInfo): Promise<Uint8Array>;
  /** Prints one of the office's forms (the transfer register, the payroll order or statement). */
  print(job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
};

function inlineRenderer(): PdfRenderer {
  return {
    ready: async () => undefined,
    render: (viewModel, template, assets) => renderCombinedPdf([{ viewModel, template, assets }]),
    renderCombined: (parts) => renderCombinedPdf(parts),
    merge: (files, info) => mergePdfs(files, info),
    print: (job) => renderPrintJob(job),
    close: async () => undefined,
  };
}

function poolRenderer(options: PdfRendererOptions): PdfRenderer {
  const pool = createPdfPool(options);
  return {
    ready: () => pool.ready(),
    render: (viewModel, template, assets) => pool.render([{ viewModel, template, assets }]),
    renderCombined: (parts) => pool.render(parts),
    merge: (files, info) => pool.merge(files, info),
    print: (job) => pool.print(job),
    close: () => pool.close(),
  };
}

/** A renderer: a pool of worker threads by default, or in-process with `inline: true`. */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  if (options.inline === true) {
    if (options.resourcesDir !== undefined) configureDocuments({ resourcesDir: options.resourcesDir });
    return inlineRenderer();
  }
  return poolRenderer(options);
}
