import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, ROLES, type Role } from '../roles';
import { setVersionSchema, versionSchema } from '../record-version';
import { DISCOUNT_HEADS, DOC_ADMINS, DOC_WRITERS, idSchema, isoDateSchema, type VatRateKey } from './document-types';
import { VAT_RATE_VALUES } from './orgs';

/** A catalog item as typed. */
export const catalogItemSchema = z.object({
  kind: z.enum(['goods', 'service']),
  name: z.string().trim().min(1, { message: 'Укажите наименование' }).max(500),
  article: z.string().trim().max(100).default(''),
  unit: z.string().trim().min(1, { message: 'Укажите единицу измерения' }).max(20),
  okei: z.string().trim().regex(/^\d{3,4}$/, { message: 'Код ОКЕИ — 3 цифры (шт — 796, час — 356, усл. ед. — 876)' }),
  vatRate: z.enum(VAT_RATE_VALUES),
  /** Cost per unit without VAT (kopecks), null when not entered. */
  costKopecks: z.number().int().min(0, { message: 'Себестоимость не может быть отрицательной' }).max(1e13).nullable().default(null),
  active: z.boolean().default(true),
});

/** A catalog item as typed. */
export type CatalogItemInput = z.input<typeof catalogItemSchema>;

/** A catalog item with its price in the price list in force (null when it has none). */
export interface CatalogItemDto {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  article: string;
  unit: string;
  okei: string;
  vatRate: VatRateKey;
  active: boolean;
  priceKopecks: number | null;
  /** Cost per unit without VAT; null when not entered or when the caller may not see costs (managers). */
  costKopecks: number | null;
  /** The item's version (sent back with a save). */
  version: number;
}

/** A public price list. */
export interface PriceListDto {
  id: number;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  itemCount: number;
  items: { catalogItemId: number; priceKopecks: number }[];
  /** The version a save of this list must carry (concurrent edits). */
  version: number;
}

/** The internal price list: one role's largest discount and its conditions. */
export interface DiscountLimitDto {
  role: Role;
  maxDiscountBp: number;
  conditions: string;
  updatedAt: string | null;
  /** The version a save of this role's limit must carry: 0 until anyone saved it (concurrent edits). */
  version: number;
}

/** A numbering series of one organisation and year. */
export interface NumberSeriesDto {
  orgId: number;
  seriesKey: string;
  /** «Счета на оплату», «Договоры»… */
  title: string;
  year: number;
  mask: string;
  lastNumber: number;
  /** The next number as it will print. */
  nextPreview: string;
  /** The largest number already issued (the next number may not go below it). */
  issuedMax: number;
  /** How many days ahead of today a document of the series may be dated; null = no limit. */
  maxDaysAhead: number | null;
  /** The series' rule in words: numbering order and the date limit. */
  rule: string;
}

/** What an organisation uploads: the stamp, the head's facsimile signature, our logo. */
export const ORG_ASSET_KINDS = ['stamp', 'signature', 'logo'] as const;

/** One kind of uploaded image. */
export type OrgAssetKind = (typeof ORG_ASSET_KINDS)[number];

/** Our uploaded stamp, facsimile signature or logo. */
export interface OrgAssetDto {
  id: number;
  kind: OrgAssetKind;
  uploadedAt: string;
  dataUrl: string;
}

const priceListInput = z.object({
  id: idSchema.optional(),
  version: versionSchema.optional(),
  name: z.string().trim().min(1, { message: 'Укажите название прайс-листа' }).max(200),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.nullable().default(null),
  items: z.array(z.object({ catalogItemId: idSchema, priceKopecks: z.number().int().min(0, { message: 'Цена не может быть отрицательной' }).max(1e13) })).max(5000),
});

/** Справочники: goods and services, price lists, the internal price list, numbering, stamp and signature. */
export const catalogApi = {
  'catalog.list': entry<CatalogItemDto[]>()({
    input: z.object({ onDate: isoDateSchema.optional(), includeInactive: z.boolean().default(false) }),
    access: ANY_ROLE,
    writes: false,
  }),
  'catalog.save': entry<CatalogItemDto>()({ input: z.object({ id: idSchema.optional(), version: versionSchema.optional(), item: catalogItemSchema }), access: DOC_ADMINS, writes: true }),
  'priceLists.list': entry<PriceListDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'priceLists.save': entry<PriceListDto>()({ input: priceListInput, access: DOC_ADMINS, writes: true }),
  'discountLimits.list': entry<DiscountLimitDto[]>()({ input: z.object({}), access: DISCOUNT_HEADS, writes: false }),
  'discountLimits.mine': entry<DiscountLimitDto>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'discountLimits.save': entry<DiscountLimitDto>()({
    input: z.object({ role: z.enum(ROLES), version: setVersionSchema, maxDiscountBp: z.number().int().min(0).max(10_000), conditions: z.string().trim().max(4000).default('') }),
    access: DISCOUNT_HEADS,
    writes: true,
  }),
  'numberSeries.list': entry<NumberSeriesDto[]>()({ input: z.object({ orgId: idSchema.optional(), year: z.number().int().min(2000).max(2100).optional() }), access: DOC_WRITERS, writes: false }),
  'numberSeries.save': entry<NumberSeriesDto>()({
    input: z.object({
      orgId: idSchema,
      seriesKey: z.string().min(1).max(40),
      year: z.number().int().min(2000).max(2100),
      mask: z.string().trim().min(1, { message: 'Укажите маску номера' }).max(60),
      nextNumber: z.number().int().min(1).max(1e9),
    }),
    access: DOC_ADMINS,
    writes: true,
  }),
  /** Sets how many days ahead a series' documents may be dated (null = no limit). */
  'numberSeries.saveRule': entry<{ seriesKey: string; maxDaysAhead: number | null; rule: string }>()({
    input: z.object({ seriesKey: z.string().min(1).max(40), maxDaysAhead: z.number().int().min(0, { message: 'Не меньше 0 дней' }).max(3650, { message: 'Не больше 3650 дней' }).nullable() }),
    access: DOC_ADMINS,
    writes: true,
  }),
  'orgAssets.list': entry<OrgAssetDto[]>()({ input: z.object({ orgId: idSchema }), access: ANY_ROLE, writes: false }),
  'orgAssets.upload': entry<OrgAssetDto>()({
    input: z.object({ orgId: idSchema, kind: z.enum(ORG_ASSET_KINDS), pngBase64: z.string().min(8).max(4_000_000) }),
    access: DOC_ADMINS,
    writes: true,
  }),
  'orgAssets.remove': entry<{ removed: boolean }>()({ input: z.object({ orgId: idSchema, kind: z.enum(ORG_ASSET_KINDS) }), access: DOC_ADMINS, writes: true }),
};
