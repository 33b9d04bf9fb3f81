// Messages between the PDF pool and its worker threads.
import type { MessagePort } from 'node:worker_threads';
import type { RenderPart } from './render';
import type { TemplateError } from './template-validate';

/** Data each worker is started with. */
export type PdfWorkerData = { resourcesDir?: string };

/**
 * A task: render these parts (one part = one document) into one PDF. The worker posts 'started' on
 * `started` when the render begins, so that the time limit counts the render, not the wait in the queue.
 */
export type PdfWorkerTask = { parts: RenderPart[]; started: MessagePort | null };

/** Posted by a worker on its parent port once it has warmed up. */
export const PDF_WORKER_WARM = 'sdelka-pdf-worker-warm';

/** A render that failed, told back as data. */
export type PdfWorkerFailure = { ok: false; error: { name: string; message: string; templateErrors?: TemplateError[] } };

/** The answer to a task: the PDF bytes (their buffer moved, not copied, to the pool's thread), or a failure. */
export type PdfWorkerResult = Uint8Array | PdfWorkerFailure;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Shape check of a task arriving in the worker. */
export function isPdfWorkerTask(value: unknown): value is PdfWorkerTask {
  return isObject(value) && Array.isArray(value.parts);
}

/** Shape check of a result arriving from the worker. */
export function isPdfWorkerResult(value: unknown): value is PdfWorkerResult {
  if (value instanceof Uint8Array) return true;
  return isObject(value) && value.ok === false && isObject(value.error);
}

/** Worker start-up data check. */
export function isPdfWorkerData(value: unknown): value is PdfWorkerData {
  return isObject(value) && (value.resourcesDir === undefined || typeof value.resourcesDir === 'string');
}
