import { z } from '../zod-ru';
import { ROLES, type Role } from '../roles';

/** An order's state: draft → sent for approval → approved by the director → superseded by a later one. */
export type PayrollOrderStatus = 'draft' | 'sent' | 'approved' | 'superseded';

/** A month 'YYYY-MM'. */
export const payrollMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Месяц в формате ГГГГ-ММ' });

const bp = z.number().int().min(0).max(1_000_000);
const kopecks = z.number().int().min(0).max(1e13);

/** The pay scheme as typed in the editor (the same shape as PayrollScheme in src/core; checked there too). */
export const payrollSchemeSchema = z.object({
  name: z.string().trim().max(300).default(''),
  baseSalaryKopecks: kopecks,
  commissionBase: z.enum(['revenue_net', 'gross_margin']),
  rateMode: z.enum(['whole', 'progressive']),
  rateBands: z.array(z.object({ fromBasisPoints: bp, rateBasisPoints: bp })).min(1, { message: 'Нужна хотя бы одна ступень' }).max(30),
  minPersonalBasisPoints: bp.default(0),
  deptMultiplierBands: z.array(z.object({ fromBasisPoints: bp, multiplierBasisPoints: bp })).max(30).default([]),
  deptBonusBands: z.array(z.object({ fromBasisPoints: bp, amountKopecks: kopecks })).max(30).default([]),
  ndflBasisPoints: z.number().int().min(0).max(10_000).default(1300),
});

/** A scheme as stored and shown. */
export type PayrollSchemeDto = z.output<typeof payrollSchemeSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });

/** An order as typed in the editor: validity in whole months, who it covers, the scheme and conditions. */
export const payrollOrderInputSchema = z.object({
  title: z.string().trim().min(1, { message: 'Укажите заголовок приказа' }).max(300),
  /** First day of a month. */
  validFrom: isoDay,
  /** Last day of a month, or null: until superseded. */
  validTo: isoDay.nullable().default(null),
  userIds: z.array(z.number().int().positive()).max(500).default([]),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  scheme: payrollSchemeSchema,
  holdUnsigned: z.boolean().default(true),
  holdGraceDays: z.number().int().min(0).max(365).default(0),
  conditions: z.string().max(20_000).default(''),
});

/** The order editor's input. */
export type PayrollOrderInput = z.input<typeof payrollOrderInputSchema>;

/** The order editor's input after validation. */
export type PayrollOrderParsed = z.output<typeof payrollOrderInputSchema>;

/** An order in the list. */
export interface PayrollOrderSummary {
  id: number;
  number: string;
  orderDate: string | null;
  title: string;
  validFrom: string;
  validTo: string | null;
  status: PayrollOrderStatus;
  /** Who it covers, in words: «Менеджер по продажам (все); Иванов И. И.». */
  coverage: string;
  approvedByName: string | null;
  supersededByNumber: string | null;
  /** The last day it is (or was) in force: validTo, or the day before the superseding order starts. */
  effectiveTo: string | null;
  /** The version a save of this draft must carry (concurrent edits). */
  version: number;
}

/** A person covered by an order (directly or through their role), with their «ознакомлен» mark. */
export interface PayrollCoveredPerson {
  userId: number;
  fullName: string;
  position: string;
  role: Role;
  acknowledgedAt: string | null;
}

/** An order in full. */
export interface PayrollOrderDto extends PayrollOrderSummary {
  userIds: number[];
  roles: Role[];
  scheme: PayrollSchemeDto;
  holdUnsigned: boolean;
  holdGraceDays: number;
  conditions: string;
  createdByName: string | null;
  sentAt: string | null;
  approvedAt: string | null;
  people: PayrollCoveredPerson[];
  /** What the caller may do with it now. */
  canEdit: boolean;
  canApprove: boolean;
}

/** A person the editor can pick for coverage. */
export interface PayrollPerson {
  id: number;
  fullName: string;
  position: string;
  role: Role;
  active: boolean;
}

/** One line of a calculation's explanation. */
export interface PayrollExplanationLine {
  label: string;
  value: string;
  kopecks?: number;
  note?: string;
}

/** A held commission on one payment (shown in the line's details). */
export interface PayrollHeldDto {
  paymentId: number;
  paymentDate: string;
  clientName: string;
  baseKopecks: number;
  commissionKopecks: number;
  /** The month that held it, and the statement that released it (null while held). */
  heldMonth: string;
  releasedMonth: string | null;
}

/** One person's line of a statement. */
export interface PayrollLineDto {
  userId: number;
  fullName: string;
  orderId: number;
  orderNumber: string;
  planKopecks: number | null;
  factKopecks: number;
  /** The department's plan and fact; null for a manager reading his own line (he gets the percentage, not the others' money). */
  deptPlanKopecks: number | null;
  deptFactKopecks: number | null;
  personalPercent: string;
  deptPercent: string | null;
  band: string;
  rateBasisPoints: number;
  multiplierBasisPoints: number;
  salaryKopecks: number;
  commissionKopecks: number;
  heldKopecks: number;
  releasedKopecks: number;
  bonusKopecks: number;
  accruedKopecks: number;
  ndflKopecks: number;
  netKopecks: number;
  /** Why the line cannot be paid (no approved plan…), or null. */
  problem: string | null;
  explanation: PayrollExplanationLine[];
  held: PayrollHeldDto[];
}

/** The statement of a month as the caller may see it. */
export interface PayrollStatementDto {
  month: string;
  /** Whether the month is closed in Платежи (a statement is computed only for a closed month). */
  monthClosed: boolean;
  statement: {
    id: number;
    status: 'draft' | 'approved';
    computedAt: string;
    computedByName: string | null;
    approvedAt: string | null;
    approvedByName: string | null;
  } | null;
  lines: PayrollLineDto[];
  totals: { accruedKopecks: number; ndflKopecks: number; netKopecks: number; heldKopecks: number };
  /** People without an approved plan for the month (enter them in Планы). */
  missingPlans: string[];
  /** What keeps the statement from approval: who lacks what, and the screen where it is fixed. */
  approvalBlockers: PayrollApprovalBlocker[];
  canCompute: boolean;
  canApprove: boolean;
}

/** One person's line that cannot be approved yet: the problem and where to fix it (an app path). */
export interface PayrollApprovalBlocker {
  userId: number;
  fullName: string;
  problem: string;
  fixPath: string;
  fixLabel: string;
}

/** A month in the statements list. */
export interface PayrollMonthSummary {
  month: string;
  closed: boolean;
  status: 'none' | 'draft' | 'approved';
  accruedKopecks: number;
}

/** One manager-month of a what-if: the draft's pay against what the order in force gave. */
export interface PayrollWhatIfRow {
  month: string;
  userId: number;
  fullName: string;
  factKopecks: number;
  planKopecks: number | null;
  currentOrderNumber: string | null;
  /** 'computed': under the order in force on the same figures as the draft; 'none': no order covered them then. */
  currentSource: 'computed' | 'none';
  currentBand: string;
  currentAccruedKopecks: number | null;
  draftBand: string;
  draftAccruedKopecks: number | null;
  differenceKopecks: number | null;
  problem: string | null;
}

/** A shift of payments between adjacent months that pays more under the draft. */
export interface PayrollHoleDto {
  userId: number;
  fullName: string;
  fromMonth: string;
  toMonth: string;
  shiftKopecks: number;
  gainKopecks: number;
}

/** The what-if comparison of an order over closed months. */
export interface PayrollWhatIfResult {
  orderId: number;
  months: string[];
  rows: PayrollWhatIfRow[];
  totals: { month: string; currentKopecks: number; draftKopecks: number }[];
  holes: PayrollHoleDto[];
}

/** The commission one payment earns under the order in force (for the commercial report). */
export interface PaymentCommissionDto {
  paymentId: number;
  baseKopecks: number;
  commissionKopecks: number;
  /** Held while the acts stay unsigned past the deadline. */
  held: boolean;
}

/** A file to save: its name and bytes in base64. */
export interface PayrollFileDto {
  fileName: string;
  base64: string;
}
