import type { ApprovalDto, DocumentKindKey } from '../../shared/api/document-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';

/** A line over the limit, to be sent for approval. */
export interface ApprovalRequest {
  linePosition: number;
  lineName: string;
  requestedBp: number;
  limitBp: number;
}

interface ApprovalRow {
  id: number;
  document_id: number;
  document_kind: DocumentKindKey;
  client_name: string;
  line_position: number;
  line_name: string;
  requested_bp: number;
  limit_bp: number;
  reason: string;
  requested_by: string;
  requested_by_id: number;
  requested_at: string;
  status: ApprovalDto['status'];
  decided_by: string | null;
  decided_at: string | null;
  comment: string;
}

const SELECT = `
  SELECT a.id, a.document_id, d.kind AS document_kind, coalesce(nullif(c.short_name, ''), c.full_name) AS client_name,
    a.line_position, a.line_name, a.requested_bp, a.limit_bp, a.reason, ru.full_name AS requested_by, a.requested_by AS requested_by_id,
    a.requested_at, a.status, du.full_name AS decided_by, a.decided_at, a.comment
  FROM discount_approvals a
  JOIN documents d ON d.id = a.document_id
  JOIN clients c ON c.id = d.client_id
  JOIN users ru ON ru.id = a.requested_by
  LEFT JOIN users du ON du.id = a.decided_by`;

function toDto(r: ApprovalRow): ApprovalDto {
  return {
    id: r.id,
    documentId: r.document_id,
    documentKind: r.document_kind,
    clientName: r.client_name,
    linePosition: r.line_position,
    lineName: r.line_name,
    requestedBp: r.requested_bp,
    limitBp: r.limit_bp,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    comment: r.comment,
  };
}

/** Every request of one document, oldest first (shared with the documents repository). */
export function approvalsOfSync(deps: RepoDeps, documentId: number): ApprovalDto[] {
  return (deps.sqlite.prepare(`${SELECT} WHERE a.document_id = ? ORDER BY a.id`).all(documentId) as ApprovalRow[]).map(toDto);
}

/**
 * Sends lines over the limit to the head of sales inside an open transaction; a line that already has
 * a pending or approved request for at least this discount gets no second one.
 */
export function requestApprovalsSync(deps: RepoDeps, actor: Actor, documentId: number, requests: ApprovalRequest[], reason: string, at: string): number {
  if (actor.userId === null) throw new Error('an approval is requested by a person');
  const existing = approvalsOfSync(deps, documentId);
  let added = 0;
  for (const r of requests) {
    const covered = existing.some(
      (a) => a.status !== 'declined' && a.linePosition === r.linePosition && a.lineName === r.lineName && a.requestedBp >= r.requestedBp,
    );
    if (covered) continue;
    const res = deps.sqlite
      .prepare(
        `INSERT INTO discount_approvals (document_id, line_position, line_name, requested_bp, limit_bp, reason, requested_by, requested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(documentId, r.linePosition, r.lineName, r.requestedBp, r.limitBp, reason, actor.userId, at);
    appendAudit(deps.sqlite, actor, { action: 'create', entity: 'discount_approval', entityId: Number(res.lastInsertRowid), after: { documentId, ...r, reason } }, at);
    added += 1;
  }
  return added;
}

/** Discount approvals: the queue, counts and decisions. */
export function createDiscountApprovalsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const oneSync = (id: number): (ApprovalDto & { requestedById: number }) | null => {
    const r = sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ApprovalRow | undefined;
    return r ? { ...toDto(r), requestedById: r.requested_by_id } : null;
  };
  return {
    async list(opts: { status?: ApprovalDto['status']; requestedBy?: number }): Promise<(ApprovalDto & { requestedById: number })[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (opts.status) {
        where.push('a.status = ?');
        args.push(opts.status);
      }
      if (opts.requestedBy !== undefined) {
        where.push('a.requested_by = ?');
        args.push(opts.requestedBy);
      }
      const sqlText = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.status = 'pending' DESC, a.id DESC LIMIT 500`;
      return (sqlite.prepare(sqlText).all(...args) as ApprovalRow[]).map((r) => ({ ...toDto(r), requestedById: r.requested_by_id }));
    },
    async pendingCount(requestedBy?: number): Promise<number> {
      const r = (
        requestedBy === undefined
          ? sqlite.prepare("SELECT count(*) AS n FROM discount_approvals WHERE status = 'pending'").get()
          : sqlite.prepare("SELECT count(*) AS n FROM discount_approvals WHERE status = 'pending' AND requested_by = ?").get(requestedBy)
      ) as { n: number };
      return r.n;
    },
    /** The requests that can cover a document's lines: its own and those of the documents of its bundle. */
    async covering(documentId: number): Promise<ApprovalDto[]> {
      const sqlText = `${SELECT} WHERE a.document_id = @id OR a.document_id IN
        (SELECT o.id FROM documents o JOIN documents me ON me.id = @id WHERE me.bundle_id IS NOT NULL AND o.bundle_id = me.bundle_id) ORDER BY a.id`;
      return (sqlite.prepare(sqlText).all({ id: documentId }) as ApprovalRow[]).map(toDto);
    },
    async get(id: number): Promise<(ApprovalDto & { requestedById: number }) | null> {
      return oneSync(id);
    },
    /** Records the decision once: a decided request is refused by the store itself. */
    async decide(actor: Actor, id: number, approve: boolean, comment: string): Promise<ApprovalDto | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const res = sqlite
          .prepare("UPDATE discount_approvals SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ? AND status = 'pending'")
          .run(approve ? 'approved' : 'declined', actor.userId, at, comment, id);
        if (res.changes === 0) return null;
        appendAudit(sqlite, actor, { action: 'approve', entity: 'discount_approval', entityId: id, before: { status: 'pending' }, after: { status: approve ? 'approved' : 'declined', comment } }, at);
        return oneSync(id);
      });
    },
  };
}

/** The discount approvals repository. */
export type DiscountApprovalsRepo = ReturnType<typeof createDiscountApprovalsRepo>;
