// Long writes that must not run twice at once on one base (a long-list import commit, a statement import):
// a second request while the first is waiting for the writer or running is refused at once instead of
// queueing behind it (invoke applies it around the writer's queue, so a double click never imports twice).
import type { EntryName } from '../shared/contract';
import { AppError } from './app-error';

/** The long writes, with how the refusal names them. */
export const LONG_WRITES: Partial<Record<EntryName, string>> = {
  'clients.importCommit': 'Загрузка списка клиентов',
  'payments.importCommit': 'Загрузка выписки',
};

const running = new WeakMap<object, Set<string>>();

/** Runs `work` unless the same kind of work is already running on this base; otherwise CONFLICT naming it. */
export async function singleFlight<T>(ctx: { store: object }, key: string, what: string, work: () => Promise<T>): Promise<T> {
  let keys = running.get(ctx.store);
  if (!keys) {
    keys = new Set();
    running.set(ctx.store, keys);
  }
  if (keys.has(key)) throw new AppError('CONFLICT', `${what} уже выполняется — дождитесь окончания`);
  keys.add(key);
  try {
    return await work();
  } finally {
    keys.delete(key);
  }
}
