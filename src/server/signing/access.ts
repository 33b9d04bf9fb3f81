import type { SigningScope } from '../../db/repos/signing-board-repo';
import { SIGNING_WRITERS } from '../../shared/api/signing-types';
import type { SessionUser } from '../../shared/api/auth';
import { requireUser, type CallContext } from '../context';

/** Whose documents the caller sees: a manager the documents they issued and their clients'; everyone else all. */
export function signingScope(ctx: CallContext): SigningScope {
  const user = requireUser(ctx);
  return user.role === 'manager' ? { userId: user.id } : null;
}

/** True when the caller may move documents along their signing (the accountant only reads). */
export function canWriteSigning(user: SessionUser): boolean {
  return SIGNING_WRITERS.includes(user.role);
}

/** Today as an ISO date in the computer's time zone (the office's day, not UTC's). */
export function localToday(ctx: { now: () => Date }): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
