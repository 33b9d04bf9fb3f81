import type { SessionUser } from '../../shared/api/auth';
import { publicUser, type UserWithHash } from '../../db/repos/users-repo';
import { STANDARD_OBJECTIONS } from '../sales/standard-objections';
import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { hashPassword, verifyPassword } from '../passwords';
import { assertRequisites, OWN_ORG_REQUIRED } from '../requisites';
import { fillDemoOffice } from './demo-office';

function sessionUser(u: UserWithHash): SessionUser {
  return { id: u.id, login: u.login, fullName: u.fullName, position: u.position, role: u.role };
}

/** Sign-in, sign-out, first-run set-up. */
export const authHandlers: HandlerMap<
  'auth.status' | 'auth.login' | 'auth.logout' | 'auth.ping' | 'auth.changePassword' | 'setup.complete' | 'setup.demo'
> = {
  async 'auth.status'(_input, ctx) {
    const settings = await ctx.store.settings.get();
    const needsSetup = (await ctx.store.users.count()) === 0;
    let user = ctx.session.user;
    const only = settings.loginDisabled ? await ctx.store.users.onlyActive() : null;
    // A base with a single person may switch the login off: that person is signed in on start.
    if (!user && only) {
      ctx.session.signIn(sessionUser(only), ctx.now(), settings.idleLockMinutes);
      user = ctx.session.user;
    }
    return {
      needsSetup,
      user,
      loginDisabled: only !== null,
      idleLockMinutes: settings.idleLockMinutes,
      mode: ctx.recovery ? 'recovery' : 'normal',
      recoveryReason: ctx.recovery,
      auditBrokenAt: user?.role === 'director' ? ctx.health.auditFirstBadId : null,
    };
  },

  async 'auth.login'(input, ctx) {
    const u = await ctx.store.users.byLogin(input.login);
    const ok = u !== null && u.active && (await verifyPassword(input.password, u.passwordHash));
    if (!u || !ok) throw new AppError('BAD_CREDENTIALS');
    const settings = await ctx.store.settings.get();
    ctx.session.signIn(sessionUser(u), ctx.now(), settings.idleLockMinutes);
    return sessionUser(u);
  },

  async 'auth.logout'(_input, ctx) {
    ctx.session.signOut();
    return null;
  },

  async 'auth.ping'() {
    return null;
  },

  async 'auth.changePassword'(input, ctx) {
    const me = ctx.user ? await ctx.store.users.get(ctx.user.id) : null;
    if (!me || !(await verifyPassword(input.oldPassword, me.passwordHash))) {
      throw new AppError('VALIDATION', 'Текущий пароль введён неверно', [{ path: 'oldPassword', message: 'Неверный пароль' }]);
    }
    await ctx.store.users.setPassword(ctx.actor, me.id, await hashPassword(input.newPassword));
    return null;
  },

  async 'setup.complete'(input, ctx) {
    if ((await ctx.store.users.count()) > 0) throw new AppError('SETUP_DONE');
    assertRequisites(input.org, { prefix: 'org.', required: OWN_ORG_REQUIRED[input.org.kind] });
    const done = await ctx.store.setup.complete(input.org, [
      {
        login: input.director.login,
        fullName: input.director.fullName,
        position: input.org.directorPosition,
        role: 'director',
        passwordHash: await hashPassword(input.director.password),
      },
    ], { limits: input.discountLimits, objections: STANDARD_OBJECTIONS });
    if (!done) throw new AppError('SETUP_DONE');
    const settings = await ctx.store.settings.get();
    ctx.session.signIn(sessionUser(done.user), ctx.now(), settings.idleLockMinutes);
    return sessionUser(done.user);
  },

  async 'setup.demo'(_input, ctx) {
    if ((await ctx.store.users.count()) > 0) throw new AppError('SETUP_DONE');
    const { director, password } = await fillDemoOffice(ctx);
    const settings = await ctx.store.settings.get();
    ctx.session.signIn(sessionUser(director), ctx.now(), settings.idleLockMinutes);
    return { login: publicUser(director).login, password };
  },
};
