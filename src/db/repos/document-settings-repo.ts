import { and, desc, eq, sql } from 'drizzle-orm';
import type { DiscountLimitDto } from '../../shared/api/catalog';
import { NEVER_SAVED, type RecordStamp } from '../../shared/record-version';
import { ROLES, type Role } from '../../shared/roles';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { expectVersion } from '../record-version';
import { discountLimits, numberSeries, orgAssets } from '../schema/documents';
import { users } from '../schema/foundation';

/** A numbering series as stored. */
export interface SeriesRecord {
  orgId: number;
  seriesKey: string;
  year: number;
  mask: string;
  lastNumber: number;
}

/** An uploaded image as stored. */
export interface AssetRecord {
  id: number;
  orgId: number;
  kind: 'stamp' | 'signature' | 'logo';
  png: Uint8Array;
  sha256: string;
  uploadedAt: string;
}

/** The internal price list (discount limits), numbering series, our stamp and signature. */
export function createDocumentSettingsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const limitSync = (role: Role): DiscountLimitDto => {
    const r = db.select().from(discountLimits).where(eq(discountLimits.role, role)).get();
    // Until the internal price list is filled in, the director may give any discount and nobody else any.
    if (!r) return { role, maxDiscountBp: role === 'director' ? 10_000 : 0, conditions: '', updatedAt: null, version: 0 };
    return { role, maxDiscountBp: r.maxDiscountBp, conditions: r.conditions, updatedAt: r.updatedAt, version: r.version };
  };
  /** Who saved a role's limit last and when (version 0: nobody yet). */
  const limitStampSync = (role: Role): RecordStamp => {
    const r = db
      .select({ version: discountLimits.version, updatedAt: discountLimits.updatedAt, name: users.fullName })
      .from(discountLimits)
      .leftJoin(users, eq(users.id, discountLimits.updatedBy))
      .where(eq(discountLimits.role, role))
      .get();
    return r ? { version: r.version, updatedByName: r.name, updatedAt: r.updatedAt } : NEVER_SAVED;
  };
  const seriesSync = (orgId: number, seriesKey: string, year: number): SeriesRecord | null => {
    const r = db
      .select()
      .from(numberSeries)
      .where(and(eq(numberSeries.orgId, orgId), eq(numberSeries.seriesKey, seriesKey), eq(numberSeries.year, year)))
      .get();
    return r ? { orgId: r.orgId, seriesKey: r.seriesKey, year: r.year, mask: r.mask, lastNumber: r.lastNumber } : null;
  };
  /** The largest sequence number issued in a series (corrections reuse numbers and are left out). */
  const issuedMaxSync = (orgId: number, seriesKey: string, year: number): number => {
    const r = sqlite
      .prepare('SELECT max(number_seq) AS n FROM documents WHERE org_id = ? AND series_key = ? AND series_year = ? AND corrects_document_id IS NULL')
      .get(orgId, seriesKey, year) as { n: number | null };
    return r.n ?? 0;
  };
  /** Sets a series' mask and last number inside an open transaction (numbers never go back: a trigger refuses). */
  const saveSeriesSync = (actor: Actor, s: SeriesRecord): SeriesRecord => {
    const at = deps.now().toISOString();
    const before = seriesSync(s.orgId, s.seriesKey, s.year);
    if (before) {
      db.update(numberSeries)
        .set({ mask: s.mask, lastNumber: s.lastNumber, updatedAt: at })
        .where(and(eq(numberSeries.orgId, s.orgId), eq(numberSeries.seriesKey, s.seriesKey), eq(numberSeries.year, s.year)))
        .run();
    } else {
      db.insert(numberSeries).values({ ...s, updatedAt: at }).run();
    }
    appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'number_series', entityId: `${s.orgId}/${s.seriesKey}/${s.year}`, before, after: s }, at);
    return s;
  };
  /** Sets a role's limit inside an open transaction; one based on an older `version` throws StaleRecordError. */
  const saveLimitSync = (actor: Actor, v: { role: Role; maxDiscountBp: number; conditions: string }, version?: number): DiscountLimitDto => {
    const at = deps.now().toISOString();
    if (version !== undefined) expectVersion(limitStampSync(v.role), version);
    const before = limitSync(v.role);
    db.insert(discountLimits)
      .values({ ...v, updatedBy: actor.userId, updatedAt: at })
      .onConflictDoUpdate({
        target: discountLimits.role,
        set: { maxDiscountBp: v.maxDiscountBp, conditions: v.conditions, updatedBy: actor.userId, updatedAt: at, version: sql`${discountLimits.version} + 1` },
      })
      .run();
    appendAudit(sqlite, actor, { action: 'update', entity: 'discount_limit', entityId: v.role, before, after: v }, at);
    return limitSync(v.role);
  };
  const activeAssetSync = (orgId: number, kind: 'stamp' | 'signature' | 'logo'): AssetRecord | null => {
    const r = db
      .select()
      .from(orgAssets)
      .where(and(eq(orgAssets.orgId, orgId), eq(orgAssets.kind, kind), eq(orgAssets.active, true)))
      .orderBy(desc(orgAssets.id))
      .get();
    return r ? { id: r.id, orgId: r.orgId, kind: r.kind, png: new Uint8Array(r.png), sha256: r.sha256, uploadedAt: r.uploadedAt } : null;
  };
  const uploadAssetSync = (actor: Actor, a: { orgId: number; kind: 'stamp' | 'signature' | 'logo'; png: Uint8Array; sha256: string }): AssetRecord | null => {
    const at = deps.now().toISOString();
    db.update(orgAssets).set({ active: false }).where(and(eq(orgAssets.orgId, a.orgId), eq(orgAssets.kind, a.kind))).run();
    const row = db
      .insert(orgAssets)
      .values({ orgId: a.orgId, kind: a.kind, png: Buffer.from(a.png), sha256: a.sha256, uploadedBy: actor.userId, uploadedAt: at })
      .returning({ id: orgAssets.id })
      .get();
    appendAudit(sqlite, actor, { action: 'create', entity: 'org_asset', entityId: row.id, after: { orgId: a.orgId, kind: a.kind, sha256: a.sha256 } }, at);
    return activeAssetSync(a.orgId, a.kind);
  };

  return {
    limitSync,
    seriesSync,
    issuedMaxSync,
    saveSeriesSync,
    saveLimitSync,
    activeAssetSync,
    uploadAssetSync,
    async limits(): Promise<DiscountLimitDto[]> {
      return ROLES.map(limitSync);
    },
    async limit(role: Role): Promise<DiscountLimitDto> {
      return limitSync(role);
    },
    async saveLimit(actor: Actor, v: { role: Role; maxDiscountBp: number; conditions: string }, version?: number): Promise<DiscountLimitDto> {
      return inTransaction(deps, () => saveLimitSync(actor, v, version));
    },
    async series(orgId: number, year: number): Promise<(SeriesRecord & { issuedMax: number })[]> {
      const rows = db.select().from(numberSeries).where(and(eq(numberSeries.orgId, orgId), eq(numberSeries.year, year))).all();
      return rows.map((r) => ({ orgId: r.orgId, seriesKey: r.seriesKey, year: r.year, mask: r.mask, lastNumber: r.lastNumber, issuedMax: issuedMaxSync(r.orgId, r.seriesKey, r.year) }));
    },
    async oneSeries(orgId: number, seriesKey: string, year: number): Promise<(SeriesRecord & { issuedMax: number }) | null> {
      const s = seriesSync(orgId, seriesKey, year);
      return s ? { ...s, issuedMax: issuedMaxSync(orgId, seriesKey, year) } : null;
    },
    /** The date of the newest document issued (not annulled) in a series, or null: an annulled one no longer decides the order. */
    async lastIssuedDate(orgId: number, seriesKey: string, year: number): Promise<string | null> {
      const r = sqlite
        .prepare("SELECT max(doc_date) AS d FROM documents WHERE org_id = ? AND series_key = ? AND series_year = ? AND status = 'issued'")
        .get(orgId, seriesKey, year) as { d: string | null };
      return r.d;
    },
    async issuedMax(orgId: number, seriesKey: string, year: number): Promise<number> {
      return issuedMaxSync(orgId, seriesKey, year);
    },
    async saveSeries(actor: Actor, s: SeriesRecord): Promise<SeriesRecord> {
      return inTransaction(deps, () => saveSeriesSync(actor, s));
    },
    async activeAsset(orgId: number, kind: 'stamp' | 'signature' | 'logo'): Promise<AssetRecord | null> {
      return activeAssetSync(orgId, kind);
    },
    async asset(id: number): Promise<AssetRecord | null> {
      const r = db.select().from(orgAssets).where(eq(orgAssets.id, id)).get();
      return r ? { id: r.id, orgId: r.orgId, kind: r.kind, png: new Uint8Array(r.png), sha256: r.sha256, uploadedAt: r.uploadedAt } : null;
    },
    async uploadAsset(actor: Actor, a: { orgId: number; kind: 'stamp' | 'signature' | 'logo'; png: Uint8Array; sha256: string }): Promise<AssetRecord | null> {
      return inTransaction(deps, () => uploadAssetSync(actor, a));
    },
    async removeAsset(actor: Actor, orgId: number, kind: 'stamp' | 'signature' | 'logo'): Promise<boolean> {
      return inTransaction(deps, () => {
        const current = activeAssetSync(orgId, kind);
        if (!current) return false;
        const at = deps.now().toISOString();
        db.update(orgAssets).set({ active: false }).where(and(eq(orgAssets.orgId, orgId), eq(orgAssets.kind, kind))).run();
        appendAudit(sqlite, actor, { action: 'delete', entity: 'org_asset', entityId: current.id, before: { orgId, kind, sha256: current.sha256 } }, at);
        return true;
      });
    },
  };
}

/** The document settings repository. */
export type DocumentSettingsRepo = ReturnType<typeof createDocumentSettingsRepo>;
