import { createPdfRenderer, type PdfRenderer } from '../documents/index';

/** The PDF renderer the handlers share: made on first use, stopped when the program closes. */
export interface PdfService {
  renderer(): PdfRenderer;
  /** Someone signed in: a service that warms on sign-in starts its renderer now, so the first document is warm. */
  warm(): void;
  close(): Promise<void>;
}

/**
 * A service that makes its renderer on first use, or at sign-in with `warmOnSignIn` (a worker thread
 * then loads pdfmake and the fonts and renders its warm-up documents while the person's first screen loads).
 */
export function lazyPdfService(make: () => PdfRenderer, opts: { warmOnSignIn?: boolean } = {}): PdfService {
  let current: PdfRenderer | null = null;
  return {
    renderer() {
      current ??= make();
      return current;
    },
    warm() {
      if (opts.warmOnSignIn) current ??= make();
    },
    async close() {
      const r = current;
      current = null;
      if (r) await r.close();
    },
  };
}

/** Renders in the calling thread: tools, tests and the demo CLI (the window's hosts pass a worker renderer). */
export function inlinePdfService(resourcesDir: string): PdfService {
  return lazyPdfService(() => createPdfRenderer({ inline: true, resourcesDir }));
}

/** Renders in a worker thread, so that the event loop serving the window never waits for a PDF; started at the first sign-in, not at start-up. */
export function workerPdfService(resourcesDir: string, workerUrl?: URL): PdfService {
  return lazyPdfService(() => createPdfRenderer({ resourcesDir, workerUrl }), { warmOnSignIn: true });
}
