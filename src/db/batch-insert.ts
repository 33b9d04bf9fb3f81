// Many rows per INSERT: inside a long write, one statement per row pays SQLite's per-statement work (and,
// on tables with BEFORE triggers, a statement journal) once per row. The rows go in the order given, so
// their ids are those one-by-one inserts would have had.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './connection';

/**
 * How many rows one multi-row INSERT carries: 32 columns × 500 rows stays below SQLite's 32 766 variables; 10 000
 * payments took 266 ms of CPU at 100 rows, 245 at 200, 230–235 at 400 to 1 000.
 */
export const BATCH_ROWS = 500;

// Each connection's multi-row statements, by their shape.
const kept = new WeakMap<Sqlite, Map<string, Statement>>();

/** The statement `head VALUES (…), (…)` with `rows` groups of `width` places, prepared once per connection; `tail` follows the values. */
export function batchStatement(sqlite: Sqlite, head: string, width: number, rows: number, tail = ''): Statement {
  let byKey = kept.get(sqlite);
  if (!byKey) {
    byKey = new Map();
    kept.set(sqlite, byKey);
  }
  const key = `${rows}|${width}|${head}|${tail}`;
  let st = byKey.get(key);
  if (!st) {
    const group = `(${new Array(width).fill('?').join(', ')})`;
    st = sqlite.prepare(`${head} VALUES ${new Array(rows).fill(group).join(', ')}${tail}`);
    byKey.set(key, st);
  }
  return st;
}

/** Inserts rows of `width` values each (flat, row after row), BATCH_ROWS per statement. */
export function insertRowsSync(sqlite: Sqlite, head: string, width: number, values: readonly unknown[]): void {
  const per = BATCH_ROWS * width;
  for (let from = 0; from < values.length; from += per) {
    const part = values.slice(from, from + per);
    batchStatement(sqlite, head, width, part.length / width).run(...part);
  }
}
