import type { DivisionStandard } from '../../core/index';
import type { SessionUser } from '../../shared/api/auth';
import type { ClientCard } from '../../shared/api/client-types';
import { SALES_HEADS } from '../../shared/api/clients';
import type { ClientRecord } from '../../db/repos/clients-repo';
import { AppError } from '../app-error';

/** True when the caller sees every card: everyone but a manager. */
export function seesWholeBase(user: SessionUser): boolean {
  return user.role !== 'manager';
}

/** True for the director and the head of sales. */
export function isSalesHead(user: SessionUser): boolean {
  return SALES_HEADS.includes(user.role);
}

/**
 * May the caller open a card? A manager opens their own and free clients, and others' only when
 * the office shares the base; seeing whose a client is (search, list) needs no card.
 */
export function canOpen(user: SessionUser, ownerId: number | null, std: DivisionStandard): boolean {
  return seesWholeBase(user) || ownerId === null || ownerId === user.id || std.shareBase;
}

/** May the caller change a card? The heads and the office manager any; a manager only their own. */
export function canEdit(user: SessionUser, ownerId: number | null): boolean {
  if (user.role === 'accountant') return false;
  return user.role !== 'manager' || ownerId === user.id;
}

/** Refuses to open another manager's card, naming whose it is. */
export function assertCanOpen(user: SessionUser, c: ClientRecord, std: DivisionStandard): void {
  if (canOpen(user, c.responsible?.id ?? null, std)) return;
  throw new AppError('FORBIDDEN', `«${c.shortName}» закреплён за другим менеджером: ${c.responsible?.fullName ?? ''}. Карточку открывает только ответственный`);
}

/** Refuses to change a card the caller may not edit. */
export function assertCanEdit(user: SessionUser, c: ClientRecord): void {
  if (canEdit(user, c.responsible?.id ?? null)) return;
  const whose = c.responsible ? `клиент закреплён за другим менеджером (${c.responsible.fullName})` : 'у клиента нет ответственного — сначала закрепите его за собой';
  throw new AppError('FORBIDDEN', `Изменять «${c.shortName}» нельзя: ${whose}`);
}

/** The card as the caller sees it: with what they may do. */
export function withRights(user: SessionUser, c: ClientRecord, lapsesOn: string | null): ClientCard {
  const ownerId = c.responsible?.id ?? null;
  return {
    ...c,
    lapsesOn,
    canEdit: canEdit(user, ownerId),
    canTransfer: isSalesHead(user),
    // The heads transfer instead of claiming; claims are the managers' way to take a client.
    canClaim: user.role === 'manager' && ownerId !== user.id,
  };
}
