import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { seriesRules } from '../schema/documents';

/** Days-ahead limits a person set per numbering series (series without a row keep the default). */
export function createSeriesRulesRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const allSync = (): Map<string, number | null> => new Map(db.select().from(seriesRules).all().map((r) => [r.seriesKey, r.maxDaysAhead]));
  return {
    /** The stored limits by series key (null = no limit). */
    async all(): Promise<Map<string, number | null>> {
      return allSync();
    },
    /** Sets one series' limit (audited). */
    async save(actor: Actor, seriesKey: string, maxDaysAhead: number | null): Promise<void> {
      inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = allSync().get(seriesKey);
        db.insert(seriesRules)
          .values({ seriesKey, maxDaysAhead, updatedBy: actor.userId, updatedAt: at })
          .onConflictDoUpdate({ target: seriesRules.seriesKey, set: { maxDaysAhead, updatedBy: actor.userId, updatedAt: at } })
          .run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'series_rule', entityId: seriesKey, before: before === undefined ? null : { maxDaysAhead: before }, after: { maxDaysAhead } }, at);
      });
    },
  };
}
