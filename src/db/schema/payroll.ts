import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './foundation';
import { payments } from './money';

const ROLES = ['director', 'head_of_sales', 'manager', 'office_manager', 'accountant'] as const;
const stamp = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const flag = (name: string, value: boolean) => integer(name, { mode: 'boolean' }).notNull().default(value);

/**
 * A payroll order (приказ по оплате труда): validity in whole months, the pay scheme as JSON (checked
 * with validatePayrollScheme), the «held until the acts are signed» condition and free-text conditions.
 * Draft → sent → approved (director) → superseded by a later approved order; approved ones are frozen by triggers.
 */
export const payrollOrders = sqliteTable(
  'payroll_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The printed number «3-ЗП», given at approval; empty before. */
    number: text('number').notNull().default(''),
    numberSeq: integer('number_seq'),
    numberYear: integer('number_year'),
    /** The order's date: the approval day (empty before). */
    orderDate: text('order_date'),
    title: text('title').notNull(),
    /** First day of a month. */
    validFrom: text('valid_from').notNull(),
    /** Last day of a month, or null: until superseded. */
    validTo: text('valid_to'),
    status: text('status', { enum: ['draft', 'sent', 'approved', 'superseded'] }).notNull().default('draft'),
    /** JSON PayrollScheme (core): salary, base, rate bands, department multiplier and bonus bands, НДФЛ. */
    scheme: text('scheme').notNull(),
    /** No commission on a payment while the acts of its deal stay unsigned past their deadline (held until signed). */
    holdUnsigned: flag('hold_unsigned', true),
    /** Days after the month's end the acts may still be signed before the commission is held. */
    holdGraceDays: integer('hold_grace_days').notNull().default(0),
    conditions: text('conditions').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: stamp('created_at'),
    updatedAt: text('updated_at').notNull(),
    sentBy: integer('sent_by').references(() => users.id),
    sentAt: text('sent_at'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: text('approved_at'),
    supersededBy: integer('superseded_by').references((): AnySQLiteColumn => payrollOrders.id),
    supersededAt: text('superseded_at'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    index('payroll_orders_status_idx').on(t.status, t.validFrom),
    uniqueIndex('payroll_orders_number_unique').on(t.numberYear, t.numberSeq).where(sql`number_seq IS NOT NULL`),
    check('payroll_orders_period', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Who an order covers: a person, or everyone in a role (exactly one of the two per row). */
export const payrollOrderCoverage = sqliteTable(
  'payroll_order_coverage',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').notNull().references(() => payrollOrders.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id),
    role: text('role', { enum: ROLES }),
  },
  (t) => [
    index('payroll_order_coverage_order_idx').on(t.orderId),
    index('payroll_order_coverage_user_idx').on(t.userId),
    check('payroll_order_coverage_one', sql`(${t.userId} IS NULL) <> (${t.role} IS NULL)`),
  ],
);

/** «С приказом ознакомлен(а)»: who confirmed reading an approved order, and when. */
export const payrollAcknowledgements = sqliteTable(
  'payroll_acknowledgements',
  {
    orderId: integer('order_id').notNull().references(() => payrollOrders.id),
    userId: integer('user_id').notNull().references(() => users.id),
    acknowledgedAt: text('acknowledged_at').notNull(),
  },
  (t) => [uniqueIndex('payroll_acknowledgements_unique').on(t.orderId, t.userId)],
);

/** The payroll statement of a closed month: computed as a draft, approved by the director, then frozen. */
export const payrollStatements = sqliteTable(
  'payroll_statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    month: text('month').notNull(),
    status: text('status', { enum: ['draft', 'approved'] }).notNull().default('draft'),
    computedBy: integer('computed_by').references(() => users.id),
    computedAt: text('computed_at').notNull(),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: text('approved_at'),
  },
  (t) => [uniqueIndex('payroll_statements_month_unique').on(t.month)],
);

/** One person's accrual in a statement, with the numbers behind it and the explanation line by line (JSON). */
export const payrollLines = sqliteTable(
  'payroll_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementId: integer('statement_id').notNull().references(() => payrollStatements.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id),
    orderId: integer('order_id').notNull().references(() => payrollOrders.id),
    planKopecks: integer('plan_kopecks'),
    factKopecks: integer('fact_kopecks').notNull().default(0),
    deptPlanKopecks: integer('dept_plan_kopecks'),
    deptFactKopecks: integer('dept_fact_kopecks').notNull().default(0),
    /** Display only, "92.00": bands are compared on the exact fractions. */
    personalPercent: text('personal_percent').notNull().default(''),
    deptPercent: text('dept_percent'),
    /** The rate band reached, e.g. «от 90 % до 100 %». */
    band: text('band').notNull().default(''),
    rateBasisPoints: integer('rate_bp').notNull().default(0),
    multiplierBasisPoints: integer('multiplier_bp').notNull().default(10000),
    salaryKopecks: integer('salary_kopecks').notNull().default(0),
    commissionKopecks: integer('commission_kopecks').notNull().default(0),
    heldKopecks: integer('held_kopecks').notNull().default(0),
    releasedKopecks: integer('released_kopecks').notNull().default(0),
    bonusKopecks: integer('bonus_kopecks').notNull().default(0),
    accruedKopecks: integer('accrued_kopecks').notNull().default(0),
    ndflKopecks: integer('ndfl_kopecks').notNull().default(0),
    netKopecks: integer('net_kopecks').notNull().default(0),
    /** Why the line cannot be paid yet (no approved plan…), or null. */
    problem: text('problem'),
    /** JSON: [{label, value, kopecks?, note?}] — the calculation as printed. */
    explanation: text('explanation').notNull().default('[]'),
  },
  (t) => [uniqueIndex('payroll_lines_unique').on(t.statementId, t.userId), index('payroll_lines_user_idx').on(t.userId)],
);

/**
 * Commission held on one payment because its acts were unsigned past the deadline: kept with the
 * statement that held it, released by the first later statement computed after the acts are signed.
 */
export const payrollHeld = sqliteTable(
  'payroll_held',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementId: integer('statement_id').notNull().references(() => payrollStatements.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id),
    paymentId: integer('payment_id').notNull().references(() => payments.id),
    baseKopecks: integer('base_kopecks').notNull(),
    commissionKopecks: integer('commission_kopecks').notNull(),
    /** JSON array of the unsigned act ids that held it. */
    actIds: text('act_ids').notNull().default('[]'),
    releasedStatementId: integer('released_statement_id').references((): AnySQLiteColumn => payrollStatements.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('payroll_held_unique').on(t.statementId, t.paymentId),
    index('payroll_held_user_idx').on(t.userId, t.releasedStatementId),
  ],
);
