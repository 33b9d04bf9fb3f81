import { publicUser } from '../../db/repos/users-repo';
import { ROLE_TITLES, type Role } from '../../shared/roles';
import { AppError, found } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { hashPassword } from '../passwords';

/** A position left empty, or still the old role's title, follows the new role; one typed by a person stays. */
function followRole(position: string, oldPosition: string, oldRole: Role, role: Role): string {
  if (position === '') return ROLE_TITLES[role];
  if (oldRole !== role && position === oldPosition && oldPosition === ROLE_TITLES[oldRole]) return ROLE_TITLES[role];
  return position;
}

/** Настройки → Сотрудники. */
export const usersHandlers: HandlerMap<'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.signInLocks' | 'users.unlockSignIn'> = {
  async 'users.list'(_input, ctx) {
    return ctx.store.users.list();
  },

  async 'users.create'(input, ctx) {
    assertPasswordAcceptable(input.password, ctx.resourcesDir);
    const created = await ctx.store.users.create(ctx.actor, {
      login: input.login,
      fullName: input.fullName,
      // The position follows the role unless the director typed another one.
      position: input.position === '' ? ROLE_TITLES[input.role] : input.position,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    if (!created) {
      throw new AppError('CONFLICT', `Логин «${input.login}» уже занят`, [{ path: 'login', message: 'Такой логин уже есть' }]);
    }
    return publicUser(created);
  },

  async 'users.update'(input, ctx) {
    const me = ctx.user;
    if (me && me.id === input.id && (input.role !== 'director' || !input.active)) {
      // The director cannot lock themselves out of the base.
      throw new AppError('CONFLICT', 'Нельзя снять с себя роль директора или отключить свою учётную запись');
    }
    const before = found(await ctx.store.users.get(input.id), 'Сотрудник не найден');
    const updated = found(await ctx.store.users.update(ctx.actor, input.id, { ...input, position: followRole(input.position, before.position, before.role, input.role) }), 'Сотрудник не найден');
    // A person switched off or given another role signs in again on every desk (sessions carry the role).
    if (!updated.active || ctx.sessions.list().some((s) => s.user.id === updated.id && s.user.role !== updated.role)) {
      ctx.sessions.endForUser(updated.id);
    }
    return publicUser(updated);
  },

  async 'users.resetPassword'(input, ctx) {
    assertPasswordAcceptable(input.password, ctx.resourcesDir);
    const ok = await ctx.store.users.setPassword(ctx.actor, input.id, await hashPassword(input.password));
    if (!ok) throw new AppError('NOT_FOUND', 'Сотрудник не найден');
    return null;
  },

  async 'users.signInLocks'(_input, ctx) {
    return ctx.signInThrottle.locks(ctx.now());
  },

  async 'users.unlockSignIn'(input, ctx) {
    if (!ctx.signInThrottle.unlock(input.login, input.address, ctx.now())) throw new AppError('NOT_FOUND', 'Такой блокировки входа нет или она уже снята');
    await ctx.store.audit.record(ctx.actor, { action: 'sign_in_unlocked', entity: 'sign_in', entityId: input.login, after: { login: input.login, address: input.address } });
    return null;
  },
};
