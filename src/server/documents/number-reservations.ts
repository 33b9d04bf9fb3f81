// Numbers held by issues still rendering. Desks that issue at the same time rehearse outside the writer
// (issue-stage.ts); without reservations they would all render the same next number and all but one
// render again. A rehearsal reserves the number after every pending one, waits its turn for the
// writer, and gives the number back when its call ends. The transaction that writes still checks the
// series itself (document-issue-repo), so a reservation given up leaves no gap: whoever counted on it
// finds the series moved and renders again.

interface Held {
  seq: number;
  done: Promise<void>;
  settle: () => void;
}

const lines = new WeakMap<object, Map<string, Held[]>>();
const numbering = new WeakMap<object, Promise<unknown>>();

/**
 * Runs a rehearsal's numbering (the plan's build: reads, checks, reservations, renders started) while no
 * other rehearsal of the store numbers. Every call then holds its numbers in the same order in every
 * series, so no two calls wait for each other's turn.
 */
export async function numberingInTurn<T>(store: object, build: () => Promise<T>): Promise<T> {
  const before = numbering.get(store) ?? Promise.resolve();
  const mine = before.then(build, build);
  numbering.set(
    store,
    mine.catch(() => {}),
  );
  return mine;
}

function lineOf(store: object, key: string): Held[] {
  let byKey = lines.get(store);
  if (!byKey) {
    byKey = new Map();
    lines.set(store, byKey);
  }
  let line = byKey.get(key);
  if (!line) {
    line = [];
    byKey.set(key, line);
  }
  return line;
}

/** The numbers one issuing call holds while it renders and writes. */
export class NumberReservations {
  private readonly mine: { key: string; held: Held }[] = [];

  constructor(private readonly store: object) {}

  /** The next number of series `key` whose last written number is `last`: after every number others hold. */
  reserve(key: string, last: number): number {
    const line = lineOf(this.store, key);
    const seq = Math.max(last, ...line.map((h) => h.seq)) + 1;
    let settle = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const held = { seq, done, settle };
    line.push(held);
    this.mine.push({ key, held });
    return seq;
  }

  /**
   * Waits until every number held before ours in our series is written or given up, so the writes land
   * in number order; at most `ms` (two calls that reserved in two series in opposite orders would
   * otherwise wait for each other: one of them then renders again).
   */
  async turn(ms: number): Promise<void> {
    const before: Promise<void>[] = [];
    const own = new Set(this.mine.map((m) => m.held));
    for (const { key, held } of this.mine) {
      for (const other of lineOf(this.store, key)) if (!own.has(other) && other.seq < held.seq) before.push(other.done);
    }
    if (before.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([Promise.all(before), timeout]);
    clearTimeout(timer);
  }

  /** Gives every number back (the call wrote them or gave up). */
  release(): void {
    for (const { key, held } of this.mine.splice(0)) {
      const line = lineOf(this.store, key);
      const at = line.indexOf(held);
      if (at >= 0) line.splice(at, 1);
      held.settle();
    }
  }
}
