import type { SessionUser } from '../../shared/api/auth';
import type { CallContext } from '../context';

/** Signs the caller in: a new session for this desk only (its previous one, if any, ends). */
export function startSession(ctx: CallContext, user: SessionUser, idleMinutes: number): void {
  ctx.sessions.endToken(ctx.caller.credential.token);
  ctx.sessions.idleMinutes = idleMinutes;
  ctx.caller.credential.token = ctx.sessions.create(user, ctx.caller.origin, ctx.now());
}

/** Signs the caller out: ends this desk's session on the host; nobody else's. */
export function endSession(ctx: CallContext): void {
  ctx.sessions.endToken(ctx.caller.credential.token);
  ctx.caller.credential.token = null;
}
