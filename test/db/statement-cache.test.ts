import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/statement-cache';
import type { Sqlite } from '../../src/db/connection';

// Drizzle's connection keeps its prepared statements by SQL text; these are the cases where sharing one
// statement could go wrong.
let sqlite: Sqlite;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('один'), ('два'), ('три')");
});
afterEach(() => sqlite.close());

describe('the statement cache drizzle runs on', () => {
  it('prepares a statement once and hands the same one out again', () => {
    const cached = withStatementCache(sqlite);
    const a = cached.prepare('SELECT name FROM t WHERE id = ?');
    const b = cached.prepare('SELECT name FROM t WHERE id = ?');
    expect(b).toBe(a);
    expect(b.get(2)).toEqual({ name: 'два' });
    // The raw connection's own prepare is not cached.
    expect(sqlite.prepare('SELECT name FROM t WHERE id = ?')).not.toBe(a);
  });

  it('hands a statement out in the default row mode whatever the last user switched on', () => {
    const cached = withStatementCache(sqlite);
    expect(cached.prepare('SELECT id, name FROM t ORDER BY id').raw().all()[0]).toEqual([1, 'один']);
    expect(cached.prepare('SELECT id, name FROM t ORDER BY id').all()[0]).toEqual({ id: 1, name: 'один' });
    expect(cached.prepare('SELECT name FROM t ORDER BY id').pluck().get()).toBe('один');
    expect(cached.prepare('SELECT name FROM t ORDER BY id').get()).toEqual({ name: 'один' });
    // Writing statements (no rows to shape) are reused as they are.
    const insert = cached.prepare('INSERT INTO t (name) VALUES (?)');
    insert.run('четыре');
    expect(cached.prepare('INSERT INTO t (name) VALUES (?)')).toBe(insert);
  });

  it('never shares a statement that is still iterating', () => {
    const cached = withStatementCache(sqlite);
    const names: string[] = [];
    for (const row of cached.prepare('SELECT id FROM t ORDER BY id').iterate() as IterableIterator<{ id: number }>) {
      // The same SQL asked again while the first is mid-way: a statement of its own, read to the end.
      const all = cached.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[];
      names.push(`${row.id}:${all.length}`);
    }
    expect(names).toEqual(['1:3', '2:3', '3:3']);
  });

  it('keeps at most the given number of statements, dropping the least recently used', () => {
    const cached = withStatementCache(sqlite, 2);
    const first = cached.prepare('SELECT 1');
    const second = cached.prepare('SELECT 2');
    expect(cached.prepare('SELECT 1')).toBe(first);
    cached.prepare('SELECT 3');
    // «SELECT 2» was the least recently used: it was dropped, «SELECT 1» was kept.
    expect(cached.prepare('SELECT 1')).toBe(first);
    expect(cached.prepare('SELECT 2')).not.toBe(second);
  });

  it('leaves transactions and everything else to the connection itself', () => {
    const cached = withStatementCache(sqlite);
    const add = cached.transaction((name: string) => cached.prepare('INSERT INTO t (name) VALUES (?)').run(name));
    add('пять');
    expect(cached.inTransaction).toBe(false);
    expect((sqlite.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(4);
  });
});
