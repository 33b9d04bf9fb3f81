// Long writes that must not run twice at once on one base (a long-list import commit, a statement import, a restore):
// a second request while the first is waiting for the writer or running is refused at once instead of
// queueing behind it (invoke applies it around the writer's queue, so a double click never imports twice).
// While one runs, its count («12 000 of 30 000») is kept here for the screens that poll system.longWrites.
import type { LongWriteDto } from '../shared/api/system';
import type { EntryName } from '../shared/contract';
import { AppError } from './app-error';

/** The long writes, with how the refusal names them. */
export const LONG_WRITES: Partial<Record<EntryName, string>> = {
  'clients.importCommit': 'Загрузка списка клиентов',
  'payments.importCommit': 'Загрузка выписки',
  'backup.restore': 'Восстановление из резервной копии',
};

const running = new WeakMap<object, Map<string, LongWriteDto>>();

function runningOn(store: object): Map<string, LongWriteDto> {
  let keys = running.get(store);
  if (!keys) {
    keys = new Map();
    running.set(store, keys);
  }
  return keys;
}

/** Runs `work` unless the same kind of work is already running on this base; otherwise CONFLICT naming it. */
export async function singleFlight<T>(ctx: { store: object; now: () => Date }, key: string, what: string, work: () => Promise<T>): Promise<T> {
  const keys = runningOn(ctx.store);
  if (keys.has(key)) throw new AppError('CONFLICT', `${what} уже выполняется — дождитесь окончания`);
  keys.set(key, { entry: key, what, done: 0, total: 0, startedAt: ctx.now().toISOString() });
  try {
    return await work();
  } finally {
    keys.delete(key);
  }
}

/** Records how far a running long write has got (nothing when it is not running under singleFlight). */
export function reportProgress(ctx: { store: object }, key: EntryName, done: number, total: number): void {
  const p = running.get(ctx.store)?.get(key);
  if (p) {
    p.done = done;
    p.total = total;
  }
}

/** The long writes running on this base now, with their counts. */
export function longWritesOf(ctx: { store: object }): LongWriteDto[] {
  return [...(running.get(ctx.store)?.values() ?? [])].map((p) => ({ ...p }));
}
