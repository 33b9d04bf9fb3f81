// A PDF renderer that works in a worker thread (default) or in-process (`inline: true`).
import { Worker } from 'node:worker_threads';
import { configureDocuments } from './fonts';
import { isPdfWorkerReady, isPdfWorkerResponse, type PdfWorkerData, type PdfWorkerRequest, type PdfWorkerResponse } from './pdf-worker-protocol';
import { renderCombinedPdf, type DocumentAssets, type DocumentTemplate, type RenderPart } from './render';
import { TemplateInvalidError } from './template-validate';
import type { DocumentViewModel } from './view-model-types';

/** Renderer options. */
export type PdfRendererOptions = {
  /** The worker entry (the built app passes its bundled worker); defaults to ./pdf-worker next to this file. */
  workerUrl?: URL | string;
  /** Render in the calling thread instead (tests, benchmarks, tools). */
  inline?: boolean;
  /** Resources directory for the fonts, passed to the worker. */
  resourcesDir?: string;
};

/** Renders documents; `close()` stops the worker. */
export type PdfRenderer = {
  /** Resolves once the worker has loaded pdfmake and the fonts and rendered a warm-up document. */
  ready(): Promise<void>;
  render(viewModel: DocumentViewModel, template: DocumentTemplate, assets?: DocumentAssets): Promise<Uint8Array>;
  renderCombined(parts: readonly RenderPart[]): Promise<Uint8Array>;
  close(): Promise<void>;
};

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

function defaultWorkerUrl(): URL {
  // Under tsx/Vitest this module is TypeScript, in a plain build JavaScript.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./pdf-worker.${extension}`, import.meta.url);
}

function errorFrom(response: Extract<PdfWorkerResponse, { ok: false }>): Error {
  if (response.error.templateErrors !== undefined) return new TemplateInvalidError(response.error.templateErrors);
  const error = new Error(response.error.message);
  error.name = response.error.name;
  return error;
}

function inlineRenderer(): PdfRenderer {
  return {
    ready: async () => undefined,
    render: (viewModel, template, assets) => renderCombinedPdf([{ viewModel, template, assets }]),
    renderCombined: (parts) => renderCombinedPdf(parts),
    close: async () => undefined,
  };
}

function workerRenderer(options: PdfRendererOptions): PdfRenderer {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const href = typeof url === 'string' ? url : url.href;
  const data: PdfWorkerData = { resourcesDir: options.resourcesDir };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closed = false;
  let readyWaiters: Array<() => void> = [];
  let isReady = false;
  const markReady = (): void => {
    isReady = true;
    for (const resolve of readyWaiters) resolve();
    readyWaiters = [];
  };

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    isReady = false;
    const w = new Worker(typeof url === 'string' ? new URL(url) : url, {
      workerData: data,
      execArgv: href.endsWith('.ts') ? ['--import', 'tsx'] : [],
      // A larger young generation: rendering makes much short-lived garbage.
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    w.on('message', (message: unknown) => {
      if (isPdfWorkerReady(message)) {
        markReady();
        return;
      }
      if (!isPdfWorkerResponse(message)) return;
      const waiter = pending.get(message.id);
      if (waiter === undefined) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.bytes);
      else waiter.reject(errorFrom(message));
    });
    w.on('error', (error) => {
      worker = null;
      markReady();
      failAll(new Error(`Ошибка потока формирования PDF: ${error.message}`));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (code !== 0 || pending.size > 0) failAll(new Error(`Поток формирования PDF завершился (код ${code})`));
    });
    return w;
  };

  const send = (parts: readonly RenderPart[]): Promise<Uint8Array> => {
    if (closed) return Promise.reject(new Error('Формирование PDF остановлено'));
    worker ??= start();
    const id = nextId++;
    const request: PdfWorkerRequest = { id, parts: [...parts] };
    const target = worker;
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage(request);
    });
  };

  // Started right away so that the first document does not also pay for the thread start-up.
  worker = start();
  return {
    ready: () => (isReady || closed ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve))),
    render: (viewModel, template, assets) => send([{ viewModel, template, assets }]),
    renderCombined: (parts) => send(parts),
    close: async () => {
      closed = true;
      markReady();
      const w = worker;
      worker = null;
      failAll(new Error('Формирование PDF остановлено'));
      if (w !== null) await w.terminate();
    },
  };
}

/** A renderer: a worker thread by default, or in-process with `inline: true`. */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  if (options.inline === true) {
    if (options.resourcesDir !== undefined) configureDocuments({ resourcesDir: options.resourcesDir });
    return inlineRenderer();
  }
  return workerRenderer(options);
}
