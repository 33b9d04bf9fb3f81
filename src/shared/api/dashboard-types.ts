import type { Role } from '../roles';
import type { BigDealDto, SnapshotDto } from './forecast-types';
import type { PlanFactView } from './plan-types';
import type { VipDueRow } from './vip-types';

/** A planned call or meeting of today. */
export interface DashboardActivity {
  id: number;
  kind: string;
  at: string;
  clientId: number;
  clientName: string;
  managerName: string;
  subject: string;
}

/** A month of the year's line: plan, fact and last year's fact. */
export interface DashboardYearMonth {
  month: string;
  planKopecks: number | null;
  factKopecks: number | null;
  lastYearKopecks: number | null;
}

/** A month of the forecast set against plan. */
export interface DashboardForecastMonth {
  month: string;
  weightedKopecks: number;
  amountKopecks: number;
  planKopecks: number | null;
}

/** This month's work statistics of one manager (from the per-day counters). */
export interface DashboardStatsRow {
  managerId: number;
  managerName: string;
  calls: number;
  contacts: number;
  meetingsSet: number;
  meetingsHeld: number;
  proposals: number;
}

/** The home page by role: a manager sees their own, the head of sales and the director the department's. */
export interface DashboardView {
  role: Role;
  today: string;
  month: string;
  /** 'own' for a manager, 'department' for the heads, 'none' for the other roles. */
  scope: 'own' | 'department' | 'none';
  planFact: PlanFactView | null;
  year: DashboardYearMonth[];
  forecast: DashboardForecastMonth[];
  bigDeals: BigDealDto[];
  lastSnapshot: SnapshotDto | null;
  todayActivities: DashboardActivity[];
  stats: DashboardStatsRow[];
  vip: { overdue: number; due: number; rows: VipDueRow[] } | null;
}
