// Messages between the PDF pool and its worker threads.
import type { MessagePort } from 'node:worker_threads';
import type { PdfInfo } from './pdf-types';
import { PRINT_FORMS, type PrintJob } from './print-jobs';
import type { RenderPart } from './render';
import type { TemplateError } from './template-validate';

/** Data each worker is started with. */
export type PdfWorkerData = { resourcesDir?: string };

/**
 * What a task asks: render these parts (one part = one document) into one PDF, join rendered files into
 * one, or print one of the office's forms.
 */
export type PdfWorkerJob = { parts: RenderPart[] } | { merge: { files: Uint8Array[]; info: PdfInfo } } | { print: PrintJob };

/**
 * A task: a job, and a port on which the worker posts 'started' when the job begins, so that the time
 * limit counts the work, not the wait in the queue.
 */
export type PdfWorkerTask = PdfWorkerJob & { started: MessagePort | null };

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
  if (!isObject(value)) return false;
  if (Array.isArray(value.parts)) return true;
  const merge = value.merge;
  if (isObject(merge)) return Array.isArray(merge.files) && merge.files.every((f) => f instanceof Uint8Array) && isObject(merge.info);
  const print = value.print;
  return isObject(print) && typeof print.form === 'string' && PRINT_FORMS.has(print.form) && isObject(print.data);
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
