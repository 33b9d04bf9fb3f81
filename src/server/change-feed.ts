import type { ChangeEvent } from '../shared/changes';

/** Listeners of committed writes: the window's IPC, the office host's event stream, tests. */
export interface ChangeFeed {
  publish(event: ChangeEvent): void;
  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

/** An in-process change feed; a failing listener never affects the write or the other listeners. */
export function newChangeFeed(log: (message: string, error?: unknown) => void = () => {}): ChangeFeed {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (e) {
          log('Ошибка при рассылке изменения', e);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Record ids named by a write: `id` / `*Id` / `ids` fields of its input and an `id` in its result. */
export function idsOfWrite(input: unknown, result: unknown): number[] {
  const out = new Set<number>();
  const scan = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'id' || k.endsWith('Id')) && typeof x === 'number' && Number.isInteger(x)) out.add(x);
      if (k === 'ids' && Array.isArray(x)) for (const y of x) if (typeof y === 'number' && Number.isInteger(y)) out.add(y);
    }
  };
  scan(input);
  scan(result);
  return [...out];
}
