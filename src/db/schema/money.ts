import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { documents } from './documents';
import { organizations, users } from './foundation';

const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** One imported bank statement file (1CClientBankExchange); its SHA-256 makes a second import of the same file add nothing. */
export const bankStatements = sqliteTable(
  'bank_statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull().default(''),
    fileSha256: text('file_sha256').notNull(),
    formatVersion: text('format_version').notNull().default(''),
    encoding: text('encoding').notNull().default(''),
    sender: text('sender').notNull().default(''),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    /** Our account the statement is for (the first «СекцияРасчСчет», or «РасчСчет» of the header). */
    account: text('account').notNull(),
    dateFrom: text('date_from'),
    dateTo: text('date_to'),
    openingBalanceKopecks: integer('opening_balance_kopecks'),
    closingBalanceKopecks: integer('closing_balance_kopecks'),
    documentCount: integer('document_count').notNull().default(0),
    /** JSON: how many were added, duplicates, incoming, outgoing, fees, matched, unmatched. */
    counts: text('counts').notNull().default('{}'),
    importedBy: integer('imported_by').references(() => users.id),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('bank_statements_sha_unique').on(t.fileSha256), index('bank_statements_period_idx').on(t.dateFrom, t.dateTo)],
);

/**
 * A movement of money on our account: an incoming client payment, a bank fee, an outgoing payment.
 * `manager_id` is the client's responsible manager at payment time: the commission base is the money
 * received without VAT from a manager's own clients (`amount_net_kopecks`, month `month`).
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    kind: text('kind', { enum: ['client', 'bank_fee', 'outgoing', 'other', 'unsorted'] }).notNull(),
    /** ISO date the money arrived (or left): «ДатаПоступило» / «ДатаСписано», else the document date. */
    date: text('date').notNull(),
    /** 'YYYY-MM' of `date`: the month whose commercial report and payroll the payment belongs to. */
    month: text('month').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** VAT inside the amount: the matched invoices' VAT share, or as parsed from the purpose. */
    vatKopecks: integer('vat_kopecks').notNull().default(0),
    /** The amount without VAT: the commission base. */
    amountNetKopecks: integer('amount_net_kopecks').notNull(),
    /** Where the VAT came from: 'invoices', 'purpose' («в т.ч. НДС…», «без НДС») or 'none' (not known, taken as 0). */
    vatSource: text('vat_source', { enum: ['invoices', 'purpose', 'none'] }).notNull().default('none'),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    /** Our account the money moved on. */
    ourAccount: text('our_account').notNull().default(''),
    payerInn: text('payer_inn').notNull().default(''),
    payerName: text('payer_name').notNull().default(''),
    payerAccount: text('payer_account').notNull().default(''),
    payerBik: text('payer_bik').notNull().default(''),
    payeeInn: text('payee_inn').notNull().default(''),
    payeeName: text('payee_name').notNull().default(''),
    payeeAccount: text('payee_account').notNull().default(''),
    payeeBik: text('payee_bik').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    /** The bank document's number and type («Платежное поручение», «Банковский ордер»…). */
    docNumber: text('doc_number').notNull().default(''),
    docType: text('doc_type').notNull().default(''),
    docDate: text('doc_date'),
    /** The statement it came from; null for a payment entered by hand. */
    statementId: integer('statement_id').references(() => bankStatements.id),
    clientId: integer('client_id').references(() => clients.id),
    managerId: integer('manager_id').references(() => users.id),
    /** How the allocations were found: 'number_date', 'inn_amount', 'inn_open', 'manual', or 'none'. */
    matchRule: text('match_rule', { enum: ['number_date', 'inn_amount', 'inn_open', 'manual', 'none'] }).notNull().default('none'),
    /** sha256(date|number|amount|payer account|our account): the same bank document is stored once. */
    dedupeKey: text('dedupe_key').notNull(),
    /** JSON of the statement fields the app does not use, kept as read. */
    extra: text('extra').notNull().default('{}'),
    comment: text('comment').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: stamp('created_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_dedupe_unique').on(t.dedupeKey),
    index('payments_month_idx').on(t.month, t.managerId),
    index('payments_client_idx').on(t.clientId, t.date),
    index('payments_statement_idx').on(t.statementId),
    index('payments_payer_inn_idx').on(t.payerInn),
    check('payments_month_of_date', sql`${t.month} = substr(${t.date}, 1, 7)`),
    check('payments_amount_positive', sql`${t.amountKopecks} > 0`),
    check('payments_net_plus_vat', sql`${t.amountNetKopecks} + ${t.vatKopecks} = ${t.amountKopecks}`),
  ],
);

/** Which invoice a payment pays and how much of it: several per payment (one pays two invoices), several per invoice (partial payments). */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id').notNull().references(() => payments.id, { onDelete: 'cascade' }),
    documentId: integer('document_id').notNull().references(() => documents.id),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** This allocation's VAT share (the invoice's VAT in proportion to the amount allocated). */
    vatKopecks: integer('vat_kopecks').notNull().default(0),
    rule: text('rule', { enum: ['number_date', 'inn_amount', 'inn_open', 'manual'] }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payment_allocations_unique').on(t.paymentId, t.documentId),
    index('payment_allocations_document_idx').on(t.documentId),
    check('payment_allocations_amount_positive', sql`${t.amountKopecks} > 0`),
  ],
);

/**
 * The close of a month, one row per cycle: the head of sales and the accountant each confirm the
 * reconciliation (with the fingerprint of the totals they saw), then the month is closed; a reopening
 * (director only) ends the cycle with who, when and why, and a new close starts a new row. A month is
 * closed while it has a row with `closed_at` set and `reopened_at` null.
 */
export const monthCloses = sqliteTable(
  'month_closes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    month: text('month').notNull(),
    headOfSalesConfirmedAt: text('head_of_sales_confirmed_at'),
    headOfSalesConfirmedBy: integer('head_of_sales_confirmed_by').references(() => users.id),
    headOfSalesFingerprint: text('head_of_sales_fingerprint'),
    accountantConfirmedAt: text('accountant_confirmed_at'),
    accountantConfirmedBy: integer('accountant_confirmed_by').references(() => users.id),
    accountantFingerprint: text('accountant_fingerprint'),
    closedAt: text('closed_at'),
    /** JSON: the report's totals as closed (per manager net revenue, department). */
    closedTotals: text('closed_totals'),
    reopenedAt: text('reopened_at'),
    reopenedBy: integer('reopened_by').references(() => users.id),
    reopenReason: text('reopen_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('month_closes_month_idx').on(t.month, t.closedAt),
    // One live cycle per month.
    uniqueIndex('month_closes_live_unique').on(t.month).where(sql`reopened_at IS NULL`),
  ],
);
