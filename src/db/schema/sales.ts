import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clientContacts, clients } from './clients';
import { users } from './foundation';

const STAGES = ['first_contact', 'meeting', 'needs', 'proposal', 'objections', 'closing', 'signing_payment', 'fulfilment', 'repeat_sales'] as const;
const OUTCOMES = ['open', 'won', 'lost'] as const;
const ACTIVITY_KINDS = ['call_cold', 'call_followup', 'call_incoming', 'meeting', 'letter', 'proposal'] as const;
const STANDARD_KINDS = ['script', 'letter', 'presentation', 'competitor', 'incoming', 'book'] as const;
const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

/** Why deals are lost: an editable list. */
export const lossReasons = sqliteTable('loss_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  sort: integer('sort').notNull().default(0),
  archived: flag('archived'),
});

/** A deal with a client: who works it, what is sold, how much and when, and where it stands. */
export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id),
    contactId: integer('contact_id').references(() => clientContacts.id, { onDelete: 'set null' }),
    managerId: integer('manager_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    amountKopecks: integer('amount_kopecks').notNull().default(0),
    closeMonth: text('close_month').notNull(),
    probability: integer('probability').notNull().default(0),
    /** The person set the probability: stage moves keep it (otherwise it is the stage's default and follows the stage). */
    probabilityTyped: integer('probability_typed', { mode: 'boolean' }).notNull().default(false),
    source: text('source').notNull().default(''),
    stage: text('stage', { enum: STAGES }).notNull(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull().default('open'),
    lossReasonId: integer('loss_reason_id').references(() => lossReasons.id),
    lossNote: text('loss_note').notNull().default(''),
    closedAt: text('closed_at'),
    createdAt: stamp('created_at'),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every save; a save carrying an older one is refused (concurrent edits). */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [index('deals_manager_idx').on(t.managerId, t.outcome), index('deals_client_idx').on(t.clientId)],
);

/** What a deal sells: lines from the price list (or typed), quantity in thousandths, price in kopecks. */
export const dealLines = sqliteTable(
  'deal_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id').notNull().references(() => deals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('шт'),
    quantityMilli: integer('quantity_milli').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    // The catalog is another area's table; kept without a foreign key until it exists.
    catalogItemId: integer('catalog_item_id'),
  },
  (t) => [index('deal_lines_deal_idx').on(t.dealId)],
);

/** Every stage and outcome change of a deal: when, who, from where to where. */
export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id').notNull().references(() => deals.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    fromStage: text('from_stage', { enum: STAGES }),
    toStage: text('to_stage', { enum: STAGES }).notNull(),
    fromOutcome: text('from_outcome', { enum: OUTCOMES }),
    toOutcome: text('to_outcome', { enum: OUTCOMES }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('deal_stage_history_deal_idx').on(t.dealId)],
);

/** A standard of the sales book: a call script branch, a letter template, the presentation, a competitor… */
export const standards = sqliteTable('standards', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: STANDARD_KINDS }).notNull(),
  code: text('code').notNull().default(''),
  title: text('title').notNull(),
  sort: integer('sort').notNull().default(0),
  archived: flag('archived'),
  createdAt: stamp('created_at'),
});

/** One version of a standard's text; the newest is current, the older ones stay readable. */
export const standardVersions = sqliteTable(
  'standard_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    standardId: integer('standard_id').notNull().references(() => standards.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    // Competitor standards: where we are stronger, weaker, what to offer their clients.
    stronger: text('stronger').notNull().default(''),
    weaker: text('weaker').notNull().default(''),
    offer: text('offer').notNull().default(''),
    note: text('note').notNull().default(''),
    authorId: integer('author_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('standard_versions_unique').on(t.standardId, t.version)],
);

/** Links from a version (a script branch) to other standards: «если интересно — Сценарий 2.1». */
export const standardLinks = sqliteTable(
  'standard_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id').notNull().references(() => standardVersions.id, { onDelete: 'cascade' }),
    targetId: integer('target_id').notNull().references(() => standards.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
  },
  (t) => [index('standard_links_version_idx').on(t.versionId)],
);

/** Files attached to a standard (competitors' price lists), kept as BLOBs so backups carry them. */
export const standardFiles = sqliteTable('standard_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  standardId: integer('standard_id').notNull().references(() => standards.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
});

/** The objections the office hears («Это слишком дорого»…): the objection standard's headings. */
export const objections = sqliteTable('objections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  text: text('text').notNull(),
  sort: integer('sort').notNull().default(0),
  archived: flag('archived'),
  /** A manager who proposed it from the call form; null for the standard set and the heads' own. */
  proposedBy: integer('proposed_by').references(() => users.id),
  /** False while a proposal waits for the head of sales. */
  accepted: integer('accepted', { mode: 'boolean' }).notNull().default(true),
});

/** Strong answers to an objection, per product ('' = any product). */
export const objectionAnswers = sqliteTable(
  'objection_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    objectionId: integer('objection_id').notNull().references(() => objections.id, { onDelete: 'cascade' }),
    product: text('product').notNull().default(''),
    answer: text('answer').notNull(),
    sort: integer('sort').notNull().default(0),
    archived: flag('archived'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('objection_answers_objection_idx').on(t.objectionId)],
);

/** A call, meeting, letter or proposal sent: planned or done, with a client and maybe a deal. */
export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    status: text('status', { enum: ['planned', 'done', 'cancelled'] }).notNull(),
    // Local wall time 'YYYY-MM-DDTHH:MM' (the office works in one time zone) and its day.
    at: text('at').notNull(),
    day: text('day').notNull(),
    managerId: integer('manager_id').notNull().references(() => users.id),
    clientId: integer('client_id').notNull().references(() => clients.id),
    contactId: integer('contact_id').references(() => clientContacts.id, { onDelete: 'set null' }),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    subject: text('subject').notNull().default(''),
    result: text('result').notNull().default(''),
    place: text('place').notNull().default(''),
    ourPerson: text('our_person').notNull().default(''),
    theirPerson: text('their_person').notNull().default(''),
    reachedKeyPerson: flag('reached_key_person'),
    madeContact: flag('made_contact'),
    interested: flag('interested'),
    meetingSet: flag('meeting_set'),
    scriptVersionId: integer('script_version_id').references(() => standardVersions.id),
    remindMinutes: integer('remind_minutes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('activities_manager_day_idx').on(t.managerId, t.status, t.day),
    index('activities_client_idx').on(t.clientId, t.at),
    index('activities_deal_idx').on(t.dealId),
  ],
);

/** Who took part in a meeting, on our side and theirs. */
export const activityParticipants = sqliteTable('activity_participants', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  side: text('side', { enum: ['ours', 'theirs'] }).notNull(),
  userId: integer('user_id').references(() => users.id),
  contactId: integer('contact_id').references(() => clientContacts.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
});

/** Which objections came up in a call or meeting. */
export const activityObjections = sqliteTable(
  'activity_objections',
  {
    activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    objectionId: integer('objection_id').notNull().references(() => objections.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.objectionId] })],
);

/** "This answer worked": a manager's mark on an answer of the objection standard. */
export const answerFeedback = sqliteTable(
  'answer_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    answerId: integer('answer_id').notNull().references(() => objectionAnswers.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (t) => [index('answer_feedback_answer_idx').on(t.answerId)],
);

/** Done activities counted per manager and day, kept in the same transaction as each activity write. */
export const activityDayStats = sqliteTable(
  'activity_day_stats',
  {
    managerId: integer('manager_id').notNull(),
    day: text('day').notNull(),
    calls: integer('calls').notNull().default(0),
    coldCalls: integer('cold_calls').notNull().default(0),
    keyPersons: integer('key_persons').notNull().default(0),
    contacts: integer('contacts').notNull().default(0),
    interested: integer('interested').notNull().default(0),
    meetingsSet: integer('meetings_set').notNull().default(0),
    meetingsHeld: integer('meetings_held').notNull().default(0),
    proposals: integer('proposals').notNull().default(0),
    letters: integer('letters').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.managerId, t.day] }), index('activity_day_stats_day_idx').on(t.day, t.managerId)],
);

/** Objections heard in done activities, per manager, day and objection (same transaction as the write). */
export const objectionDayStats = sqliteTable(
  'objection_day_stats',
  {
    managerId: integer('manager_id').notNull(),
    day: text('day').notNull(),
    objectionId: integer('objection_id').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.managerId, t.objectionId] })],
);
