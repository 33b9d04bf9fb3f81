// A pool of PDF worker threads (piscina): one slow or hostile document never holds up the others.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { isPdfWorkerResult, PDF_WORKER_WARM, type PdfWorkerData, type PdfWorkerJob, type PdfWorkerTask } from './pdf-worker-protocol';
import type { PdfInfo } from './pdf-types';
import type { PrintJob } from './print-jobs';
import type { RenderPart } from './render';
import { ImageInvalidError } from './image-check';
import { heapLimitMessage, RENDER_HEAP_LIMIT_MB, RENDER_TIME_LIMIT_MS, RenderLimitError, timeLimitMessage } from './render-limits';
import { TemplateInvalidError } from './template-validate';

/** How the pool is sized and limited; the defaults are the program's. */
export type PdfPoolOptions = {
  /** The worker entry (the built app passes its bundled worker); defaults to ./pdf-worker next to this file. */
  workerUrl?: URL | string;
  /** Resources directory for the fonts, passed to each worker. */
  resourcesDir?: string;
  /** Threads at most; defaults to the number of cores (at least two, so one stuck render leaves another). */
  threads?: number;
  /** Threads kept started and warm; defaults to two (or `threads` when fewer). */
  warmThreads?: number;
  /** Time one render may run in its thread, counted from its start (not from the wait in the queue). */
  timeLimitMs?: number;
  /** Old-generation heap of each thread, in megabytes. */
  heapLimitMb?: number;
};

/** Renders part lists (and joins rendered files) in the pool; `ready()` waits until the warm threads have warmed up, `close()` stops them all. */
export type PdfPool = {
  ready(): Promise<void>;
  render(parts: readonly RenderPart[]): Promise<Uint8Array>;
  /** Joins rendered PDFs into one file in a worker thread, under the same limits as a render. */
  merge(files: readonly Uint8Array[], info: PdfInfo): Promise<Uint8Array>;
  /** Prints one of the office's forms in a worker thread, under the same limits. */
  print(job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
};

function defaultWorkerUrl(): URL {
  // Under tsx/Vitest this module is TypeScript, in a plain build JavaScript.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./pdf-worker.${extension}`, import.meta.url);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Starts a pool of PDF worker threads. */
export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const filename = fileURLToPath(url);
  const timeLimitMs = options.timeLimitMs ?? RENDER_TIME_LIMIT_MS;
  const heapLimitMb = options.heapLimitMb ?? RENDER_HEAP_LIMIT_MB;
  const threads = options.threads ?? Math.max(2, availableParallelism());
  const warmThreads = Math.min(threads, options.warmThreads ?? 2);
  const data: PdfWorkerData = { resourcesDir: options.resourcesDir };
  const pool = new Piscina({
    filename,
    workerData: data,
    minThreads: warmThreads,
    maxThreads: threads,
    // Threads above the warm ones stop after a minute without work.
    idleTimeout: 60_000,
    // Warm-up runs asynchronously after the module loads, which a blocking Atomics wait would stall.
    atomics: 'disabled',
    execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // A larger young generation: rendering makes much short-lived garbage; the old one is the limit.
    resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: heapLimitMb },
  });
  let closed = false;
  let warmed = 0;
  let readyWaiters: Array<() => void> = [];
  const wake = (): void => {
    for (const resolve of readyWaiters) resolve();
    readyWaiters = [];
  };
  pool.on('message', (message: unknown) => {
    if (message !== PDF_WORKER_WARM) return;
    warmed++;
    if (warmed >= warmThreads) wake();
  });

  const run = async (job: PdfWorkerJob): Promise<Uint8Array> => {
    if (closed) throw new Error('Формирование PDF остановлено');
    const abort = new AbortController();
    const channel = new MessageChannel();
    let timer: NodeJS.Timeout | null = null;
    let timedOut = false;
    channel.port1.on('message', () => {
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, timeLimitMs);
    });
    const task: PdfWorkerTask = { ...job, started: channel.port2 };
    try {
      const result: unknown = await pool.run(task, { transferList: [channel.port2], signal: abort.signal });
      if (!isPdfWorkerResult(result)) throw new Error('Поток формирования PDF вернул непонятный ответ');
      if (result instanceof Uint8Array) return result;
      if (result.error.templateErrors !== undefined) throw new TemplateInvalidError(result.error.templateErrors);
      if (result.error.name === 'RenderLimitError') throw new RenderLimitError(result.error.message);
      if (result.error.name === 'ImageInvalidError') throw new ImageInvalidError(result.error.message);
      const error = new Error(result.error.message);
      error.name = result.error.name;
      throw error;
    } catch (error) {
      if (timedOut) throw new RenderLimitError(timeLimitMessage(timeLimitMs), { cause: error });
      if (errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY') throw new RenderLimitError(heapLimitMessage(heapLimitMb), { cause: error });
      if (closed) throw new Error('Формирование PDF остановлено', { cause: error });
      throw error;
    } finally {
      if (timer !== null) clearTimeout(timer);
      channel.port1.close();
    }
  };

  return {
    ready: () => {
      if (closed || warmed >= warmThreads) return Promise.resolve();
      // Idle pool threads do not keep the process alive; a program waiting for them must not exit meanwhile.
      const keepAlive = setInterval(() => undefined, 60_000);
      return new Promise<void>((resolve) => readyWaiters.push(resolve)).finally(() => clearInterval(keepAlive));
    },
    render: (parts) => run({ parts: [...parts] }),
    merge: (files, info) => run({ merge: { files: [...files], info } }),
    print: (job) => run({ print: job }),
    async close() {
      closed = true;
      wake();
      await pool.destroy();
    },
  };
}
