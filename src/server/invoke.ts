import { contract, isEntryName, type ApiParsed, type EntryName } from '../shared/contract';
import { ERROR_MESSAGES, type ApiError, type Envelope, type ErrorCode } from '../shared/errors';
import { SYSTEM_ACTOR } from '../db/audit';
import { AppError } from './app-error';
import { LOCAL_ORIGIN, type AppContext, type CallContext, type CallOrigin } from './context';
import { idsOfWrite } from './change-feed';
import { handlers } from './handlers';
import { storeRefusal } from './money/errors';

function fail(code: ErrorCode, message?: string): { error: ApiError } {
  return { error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

async function run<K extends EntryName>(name: K, input: ApiParsed<K>, ctx: CallContext) {
  return handlers[name](input, ctx);
}

/**
 * The one wrapper every call goes through (IPC and the browser host alike): checks the entry,
 * the session and the role, validates the input with the contract's schema, runs the handler and
 * returns `{data}` or `{error}`. It never throws.
 */
export async function invoke(app: AppContext, name: unknown, rawInput: unknown, origin: CallOrigin = LOCAL_ORIGIN): Promise<Envelope<unknown>> {
  try {
    if (!isEntryName(name)) return fail('UNKNOWN_ENTRY');
    if (app.maintenance) return fail('BUSY');
    const def = contract[name];
    const now = app.now();
    if (app.session.isExpired(now)) {
      app.session.signOut();
      if (def.access !== 'public') return fail('SESSION_EXPIRED');
    }
    const user = app.session.user;
    if (def.access !== 'public') {
      if (!user) return fail('UNAUTHENTICATED');
      if (def.access !== 'signed_in' && !def.access.includes(user.role)) return fail('FORBIDDEN');
    }
    // A restore replaces the whole damaged base rather than writing into it: the way out of recovery.
    if (def.writes && app.store.readOnly && !def.replacesBase) return fail('READ_ONLY');
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { error: { code: 'VALIDATION', message: `${ERROR_MESSAGES.VALIDATION}: ${fields.map((f) => `${f.path || 'запрос'} — ${f.message}`).join('; ')}`, details: { fields } } };
    }
    if (user) app.session.touch(now);
    const ctx: CallContext = {
      ...app,
      user,
      actor: user ? { userId: user.id, userName: user.fullName } : SYSTEM_ACTOR,
      origin,
    };
    const data = await run(name, parsed.data as ApiParsed<typeof name>, ctx);
    if (def.writes) {
      app.changes.publish({ entry: name, area: name.split('.')[0] ?? name, ids: idsOfWrite(parsed.data, data), by: ctx.actor, at: now.toISOString() });
    }
    return { data };
  } catch (e) {
    if (e instanceof AppError) return { error: e.toApiError() };
    // The store's own refusals (a closed month's triggers) reach the person as a Russian CONFLICT.
    const refusal = storeRefusal(e);
    if (refusal) return { error: refusal };
    app.log(`Ошибка при выполнении «${String(name)}»`, e);
    return fail('INTERNAL');
  }
}
