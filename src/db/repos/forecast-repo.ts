import type { ForecastDealDto, SnapshotDto } from '../../shared/api/forecast-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';

/** An open deal as the forecast sums it. */
export type OpenDeal = Pick<ForecastDealDto, 'id' | 'managerId' | 'month' | 'amountKopecks' | 'probability'>;

interface SnapshotRow {
  id: number;
  taken_at: string;
  week: string;
  kind: 'auto' | 'manual';
  taken_by_name: string | null;
  deal_count: number;
}

function toSnapshot(r: SnapshotRow): SnapshotDto {
  return { id: r.id, takenAt: r.taken_at, week: r.week, kind: r.kind, takenByName: r.taken_by_name, dealCount: r.deal_count };
}

const SNAPSHOT_SELECT = `
  SELECT s.id, s.taken_at, s.week, s.kind, u.full_name AS taken_by_name, s.deal_count
  FROM forecast_snapshots s LEFT JOIN users u ON u.id = s.taken_by`;

const LIVE_SELECT = `
  SELECT d.id, d.title, coalesce(nullif(c.short_name, ''), c.full_name) AS clientName, d.manager_id AS managerId,
         u.full_name AS managerName, d.close_month AS month, d.amount_kopecks AS amountKopecks,
         d.probability, d.outcome AS status
  FROM deals d JOIN clients c ON c.id = d.client_id JOIN users u ON u.id = d.manager_id`;

const ROWS_SELECT = `
  SELECT r.deal_id AS id, r.title, r.client_name AS clientName, r.manager_id AS managerId, u.full_name AS managerName,
         r.month, r.amount_kopecks AS amountKopecks, r.probability, r.status
  FROM forecast_snapshot_rows r JOIN users u ON u.id = r.manager_id`;

/** Forecast snapshots (the pipeline as it stood each week) and the live pipeline they are compared with. */
export function createForecastRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const getSync = (id: number): SnapshotDto | null => {
    const r = sqlite.prepare(`${SNAPSHOT_SELECT} WHERE s.id = ?`).get(id) as SnapshotRow | undefined;
    return r ? toSnapshot(r) : null;
  };
  const latestSync = (beforeId?: number): SnapshotDto | null => {
    const r = (beforeId === undefined
      ? sqlite.prepare(`${SNAPSHOT_SELECT} ORDER BY s.taken_at DESC, s.id DESC LIMIT 1`).get()
      : sqlite.prepare(`${SNAPSHOT_SELECT} WHERE s.id < ? ORDER BY s.taken_at DESC, s.id DESC LIMIT 1`).get(beforeId)) as SnapshotRow | undefined;
    return r ? toSnapshot(r) : null;
  };
  /** Open deals, plus those closed since `closedSince` (so that the next comparison sees them won or lost). */
  const liveSync = (closedSince: string, managerId?: number): ForecastDealDto[] => {
    const own = managerId === undefined ? '' : ' AND d.manager_id = ?';
    const args: (string | number)[] = managerId === undefined ? [closedSince] : [closedSince, managerId];
    return sqlite.prepare(`${LIVE_SELECT} WHERE (d.outcome = 'open' OR d.closed_at >= ?)${own}`).all(...args) as ForecastDealDto[];
  };
  /** Takes a snapshot inside an open transaction; returns it. */
  const takeSync = (actor: Actor, kind: 'auto' | 'manual', week: string, at: string): SnapshotDto => {
    const prev = latestSync();
    // Deals closed since the last picture are kept once, closed, so the comparison shows them won or lost.
    const since = prev?.takenAt ?? new Date(Date.parse(at) - 7 * 86_400_000).toISOString();
    const { id } = sqlite
      .prepare('INSERT INTO forecast_snapshots (taken_at, week, kind, taken_by) VALUES (?, ?, ?, ?) RETURNING id')
      .get(at, week, kind, actor.userId) as { id: number };
    const res = sqlite
      .prepare(
        `INSERT INTO forecast_snapshot_rows (snapshot_id, deal_id, manager_id, title, client_name, month, amount_kopecks, probability, status)
         SELECT ?, d.id, d.manager_id, d.title, coalesce(nullif(c.short_name, ''), c.full_name), d.close_month, d.amount_kopecks, d.probability, d.outcome
         FROM deals d JOIN clients c ON c.id = d.client_id
         WHERE d.outcome = 'open' OR d.closed_at >= ?`,
      )
      .run(id, since);
    sqlite.prepare('UPDATE forecast_snapshots SET deal_count = ? WHERE id = ?').run(res.changes, id);
    const taken = getSync(id);
    if (!taken) throw new Error('snapshot vanished inside its own transaction');
    appendAudit(sqlite, actor, { action: 'create', entity: 'forecast_snapshot', entityId: id, after: taken }, at);
    return taken;
  };
  return {
    async list(limit = 60): Promise<SnapshotDto[]> {
      return (sqlite.prepare(`${SNAPSHOT_SELECT} ORDER BY s.taken_at DESC, s.id DESC LIMIT ?`).all(limit) as SnapshotRow[]).map(toSnapshot);
    },
    async get(id: number): Promise<SnapshotDto | null> {
      return getSync(id);
    },
    /** The newest snapshot (before the one with `beforeId`, when given). */
    async latest(beforeId?: number): Promise<SnapshotDto | null> {
      return latestSync(beforeId);
    },
    /** The deals of a snapshot (of one manager, when given). */
    async rows(id: number, managerId?: number): Promise<ForecastDealDto[]> {
      if (managerId === undefined) return sqlite.prepare(`${ROWS_SELECT} WHERE r.snapshot_id = ?`).all(id) as ForecastDealDto[];
      return sqlite.prepare(`${ROWS_SELECT} WHERE r.snapshot_id = ? AND r.manager_id = ?`).all(id, managerId) as ForecastDealDto[];
    },
    /** The pipeline now: open deals and those closed since `closedSince`. */
    async live(closedSince: string, managerId?: number): Promise<ForecastDealDto[]> {
      return liveSync(closedSince, managerId);
    },
    /** Open deals expected in [fromMonth, toMonth] (of one manager, when given), without names: the forecast's input, read from an index. */
    async open(fromMonth: string, toMonth: string, managerId?: number): Promise<OpenDeal[]> {
      const own = managerId === undefined ? '' : ' AND manager_id = ?';
      const args: (string | number)[] = managerId === undefined ? [fromMonth, toMonth] : [fromMonth, toMonth, managerId];
      return sqlite
        .prepare(`SELECT id, manager_id AS managerId, close_month AS month, amount_kopecks AS amountKopecks, probability FROM deals WHERE outcome = 'open' AND close_month BETWEEN ? AND ?${own}`)
        .all(...args) as OpenDeal[];
    },
    /** The named deals (title, client, manager) with these ids. */
    async named(ids: readonly number[]): Promise<ForecastDealDto[]> {
      if (ids.length === 0) return [];
      return sqlite.prepare(`${LIVE_SELECT} WHERE d.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as ForecastDealDto[];
    },
    /** Names of the people, by id. */
    async names(): Promise<Map<number, string>> {
      return new Map((sqlite.prepare('SELECT id, full_name AS name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
    },
    /** Takes a snapshot now (or, for demo data, as of `at`). */
    async take(actor: Actor, kind: 'auto' | 'manual', week: string, at: string = deps.now().toISOString()): Promise<SnapshotDto> {
      return inTransaction(deps, () => takeSync(actor, kind, week, at));
    },
    /** Takes the automatic snapshot of `week` unless one exists (checked inside the same transaction). */
    async ensureWeek(actor: Actor, week: string): Promise<SnapshotDto | null> {
      return inTransaction(deps, () => {
        if (sqlite.prepare('SELECT 1 FROM forecast_snapshots WHERE week = ? LIMIT 1').get(week)) return null;
        return takeSync(actor, 'auto', week, deps.now().toISOString());
      });
    },
  };
}

/** The forecast repository (`store.forecast`). */
export type ForecastRepo = ReturnType<typeof createForecastRepo>;
