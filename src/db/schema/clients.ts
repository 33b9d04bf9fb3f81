import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './foundation';

const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const flag = (name: string, value: boolean) => integer(name, { mode: 'boolean' }).notNull().default(value);

/** Where clients come from: справочники, базы данных, сайты, СМИ, рекомендации, входящие обращения… */
export const clientSources = sqliteTable(
  'client_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['directory', 'database', 'website', 'media', 'referral', 'inbound', 'event', 'other'] }).notNull(),
    active: flag('active', true),
    createdAt: stamp('created_at'),
  },
  (t) => [uniqueIndex('client_sources_name_unique').on(t.name)],
);

/** Long-list imports: one committed file each (its hash makes a second import of the same file add nothing). */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull().default(''),
    mapping: text('mapping').notNull(),
    ownerId: integer('owner_id').references(() => users.id),
    userId: integer('user_id').references(() => users.id),
    counts: text('counts').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('import_batches_hash_unique').on(t.fileHash)],
);

/**
 * The mark of a bulk write in progress (one row, only ever inside its transaction): clients above
 * `after_id` are indexed for search in one statement at its end instead of one by one by the triggers.
 */
export const clientsFtsDeferred = sqliteTable('clients_fts_deferred', { id: integer('id').primaryKey(), afterId: integer('after_id').notNull() }, (t) => [
  check('clients_fts_deferred_one_row', sql`${t.id} = 1`),
]);

/** A client or potential client: a company, an ИП or a private person, with one responsible manager. */
export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['legal', 'ip', 'person'] }).notNull(),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    /** The matching key: name without legal form, quotes and case (normalizeCompanyName). */
    nameKey: text('name_key').notNull(),
    /** Normalised words for the FTS5 index (clientSearchText); kept in sync by triggers. */
    searchText: text('search_text').notNull().default(''),
    inn: text('inn').notNull().default(''),
    kpp: text('kpp').notNull().default(''),
    ogrn: text('ogrn').notNull().default(''),
    legalAddress: text('legal_address').notNull().default(''),
    postalAddress: text('postal_address').notNull().default(''),
    actualAddress: text('actual_address').notNull().default(''),
    website: text('website').notNull().default(''),
    segment: text('segment').notNull().default(''),
    region: text('region').notNull().default(''),
    sourceId: integer('source_id').references(() => clientSources.id),
    comment: text('comment').notNull().default(''),
    responsibleId: integer('responsible_id').references(() => users.id),
    claimedAt: text('claimed_at'),
    lastActivityAt: text('last_activity_at').notNull(),
    /** The computed ladder step (computeLadder over the client's facts), never typed in. */
    ladderStep: text('ladder_step').notNull().default('potential'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
    /** A written agreement that our documents may carry a facsimile signature (ГК ст.160 п.2). */
    facsimileAgreement: flag('facsimile_agreement', false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every save; a save carrying an older one is refused (concurrent edits). */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    index('clients_inn_idx').on(t.inn),
    index('clients_name_key_idx').on(t.nameKey),
    index('clients_responsible_idx').on(t.responsibleId, t.nameKey),
    index('clients_region_idx').on(t.region),
    index('clients_segment_idx').on(t.segment),
    index('clients_source_idx').on(t.sourceId),
  ],
);

/** A private person's passport data and registration address: printed only on that person's own documents (consumer contracts). */
export const clientPassports = sqliteTable('client_passports', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  /** «4510 123456». */
  seriesNumber: text('series_number').notNull().default(''),
  issuedBy: text('issued_by').notNull().default(''),
  issuedOn: text('issued_on'),
  /** «770-001». */
  divisionCode: text('division_code').notNull().default(''),
  birthDate: text('birth_date'),
  registrationAddress: text('registration_address').notNull().default(''),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});

/** Key persons of a client: who they are, their part in the decision and a personal dossier. */
export const clientContacts = sqliteTable(
  'client_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    decisionRole: text('decision_role', { enum: ['decision_maker', 'influencer', 'user', 'gatekeeper', 'initiator', 'other'] })
      .notNull()
      .default('other'),
    notes: text('notes').notNull().default(''),
    birthday: text('birthday').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [index('client_contacts_client_idx').on(t.clientId)],
);

/** Phones of a client or of one of its key persons; `normalized` is +7XXXXXXXXXX when recognised. */
export const clientPhones = sqliteTable(
  'client_phones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => clientContacts.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    normalized: text('normalized'),
    label: text('label').notNull().default(''),
  },
  (t) => [index('client_phones_client_idx').on(t.clientId), index('client_phones_normalized_idx').on(t.normalized)],
);

/** E-mails of a client or of one of its key persons, lower-case, with the company domain (null for public mail). */
export const clientEmails = sqliteTable(
  'client_emails',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => clientContacts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    domain: text('domain'),
    label: text('label').notNull().default(''),
  },
  (t) => [
    index('client_emails_client_idx').on(t.clientId),
    index('client_emails_email_idx').on(t.email),
    index('client_emails_domain_idx').on(t.domain),
  ],
);

/** A client's bank accounts (БИК and account keys checked before saving). */
export const clientBankAccounts = sqliteTable(
  'client_bank_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    bik: text('bik').notNull(),
    bankName: text('bank_name').notNull().default(''),
    corrAccount: text('corr_account').notNull().default(''),
    account: text('account').notNull(),
    isPrimary: flag('is_primary', false),
  },
  (t) => [index('client_bank_accounts_client_idx').on(t.clientId), index('client_bank_accounts_account_idx').on(t.account)],
);

/** The client's history: notes now; calls, meetings, documents and payments as their areas land. */
export const clientEvents = sqliteTable(
  'client_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    text: text('text').notNull().default(''),
    refEntity: text('ref_entity'),
    refId: integer('ref_id'),
  },
  (t) => [index('client_events_client_idx').on(t.clientId, t.at), index('client_events_kind_idx').on(t.clientId, t.kind)],
);

/** Questionnaires the office defines (анкета клиента, техпаспорт объекта…): fields and their types as JSON. */
export const questionnaireForms = sqliteTable('questionnaire_forms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['client_profile', 'object_passport', 'outlet_passport', 'tech_spec', 'other'] }).notNull(),
  title: text('title').notNull(),
  fields: text('fields').notNull(),
  active: flag('active', true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A filled questionnaire of one client, dated; the form's fields are kept as they were when filled. */
export const questionnaireAnswers = sqliteTable(
  'questionnaire_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    formId: integer('form_id').notNull().references(() => questionnaireForms.id),
    title: text('title').notNull(),
    filledOn: text('filled_on').notNull(),
    fields: text('fields').notNull(),
    answers: text('answers').notNull(),
    /** Who saved the answers last. */
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('questionnaire_answers_client_idx').on(t.clientId, t.filledOn)],
);

/** Every change of the responsible manager: who, from whom, to whom, why, when. */
export const clientTransfers = sqliteTable(
  'client_transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['assign', 'transfer', 'claim', 'lapse', 'resolve', 'import', 'rule'] }).notNull(),
    fromUserId: integer('from_user_id').references(() => users.id),
    toUserId: integer('to_user_id').references(() => users.id),
    byUserId: integer('by_user_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [index('client_transfers_client_idx').on(t.clientId, t.at)],
);

/** Two managers claiming one client: the head of sales decides. */
export const claimConflicts = sqliteTable(
  'claim_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    claimantId: integer('claimant_id').notNull().references(() => users.id),
    holderId: integer('holder_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    winnerId: integer('winner_id').references(() => users.id),
    resolution: text('resolution').notNull().default(''),
  },
  (t) => [index('claim_conflicts_status_idx').on(t.status, t.createdAt)],
);

/** The rules of the division standard: clients with this region/segment/source go to this manager. */
export const divisionRules = sqliteTable(
  'division_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dimension: text('dimension', { enum: ['region', 'segment', 'source'] }).notNull(),
    value: text('value').notNull(),
    managerId: integer('manager_id').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('division_rules_unique').on(t.dimension, t.value)],
);

/** The import report: every row of a committed file, its category, the decision and what came of it. */
export const importRows = sqliteTable(
  'import_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull().references(() => importBatches.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    category: text('category').notNull(),
    decision: text('decision').notNull(),
    outcome: text('outcome').notNull(),
    clientId: integer('client_id').references(() => clients.id),
    reason: text('reason').notNull().default(''),
    name: text('name').notNull().default(''),
    /** The row as read (JSON, importRowRecord: its non-empty values, problems and warnings), so that a skipped row is not lost. */
    data: text('data').notNull().default('{}'),
  },
  (t) => [index('import_rows_batch_idx').on(t.batchId, t.rowNo)],
);
