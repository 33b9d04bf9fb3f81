import { createPdfRenderer, ImageInvalidError, RenderLimitError, type PdfRenderer, type PdfPoolOptions } from '../documents/index';
import { AppError } from './app-error';

/** The PDF renderer the handlers share: made on first use, stopped when the program closes. */
export interface PdfService {
  renderer(): PdfRenderer;
  /** Someone signed in: a service that warms on sign-in starts its renderer now, so the first document is warm. */
  warm(): void;
  close(): Promise<void>;
}

/** A render stopped by a limit or a bad uploaded image reaches only the person who asked, as a Russian VALIDATION message. */
async function explained(render: Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await render;
  } catch (e) {
    if (e instanceof RenderLimitError || e instanceof ImageInvalidError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
}

function withLimitsExplained(r: PdfRenderer): PdfRenderer {
  return {
    ready: () => r.ready(),
    render: (viewModel, template, assets) => explained(r.render(viewModel, template, assets)),
    renderCombined: (parts) => explained(r.renderCombined(parts)),
    merge: (files, info) => explained(r.merge(files, info)),
    print: (job) => explained(r.print(job)),
    close: () => r.close(),
  };
}

/**
 * A service that makes its renderer on first use, or at sign-in with `warmOnSignIn` (a worker thread
 * then loads pdfmake and the fonts and renders its warm-up documents while the person's first screen loads).
 */
export function lazyPdfService(make: () => PdfRenderer, opts: { warmOnSignIn?: boolean } = {}): PdfService {
  let current: PdfRenderer | null = null;
  return {
    renderer() {
      current ??= withLimitsExplained(make());
      return current;
    },
    warm() {
      if (opts.warmOnSignIn) current ??= withLimitsExplained(make());
    },
    async close() {
      const r = current;
      current = null;
      if (r) await r.close();
    },
  };
}

/** Renders in the calling thread: tools, tests and the demo CLI (the window's hosts pass a worker pool). */
export function inlinePdfService(resourcesDir: string): PdfService {
  return lazyPdfService(() => createPdfRenderer({ inline: true, resourcesDir }));
}

/**
 * Renders in a pool of worker threads sized to the cores, each render with a time and a heap limit, so that the
 * event loop serving the windows never waits for a PDF and one document never holds up another; started at the
 * first sign-in, not at start-up.
 */
export function workerPdfService(resourcesDir: string, workerUrl?: URL, limits: Omit<PdfPoolOptions, 'workerUrl' | 'resourcesDir'> = {}): PdfService {
  return lazyPdfService(() => createPdfRenderer({ ...limits, resourcesDir, workerUrl }), { warmOnSignIn: true });
}
