// The whole schema of a file (tables, indexes, triggers, views as sqlite_master stores them) compared
// with the schema this program's migrations produce on an empty base.
import Database from 'better-sqlite3';
import type { Sqlite } from './connection';
import { applyMigrations, type Migration } from './migrate';

/** One schema object: its kind, name, table and SQL text (null for SQLite's automatic indexes). */
export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

const KIND_TITLES: Record<string, string> = { table: 'таблица', index: 'индекс', trigger: 'триггер', view: 'представление' };

/** Every object of the schema except SQLite's own bookkeeping tables (their content is data, not structure). */
export function schemaOf(db: Sqlite): SchemaObject[] {
  return (
    db
      .prepare("SELECT type, name, tbl_name AS \"table\", sql FROM sqlite_master WHERE name NOT IN ('sqlite_sequence') AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
      .all() as SchemaObject[]
  ).map((o) => ({ ...o, sql: o.sql === null ? null : o.sql.replace(/\s+/g, ' ').trim() }));
}

const references = new Map<string, SchemaObject[]>();

/** The schema that `migrations` produce on an empty base (built once per set in memory). */
export function referenceSchema(migrations: Migration[]): SchemaObject[] {
  const key = migrations.map((m) => `${m.area}/${m.idx}/${m.tag}`).join('|');
  let schema = references.get(key);
  if (schema === undefined) {
    const db = new Database(':memory:');
    try {
      applyMigrations(db, migrations, '1970-01-01T00:00:00.000Z');
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    references.set(key, schema);
  }
  return schema;
}

function title(o: SchemaObject): string {
  return `${KIND_TITLES[o.type] ?? o.type} «${o.name}»`;
}

/** The differences in Russian ("лишний триггер «x»", "нет индекса…", "изменена таблица…"), empty when equal. */
export function schemaDifferences(actual: SchemaObject[], expected: SchemaObject[]): string[] {
  const key = (o: SchemaObject) => `${o.type}:${o.name}`;
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(actual.map((o) => [key(o), o]));
  const out: string[] = [];
  for (const o of actual) {
    const w = want.get(key(o));
    if (w === undefined) out.push(`лишний объект: ${title(o)}`);
    else if (w.sql !== o.sql || w.table !== o.table) out.push(`изменён объект: ${title(o)}`);
  }
  for (const o of expected) if (!have.has(key(o))) out.push(`нет объекта: ${title(o)}`);
  return out;
}
