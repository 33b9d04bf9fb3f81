// Long writes that must not run twice at once on one base (a long-list import commit, a statement import, a restore):
// a second request while the first is waiting for the writer or running is refused at once instead of
// queueing behind it (invoke applies it around the writer's queue, so a double click never imports twice).
// While one runs, its count («12 000 of 30 000») is kept here for the screens that poll system.longWrites.
// Work that is one person's own (a file of many documents to print) runs once per person and only they see its count.
import type { LongWriteDto } from '../shared/api/system';
import type { EntryName } from '../shared/contract';
import { AppError } from './app-error';

/** The long writes, with how the refusal names them. */
export const LONG_WRITES: Partial<Record<EntryName, string>> = {
  'clients.importCommit': 'Загрузка списка клиентов',
  'payments.importCommit': 'Загрузка выписки',
  'backup.restore': 'Восстановление из резервной копии',
};

/** A running long work: what system.longWrites shows, and whose it is (null: the whole base's). */
type Running = { dto: LongWriteDto; owner: number | null };

const running = new WeakMap<object, Map<string, Running>>();

function runningOn(store: object): Map<string, Running> {
  let keys = running.get(store);
  if (!keys) {
    keys = new Map();
    running.set(store, keys);
  }
  return keys;
}

/**
 * Runs `work` unless the same kind of work is already running on this base (for `owner`, that person's
 * own); otherwise CONFLICT naming it. `entry` is what system.longWrites calls it.
 */
export async function singleFlight<T>(
  ctx: { store: object; now: () => Date },
  entry: string,
  what: string,
  work: () => Promise<T>,
  owner: number | null = null,
): Promise<T> {
  const keys = runningOn(ctx.store);
  const key = runningKey(entry, owner);
  if (keys.has(key)) throw new AppError('CONFLICT', `${what} уже выполняется — дождитесь окончания`);
  keys.set(key, { dto: { entry, what, done: 0, total: 0, startedAt: ctx.now().toISOString() }, owner });
  try {
    return await work();
  } finally {
    keys.delete(key);
  }
}

function runningKey(entry: string, owner: number | null): string {
  return owner === null ? entry : `${entry}#${owner}`;
}

/** Records how far a running long work has got (nothing when it is not running under singleFlight). */
export function reportProgress(ctx: { store: object }, entry: EntryName, done: number, total: number, owner: number | null = null): void {
  const p = running.get(ctx.store)?.get(runningKey(entry, owner));
  if (p) {
    p.dto.done = done;
    p.dto.total = total;
  }
}

/** The long works running on this base now, with their counts: the base's and `userId`'s own. */
export function longWritesOf(ctx: { store: object }, userId: number | null): LongWriteDto[] {
  return [...(running.get(ctx.store)?.values() ?? [])].filter((p) => p.owner === null || p.owner === userId).map((p) => ({ ...p.dto }));
}
