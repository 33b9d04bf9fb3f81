import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_KIND_VALUES } from '../../shared/api/document-types';
import { VAT_RATE_VALUES } from '../../shared/api/orgs';
import { ROLES } from '../../shared/roles';
import { clients } from './clients';
import { organizations, users } from './foundation';
import { deals } from './sales';

const KINDS = DOCUMENT_KIND_VALUES;
const VAT_RATES = VAT_RATE_VALUES;
const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const flag = (name: string, value: boolean) => integer(name, { mode: 'boolean' }).notNull().default(value);

/** Goods and services we sell: the unit with its ОКЕИ code and the VAT rate go onto every line. */
export const catalogItems = sqliteTable(
  'catalog_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['goods', 'service'] }).notNull(),
    name: text('name').notNull(),
    article: text('article').notNull().default(''),
    unit: text('unit').notNull(),
    okei: text('okei').notNull().default(''),
    vatRate: text('vat_rate', { enum: VAT_RATES }).notNull(),
    /** Cost per unit without VAT, in kopecks (null: not entered); gross margin is computed from it. */
    costKopecks: integer('cost_kopecks'),
    active: flag('active', true),
    createdAt: stamp('created_at'),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every save; a save carrying an older one is refused (concurrent edits). */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [index('catalog_items_name_idx').on(t.name)],
);

/** A public price list, valid from a date (and until one, when replaced). */
export const priceLists = sqliteTable('price_lists', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  effectiveTo: text('effective_to'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: stamp('created_at'),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull().default(''),
});

/** The price of one catalog item in one price list, in kopecks (net or gross as the list says). */
export const priceListItems = sqliteTable(
  'price_list_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    priceListId: integer('price_list_id').notNull().references(() => priceLists.id, { onDelete: 'cascade' }),
    catalogItemId: integer('catalog_item_id').notNull().references(() => catalogItems.id),
    priceKopecks: integer('price_kopecks').notNull(),
  },
  (t) => [uniqueIndex('price_list_items_unique').on(t.priceListId, t.catalogItemId)],
);

/** The internal price list: the largest discount each role may give, and the conditions. */
export const discountLimits = sqliteTable('discount_limits', {
  role: text('role', { enum: ROLES }).primaryKey(),
  /** Basis points: 500 = 5 %. */
  maxDiscountBp: integer('max_discount_bp').notNull(),
  conditions: text('conditions').notNull().default(''),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** A numbering series' date rule set by a person: how many days ahead of today a document may be dated (null = no limit); absent = the default. */
export const seriesRules = sqliteTable(
  'series_rules',
  {
    seriesKey: text('series_key').primaryKey(),
    maxDaysAhead: integer('max_days_ahead'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('series_rules_days_check', sql`${t.maxDaysAhead} IS NULL OR (${t.maxDaysAhead} >= 0 AND ${t.maxDaysAhead} <= 3650)`)],
);

/** Numbering of one series (a kind group) of one organisation in one year: the mask and the last number used. */
export const numberSeries = sqliteTable(
  'number_series',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    /** 'offer', 'contract', 'invoice', 'act', 'torg12', 'factura' (счёт-фактура and УПД), 'reconciliation', 'free'. */
    seriesKey: text('series_key').notNull(),
    year: integer('year').notNull(),
    mask: text('mask').notNull().default('{N}'),
    lastNumber: integer('last_number').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('number_series_unique').on(t.orgId, t.seriesKey, t.year)],
);

/** A document template (one per kind is the default); its text lives in versions. */
export const templates = sqliteTable(
  'templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: KINDS }).notNull(),
    name: text('name').notNull(),
    isDefault: flag('is_default', false),
    builtIn: flag('built_in', false),
    /** A built-in contract for a consumer (a private person buying for personal needs): used for such buyers instead of the default. */
    consumer: flag('consumer', false),
    archived: flag('archived', false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: stamp('created_at'),
  },
  (t) => [index('templates_kind_idx').on(t.kind)],
);

/** One saved text of a template; append-only, so a document always finds the version that made it. */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: integer('template_id').notNull().references(() => templates.id),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    comment: text('comment').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('template_versions_unique').on(t.templateId, t.version)],
);

/** Our uploaded stamp and facsimile signature (PNG); append-only, the newest active one is used. */
export const orgAssets = sqliteTable(
  'org_assets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    kind: text('kind', { enum: ['stamp', 'signature', 'logo'] }).notNull(),
    png: blob('png', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    active: flag('active', true),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: text('uploaded_at').notNull(),
  },
  (t) => [index('org_assets_org_idx').on(t.orgId, t.kind)],
);

/** Documents made together by one action: contract + invoice (+ commercial proposal) and their combined PDF. */
export const bundles = sqliteTable('bundles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  clientId: integer('client_id').notNull().references(() => clients.id),
  dealId: integer('deal_id').references(() => deals.id),
  /** JSON: payment, delivery and validity days, city. */
  terms: text('terms').notNull().default('{}'),
  status: text('status', { enum: ['draft', 'issued'] }).notNull().default('draft'),
  combinedPdf: blob('combined_pdf', { mode: 'buffer' }),
  combinedSha256: text('combined_sha256'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  issuedAt: text('issued_at'),
});

/**
 * A document. A draft is freely editable; an issued one is frozen by triggers (only the annulment
 * transition is allowed), its snapshot and PDF bytes kept with their SHA-256.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: KINDS }).notNull(),
    status: text('status', { enum: ['draft', 'issued', 'annulled'] }).notNull().default('draft'),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    clientId: integer('client_id').notNull().references(() => clients.id),
    dealId: integer('deal_id').references(() => deals.id),
    managerId: integer('manager_id').notNull().references(() => users.id),
    /** The printed number, «СЧ-2026-0015» or «15»; empty for a draft. */
    number: text('number').notNull().default(''),
    numberSeq: integer('number_seq'),
    seriesKey: text('series_key').notNull(),
    seriesYear: integer('series_year'),
    docDate: text('doc_date').notNull(),
    vatMode: text('vat_mode', { enum: ['on_top', 'included'] }).notNull(),
    /** The rate new lines get; 'none' prints «Без налога (НДС)». */
    vatRate: text('vat_rate', { enum: VAT_RATES }).notNull(),
    netKopecks: integer('net_kopecks').notNull().default(0),
    vatKopecks: integer('vat_kopecks').notNull().default(0),
    grossKopecks: integer('gross_kopecks').notNull().default(0),
    /** The contract an invoice, act or shipping document refers to. */
    basisDocumentId: integer('basis_document_id').references((): AnySQLiteColumn => documents.id),
    bundleId: integer('bundle_id').references(() => bundles.id),
    templateVersionId: integer('template_version_id').references(() => templateVersions.id),
    /** JSON terms of a draft: payment/delivery/validity days, city, subject, notes, УПД status… */
    terms: text('terms').notNull().default('{}'),
    /** JSON: the DocumentData printed, with the template version and asset ids (issued documents). */
    snapshot: text('snapshot'),
    pdf: blob('pdf', { mode: 'buffer' }),
    pdfSha256: text('pdf_sha256'),
    issuedAt: text('issued_at'),
    issuedBy: integer('issued_by').references(() => users.id),
    annulledAt: text('annulled_at'),
    annulledBy: integer('annulled_by').references(() => users.id),
    annulledReason: text('annulled_reason'),
    /** Исправление счёта-фактуры: the corrected original, and this correction's number (same number and date). */
    correctsDocumentId: integer('corrects_document_id').references((): AnySQLiteColumn => documents.id),
    correctionNumber: integer('correction_number'),
    correctionDate: text('correction_date'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every save; a save carrying an older one is refused (concurrent edits). */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    index('documents_list_idx').on(t.status, t.docDate),
    index('documents_client_idx').on(t.clientId, t.docDate),
    index('documents_deal_idx').on(t.dealId),
    index('documents_manager_idx').on(t.managerId, t.docDate),
    index('documents_kind_idx').on(t.kind, t.docDate),
    index('documents_bundle_idx').on(t.bundleId),
    index('documents_basis_idx').on(t.basisDocumentId),
    uniqueIndex('documents_number_unique')
      .on(t.orgId, t.seriesKey, t.seriesYear, t.numberSeq)
      .where(sql`number_seq IS NOT NULL AND corrects_document_id IS NULL`),
    uniqueIndex('documents_correction_unique')
      .on(t.correctsDocumentId, t.correctionNumber)
      .where(sql`corrects_document_id IS NOT NULL`),
  ],
);

/** Lines of a document as priced: quantity in thousandths, price and amounts in kopecks, discount in basis points. */
export const documentLines = sqliteTable(
  'document_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    catalogItemId: integer('catalog_item_id').references(() => catalogItems.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    okei: text('okei').notNull().default(''),
    quantityMilli: integer('quantity_milli').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRate: text('vat_rate', { enum: VAT_RATES }).notNull(),
    netKopecks: integer('net_kopecks').notNull(),
    vatKopecks: integer('vat_kopecks').notNull(),
    grossKopecks: integer('gross_kopecks').notNull(),
    /** Cost per unit without VAT (kopecks) as it was when the line was added; null when unknown. */
    costKopecks: integer('cost_kopecks'),
    /** Imported goods: country of origin (ОКСМ code, short name) and the customs declaration or РНПТ. */
    countryCode: text('country_code').notNull().default(''),
    countryName: text('country_name').notNull().default(''),
    customsDeclaration: text('customs_declaration').notNull().default(''),
    /** Код вида товара (ТН ВЭД ЕАЭС), for exports to the EAEU. */
    productKindCode: text('product_kind_code').notNull().default(''),
  },
  (t) => [uniqueIndex('document_lines_position_unique').on(t.documentId, t.position)],
);

/** A discount beyond the requester's limit, waiting for (or decided by) the head of sales. */
export const discountApprovals = sqliteTable(
  'discount_approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    /** The line as it was asked for: its position, name and discount (basis points). */
    linePosition: integer('line_position').notNull(),
    lineName: text('line_name').notNull(),
    requestedBp: integer('requested_bp').notNull(),
    limitBp: integer('limit_bp').notNull(),
    reason: text('reason').notNull().default(''),
    requestedBy: integer('requested_by').notNull().references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'declined'] }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('discount_approvals_status_idx').on(t.status, t.requestedAt), index('discount_approvals_document_idx').on(t.documentId)],
);

/** A later link of a document issued without a deal (the document itself stays frozen). */
export const documentDealLinks = sqliteTable(
  'document_deal_links',
  {
    documentId: integer('document_id').primaryKey().references(() => documents.id),
    dealId: integer('deal_id').notNull().references(() => deals.id),
    linkedBy: integer('linked_by').references(() => users.id),
    linkedAt: text('linked_at').notNull(),
  },
  (t) => [index('document_deal_links_deal_idx').on(t.dealId)],
);
