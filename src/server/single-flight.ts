// Long writes that must not run twice at once on one base (a long-list import commit, a statement import):
// a second request while the first is still running is refused at once instead of queueing behind it.
import { AppError } from './app-error';
import type { CallContext } from './context';

const running = new WeakMap<object, Set<string>>();

/** Runs `work` unless the same kind of work is already running on this base; otherwise CONFLICT naming it. */
export async function singleFlight<T>(ctx: CallContext, key: string, what: string, work: () => Promise<T>): Promise<T> {
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
