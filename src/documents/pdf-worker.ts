// A PDF pool's worker thread (piscina): renders one document set, joins rendered files or prints a form, per task.
import { parentPort, workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { configureDocuments } from './fonts';
import { isPdfWorkerData, isPdfWorkerTask, PDF_WORKER_WARM, type PdfWorkerFailure, type PdfWorkerJob } from './pdf-worker-protocol';
import { mergePdfs } from './merge-pdfs';
import { renderPrintJob } from './print-jobs';
import { renderCombinedPdf } from './render';
import { TemplateInvalidError } from './template-validate';
import { warmUpRenderer } from './warm-up';

if (isPdfWorkerData(workerData) && workerData.resourcesDir !== undefined) {
  configureDocuments({ resourcesDir: workerData.resourcesDir });
}

// Started when the thread starts, so that the first document does not pay for loading pdfmake and the fonts.
const warm: Promise<void> = warmUpRenderer().catch(() => undefined);
void warm.then(() => parentPort?.postMessage(PDF_WORKER_WARM));

function failure(error: unknown): PdfWorkerFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const templateErrors = error instanceof TemplateInvalidError ? error.errors : undefined;
  return { ok: false, error: { name, message, templateErrors } };
}

/** The work a task asks for. */
function runJob(job: PdfWorkerJob): Promise<Uint8Array> {
  if ('merge' in job) return mergePdfs(job.merge.files, job.merge.info);
  if ('print' in job) return renderPrintJob(job.print);
  return renderCombinedPdf(job.parts);
}

/** The task handler piscina calls; renders never interleave because each thread runs one task at a time. */
export default async function renderTask(task: unknown): Promise<unknown> {
  if (!isPdfWorkerTask(task)) return failure(new Error('Неверное задание для формирования PDF'));
  await warm;
  task.started?.postMessage('started');
  task.started?.close();
  try {
    const bytes = await runJob(task);
    // The buffer moves to the pool's thread instead of being copied; a view on a shared slab is copied first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return move(own);
  } catch (error) {
    return failure(error);
  }
}
