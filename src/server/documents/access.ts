import type { ClientRecord } from '../../db/repos/clients-repo';
import type { DocumentRecord } from '../../db/repos/documents-repo';
import type { SessionUser } from '../../shared/api/auth';
import { DOC_ADMINS, DOC_WRITERS, type DocumentDetail } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';

const NO_DOCUMENT = 'Документ не найден';

/** Cost prices are seen and set by the director, the head of sales and the office manager; managers never see them. */
export function seesCosts(user: SessionUser): boolean {
  return DOC_ADMINS.includes(user.role);
}

/** A manager sees only the documents of their own clients; everyone else sees all. */
export function documentScope(ctx: CallContext): number | undefined {
  const user = requireUser(ctx);
  return user.role === 'manager' ? user.id : undefined;
}

/** Refuses a client a manager does not hold: managers make documents only for their own clients. */
export function assertClientAllowed(ctx: CallContext, client: ClientRecord): void {
  const user = requireUser(ctx);
  if (user.role !== 'manager' || client.responsible?.id === user.id) return;
  throw new AppError('FORBIDDEN', `«${client.shortName}» — не ваш клиент: менеджер оформляет документы только своим клиентам`);
}

/** The manager a new document belongs to: the client's responsible manager, else whoever makes it. */
export function managerOf(ctx: CallContext, client: ClientRecord): number {
  return client.responsible?.id ?? requireUser(ctx).id;
}

/** Reads a document the caller may see (another manager's is «not found»). */
export async function visibleDocument(ctx: CallContext, id: number): Promise<DocumentRecord> {
  const doc = found(await ctx.store.documents.docs.get(id), NO_DOCUMENT);
  const scope = documentScope(ctx);
  if (scope !== undefined && doc.managerId !== scope) throw new AppError('NOT_FOUND', NO_DOCUMENT);
  return doc;
}

/** Reads a draft the caller may change. */
export async function editableDraft(ctx: CallContext, id: number): Promise<DocumentRecord> {
  const doc = await visibleDocument(ctx, id);
  if (doc.status !== 'draft') {
    throw new AppError('CONFLICT', 'Документ уже выставлен и не изменяется. Аннулируйте его и создайте новый (или исправление счёта-фактуры)');
  }
  return doc;
}

/** The document with what the caller may do with it. */
export function withRights(user: SessionUser, doc: DocumentRecord): DocumentDetail {
  const own = user.role !== 'manager' || doc.managerId === user.id;
  return {
    ...doc,
    lines: seesCosts(user) ? doc.lines : doc.lines.map(({ costKopecks: _cost, ...line }) => line),
    canEdit: doc.status === 'draft' && DOC_WRITERS.includes(user.role) && own,
    canAnnul: doc.status === 'issued' && DOC_ADMINS.includes(user.role),
  };
}
