import { asc, count, eq } from 'drizzle-orm';
import { searchKey } from '../../core/index';
import type { ClientSource } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { clients, clientSources } from '../schema/clients';

/** Input of a source. */
export type SourceInput = Pick<ClientSource, 'name' | 'kind' | 'active'>;

/** Finds a source by name (case and ё ignored) or adds it as «other»; for use inside a transaction. */
export function sourceIdByNameSync(deps: RepoDeps, name: string): number | null {
  const key = searchKey(name);
  if (key === '') return null;
  const all = deps.db.select({ id: clientSources.id, name: clientSources.name }).from(clientSources).all();
  const hit = all.find((s) => searchKey(s.name) === key);
  if (hit) return hit.id;
  return deps.db.insert(clientSources).values({ name: name.trim(), kind: 'other' }).returning({ id: clientSources.id }).get().id;
}

/** The directory of client sources (справочники, базы данных, сайты, СМИ, рекомендации…). */
export function createClientSourcesRepo(deps: RepoDeps) {
  const { db } = deps;
  const listSync = (): ClientSource[] => {
    const counts = new Map(
      db
        .select({ id: clients.sourceId, n: count() })
        .from(clients)
        .groupBy(clients.sourceId)
        .all()
        .map((r) => [r.id, r.n]),
    );
    return db
      .select()
      .from(clientSources)
      .orderBy(asc(clientSources.id))
      .all()
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, active: s.active, clientCount: counts.get(s.id) ?? 0 }));
  };
  return {
    async list(): Promise<ClientSource[]> {
      return listSync();
    },
    /** Saves a source; null when the id is unknown, 'duplicate' when the name is taken. */
    async save(actor: Actor, id: number | null, input: SourceInput): Promise<ClientSource | 'duplicate' | null> {
      return inTransaction(deps, () => {
        const key = searchKey(input.name);
        if (listSync().some((s) => s.id !== id && searchKey(s.name) === key)) return 'duplicate';
        const at = deps.now().toISOString();
        const before = id === null ? undefined : listSync().find((s) => s.id === id);
        if (id !== null && !before) return null;
        const savedId =
          id === null
            ? db.insert(clientSources).values(input).returning({ id: clientSources.id }).get().id
            : (db.update(clientSources).set(input).where(eq(clientSources.id, id)).run(), id);
        const after = listSync().find((s) => s.id === savedId) ?? null;
        appendAudit(deps.sqlite, actor, { action: id === null ? 'create' : 'update', entity: 'client_source', entityId: savedId, before, after }, at);
        return after;
      });
    },
  };
}

/** The client sources repository. */
export type ClientSourcesRepo = ReturnType<typeof createClientSourcesRepo>;
