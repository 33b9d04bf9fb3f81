// worker_threads entry: renders PDFs off the main thread, one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { configureDocuments } from './fonts';
import { isPdfWorkerData, isPdfWorkerRequest, type PdfWorkerRequest, type PdfWorkerResponse } from './pdf-worker-protocol';
import { renderCombinedPdf } from './render';
import { TemplateInvalidError } from './template-validate';
import { warmUpRenderer } from './warm-up';

async function handle(request: PdfWorkerRequest): Promise<{ response: PdfWorkerResponse; transfer: ArrayBuffer[] }> {
  try {
    const rendered = await renderCombinedPdf(request.parts);
    // A fresh copy owns its whole ArrayBuffer, so it can be transferred without copying again.
    const bytes = rendered.slice();
    return { response: { id: request.id, ok: true, bytes }, transfer: [bytes.buffer] };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const templateErrors = error instanceof TemplateInvalidError ? error.errors : undefined;
    return { response: { id: request.id, ok: false, error: { name, message, templateErrors } }, transfer: [] };
  }
}

const port = parentPort;
if (port !== null) {
  if (isPdfWorkerData(workerData) && workerData.resourcesDir !== undefined) {
    configureDocuments({ resourcesDir: workerData.resourcesDir });
  }
  // Warm up first (requests queue behind it), then tell the renderer the thread is ready.
  let queue: Promise<void> = warmUpRenderer()
    .catch(() => undefined)
    .then(() => port.postMessage({ ready: true }));
  port.on('message', (message: unknown) => {
    if (!isPdfWorkerRequest(message)) return;
    // Serialised so that renders never interleave inside pdfmake.
    queue = queue.then(async () => {
      const { response, transfer } = await handle(message);
      port.postMessage(response, transfer);
    });
  });
}
