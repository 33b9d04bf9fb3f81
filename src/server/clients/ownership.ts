import type { ClientRecord } from '../../db/repos/clients-repo';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';

/** The refusal a manager reads when a client is another manager's. */
export const OTHER_MANAGERS_CLIENT = 'Этот клиент закреплён за другим менеджером';

/**
 * Reads a client the caller may work on (deals, calls, requests, documents): everyone who writes in
 * the sales area may work on any client, a manager only on the ones he holds.
 */
export async function assertClientAccess(ctx: CallContext, clientId: number): Promise<ClientRecord> {
  const client = await ctx.store.clients.get(clientId);
  if (!client) throw new AppError('VALIDATION', 'Клиент не найден', [{ path: 'clientId', message: 'Выберите клиента' }]);
  const user = requireUser(ctx);
  if (user.role !== 'manager') return client;
  const owner = client.responsible?.id ?? null;
  if (owner === user.id) return client;
  if (owner === null) throw new AppError('FORBIDDEN', `У клиента «${client.shortName}» нет ответственного — сначала закрепите его за собой`);
  throw new AppError('FORBIDDEN', OTHER_MANAGERS_CLIENT);
}
