// Messages between the PDF renderer and its worker thread.
import type { RenderPart } from './render';
import type { TemplateError } from './template-validate';

/** Data the worker is started with. */
export type PdfWorkerData = { resourcesDir?: string };

/** A request: render these parts (one part = one document) into one PDF. */
export type PdfWorkerRequest = { id: number; parts: RenderPart[] };

/** The answer to a request, by id. */
export type PdfWorkerResponse =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: { name: string; message: string; templateErrors?: TemplateError[] } };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sent once by the worker when it has warmed up. */
export type PdfWorkerReady = { ready: true };

/** Shape check of the worker's ready message. */
export function isPdfWorkerReady(value: unknown): value is PdfWorkerReady {
  return isObject(value) && value.ready === true;
}

/** Shape check of a request arriving in the worker. */
export function isPdfWorkerRequest(value: unknown): value is PdfWorkerRequest {
  return isObject(value) && typeof value.id === 'number' && Array.isArray(value.parts);
}

/** Shape check of a response arriving from the worker. */
export function isPdfWorkerResponse(value: unknown): value is PdfWorkerResponse {
  if (!isObject(value) || typeof value.id !== 'number' || typeof value.ok !== 'boolean') return false;
  return value.ok ? value.bytes instanceof Uint8Array : isObject(value.error);
}

/** Worker start-up data check. */
export function isPdfWorkerData(value: unknown): value is PdfWorkerData {
  return isObject(value) && (value.resourcesDir === undefined || typeof value.resourcesDir === 'string');
}
