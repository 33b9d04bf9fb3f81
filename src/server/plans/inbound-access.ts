import type { InboundParsed, InboundRequestDto } from '../../shared/api/inbound-types';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { OTHER_MANAGERS_CLIENT } from '../clients/ownership';

const NO_REQUEST = 'Обращение не найдено';

/** The manager the request log is narrowed to: a manager sees his own requests and the untaken ones. */
export function inboundScope(ctx: CallContext): number | undefined {
  const user = requireUser(ctx);
  return user.role === 'manager' ? user.id : undefined;
}

/** Whether a client is another manager's, seen by manager `me`. */
async function othersClient(ctx: CallContext, clientId: number | null, me: number): Promise<boolean> {
  if (clientId === null) return false;
  const owner = (await ctx.store.clients.get(clientId))?.responsible?.id ?? null;
  return owner !== null && owner !== me;
}

/** Reads a request the caller may change: a manager's own or an untaken one not on another manager's client (others are «not found»). */
export async function assertInboundAccess(ctx: CallContext, id: number): Promise<InboundRequestDto> {
  const request = found(await ctx.store.inbound.get(id), NO_REQUEST);
  const me = inboundScope(ctx);
  if (me === undefined || request.managerId === me) return request;
  if (request.managerId === null && !(await othersClient(ctx, request.clientId, me))) return request;
  throw new AppError('NOT_FOUND', NO_REQUEST);
}

/** Refuses a manager linking a request to another manager's client or deal, or handing it to someone else. */
export async function assertInboundLinks(ctx: CallContext, r: InboundParsed, dealManagerId: number | null): Promise<void> {
  const me = inboundScope(ctx);
  if (me === undefined) return;
  if (r.managerId !== null && r.managerId !== me) throw new AppError('FORBIDDEN', 'Менеджер не передаёт обращения другим: это делает руководитель отдела продаж или офис-менеджер');
  if (dealManagerId !== null && dealManagerId !== me) throw new AppError('FORBIDDEN', 'Эта сделка ведётся другим менеджером');
  if (await othersClient(ctx, r.clientId, me)) throw new AppError('FORBIDDEN', OTHER_MANAGERS_CLIENT);
}
