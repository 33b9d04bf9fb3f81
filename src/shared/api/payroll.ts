import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, type Role } from '../roles';
import { versionSchema } from '../record-version';
import {
  payrollMonthSchema,
  payrollOrderInputSchema,
  type PaymentCommissionDto,
  type PayrollFileDto,
  type PayrollMonthSummary,
  type PayrollOrderDto,
  type PayrollOrderSummary,
  type PayrollPerson,
  type PayrollStatementDto,
  type PayrollWhatIfResult,
} from './payroll-types';

/** Who sees payroll: managers their own lines, the head of sales the department's, the accountant and director all. */
export const PAYROLL_VIEWERS: readonly Role[] = ['director', 'head_of_sales', 'accountant', 'manager'];

/** Who drafts orders and sends them for approval. */
export const PAYROLL_EDITORS: readonly Role[] = ['director', 'head_of_sales'];

/** Who computes a month's statement and exports it. */
export const PAYROLL_CALCULATORS: readonly Role[] = ['director', 'head_of_sales', 'accountant'];

const id = z.number().int().positive();

/** Зарплата: payroll orders (приказы по оплате труда), what-if, month statements. */
export const payrollApi = {
  'payroll.orders.list': entry<PayrollOrderSummary[]>()({ input: z.object({}), access: PAYROLL_VIEWERS, writes: false }),
  'payroll.orders.get': entry<PayrollOrderDto>()({ input: z.object({ id }), access: PAYROLL_VIEWERS, writes: false }),
  'payroll.orders.save': entry<PayrollOrderDto>()({
    input: z.object({ id: id.optional(), version: versionSchema.optional(), order: payrollOrderInputSchema }),
    access: PAYROLL_EDITORS,
    writes: true,
  }),
  'payroll.orders.remove': entry<{ ok: true }>()({ input: z.object({ id }), access: PAYROLL_EDITORS, writes: true }),
  'payroll.orders.send': entry<PayrollOrderDto>()({ input: z.object({ id }), access: PAYROLL_EDITORS, writes: true }),
  /** The director returns a sent order to a draft for changes. */
  'payroll.orders.return': entry<PayrollOrderDto>()({ input: z.object({ id }), access: ['director'], writes: true }),
  /** Only the director approves; an earlier approved order for the same people is superseded from this one's start. */
  'payroll.orders.approve': entry<PayrollOrderDto>()({ input: z.object({ id }), access: ['director'], writes: true }),
  /** A covered person confirms «С приказом ознакомлен(а)». */
  'payroll.orders.acknowledge': entry<PayrollOrderDto>()({ input: z.object({ id }), access: ANY_ROLE, writes: true }),
  'payroll.orders.pdf': entry<PayrollFileDto>()({ input: z.object({ id }), access: PAYROLL_VIEWERS, writes: false }),
  /** Applies an order (usually a draft) to past closed months and compares with the order in force. */
  'payroll.orders.whatIf': entry<PayrollWhatIfResult>()({
    input: z.object({ id, months: z.array(payrollMonthSchema).max(36).optional() }),
    access: PAYROLL_CALCULATORS,
    writes: false,
  }),
  'payroll.people': entry<PayrollPerson[]>()({ input: z.object({}), access: PAYROLL_EDITORS, writes: false }),
  'payroll.statements.list': entry<PayrollMonthSummary[]>()({ input: z.object({}), access: PAYROLL_VIEWERS, writes: false }),
  'payroll.statements.get': entry<PayrollStatementDto>()({
    input: z.object({ month: payrollMonthSchema, userId: id.optional() }),
    access: PAYROLL_VIEWERS,
    writes: false,
  }),
  /** Computes (or recomputes a draft of) the statement of a closed month. */
  'payroll.statements.compute': entry<PayrollStatementDto>()({ input: z.object({ month: payrollMonthSchema }), access: PAYROLL_CALCULATORS, writes: true }),
  'payroll.statements.approve': entry<PayrollStatementDto>()({ input: z.object({ month: payrollMonthSchema }), access: ['director'], writes: true }),
  'payroll.statements.pdf': entry<PayrollFileDto>()({ input: z.object({ month: payrollMonthSchema }), access: PAYROLL_VIEWERS, writes: false }),
  'payroll.statements.xlsx': entry<PayrollFileDto>()({ input: z.object({ month: payrollMonthSchema }), access: PAYROLL_CALCULATORS, writes: false }),
  /** Each payment's commission for a manager and month under the order in force (the commercial report shows it). */
  'payroll.commission': entry<PaymentCommissionDto[]>()({
    input: z.object({ month: payrollMonthSchema, managerId: id }),
    access: PAYROLL_VIEWERS,
    writes: false,
  }),
};
