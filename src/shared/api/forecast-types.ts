import type { ForecastChangeKind } from '../../core/index';
import { z } from '../zod-ru';
import { monthSchema } from './plan-types';

/** A deal as the forecast sees it, now or in a snapshot. */
export interface ForecastDealDto {
  id: number;
  title: string;
  clientName: string;
  managerId: number;
  managerName: string;
  month: string;
  amountKopecks: number;
  probability: number;
  status: 'open' | 'won' | 'lost';
}

/** A snapshot of the pipeline. */
export interface SnapshotDto {
  id: number;
  takenAt: string;
  week: string;
  kind: 'auto' | 'manual';
  takenByName: string | null;
  dealCount: number;
}

/** One month of a forecast row: weighted and full amounts, deal count, and the plan set against it. */
export interface ForecastMonthDto {
  month: string;
  weightedKopecks: number;
  amountKopecks: number;
  dealCount: number;
  planKopecks: number | null;
}

/** A manager's forecast by month. */
export interface ForecastManagerDto {
  managerId: number;
  managerName: string;
  months: ForecastMonthDto[];
  weightedKopecks: number;
}

/** A big deal of the forecast, listed by name. */
export interface BigDealDto extends ForecastDealDto {
  weightedKopecks: number;
}

/** The forecast: open deals by expected month × probability, per manager and rolled up, against plan. */
export interface ForecastView {
  months: string[];
  managers: ForecastManagerDto[];
  /** The department (or, for a manager, their own) row. */
  total: ForecastMonthDto[];
  bigDeals: BigDealDto[];
  lastSnapshot: SnapshotDto | null;
}

/** Input of the forecast. */
export const forecastQuerySchema = z.object({
  fromMonth: monthSchema.optional(),
  months: z.number().int().min(1).max(12).default(6),
  managerId: z.number().int().positive().optional(),
});

/** One change of one deal between two snapshots, with names. */
export interface ForecastChangeDto {
  kind: ForecastChangeKind;
  dealId: number;
  title: string;
  clientName: string;
  managerId: number;
  managerName: string;
  from: string | number | null;
  to: string | number | null;
  weightedDeltaKopecks: number;
}

/** A manager's week: weighted forecast before and after, and counts of each kind of change. */
export interface ManagerWeekDto {
  managerId: number;
  managerName: string;
  beforeKopecks: number;
  afterKopecks: number;
  changes: Record<ForecastChangeKind, number>;
}

/** The week-over-week view: two pictures compared, per month against plan, per manager, deal by deal. */
export interface WeekDiffView {
  from: SnapshotDto;
  /** null when compared with the pipeline as it is now. */
  to: SnapshotDto | null;
  months: { month: string; planKopecks: number | null; beforeKopecks: number; afterKopecks: number }[];
  managers: ManagerWeekDto[];
  total: { beforeKopecks: number; afterKopecks: number };
  changes: ForecastChangeDto[];
}

/** Input of the week-over-week view: from a snapshot (default: the newest) to another or to now. */
export const weekDiffQuerySchema = z.object({
  fromId: z.number().int().positive().optional(),
  toId: z.number().int().positive().optional(),
  managerId: z.number().int().positive().optional(),
  months: z.number().int().min(1).max(12).default(6),
});
