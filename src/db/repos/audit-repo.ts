import type { AuditFilters } from '../../shared/api/audit';
import type { AuditRawEntry } from '../../shared/api/system';
import { appendAudit, verifyAuditChain, type Actor, type AuditInput } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';

/** Filters of the read-only audit view. */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: number;
  system?: boolean;
  beforeId?: number;
  from?: string;
  to?: string;
  limit: number;
}

interface Row {
  id: number;
  at: string;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

/** Reading and verifying the audit trail. */
export function createAuditRepo(deps: RepoDeps) {
  return {
    async list(f: AuditFilter): Promise<AuditRawEntry[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | number) => {
        where.push(clause);
        args.push(value);
      };
      if (f.entity) add('entity = ?', f.entity);
      if (f.entityId) add('entity_id = ?', f.entityId);
      if (f.userId) add('user_id = ?', f.userId);
      if (f.system) where.push('user_id IS NULL');
      if (f.beforeId) add('id < ?', f.beforeId);
      if (f.from) add('at >= ?', f.from);
      // `to` is a date: everything stamped on that day counts.
      if (f.to) add('at < ?', `${f.to}T99`);
      const sql = `SELECT id, at, user_name, action, entity, entity_id, before, after FROM audit_log ${
        where.length ? `WHERE ${where.join(' AND ')}` : ''
      } ORDER BY id DESC LIMIT ?`;
      const rows = deps.sqlite.prepare(sql).all(...args, f.limit) as Row[];
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        userName: r.user_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before === null ? null : (JSON.parse(r.before) as unknown),
        after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      }));
    },
    /** Records an event that changes no record (a sign-in locked, a lock lifted) in its own transaction. */
    async record(actor: Actor, input: AuditInput): Promise<void> {
      inTransaction(deps, () => appendAudit(deps.sqlite, actor, input, deps.now().toISOString()));
    },
    /** The first broken entry's id, or null when the chain holds. */
    async verify(): Promise<number | null> {
      return verifyAuditChain(deps.sqlite);
    },
    /** The people and record types that appear in the journal, for the view's filters. */
    async filters(): Promise<AuditFilters> {
      const people = deps.sqlite
        // Each person under the name of their latest entry.
        .prepare(
          'SELECT user_id AS userId, user_name AS userName FROM audit_log WHERE id IN (SELECT max(id) FROM audit_log GROUP BY user_id) ORDER BY user_name',
        )
        .all() as { userId: number | null; userName: string | null }[];
      const entities = deps.sqlite.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').all() as { entity: string }[];
      return {
        people: people.map((p) => ({ userId: p.userId, userName: p.userName ?? '—' })),
        entities: entities.map((e) => e.entity),
      };
    },
    async count(): Promise<number> {
      return (deps.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    },
  };
}

/** The audit repository. */
export type AuditRepo = ReturnType<typeof createAuditRepo>;
