import type { EntryName } from '../../src/shared/contract';
import type { TestDesk } from './temp-app';

/**
 * Watches a long write of `entry` through system.longWrites from `desk`, a turn of the event loop at a
 * time, until it is gone after having been seen: returns every count seen. `midway` runs once, at the
 * first count with rows written (the write is then between two chunks).
 */
export async function watchLongWrite(desk: TestDesk, entry: EntryName, midway: () => Promise<void>): Promise<{ done: number; total: number }[]> {
  const seen: { done: number; total: number }[] = [];
  let ran = false;
  for (let turn = 0; turn < 100_000; turn++) {
    await new Promise((r) => setImmediate(r));
    const mine = (await desk.ok('system.longWrites', {})).find((w) => w.entry === entry);
    if (!mine) {
      if (seen.length > 0) break;
      continue;
    }
    if (mine.total > 0) seen.push({ done: mine.done, total: mine.total });
    if (mine.done > 0 && !ran) {
      ran = true;
      await midway();
    }
  }
  return seen;
}
