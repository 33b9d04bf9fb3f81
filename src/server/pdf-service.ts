import { createPdfRenderer, type PdfRenderer } from '../documents/index';

/** The PDF renderer the handlers share: made on first use, stopped when the program closes. */
export interface PdfService {
  renderer(): PdfRenderer;
  close(): Promise<void>;
}

/** A service that makes its renderer on first use (a worker thread starts only when a PDF is needed). */
export function lazyPdfService(make: () => PdfRenderer): PdfService {
  let current: PdfRenderer | null = null;
  return {
    renderer() {
      current ??= make();
      return current;
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

/** Renders in a worker thread, so that the event loop serving the window never waits for a PDF. */
export function workerPdfService(resourcesDir: string, workerUrl?: URL): PdfService {
  return lazyPdfService(() => createPdfRenderer({ resourcesDir, workerUrl }));
}
