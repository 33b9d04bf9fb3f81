// exceljs' streaming reader can wait forever on a damaged zip (an edited byte in a compressed entry leaves
// its inflater waiting for data that never comes): the whole file is already in memory, so a step that makes
// no progress for seconds is a damaged file, never a slow one.

/** A step of a guarded iteration made no progress in time. */
export class StallError extends Error {
  constructor() {
    super('no progress');
  }
}

/**
 * Iterates `source`, throwing StallError when one step takes longer than `ms`; `onStall` then releases
 * what feeds the source. The stalled step is abandoned, never awaited.
 */
export async function* guardStalls<T>(source: AsyncIterable<T>, ms: number, onStall: () => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let stalled = false;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StallError()), ms);
      });
      let step: IteratorResult<T>;
      try {
        step = await Promise.race([it.next(), limit]);
      } catch (e) {
        if (e instanceof StallError) {
          stalled = true;
          onStall();
        }
        throw e;
      } finally {
        clearTimeout(timer);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    // An early exit (the row limit) closes the source; a stalled one is left to the garbage collector.
    if (!stalled) await it.return?.();
  }
}
