import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { users } from './foundation';

const STATES = ['issued', 'sent', 'signed_by_us', 'signed_by_client', 'original_received', 'refused', 'annulled'] as const;
const METHODS = ['in_person', 'courier', 'post', 'email', 'edo'] as const;
const flag = (name: string, value: boolean) => integer(name, { mode: 'boolean' }).notNull().default(value);

/**
 * What each document kind needs before it stops waiting, and how long the client has: data the
 * director edits, seeded with the defaults (acts, contracts, ТОРГ-12, УПД, акт сверки need both).
 */
export const signingRules = sqliteTable('signing_rules', {
  /** A document kind (documents.kind). */
  kind: text('kind').primaryKey(),
  needsClientSignature: flag('needs_client_signature', false),
  needsOriginal: flag('needs_original', false),
  /** Confirms that we fulfilled our side (акт, накладная, УПД): counts towards its contract's money at risk while unsigned. */
  confirmsFulfilment: flag('confirms_fulfilment', false),
  /** A contract: its money at risk is the sum of its unsigned fulfilment documents. */
  riskFromActs: flag('risk_from_acts', false),
  scanWorkingDays: integer('scan_working_days').notNull().default(5),
  originalDays: integer('original_days').notNull().default(30),
  /** Shown wherever the kind's signature state is (the счёт-фактура warning lives here). */
  note: text('note').notNull().default(''),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});

/** The signing history of issued documents, append-only: the latest event is the current state. */
export const documentSigningEvents = sqliteTable(
  'document_signing_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id),
    state: text('state', { enum: STATES }).notNull(),
    method: text('method', { enum: METHODS }),
    /** The day it happened (ISO date), as the person says; `recordedAt` is when it was written down. */
    at: text('at').notNull(),
    trackingNumber: text('tracking_number').notNull().default(''),
    filedWhere: text('filed_where').notNull().default(''),
    reason: text('reason').notNull().default(''),
    comment: text('comment').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('document_signing_events_document_idx').on(t.documentId, t.id)],
);

/**
 * The current signing state of every issued document, kept in step by triggers (issue, annulment,
 * each event): due dates, what it waits for and the money at risk are denormalised for a fast board.
 */
export const documentSigningState = sqliteTable(
  'document_signing_state',
  {
    documentId: integer('document_id').primaryKey().references(() => documents.id),
    state: text('state', { enum: STATES }).notNull(),
    /** The day of the latest event (the issue day at first). */
    stateAt: text('state_at').notNull(),
    kind: text('kind').notNull(),
    /** The printed number and the document date (frozen once issued, copied so the board never reads documents). */
    number: text('number').notNull().default(''),
    docDate: text('doc_date').notNull(),
    clientId: integer('client_id').notNull(),
    managerId: integer('manager_id').notNull(),
    /** The contract the document is based on (documents.basis_document_id). */
    basisId: integer('basis_id'),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** The document's amount; for a contract, the sum of its unsigned fulfilment documents. */
    riskKopecks: integer('risk_kopecks').notNull().default(0),
    issuedOn: text('issued_on').notNull(),
    sentOn: text('sent_on'),
    sentMethod: text('sent_method', { enum: METHODS }),
    trackingNumber: text('tracking_number').notNull().default(''),
    filedWhere: text('filed_where').notNull().default(''),
    /** The signed scan is due (working days from sending, or from the issue while not sent). */
    scanDue: text('scan_due'),
    originalDue: text('original_due'),
    /** The next outstanding deadline: the scan's while unsigned, then the original's. */
    dueDate: text('due_date'),
    /** 'signature', 'original', 'refusal' while on the board; null once nothing is awaited. */
    waitingFor: text('waiting_for', { enum: ['signature', 'original', 'refusal'] }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Covers every column the board and the badge read, so ten thousand waiting rows come from one
    // contiguous index instead of as many scattered table pages.
    index('document_signing_state_board_cover_idx')
      .on(t.managerId, t.clientId, t.dueDate, t.riskKopecks, t.kind, t.waitingFor, t.state, t.stateAt, t.amountKopecks, t.number, t.docDate, t.sentOn, t.sentMethod, t.trackingNumber, t.scanDue, t.originalDue)
      .where(sql`waiting_for IS NOT NULL`),
    index('document_signing_state_due_idx').on(t.dueDate).where(sql`waiting_for IS NOT NULL`),
    index('document_signing_state_client_idx').on(t.clientId),
    index('document_signing_state_basis_idx').on(t.basisId),
  ],
);

/** A scanned file, stored once by its content hash under `<dataDir>/files/`. */
export const scans = sqliteTable('scans', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: integer('size_bytes').notNull(),
  mime: text('mime', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  originalName: text('original_name').notNull(),
  /** Relative to the attachments folder: `scans/ab/<sha256>.pdf`. */
  storedPath: text('stored_path').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

/** Which scans belong to which document (the same file may serve several). */
export const documentScans = sqliteTable(
  'document_scans',
  {
    documentId: integer('document_id').notNull().references(() => documents.id),
    sha256: text('sha256').notNull().references(() => scans.sha256),
    name: text('name').notNull(),
    attachedBy: integer('attached_by').references(() => users.id),
    attachedAt: text('attached_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.sha256] })],
);

/** The production calendar as editable data: public holidays and transferred days off, and weekends made working. */
export const holidays = sqliteTable('holidays', {
  day: text('day').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'working'] }).notNull().default('holiday'),
  note: text('note').notNull().default(''),
});

/**
 * Every day from 2015 to 2045 with its working flag and the running count of working days, rebuilt
 * from `holidays` (view calendar_days_source): the triggers count working days with it in SQL.
 */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    day: text('day').primaryKey(),
    working: integer('working').notNull(),
    workNo: integer('work_no').notNull(),
  },
  (t) => [uniqueIndex('calendar_days_work_no_idx').on(t.workNo).where(sql`working = 1`)],
);
