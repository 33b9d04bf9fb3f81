import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './connection';

/** How many distinct statements a connection keeps prepared for drizzle. */
const KEEP = 400;

/** A statement handed out again starts in the default row mode (drizzle turns `raw` on for its own reads). */
function reset(stmt: Statement): boolean {
  try {
    if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
    return true;
  } catch {
    // The connection is busy iterating: this use gets a statement of its own.
    return false;
  }
}

/**
 * The connection as drizzle sees it, with its statements kept by SQL text: drizzle prepares every query
 * it runs, so SQLite parsed and planned the same dozen statements again on every card open. At most
 * KEEP statements are kept (the least recently used go); one busy iterating is never shared. Everything
 * else (transactions, pragmas) is the connection itself; raw `sqlite.prepare` calls are not cached.
 */
export function withStatementCache(sqlite: Sqlite, keep = KEEP): Sqlite {
  const kept = new Map<string, Statement>();
  const prepare = (source: string): Statement => {
    const hit = kept.get(source);
    if (hit && !hit.busy && reset(hit)) {
      kept.delete(source);
      kept.set(source, hit);
      return hit;
    }
    const stmt = sqlite.prepare(source);
    if (!hit) {
      kept.set(source, stmt);
      const oldest = kept.size > keep ? kept.keys().next().value : undefined;
      if (oldest !== undefined) kept.delete(oldest);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
