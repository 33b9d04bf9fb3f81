import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, clientSources, questionnaireForms } from './clients';
import { users } from './foundation';
import { deals } from './sales';

const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const flag = (name: string, value: boolean) => integer(name, { mode: 'boolean' }).notNull().default(value);

/**
 * A sales plan: a manager's for a month, the department's or the company's for a month or a year
 * ('YYYY-MM' or 'YYYY'), in the payroll order's base. Payroll reads only approved plans.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: ['manager', 'department', 'company'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    /** user_id, or 0 for department and company plans: SQLite's unique index treats NULLs as distinct. */
    ownerKey: integer('owner_key').notNull().default(0),
    period: text('period').notNull(),
    measure: text('measure', { enum: ['revenue_net', 'gross_margin'] }).notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    status: text('status', { enum: ['draft', 'approved'] }).notNull().default('draft'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: text('approved_at'),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: stamp('created_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // One plan per scope, person, period and measure.
    uniqueIndex('plans_unique').on(t.scope, t.ownerKey, t.period, t.measure),
    index('plans_period_idx').on(t.period, t.scope),
  ],
);

/** A picture of the pipeline on a day: taken automatically each Monday (first start of the week) and on demand. */
export const forecastSnapshots = sqliteTable(
  'forecast_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    takenAt: text('taken_at').notNull(),
    /** ISO week of the picture, 'YYYY-Www'. */
    week: text('week').notNull(),
    kind: text('kind', { enum: ['auto', 'manual'] }).notNull(),
    takenBy: integer('taken_by').references(() => users.id),
    dealCount: integer('deal_count').notNull().default(0),
  },
  (t) => [index('forecast_snapshots_week_idx').on(t.week), index('forecast_snapshots_taken_idx').on(t.takenAt)],
);

/** One deal as it stood in a snapshot: its manager, expected month, amount, probability and status. */
export const forecastSnapshotRows = sqliteTable(
  'forecast_snapshot_rows',
  {
    snapshotId: integer('snapshot_id').notNull().references(() => forecastSnapshots.id, { onDelete: 'cascade' }),
    dealId: integer('deal_id').notNull().references(() => deals.id, { onDelete: 'cascade' }),
    managerId: integer('manager_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    clientName: text('client_name').notNull().default(''),
    month: text('month').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    probability: integer('probability').notNull(),
    status: text('status', { enum: ['open', 'won', 'lost'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.dealId] })],
);

/** Where inbound requests come from: an advertising source (a directory ad, the site, an exhibition…). */
export const advertisingSources = sqliteTable(
  'advertising_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The client-base source a client found through this advertising gets. */
    clientSourceId: integer('client_source_id').references(() => clientSources.id),
    active: flag('active', true),
    createdAt: stamp('created_at'),
  },
  (t) => [uniqueIndex('advertising_sources_name_unique').on(t.name)],
);

/** What the office spent on an advertising source in a month (entered where known). */
export const advertisingSpend = sqliteTable(
  'advertising_spend',
  {
    sourceId: integer('source_id').notNull().references(() => advertisingSources.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.month] })],
);

/** An incoming request (call, letter, site form) with its advertising source and what came of it. */
export const inboundRequests = sqliteTable(
  'inbound_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Local wall time 'YYYY-MM-DDTHH:MM' and its day. */
    receivedAt: text('received_at').notNull(),
    day: text('day').notNull(),
    channel: text('channel', { enum: ['call', 'email', 'site', 'other'] }).notNull(),
    sourceId: integer('source_id').notNull().references(() => advertisingSources.id),
    contactName: text('contact_name').notNull().default(''),
    contactInfo: text('contact_info').notNull().default(''),
    subject: text('subject').notNull().default(''),
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'set null' }),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    managerId: integer('manager_id').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('inbound_requests_day_idx').on(t.day, t.sourceId), index('inbound_requests_deal_idx').on(t.dealId)],
);

/** A tier of the VIP programme and how often its clients are visited (12 = yearly, 3 = quarterly, 1 = monthly). */
export const vipTiers = sqliteTable('vip_tiers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  intervalMonths: integer('interval_months').notNull(),
  /** Working clients without a tier of their own are in the default tier (every client at least yearly). */
  isDefault: flag('is_default', false),
  sort: integer('sort').notNull().default(0),
});

/** A client's VIP tier, set by the head of sales. */
export const vipClientTiers = sqliteTable('vip_client_tiers', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  tierId: integer('tier_id').notNull().references(() => vipTiers.id),
  since: text('since').notNull(),
});

/** A VIP visit: the questionnaire answered with the client, problems found, suggestions, a testimonial. */
export const vipVisits = sqliteTable(
  'vip_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    managerId: integer('manager_id').notNull().references(() => users.id),
    visitedOn: text('visited_on').notNull(),
    formId: integer('form_id').references(() => questionnaireForms.id),
    /** The form's fields as they were when filled, and the answers (JSON). */
    fields: text('fields').notNull().default('[]'),
    answers: text('answers').notNull().default('{}'),
    problems: text('problems').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    testimonial: text('testimonial').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('vip_visits_client_idx').on(t.clientId, t.visitedOn)],
);

/** A referral given on a VIP visit: the new client it became in the base. */
export const vipReferrals = sqliteTable(
  'vip_referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    visitId: integer('visit_id').references(() => vipVisits.id, { onDelete: 'set null' }),
    fromClientId: integer('from_client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    newClientId: integer('new_client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('vip_referrals_from_idx').on(t.fromClientId)],
);
