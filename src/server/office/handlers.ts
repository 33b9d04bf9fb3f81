import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';

/** The office: who is signed in where, ending a session, serving the LAN. */
export const officeHandlers: HandlerMap<'office.sessions' | 'office.endSession' | 'office.info' | 'office.serve'> = {
  async 'office.sessions'(_input, ctx) {
    const mine = ctx.sessions.find(ctx.caller.credential.token)?.id ?? null;
    return ctx.sessions.list().map((s) => ({
      id: s.id,
      userName: s.user.fullName,
      login: s.user.login,
      role: s.user.role,
      computer: s.computer,
      address: s.address,
      since: s.createdAt,
      lastActivity: new Date(s.lastActivity).toISOString(),
      current: s.id === mine,
    }));
  },

  async 'office.endSession'(input, ctx) {
    if (!ctx.sessions.endById(input.id)) throw new AppError('NOT_FOUND', 'Сеанс уже завершён');
    return null;
  },

  async 'office.info'(_input, ctx) {
    return ctx.officeHost.info;
  },

  async 'office.serve'(input, ctx) {
    const serve = ctx.officeHost.serve;
    if (!serve) throw new AppError('CONFLICT', 'Обслуживать офис можно только из программы на главном компьютере офиса');
    return serve(input.on, input.port);
  },
};
