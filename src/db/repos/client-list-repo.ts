// Reading the base in bulk: the paged list, the instant search (FTS5) and the matcher's snapshot.
import { isLadderStep, searchQueryWords, type LadderStep, type MatchableClient, type MatchKeys } from '../../core/index';
import type { ClientRow } from '../../shared/api/client-types';
import type { RepoDeps } from '../drizzle';

/** Filters of the client list; `responsible` null means unassigned clients only. */
export interface ClientListFilter {
  responsible?: number | null;
  segment?: string;
  region?: string;
  sourceId?: number;
  step?: LadderStep;
  query?: string;
  offset: number;
  limit: number;
}

/** A search hit before the caller's rights are applied. */
export interface SearchRow {
  id: number;
  name: string;
  inn: string;
  region: string;
  phone: string;
  responsibleId: number | null;
  responsibleName: string | null;
}

interface ListRow {
  id: number;
  kind: 'legal' | 'ip' | 'person';
  name: string;
  inn: string;
  responsible_id: number | null;
  responsible_name: string | null;
  region: string;
  segment: string;
  source_name: string | null;
  ladder_step: string;
}

/** The FTS5 expression for a query: every word as a prefix; a phone in its spellings. Null when empty. */
export function ftsExpression(query: string): string | null {
  const { words, phoneVariants } = searchQueryWords(query);
  if (phoneVariants.length > 0) return phoneVariants.map((v) => `"${v}"*`).join(' OR ');
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

const LIST_COLUMNS = `c.id, c.kind, c.short_name AS name, c.inn, c.responsible_id, u.full_name AS responsible_name,
  c.region, c.segment, s.name AS source_name, c.ladder_step`;

/** Paged list, search, facets and the snapshot the long-list matcher works on. */
export function createClientListRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  // Prepared on first use: a base opened for recovery may not have the tables yet.
  let searchStmt: ReturnType<typeof sqlite.prepare> | null = null;
  const searchStatement = () =>
    (searchStmt ??= sqlite.prepare(
      `SELECT c.id, c.short_name AS name, c.inn, c.region, c.responsible_id AS responsibleId, u.full_name AS responsibleName,
         coalesce((SELECT p.value FROM client_phones p WHERE p.client_id = c.id ORDER BY p.contact_id IS NOT NULL, p.id LIMIT 1), '') AS phone
       FROM clients_fts f JOIN clients c ON c.id = f.rowid LEFT JOIN users u ON u.id = c.responsible_id
       WHERE clients_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    ));
  return {
    async list(f: ClientListFilter): Promise<{ total: number; rows: ClientRow[] }> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (f.responsible === null) where.push('c.responsible_id IS NULL');
      else if (f.responsible !== undefined) {
        where.push('c.responsible_id = ?');
        args.push(f.responsible);
      }
      const eq = (col: string, v: string | number | undefined) => {
        if (v === undefined || v === '') return;
        where.push(`${col} = ?`);
        args.push(v);
      };
      eq('c.segment', f.segment);
      eq('c.region', f.region);
      eq('c.source_id', f.sourceId);
      eq('c.ladder_step', f.step);
      const fts = f.query ? ftsExpression(f.query) : null;
      if (fts) {
        where.push('c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)');
        args.push(fts);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (sqlite.prepare(`SELECT count(*) AS n FROM clients c ${clause}`).get(...args) as { n: number }).n;
      const rows = sqlite
        .prepare(
          `SELECT ${LIST_COLUMNS} FROM clients c LEFT JOIN users u ON u.id = c.responsible_id
           LEFT JOIN client_sources s ON s.id = c.source_id ${clause} ORDER BY c.name_key, c.id LIMIT ? OFFSET ?`,
        )
        .all(...args, f.limit, f.offset) as ListRow[];
      return {
        total,
        rows: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          name: r.name,
          inn: r.inn,
          responsibleId: r.responsible_id,
          responsibleName: r.responsible_name,
          region: r.region,
          segment: r.segment,
          sourceName: r.source_name,
          ladderStep: isLadderStep(r.ladder_step) ? r.ladder_step : 'potential',
        })),
      };
    },
    /** The best hits for a query over names, ИНН, phones, e-mails and key persons. */
    async search(query: string, limit: number): Promise<SearchRow[]> {
      const fts = ftsExpression(query);
      if (!fts) return [];
      return searchStatement().all(fts, limit) as SearchRow[];
    },
    /** Distinct segments and regions in use, for filters and suggestions. */
    async facets(): Promise<{ segments: string[]; regions: string[] }> {
      const col = (name: 'segment' | 'region') =>
        (sqlite.prepare(`SELECT DISTINCT ${name} AS v FROM clients WHERE ${name} <> '' ORDER BY ${name} LIMIT 500`).all() as { v: string }[]).map((r) => r.v);
      return { segments: col('segment'), regions: col('region') };
    },
    /**
     * The clients a long list could match: those sharing an ИНН, a name key, a phone, an e-mail or
     * an e-mail domain with one of its rows (found through the indexes), as the matcher sees them.
     */
    async matchablesFor(keys: MatchKeys): Promise<MatchableClient[]> {
      const ids = new Set<number>();
      const collect = (sql: string, values: string[]) => {
        if (values.length === 0) return;
        for (const [id] of sqlite.prepare(sql).raw().all(JSON.stringify(values)) as [number][]) ids.add(id);
      };
      collect('SELECT c.id FROM json_each(?) j JOIN clients c ON c.inn = j.value', keys.inns);
      collect('SELECT c.id FROM json_each(?) j JOIN clients c ON c.name_key = j.value', keys.nameKeys);
      collect('SELECT p.client_id FROM json_each(?) j JOIN client_phones p ON p.normalized = j.value', keys.phones);
      collect('SELECT e.client_id FROM json_each(?) j JOIN client_emails e ON e.email = j.value', keys.emails);
      collect('SELECT e.client_id FROM json_each(?) j JOIN client_emails e ON e.domain = j.value', keys.domains);
      if (ids.size === 0) return [];
      const idJson = JSON.stringify([...ids]);
      const byId = new Map<number, MatchableClient & { phones: string[]; emails: string[]; domains: string[] }>();
      const rows = sqlite
        .prepare('SELECT c.id, c.short_name, c.inn, c.name_key, c.responsible_id FROM json_each(?) j JOIN clients c ON c.id = j.value')
        .raw()
        .all(idJson) as [number, string, string, string, number | null][];
      for (const [id, name, inn, nameKey, ownerId] of rows) byId.set(id, { id, name, inn, nameKey, ownerId, phones: [], emails: [], domains: [] });
      const phoneSql = 'SELECT p.client_id, p.normalized FROM json_each(?) j JOIN client_phones p ON p.client_id = j.value WHERE p.normalized IS NOT NULL';
      for (const [clientId, phone] of sqlite.prepare(phoneSql).raw().all(idJson) as [number, string][]) byId.get(clientId)?.phones.push(phone);
      const emailSql = 'SELECT e.client_id, e.email, e.domain FROM json_each(?) j JOIN client_emails e ON e.client_id = j.value';
      for (const [clientId, email, domain] of sqlite.prepare(emailSql).raw().all(idJson) as [number, string, string | null][]) {
        const c = byId.get(clientId);
        if (!c) continue;
        c.emails.push(email);
        if (domain && !c.domains.includes(domain)) c.domains.push(domain);
      }
      return [...byId.values()];
    },
  };
}

/** The client list repository. */
export type ClientListRepo = ReturnType<typeof createClientListRepo>;
