import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Sqlite } from './connection';
import { withStatementCache } from './statement-cache';

/** Wraps a connection in drizzle's query builder (its statements kept prepared: see withStatementCache). */
export function toDrizzle(sqlite: Sqlite) {
  return drizzle({ client: withStatementCache(sqlite) });
}

/** The drizzle database type used by the repositories. */
export type Db = ReturnType<typeof toDrizzle>;

/** What a repository needs: the query builder, the raw connection (for transactions) and the clock. */
export interface RepoDeps {
  db: Db;
  sqlite: Sqlite;
  now: () => Date;
}

/** Runs `fn` in an IMMEDIATE transaction: all of it lands, or nothing does. */
export function inTransaction<T>(deps: RepoDeps, fn: () => T): T {
  return deps.sqlite.transaction(fn).immediate();
}
