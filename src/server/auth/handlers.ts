import type { SessionUser } from '../../shared/api/auth';
import { publicUser, type UserWithHash } from '../../db/repos/users-repo';
import { STANDARD_OBJECTIONS } from '../sales/standard-objections';
import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { hashPassword, verifyPassword } from '../passwords';
import { assertPasswordAcceptable } from './password-policy';
import { checkSignIn } from './sign-in';
import { assertRequisites, OWN_ORG_REQUIRED } from '../requisites';
import { fillDemoOffice } from './demo-office';
import { endSession, startSession } from './sessions';

function sessionUser(u: UserWithHash): SessionUser {
  return { id: u.id, login: u.login, fullName: u.fullName, position: u.position, role: u.role };
}

/** Sign-in, sign-out, first-run set-up. */
export const authHandlers: HandlerMap<
  'auth.status' | 'auth.login' | 'auth.prepare' | 'auth.logout' | 'auth.ping' | 'auth.changePassword' | 'setup.complete' | 'setup.demo'
> = {
  async 'auth.status'(_input, ctx) {
    const settings = await ctx.store.settings.get();
    const needsSetup = (await ctx.store.users.count()) === 0;
    let user = ctx.user;
    const only = settings.loginDisabled ? await ctx.store.users.onlyActive() : null;
    // A base with a single person may switch the login off: that person is signed in on start.
    if (!user && only) {
      user = sessionUser(only);
      startSession(ctx, user, settings.idleLockMinutes);
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
    const u = await checkSignIn(ctx, input.login, input.password);
    const settings = await ctx.store.settings.get();
    startSession(ctx, sessionUser(u), settings.idleLockMinutes);
    ctx.pdf.warm();
    return sessionUser(u);
  },

  async 'auth.prepare'(_input, ctx) {
    ctx.pdf.warm();
    return null;
  },

  async 'auth.logout'(_input, ctx) {
    endSession(ctx);
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
    assertPasswordAcceptable(input.newPassword, ctx.resourcesDir, 'newPassword');
    await ctx.store.users.setPassword(ctx.actor, me.id, await hashPassword(input.newPassword));
    return null;
  },

  async 'setup.complete'(input, ctx) {
    if ((await ctx.store.users.count()) > 0) throw new AppError('SETUP_DONE');
    assertRequisites(input.org, { prefix: 'org.', required: OWN_ORG_REQUIRED[input.org.kind] });
    assertPasswordAcceptable(input.director.password, ctx.resourcesDir, 'director.password');
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
    startSession(ctx, sessionUser(done.user), settings.idleLockMinutes);
    return sessionUser(done.user);
  },

  async 'setup.demo'(_input, ctx) {
    if ((await ctx.store.users.count()) > 0) throw new AppError('SETUP_DONE');
    const { director, password } = await fillDemoOffice(ctx);
    const settings = await ctx.store.settings.get();
    startSession(ctx, sessionUser(director), settings.idleLockMinutes);
    return { login: publicUser(director).login, password };
  },
};
