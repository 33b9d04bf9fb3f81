import { asc, eq } from 'drizzle-orm';
import type { CatalogItemDto, PriceListDto } from '../../shared/api/catalog';
import type { VatRateKey } from '../../shared/api/document-types';
import { appendAudit, type Actor } from '../audit';
import { claimVersionSync } from '../record-version';
import { inTransaction, type RepoDeps } from '../drizzle';
import { catalogItems, priceListItems, priceLists } from '../schema/documents';

/** A catalog item's fields as the handler hands them over. */
export interface CatalogItemValues {
  kind: 'goods' | 'service';
  name: string;
  article: string;
  unit: string;
  okei: string;
  vatRate: VatRateKey;
  costKopecks: number | null;
  active: boolean;
}

/** A price list's fields and prices. */
export interface PriceListValues {
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  items: { catalogItemId: number; priceKopecks: number }[];
}

interface ItemRow {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  article: string;
  unit: string;
  okei: string;
  vat_rate: VatRateKey;
  cost_kopecks: number | null;
  active: number;
  price_kopecks: number | null;
  version: number;
}

// The price list in force on a day: started on or before it, not ended before it; the latest start wins.
const PRICED_ITEMS = `
  SELECT i.id, i.kind, i.name, i.article, i.unit, i.okei, i.vat_rate, i.cost_kopecks, i.active, i.version,
    (SELECT pi.price_kopecks FROM price_list_items pi JOIN price_lists pl ON pl.id = pi.price_list_id
      WHERE pi.catalog_item_id = i.id AND pl.effective_from <= @day AND (pl.effective_to IS NULL OR pl.effective_to >= @day)
      ORDER BY pl.effective_from DESC, pl.id DESC LIMIT 1) AS price_kopecks
  FROM catalog_items i`;

function toItem(r: ItemRow): CatalogItemDto {
  return { id: r.id, kind: r.kind, name: r.name, article: r.article, unit: r.unit, okei: r.okei, vatRate: r.vat_rate, active: r.active === 1, priceKopecks: r.price_kopecks, costKopecks: r.cost_kopecks, version: r.version };
}

/** Goods and services, and the public price lists with their effective dates. */
export function createCatalogRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const itemSync = (id: number, day: string): CatalogItemDto | null => {
    const r = sqlite.prepare(`${PRICED_ITEMS} WHERE i.id = @id`).get({ id, day }) as ItemRow | undefined;
    return r ? toItem(r) : null;
  };
  const priceListSync = (id: number): PriceListDto | null => {
    const pl = db.select().from(priceLists).where(eq(priceLists.id, id)).get();
    if (!pl) return null;
    const items = db
      .select({ catalogItemId: priceListItems.catalogItemId, priceKopecks: priceListItems.priceKopecks })
      .from(priceListItems)
      .where(eq(priceListItems.priceListId, id))
      .orderBy(asc(priceListItems.id))
      .all();
    return { id: pl.id, name: pl.name, effectiveFrom: pl.effectiveFrom, effectiveTo: pl.effectiveTo, itemCount: items.length, items, version: pl.version };
  };

  /** Creates or changes an item inside an open transaction. */
  const saveItemSync = (actor: Actor, id: number | undefined, v: CatalogItemValues, version?: number): CatalogItemDto | null => {
    const at = deps.now().toISOString();
    const day = at.slice(0, 10);
    if (id === undefined) {
      const row = db.insert(catalogItems).values({ ...v, updatedAt: at }).returning({ id: catalogItems.id }).get();
      appendAudit(sqlite, actor, { action: 'create', entity: 'catalog_item', entityId: row.id, after: v }, at);
      return itemSync(row.id, day);
    }
    const before = itemSync(id, day);
    if (!before) return null;
    if (version !== undefined) claimVersionSync(sqlite, 'catalog_items', id, version, actor.userId);
    db.update(catalogItems).set({ ...v, updatedAt: at }).where(eq(catalogItems.id, id)).run();
    appendAudit(sqlite, actor, { action: 'update', entity: 'catalog_item', entityId: id, before, after: v }, at);
    return itemSync(id, day);
  };

  /** Creates or replaces a price list inside an open transaction. */
  /** Creates or changes a price list inside an open transaction; a change on an older `version` throws StaleRecordError. */
  const savePriceListSync = (actor: Actor, id: number | undefined, v: PriceListValues, version?: number): PriceListDto | null => {
    const at = deps.now().toISOString();
    let listId = id;
    const before = id === undefined ? null : priceListSync(id);
    if (id !== undefined && !before) return null;
    if (listId === undefined) {
      listId = db
        .insert(priceLists)
        .values({ name: v.name, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, createdBy: actor.userId, updatedBy: actor.userId, updatedAt: at })
        .returning({ id: priceLists.id })
        .get().id;
    } else {
      if (version !== undefined) claimVersionSync(sqlite, 'price_lists', listId, version, actor.userId);
      db.update(priceLists).set({ name: v.name, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, updatedAt: at }).where(eq(priceLists.id, listId)).run();
      db.delete(priceListItems).where(eq(priceListItems.priceListId, listId)).run();
    }
    for (const item of v.items) db.insert(priceListItems).values({ priceListId: listId, ...item }).run();
    const after = priceListSync(listId);
    appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'price_list', entityId: listId, before, after }, at);
    return after;
  };

  return {
    saveItemSync,
    savePriceListSync,
    async list(opts: { onDate: string; includeInactive: boolean }): Promise<CatalogItemDto[]> {
      const where = opts.includeInactive ? '' : 'WHERE i.active = 1';
      return (sqlite.prepare(`${PRICED_ITEMS} ${where} ORDER BY i.kind, i.name`).all({ day: opts.onDate }) as ItemRow[]).map(toItem);
    },
    async get(id: number, onDate: string): Promise<CatalogItemDto | null> {
      return itemSync(id, onDate);
    },
    async save(actor: Actor, id: number | undefined, v: CatalogItemValues, version?: number): Promise<CatalogItemDto | null> {
      return inTransaction(deps, () => saveItemSync(actor, id, v, version));
    },
    async priceLists(): Promise<PriceListDto[]> {
      const ids = db.select({ id: priceLists.id }).from(priceLists).orderBy(asc(priceLists.effectiveFrom), asc(priceLists.id)).all();
      return ids.flatMap((r) => priceListSync(r.id) ?? []);
    },
    async savePriceList(actor: Actor, id: number | undefined, v: PriceListValues, version?: number): Promise<PriceListDto | null> {
      return inTransaction(deps, () => savePriceListSync(actor, id, v, version));
    },
  };
}

/** The catalog repository. */
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
