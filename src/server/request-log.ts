import type { Envelope } from '../shared/errors';
import type { AnswerToKeep, StoredAnswer } from '../db/repos/request-answers-repo';

/** How long an answer is kept for a retry (a desk retries within minutes, never days). */
export const KEEP_ANSWERS_MS = 7 * 24 * 3600_000;

/** Where stored answers are looked up: the base's `request_answers` (written with the writes themselves). */
export interface AnswerSource {
  find(requestKey: string): StoredAnswer | null;
}

/** The key of one person's request id (request ids are the caller's; two people may pick the same one). */
export function requestKey(userId: number | null, requestId: string): string {
  return `${userId ?? 0}:${requestId}`;
}

/** The answer to keep for a call that returned `data`. */
export function answerToKeep(key: string, userId: number | null, entry: string, data: unknown): AnswerToKeep {
  return { requestKey: key, userId, entry, envelope: JSON.stringify({ data }) };
}

/**
 * Answers to write calls by the caller's request id. A call retried after a lost answer gets the
 * first answer and never makes a second record: while the first is still running from the in-flight
 * map, afterwards (even after a crash and a restart) from the answer the write stored in the base in
 * its own transaction (see `store.requestAnswers.withAnswer`).
 */
export class RequestLog {
  private readonly running = new Map<string, Promise<Envelope<unknown>>>();

  /** Runs `fn` once per request id of this person: a repeat returns the first answer. `fn` gets the key its answer is kept under. */
  once(answers: AnswerSource, requestId: string, userId: number | null, entry: string, fn: (key: string) => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
    const key = requestKey(userId, requestId);
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const stored = answers.find(key);
    if (stored) {
      if (stored.entry !== entry) return Promise.resolve({ error: { code: 'VALIDATION', message: 'Номер запроса уже использован для другого действия' } });
      return Promise.resolve(JSON.parse(stored.envelope) as Envelope<unknown>);
    }
    const p = fn(key).finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
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
