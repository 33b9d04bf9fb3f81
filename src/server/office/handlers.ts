import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';

/** The office: who is signed in where, ending a session, serving the LAN. */
export const officeHandlers: HandlerMap<'office.sessions' | 'office.endSession' | 'office.info' | 'office.serve' | 'office.connect'> = {
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

  async 'office.connect'(input, ctx) {
    const connect = ctx.officeHost.connectDesk;
    if (!connect) throw new AppError('CONFLICT', 'Подключиться к офису можно из настольной программы; в браузере просто откройте адрес главного компьютера');
    // Only a fresh base (the set-up screen) or its director may turn this computer into a desk.
    if ((await ctx.store.users.count()) > 0 && ctx.user?.role !== 'director') throw new AppError('FORBIDDEN');
    const problem = await connect(input.connection);
    if (problem) throw new AppError('CONFLICT', problem, [{ path: 'connection', message: problem }]);
    return null;
  },

  async 'office.serve'(input, ctx) {
    const serve = ctx.officeHost.serve;
    if (!serve) throw new AppError('CONFLICT', 'Обслуживать офис можно только из программы на главном компьютере офиса');
    return serve(input.on, input.port);
  },
};
