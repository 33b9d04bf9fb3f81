import { asc, eq } from 'drizzle-orm';
import type { VipTierDto } from '../../shared/api/vip-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { vipClientTiers, vipTiers } from '../schema/plans';

/** A client in the VIP programme as stored: its tier and its last visit. */
export interface VipMember {
  clientId: number;
  clientName: string;
  managerId: number | null;
  managerName: string | null;
  tierId: number;
  tierName: string;
  tierSet: number;
  intervalMonths: number;
  /** When the client's clock starts if never visited: the day the tier was set, or the card was created. */
  since: string;
  lastVisitOn: string | null;
}

// Working clients (paid at least once) are in the programme at the default tier unless given another.
const MEMBERS = `
  SELECT c.id AS clientId, coalesce(nullif(c.short_name, ''), c.full_name) AS clientName, c.responsible_id AS managerId,
         u.full_name AS managerName, t.id AS tierId, t.name AS tierName, ct.client_id IS NOT NULL AS tierSet,
         t.interval_months AS intervalMonths, coalesce(ct.since, substr(c.created_at, 1, 10)) AS since, v.last AS lastVisitOn
  FROM clients c
  LEFT JOIN vip_client_tiers ct ON ct.client_id = c.id
  LEFT JOIN (SELECT client_id, max(visited_on) AS last FROM vip_visits GROUP BY client_id) v ON v.client_id = c.id
  JOIN vip_tiers t ON t.id = coalesce(ct.tier_id, (SELECT id FROM vip_tiers WHERE is_default = 1 ORDER BY sort, id LIMIT 1))
  LEFT JOIN users u ON u.id = c.responsible_id
  WHERE (ct.client_id IS NOT NULL OR c.ladder_step IN ('payment', 'closed', 'repeat'))`;

/** The VIP programme's tiers, each client's tier, and the members with their last visits. */
export function createVipRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const tiersSync = (): VipTierDto[] => {
    const counts = new Map(
      (sqlite.prepare('SELECT tier_id AS id, count(*) AS n FROM vip_client_tiers GROUP BY tier_id').all() as { id: number; n: number }[]).map((r) => [r.id, r.n]),
    );
    return db
      .select()
      .from(vipTiers)
      .orderBy(asc(vipTiers.sort), asc(vipTiers.id))
      .all()
      .map((t) => ({ id: t.id, name: t.name, intervalMonths: t.intervalMonths, isDefault: t.isDefault, clientCount: counts.get(t.id) ?? 0 }));
  };
  return {
    async tiers(): Promise<VipTierDto[]> {
      return tiersSync();
    },
    /** Saves a tier; making it the default takes the mark from the others. Null when the id is unknown. */
    async saveTier(actor: Actor, input: { id?: number; name: string; intervalMonths: number; isDefault: boolean }): Promise<VipTierDto | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = input.id === undefined ? undefined : tiersSync().find((t) => t.id === input.id);
        if (input.id !== undefined && !before) return null;
        if (input.isDefault) db.update(vipTiers).set({ isDefault: false }).run();
        const values = { name: input.name, intervalMonths: input.intervalMonths, isDefault: input.isDefault };
        const id =
          input.id === undefined
            ? db.insert(vipTiers).values({ ...values, sort: tiersSync().length + 1 }).returning({ id: vipTiers.id }).get().id
            : (db.update(vipTiers).set(values).where(eq(vipTiers.id, input.id)).run(), input.id);
        const after = tiersSync().find((t) => t.id === id) ?? null;
        appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'vip_tier', entityId: id, before, after }, at);
        return after;
      });
    },
    /** Puts a client in a tier from `since`, or (tierId null) back to the default for working clients. */
    async setClientTier(actor: Actor, clientId: number, tierId: number | null, since: string): Promise<void> {
      inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = db.select().from(vipClientTiers).where(eq(vipClientTiers.clientId, clientId)).get();
        if (tierId === null) db.delete(vipClientTiers).where(eq(vipClientTiers.clientId, clientId)).run();
        else
          db.insert(vipClientTiers)
            .values({ clientId, tierId, since })
            .onConflictDoUpdate({ target: vipClientTiers.clientId, set: { tierId, since } })
            .run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'vip_client_tier', entityId: clientId, before: before ?? null, after: tierId === null ? null : { clientId, tierId, since } }, at);
      });
    },
    /** Clients in the programme (of one manager, when given) with their tier and last visit. */
    async members(managerId?: number): Promise<VipMember[]> {
      if (managerId === undefined) return sqlite.prepare(`${MEMBERS} ORDER BY clientName`).all() as VipMember[];
      return sqlite.prepare(`${MEMBERS} AND c.responsible_id = ? ORDER BY clientName`).all(managerId) as VipMember[];
    },
    /** The VIP questionnaire's form id (a setting written by the plans migration; the office may point it elsewhere). */
    async formId(): Promise<number | null> {
      const r = sqlite.prepare("SELECT value FROM settings WHERE key = 'vip.formId'").get() as { value: string } | undefined;
      const id = r ? Number(JSON.parse(r.value)) : NaN;
      return Number.isSafeInteger(id) && id > 0 ? id : null;
    },
  };
}

/** The VIP programme repository (`store.vip`). */
export type VipRepo = ReturnType<typeof createVipRepo>;
