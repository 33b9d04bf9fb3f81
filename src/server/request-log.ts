import type { Envelope } from '../shared/errors';
import type { OfficeFile } from '../db/office-file';

/** How long an answer is kept for a retry (a desk retries within minutes, never days). */
const KEEP_MS = 7 * 24 * 3600_000;

/**
 * Answers to write calls by the caller's request id. A call retried after a lost answer gets the
 * first answer (even while the first is still running) and never makes a second record.
 */
export class RequestLog {
  private readonly running = new Map<string, Promise<Envelope<unknown>>>();

  constructor(private readonly file: OfficeFile) {}

  /** Runs `fn` once per request id of this person: a repeat returns the first answer. */
  async once(requestId: string, userId: number | null, entry: string, now: Date, fn: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
    const key = `${userId ?? 0}:${requestId}`;
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const stored = this.file.requestResult(key);
    if (stored) {
      if (stored.entry !== entry) return { error: { code: 'VALIDATION', message: 'Номер запроса уже использован для другого действия' } };
      return JSON.parse(stored.envelope) as Envelope<unknown>;
    }
    const p = fn();
    this.running.set(key, p);
    try {
      const envelope = await p;
      // Refusals are not kept: the person may fix the input and send the same action again.
      if (!envelope.error) this.file.saveRequestResult({ requestId: key, userId, entry, envelope: JSON.stringify(envelope) }, now.getTime(), now.getTime() - KEEP_MS);
      return envelope;
    } finally {
      this.running.delete(key);
    }
  }
}

/** One writer: write calls run one after another in arrival order, never refused for being concurrent. */
export function newWriter(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => null);
    return run;
  };
}
