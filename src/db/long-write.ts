// A write too long for one synchronous transaction (a long-list import): it runs on a connection of its
// own to the same file, in one IMMEDIATE transaction, and gives the event loop back between chunks.
// Other desks keep reading the last committed state through the main connection (WAL), never its
// half-written rows; other writes wait in the writer queue as they always do; COMMIT lands it all at
// once and any error rolls all of it back.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openConnection, type Sqlite } from './connection';
import { toDrizzle, type RepoDeps } from './drizzle';

/** Gives the event loop a turn (other desks' reads are served), between two chunks of a long write. */
export type Breathe = () => Promise<void>;

/** Runs `work` in one transaction on its own connection to `main`'s file; commits when it resolves, rolls back when it throws. */
export async function longWrite<T>(main: Sqlite, now: () => Date, work: (deps: RepoDeps, breathe: Breathe) => Promise<T>): Promise<T> {
  const sqlite = openConnection(main.name);
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      // Other desks' calls get a turn before the first chunk and before the COMMIT, not only between chunks.
      await nextTurn();
      const out = await work({ db: toDrizzle(sqlite), sqlite, now }, () => nextTurn());
      await nextTurn();
      sqlite.exec('COMMIT');
      return out;
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  } finally {
    sqlite.close();
  }
}
