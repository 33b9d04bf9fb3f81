// Checking a sign-in: the throttle first, then the password with the same work for every login.
import type { UserWithHash } from '../../db/repos/users-repo';
import { SYSTEM_ACTOR } from '../../db/audit';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { verifyPassword } from '../passwords';

// A hash (at the cost hashPassword uses) of a random password nobody kept: unknown and disabled logins are
// checked against it, so that the answer takes as long as for a real login and tells nothing about which
// logins exist. A constant, so that not even the first unknown login after a start does extra work making it.
const STAND_IN_HASH = 'scrypt$16384$8$1$HPTuUa9jrrVt6c+ezfxuSw==$AXxtpJvi9csiQ1RtIjtJ7EK/Nv+1wiyUO6/50134hiY=';

/**
 * The person with this login and password, or a refusal: BAD_CREDENTIALS for a wrong pair, the same
 * code with «попробуйте через N с» while this login from this address (or the address, or the login)
 * must wait, and a temporary lock of the login from that address after repeated failures — recorded
 * in the audit trail for the director.
 */
export async function checkSignIn(ctx: CallContext, login: string, password: string): Promise<UserWithHash> {
  const now = ctx.now();
  const refusal = ctx.signInThrottle.check(login, ctx.origin, now);
  if (refusal) throw new AppError('BAD_CREDENTIALS', refusal.message);
  const u = await ctx.store.users.byLogin(login);
  const matches = await verifyPassword(password, u?.passwordHash ?? STAND_IN_HASH);
  if (u !== null && u.active && matches) {
    ctx.signInThrottle.succeeded(login, ctx.origin);
    return u;
  }
  const lock = ctx.signInThrottle.failed(login, ctx.origin, now);
  if (lock && !ctx.store.readOnly) {
    await ctx.store.audit.record(SYSTEM_ACTOR, { action: 'sign_in_locked', entity: 'sign_in', entityId: login, after: lock });
  }
  throw new AppError('BAD_CREDENTIALS');
}
