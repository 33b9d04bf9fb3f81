import type { RepoDeps } from '../drizzle';

/** The counters the activity log yields, for one manager and day. */
export interface ActivityDayCounts {
  managerId: number;
  day: string;
  calls: number;
  keyPersons: number;
  contacts: number;
  interested: number;
  meetingsSet: number;
  meetingsHeld: number;
  proposals: number;
}

/** A period, optionally narrowed to one manager. */
export interface StatsRange {
  from: string;
  to: string;
  managerId?: number;
}

const DAY_SQL = `
  SELECT manager_id AS managerId, day, calls, key_persons AS keyPersons, contacts, interested,
         meetings_set AS meetingsSet, meetings_held AS meetingsHeld, proposals
  FROM activity_day_stats WHERE day >= ? AND day <= ?`;

const TOP_SQL = `
  SELECT o.id AS objectionId, o.text, t.count FROM (
    SELECT objection_id, sum(n) AS count FROM objection_day_stats WHERE day >= ? AND day <= ? %MANAGER%
    GROUP BY objection_id HAVING sum(n) > 0
  ) t JOIN objections o ON o.id = t.objection_id ORDER BY t.count DESC, o.sort, o.id LIMIT ?`;

/** Reads the per-day pre-aggregated statistics (kept in step by every activity write). */
export function createSalesStatsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const dayAll = sqlite.prepare(`${DAY_SQL} ORDER BY day`);
  const dayOne = sqlite.prepare(`${DAY_SQL} AND manager_id = ? ORDER BY day`);
  const topAll = sqlite.prepare(TOP_SQL.replace('%MANAGER%', ''));
  const topOne = sqlite.prepare(TOP_SQL.replace('%MANAGER%', 'AND manager_id = ?'));
  return {
    /** Non-empty manager-days of the period. */
    async daily(r: StatsRange): Promise<ActivityDayCounts[]> {
      return (r.managerId === undefined ? dayAll.all(r.from, r.to) : dayOne.all(r.from, r.to, r.managerId)) as ActivityDayCounts[];
    },
    /** The objections heard most often in the period. */
    async topObjections(r: StatsRange, limit = 10): Promise<{ objectionId: number; text: string; count: number }[]> {
      return (r.managerId === undefined ? topAll.all(r.from, r.to, limit) : topOne.all(r.from, r.to, r.managerId, limit)) as {
        objectionId: number;
        text: string;
        count: number;
      }[];
    },
    /** Names of the people who appear in the statistics (including those no longer active). */
    async names(ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = sqlite.prepare(`SELECT id, full_name FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; full_name: string }[];
      return new Map(rows.map((r) => [r.id, r.full_name]));
    },
  };
}

/** The statistics repository. */
export type SalesStatsRepo = ReturnType<typeof createSalesStatsRepo>;
