import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The office's people; the first one is the director created at set-up. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    role: text('role', { enum: ['director', 'head_of_sales', 'manager', 'office_manager', 'accountant'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('users_login_unique').on(t.login)],
);

/** Our organisations (an office may sell through an ООО and an ИП). */
export const organizations = sqliteTable('organizations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['legal', 'ip'] }).notNull(),
  fullName: text('full_name').notNull(),
  shortName: text('short_name').notNull(),
  inn: text('inn').notNull(),
  kpp: text('kpp').notNull().default(''),
  ogrn: text('ogrn').notNull(),
  legalAddress: text('legal_address').notNull(),
  postalAddress: text('postal_address').notNull().default(''),
  bik: text('bik').notNull(),
  bankName: text('bank_name').notNull(),
  corrAccount: text('corr_account').notNull(),
  account: text('account').notNull(),
  directorPosition: text('director_position').notNull(),
  directorName: text('director_name').notNull(),
  accountantName: text('accountant_name').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  defaultVatRate: text('default_vat_rate', { enum: ['22', '20', '10', '7', '5', '0', 'none'] }).notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Office-wide settings as key → JSON value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** The version of a record kept as a set (office settings, signing rules, a year's plan grid) and who saved it last. */
export const recordStamps = sqliteTable('record_stamps', {
  key: text('key').primaryKey(),
  version: integer('version').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});

/** Hash-chained audit trail: every change, who, when, before and after. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: integer('user_id'),
  userName: text('user_name'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /** The computer the change came from (hash version 2 and later). */
  computer: text('computer'),
  /** 1: entries made before the office (hash without the computer); 2: with it. */
  hashVersion: integer('hash_version').notNull().default(1),
});

/**
 * Answers to write calls by the caller's request id (`<user id>:<request id>`), written in the same
 * transaction as the call's own writes: a retry after a lost answer, even across a crash, gets the first
 * answer. Kept 7 days; a restore empties the table (the restored base had other callers).
 */
export const requestAnswers = sqliteTable(
  'request_answers',
  {
    requestKey: text('request_key').primaryKey(),
    userId: integer('user_id'),
    entry: text('entry').notNull(),
    /** The JSON envelope the caller got. */
    envelope: text('envelope').notNull(),
    /** When it was answered (ms since the epoch). */
    at: integer('at').notNull(),
  },
  (t) => [index('request_answers_at').on(t.at)],
);
