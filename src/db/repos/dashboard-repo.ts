import type { DashboardActivity, DashboardStatsRow } from '../../shared/api/dashboard-types';
import type { RepoDeps } from '../drizzle';

/** What the home page reads from the sales area's tables: today's plan and the month's work counters. */
export function createDashboardRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  return {
    /** Calls and meetings planned for a day (of one manager, when given), by time. */
    async planned(day: string, managerId?: number): Promise<DashboardActivity[]> {
      const own = managerId === undefined ? '' : ' AND a.manager_id = ?';
      const args: (string | number)[] = managerId === undefined ? [day] : [managerId, day];
      return sqlite
        .prepare(
          `SELECT a.id, a.kind, a.at, a.client_id AS clientId, coalesce(nullif(c.short_name, ''), c.full_name) AS clientName,
                  u.full_name AS managerName, a.subject
           FROM activities a JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = a.manager_id
           WHERE a.status = 'planned'${own} AND a.day = ? ORDER BY a.at, a.id LIMIT 100`,
        )
        .all(...args) as DashboardActivity[];
    },
    /** Work counters per manager for days in [fromDay, toDay] (the per-day table the sales area keeps). */
    async stats(fromDay: string, toDay: string): Promise<DashboardStatsRow[]> {
      return sqlite
        .prepare(
          `SELECT s.manager_id AS managerId, u.full_name AS managerName, sum(s.calls) AS calls, sum(s.contacts) AS contacts,
                  sum(s.meetings_set) AS meetingsSet, sum(s.meetings_held) AS meetingsHeld, sum(s.proposals) AS proposals
           FROM activity_day_stats s JOIN users u ON u.id = s.manager_id
           WHERE s.day BETWEEN ? AND ? GROUP BY s.manager_id ORDER BY u.full_name`,
        )
        .all(fromDay, toDay) as DashboardStatsRow[];
    },
  };
}

/** The dashboard repository (`store.dashboard`). */
export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
