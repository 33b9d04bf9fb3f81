import { z } from '../zod-ru';

/** Who a plan is for. */
export const PLAN_SCOPES = ['manager', 'department', 'company'] as const;

/** A plan's scope. */
export type PlanScope = (typeof PLAN_SCOPES)[number];

/** What a plan measures: the payroll order's base (money received without VAT, or gross margin). */
export const PLAN_MEASURES = ['revenue_net', 'gross_margin'] as const;

/** A plan's measure. */
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

/** A plan's approval state. */
export type PlanStatus = 'draft' | 'approved';

/** A month 'YYYY-MM'. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Месяц в формате ГГГГ-ММ' });

/** A year 'YYYY'. */
export const yearSchema = z.string().regex(/^\d{4}$/, { message: 'Год в формате ГГГГ' });

/** A plan period: a month or a year. */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'Период в формате ГГГГ-ММ или ГГГГ' });

/** A plan as stored. */
export interface PlanDto {
  id: number;
  scope: PlanScope;
  userId: number | null;
  userName: string | null;
  period: string;
  measure: PlanMeasure;
  amountKopecks: number;
  status: PlanStatus;
  approvedByName: string | null;
  approvedAt: string | null;
  updatedAt: string;
}

/** A person with a personal plan (a manager). */
export interface PlanPerson {
  id: number;
  fullName: string;
}

/** The plan grid of a year: managers × months plus the department's and the company's rows, and the year column. */
export interface PlanGrid {
  year: string;
  measure: PlanMeasure;
  months: string[];
  managers: PlanPerson[];
  plans: PlanDto[];
  /** What the caller may do here. */
  canEdit: boolean;
  canApprove: PlanScope[];
  /** The version a save of this year's grid must carry: 0 until anyone saved it (concurrent edits). */
  version: number;
}

/** One cell of the grid as typed: whose plan, which period, how much (null clears a draft). */
export const planCellSchema = z.object({
  scope: z.enum(PLAN_SCOPES),
  userId: z.number().int().positive().nullable().default(null),
  period: periodSchema,
  amountKopecks: z.number().int().min(0).max(1e15).nullable(),
});

/** A grid cell as typed. */
export type PlanCellInput = z.input<typeof planCellSchema>;

/** A grid cell after validation. */
export type PlanCell = z.output<typeof planCellSchema>;

/** The result of saving, copying or approving: how many plans changed, and the grid as it is now. */
export interface PlanWriteResult {
  changed: number;
  grid: PlanGrid;
}

/** One line of plan / fact: a manager, the department or the company. */
export interface PlanFactRow {
  scope: PlanScope;
  userId: number | null;
  name: string;
  planKopecks: number | null;
  planStatus: PlanStatus | null;
  /** Null when the fact cannot be counted (no money records, or gross margin not kept). */
  factKopecks: number | null;
  lastYearKopecks: number | null;
  /** fact / plan, "92.00". */
  completionPercent: string | null;
  /** fact against the same period last year, "+12.50". */
  growthPercent: string | null;
}

/** Where the month stands today against a linear plan (present for the current month only). */
export interface PaceDto {
  today: string;
  totalWorkingDays: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  linearPlanToDateKopecks: number;
  pacePercent: string | null;
  remainingKopecks: number;
  neededPerDayKopecks: number | null;
  projectedKopecks: number | null;
  /** Last year's fact of the same month up to the same day. */
  lastYearToDateKopecks: number | null;
  /** The month day by day: linear plan, cumulative fact and last year. */
  days: { day: string; linearPlanKopecks: number; factKopecks: number | null; lastYearKopecks: number | null }[];
}

/** Plan / fact / last year for a period, per manager and rolled up, with the pace of the current month. */
export interface PlanFactView {
  period: string;
  measure: PlanMeasure;
  rows: PlanFactRow[];
  /** The pace of the caller's own row (a manager) or of the department; null outside the current month or without a plan. */
  pace: PaceDto | null;
  /** Why there is no fact, in Russian; null when there is. */
  factNote: string | null;
}

/** Input of plan / fact. */
export const planFactQuerySchema = z.object({
  period: periodSchema,
  measure: z.enum(PLAN_MEASURES).default('revenue_net'),
});
