import { found } from './app-error';
import { LOCAL_ORIGIN, newCaller, type AppContext, type CallContext } from './context';

/** A call context acting as the demo office's person with this login (the demo fillers call handlers as people). */
export async function asDemoPerson(ctx: AppContext, login: string): Promise<CallContext> {
  const u = found(await ctx.store.users.byLogin(login), `нет сотрудника ${login}`);
  return {
    ...ctx,
    user: { id: u.id, login: u.login, fullName: u.fullName, position: u.position, role: u.role },
    actor: { userId: u.id, userName: u.fullName },
    origin: LOCAL_ORIGIN,
    caller: newCaller(),
  };
}
