import { asc, eq } from 'drizzle-orm';
import { normalizeCompanyName } from '../../core/index';
import type { LossReasonDto, SalesClientOption, SalesPersonDto } from '../../shared/api/sales';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { lossReasons } from '../schema/sales';

interface ClientRow {
  id: number;
  name: string;
  responsible_id: number | null;
}

interface ContactRow {
  id: number;
  client_id: number;
  full_name: string;
  position: string;
}

/** The small lists the sales area needs: loss reasons, the people who sell, clients to pick. */
export function createSalesListsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  /** Adds or changes a loss reason inside an open transaction. */
  const saveReasonSync = (actor: Actor, input: { id?: number; title: string; archived: boolean }): LossReasonDto | null => {
    const at = deps.now().toISOString();
    if (input.id === undefined) {
      const last = sqlite.prepare('SELECT coalesce(max(sort), 0) AS s FROM loss_reasons').get() as { s: number };
      const row = db.insert(lossReasons).values({ title: input.title, archived: input.archived, sort: last.s + 1 }).returning().get();
      appendAudit(sqlite, actor, { action: 'create', entity: 'loss_reason', entityId: row.id, after: row }, at);
      return { id: row.id, title: row.title, archived: row.archived };
    }
    const before = db.select().from(lossReasons).where(eq(lossReasons.id, input.id)).get();
    if (!before) return null;
    db.update(lossReasons).set({ title: input.title, archived: input.archived }).where(eq(lossReasons.id, input.id)).run();
    appendAudit(sqlite, actor, { action: 'update', entity: 'loss_reason', entityId: input.id, before, after: input }, at);
    return { id: input.id, title: input.title, archived: input.archived };
  };
  return {
    saveReasonSync,
    async lossReasons(): Promise<LossReasonDto[]> {
      return db
        .select({ id: lossReasons.id, title: lossReasons.title, archived: lossReasons.archived })
        .from(lossReasons)
        .orderBy(asc(lossReasons.sort), asc(lossReasons.id))
        .all();
    },
    async lossReason(id: number): Promise<LossReasonDto | null> {
      return db.select({ id: lossReasons.id, title: lossReasons.title, archived: lossReasons.archived }).from(lossReasons).where(eq(lossReasons.id, id)).get() ?? null;
    },
    async saveLossReason(actor: Actor, input: { id?: number; title: string; archived: boolean }): Promise<LossReasonDto | null> {
      return inTransaction(deps, () => saveReasonSync(actor, input));
    },
    /** Active people who sell (managers, the head of sales, the director). */
    async people(): Promise<SalesPersonDto[]> {
      return sqlite
        .prepare(
          "SELECT id, full_name AS fullName, position, role FROM users WHERE active = 1 AND role IN ('manager', 'head_of_sales', 'director') ORDER BY role = 'director', role = 'head_of_sales', full_name",
        )
        .all() as SalesPersonDto[];
    },
    /** The role of an active person, or null. */
    async personRole(id: number): Promise<string | null> {
      const r = sqlite.prepare('SELECT role FROM users WHERE id = ? AND active = 1').get(id) as { role: string } | undefined;
      return r?.role ?? null;
    },
    /** Clients to pick in the deal and call forms, with their key persons; by name, or by ids. */
    async clients(search: string, ids: number[] | undefined, limit = 50): Promise<SalesClientOption[]> {
      const like = `%${search}%`;
      // SQLite's lower() knows only Latin letters: Cyrillic is matched through the clients' normalised name key.
      const key = `%${normalizeCompanyName(search)}%`;
      const rows = ids
        ? (sqlite
            .prepare(`SELECT id, coalesce(nullif(short_name, ''), full_name) AS name, responsible_id FROM clients WHERE id IN (${ids.map(() => '?').join(',') || 'NULL'})`)
            .all(...ids) as ClientRow[])
        : (sqlite
            .prepare(
              "SELECT id, coalesce(nullif(short_name, ''), full_name) AS name, responsible_id FROM clients WHERE name_key LIKE ? OR short_name LIKE ? OR full_name LIKE ? OR inn LIKE ? ORDER BY name_key LIMIT ?",
            )
            .all(key, like, like, like, limit) as ClientRow[]);
      if (rows.length === 0) return [];
      const contacts = sqlite
        .prepare(`SELECT id, client_id, full_name, position FROM client_contacts WHERE client_id IN (${rows.map(() => '?').join(',')}) ORDER BY id`)
        .all(...rows.map((r) => r.id)) as ContactRow[];
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        managerId: r.responsible_id,
        contacts: contacts.filter((c) => c.client_id === r.id).map((c) => ({ id: c.id, name: c.full_name, position: c.position })),
      }));
    },
    /** Whether a key person belongs to the client. */
    async contactOf(contactId: number, clientId: number): Promise<boolean> {
      return sqlite.prepare('SELECT 1 FROM client_contacts WHERE id = ? AND client_id = ?').get(contactId, clientId) !== undefined;
    },
  };
}

/** The sales lists repository. */
export type SalesListsRepo = ReturnType<typeof createSalesListsRepo>;
