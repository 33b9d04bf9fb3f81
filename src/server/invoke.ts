import { contract, isEntryName, type ApiParsed, type EntryName } from '../shared/contract';
import { ERROR_MESSAGES, type ApiError, type Envelope, type ErrorCode } from '../shared/errors';
import { SYSTEM_ACTOR } from '../db/audit';
import { AppError } from './app-error';
import type { AppContext, Caller, CallContext } from './context';
import { idsOfWrite } from './change-feed';
import { handlers } from './handlers';
import { LONG_WRITES, singleFlight } from './single-flight';
import { storeRefusal } from './money/errors';
import { REHEARSALS, Rehearsed, RehearseAgain, RENDERS_FIRST, TURN_MS, type IssueStage } from './documents/issue-stage';
import { NumberReservations } from './documents/number-reservations';
import { answerToKeep, KEEP_ANSWERS_MS, newWriter, type AnswerSource } from './request-log';

function fail(code: ErrorCode, message?: string): { error: ApiError } {
  return { error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

async function run<K extends EntryName>(name: K, input: ApiParsed<K>, ctx: CallContext) {
  return handlers[name](input, ctx);
}

/**
 * An issuing call's rehearsal outside the writer: the handler runs until its plan is rendered and stops
 * there (it writes nothing on the way). Anything else (a refusal, a bundle that waits for approval and
 * writes first) leaves it to the run in the writer, which decides with the base as it is then.
 */
async function rehearse<K extends EntryName>(name: K, input: ApiParsed<K>, ctx: CallContext, reservations: NumberReservations): Promise<IssueStage | undefined> {
  try {
    await run(name, input, { ...ctx, issueStage: { mode: 'rehearse', reservations } });
  } catch (e) {
    if (e instanceof Rehearsed) {
      // Numbers held before ours are written first, so ours is still the next one when our turn comes.
      await reservations.turn(TURN_MS);
      return { mode: 'commit', plan: e.plan };
    }
  }
  return undefined;
}

/** No stored answers (a restore: the base it would look in is about to be replaced). */
const NO_ANSWERS: AnswerSource = { find: () => null };

/** The one writer of each app: writes run in arrival order. */
const writers = new WeakMap<AppContext['store'], ReturnType<typeof newWriter>>();

function writerOf(app: AppContext): ReturnType<typeof newWriter> {
  let w = writers.get(app.store);
  if (!w) {
    w = newWriter();
    writers.set(app.store, w);
  }
  return w;
}

/**
 * The one wrapper every call goes through (IPC, the office host and the tests alike): checks the
 * entry, the caller's session and role, validates the input with the contract's schema, runs the
 * handler (writes one at a time, once per request id) and returns `{data}` or `{error}`. It never throws.
 */
export async function invoke(app: AppContext, name: unknown, rawInput: unknown, caller: Caller = app.localCaller): Promise<Envelope<unknown>> {
  try {
    if (!isEntryName(name)) return fail('UNKNOWN_ENTRY');
    if (app.maintenance) return fail('BUSY');
    const def = contract[name];
    const now = app.now();
    let session = app.sessions.find(caller.credential.token);
    if (caller.credential.token && !session) caller.credential.token = null;
    if (session && app.sessions.isExpired(session, now)) {
      app.sessions.endToken(caller.credential.token);
      caller.credential.token = null;
      session = null;
      if (def.access !== 'public') return fail('SESSION_EXPIRED');
    }
    const user = session?.user ?? null;
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
    if (session && !caller.background) app.sessions.touch(session, now);
    const ctx: CallContext = {
      ...app,
      user,
      actor: user ? { userId: user.id, userName: user.fullName, computer: caller.origin.computer } : SYSTEM_ACTOR,
      origin: caller.origin,
      caller,
    };
    if (!def.writes) return { data: await run(name, parsed.data as ApiParsed<typeof name>, ctx) };
    const userId = user?.id ?? null;
    // A call with a request id (`key`) keeps its answer in the base, in the same transaction as its writes.
    const input = parsed.data as ApiParsed<typeof name>;
    const long = LONG_WRITES[name];
    const inWriter = (key: string | null, stage: IssueStage | undefined) => {
      const work = () => run(name, input, stage ? { ...ctx, issueStage: stage } : ctx);
      if (key === null) return writerOf(app)(work);
      const token = caller.credential.token;
      // A sign-in or sign-out answers with a session the stored answer cannot carry: it is not kept.
      const keep = (result: unknown) => (caller.credential.token === token ? answerToKeep(key, userId, name, result) : null);
      const withAnswer = (w: () => Promise<unknown>) => ctx.store.requestAnswers.withAnswer(w, keep, now.getTime(), now.getTime() - KEEP_ANSWERS_MS);
      // A long import commits on a connection of its own (db/long-write.ts), which the main connection's open
      // transaction would lock out: its answer is kept right after its commit. A retry in that instant's gap
      // finds the import done (a statement answers «already imported», a long list has nothing new to write).
      if (long !== undefined) {
        return writerOf(app)(async () => {
          const result = await work();
          return withAnswer(async () => result);
        });
      }
      return writerOf(app)(() => withAnswer(work));
    };
    const write = async (key: string | null): Promise<Envelope<unknown>> => {
      let data: unknown;
      for (let round = 1; ; round++) {
        // Issuing renders its PDFs before the writer; the last round renders in it, so it always gets through.
        const reservations = new NumberReservations(ctx.store);
        try {
          const stage = RENDERS_FIRST.has(name) && round < REHEARSALS ? await rehearse(name, input, ctx, reservations) : undefined;
          data = await inWriter(key, stage);
          break;
        } catch (e) {
          if (!(e instanceof RehearseAgain)) throw e;
        } finally {
          reservations.release();
        }
      }
      // A restore ends every session and each window says so itself: a pushed change would only race its message.
      if (!def.replacesBase) app.changes.publish({ entry: name, area: name.split('.')[0] ?? name, ids: idsOfWrite(parsed.data, data), by: { userId: ctx.actor.userId, userName: ctx.actor.userName }, at: now.toISOString() });
      return { data };
    };
    const guarded = (key: string | null) => (long === undefined ? write(key) : singleFlight(app, name, long, () => write(key)));
    if (!caller.requestId) return await guarded(null);
    // A restore replaces the base itself and ends every session: its repeats are caught only while it runs.
    if (def.replacesBase) return await app.requests.once(NO_ANSWERS, caller.requestId, userId, name, () => guarded(null).catch((e: unknown) => asError(app, name, e)));
    return await app.requests.once(ctx.store.requestAnswers, caller.requestId, userId, name, (key) => guarded(key).catch((e: unknown) => asError(app, name, e)));
  } catch (e) {
    return asError(app, name, e);
  }
}

function asError(app: AppContext, name: unknown, e: unknown): { error: ApiError } {
  if (e instanceof AppError) return { error: e.toApiError() };
  // The store's own refusals (a closed month's triggers) reach the person as a Russian CONFLICT.
  const refusal = storeRefusal(e);
  if (refusal) return { error: refusal };
  app.log(`Ошибка при выполнении «${String(name)}»`, e);
  return fail('INTERNAL');
}
