import { and, eq, inArray } from 'drizzle-orm';
import type { PlanCell, PlanDto, PlanMeasure, PlanPerson, PlanScope } from '../../shared/api/plan-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { bumpStampSync, claimStampSync, readStampSync } from '../record-version';
import { plans } from '../schema/plans';

/** A year's plan grid (one measure) in record_stamps: the grid is saved as one record. */
const gridStampKey = (year: string, measure: PlanMeasure) => `plans:${year}:${measure}`;

interface PlanRow {
  id: number;
  scope: PlanScope;
  user_id: number | null;
  user_name: string | null;
  period: string;
  measure: PlanMeasure;
  amount_kopecks: number;
  status: 'draft' | 'approved';
  approved_by_name: string | null;
  approved_at: string | null;
  updated_at: string;
}

const PLAN_SELECT = `
  SELECT p.id, p.scope, p.user_id, u.full_name AS user_name, p.period, p.measure, p.amount_kopecks, p.status,
         a.full_name AS approved_by_name, p.approved_at, p.updated_at
  FROM plans p
  LEFT JOIN users u ON u.id = p.user_id
  LEFT JOIN users a ON a.id = p.approved_by`;

function toPlan(r: PlanRow): PlanDto {
  return {
    id: r.id,
    scope: r.scope,
    userId: r.user_id,
    userName: r.user_name,
    period: r.period,
    measure: r.measure,
    amountKopecks: r.amount_kopecks,
    status: r.status,
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at,
    updatedAt: r.updated_at,
  };
}

/** Which plans a call touches: a measure, periods, and optionally scopes and one person. */
export interface PlanQuery {
  measure: PlanMeasure;
  periods: readonly string[];
  scopes?: readonly PlanScope[];
  userId?: number;
}

/** Sales plans: the grid's cells, copying, approval, and the approved values payroll reads. */
export function createPlansRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  /** Bumps the grid of every year these periods fall in (a copy, an approval: a grid opened before is out of date). */
  const bumpGridsSync = (actor: Actor, measure: PlanMeasure, periods: readonly string[], at: string): void => {
    for (const year of new Set(periods.map((p) => p.slice(0, 4)))) bumpStampSync(sqlite, gridStampKey(year, measure), actor.userId, at);
  };
  const findSync = (scope: PlanScope, userId: number | null, period: string, measure: PlanMeasure): PlanDto | null => {
    const r = sqlite
      .prepare(`${PLAN_SELECT} WHERE p.scope = ? AND p.owner_key = ? AND p.period = ? AND p.measure = ?`)
      .get(scope, userId ?? 0, period, measure) as PlanRow | undefined;
    return r ? toPlan(r) : null;
  };
  const listSync = (q: PlanQuery): PlanDto[] => {
    if (q.periods.length === 0) return [];
    const where = [`p.measure = ?`, `p.period IN (${q.periods.map(() => '?').join(', ')})`];
    const args: (string | number)[] = [q.measure, ...q.periods];
    if (q.scopes) {
      where.push(`p.scope IN (${q.scopes.map(() => '?').join(', ')})`);
      args.push(...q.scopes);
    }
    if (q.userId !== undefined) {
      where.push('p.user_id = ?');
      args.push(q.userId);
    }
    const rows = sqlite.prepare(`${PLAN_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.period, p.scope, p.user_id`).all(...args) as PlanRow[];
    return rows.map(toPlan);
  };
  const approvedSync = (scope: PlanScope, userId: number | null, period: string, measure: PlanMeasure): number | null => {
    const plan = findSync(scope, userId, period, measure);
    return plan && plan.status === 'approved' ? plan.amountKopecks : null;
  };

  /** Writes one cell; a changed amount makes the plan a draft again (it needs approving anew). Returns true when it changed. */
  const saveCellSync = (actor: Actor, measure: PlanMeasure, cell: PlanCell, at: string): boolean => {
    const before = findSync(cell.scope, cell.userId, cell.period, measure);
    if (cell.amountKopecks === null) {
      if (!before) return false;
      db.delete(plans).where(eq(plans.id, before.id)).run();
      appendAudit(sqlite, actor, { action: 'delete', entity: 'plan', entityId: before.id, before }, at);
      return true;
    }
    if (before && before.amountKopecks === cell.amountKopecks) return false;
    const values = { amountKopecks: cell.amountKopecks, status: 'draft' as const, approvedBy: null, approvedAt: null, updatedBy: actor.userId, updatedAt: at };
    const id = before
      ? (db.update(plans).set(values).where(eq(plans.id, before.id)).run(), before.id)
      : db
          .insert(plans)
          .values({ ...values, scope: cell.scope, userId: cell.userId, ownerKey: cell.userId ?? 0, period: cell.period, measure, createdAt: at })
          .returning({ id: plans.id })
          .get().id;
    const after = findSync(cell.scope, cell.userId, cell.period, measure);
    appendAudit(sqlite, actor, { action: before ? 'update' : 'create', entity: 'plan', entityId: id, before: before ?? undefined, after }, at);
    return true;
  };

  return {
    /** Plans of the given periods (and scopes, and person). */
    async list(q: PlanQuery): Promise<PlanDto[]> {
      return listSync(q);
    },
    /** People who carry personal plans in a year: active managers and anyone who already has a plan in it. */
    async people(periods: readonly string[], measure: PlanMeasure): Promise<PlanPerson[]> {
      const marks = periods.map(() => '?').join(', ');
      return sqlite
        .prepare(
          `SELECT id, full_name AS fullName FROM users
           WHERE (active = 1 AND role = 'manager')
              OR id IN (SELECT user_id FROM plans WHERE scope = 'manager' AND measure = ? AND period IN (${marks || "''"}))
           ORDER BY full_name`,
        )
        .all(measure, ...periods) as PlanPerson[];
    },
    /** A year's grid version (0 until anyone saved it). */
    async gridVersion(year: string, measure: PlanMeasure): Promise<number> {
      return readStampSync(sqlite, gridStampKey(year, measure)).version;
    },
    /**
     * Saves grid cells in one transaction, each change audited. Returns how many changed. With
     * `based`, the year's grid must still be at that version (StaleRecordError otherwise).
     */
    async saveCells(actor: Actor, measure: PlanMeasure, cells: readonly PlanCell[], based?: { year: string; version: number }): Promise<number> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        if (based) claimStampSync(sqlite, gridStampKey(based.year, measure), based.version, actor.userId, at);
        else bumpGridsSync(actor, measure, cells.map((c) => c.period), at);
        let changed = 0;
        for (const cell of cells) if (saveCellSync(actor, measure, cell, at)) changed++;
        return changed;
      });
    },
    /**
     * Copies the plans of `from` into `to` (same scopes and people) as drafts, skipping targets
     * that are already approved. Both periods are months, or both years.
     */
    async copy(actor: Actor, measure: PlanMeasure, from: string, to: string, scopes: readonly PlanScope[]): Promise<number> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        let changed = 0;
        for (const p of listSync({ measure, periods: [from], scopes })) {
          const target = findSync(p.scope, p.userId, to, measure);
          if (target?.status === 'approved') continue;
          if (saveCellSync(actor, measure, { scope: p.scope, userId: p.userId, period: to, amountKopecks: p.amountKopecks }, at)) changed++;
        }
        if (changed > 0) bumpGridsSync(actor, measure, [to], at);
        return changed;
      });
    },
    /** Approves the drafts of these periods and scopes; each approval audited. Returns how many. */
    async approve(actor: Actor, measure: PlanMeasure, periods: readonly string[], scopes: readonly PlanScope[]): Promise<number> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const drafts = listSync({ measure, periods, scopes }).filter((p) => p.status === 'draft');
        if (drafts.length === 0) return 0;
        db.update(plans)
          .set({ status: 'approved', approvedBy: actor.userId, approvedAt: at })
          .where(and(inArray(plans.id, drafts.map((p) => p.id)), eq(plans.status, 'draft')))
          .run();
        for (const p of drafts) {
          appendAudit(sqlite, actor, { action: 'approve', entity: 'plan', entityId: p.id, before: { status: 'draft' }, after: { ...p, status: 'approved' } }, at);
        }
        bumpGridsSync(actor, measure, drafts.map((p) => p.period), at);
        return drafts.length;
      });
    },
    /** The approved personal plan of a manager for a month 'YYYY-MM' (payroll reads this), or null. */
    async personalPlan(userId: number, month: string, measure: PlanMeasure = 'revenue_net'): Promise<number | null> {
      return approvedSync('manager', userId, month, measure);
    },
    /** The approved department plan for a month 'YYYY-MM' or a year 'YYYY', or null. */
    async departmentPlan(period: string, measure: PlanMeasure = 'revenue_net'): Promise<number | null> {
      return approvedSync('department', null, period, measure);
    },
    /** The approved company plan for a month 'YYYY-MM' or a year 'YYYY', or null. */
    async companyPlan(period: string, measure: PlanMeasure = 'revenue_net'): Promise<number | null> {
      return approvedSync('company', null, period, measure);
    },
  };
}

/** The plans repository (`store.plans`). */
export type PlansRepo = ReturnType<typeof createPlansRepo>;
