import { readAuditEntry } from '../audit/describe';
import { recordNames } from '../audit/record-names';
import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { refuseStale } from '../stale';
import { longWritesOf } from '../single-flight';

/** Program info, settings, the audit view. */
export const systemHandlers: HandlerMap<'system.info' | 'system.longWrites' | 'settings.get' | 'settings.update' | 'audit.list'> = {
  async 'system.info'(_input, ctx) {
    return {
      appName: 'Сделка',
      version: ctx.version,
      dataDir: ctx.dataDir,
      dbFile: ctx.store.file,
      migrations: await ctx.store.migrations(),
    };
  },

  async 'system.longWrites'(_input, ctx) {
    return longWritesOf(ctx, ctx.user?.id ?? null);
  },

  async 'settings.get'(_input, ctx) {
    const s = await ctx.store.settings.get();
    return { ...s, userCount: await ctx.store.users.count(), version: await ctx.store.settings.version() };
  },

  async 'settings.update'(input, ctx) {
    const userCount = await ctx.store.users.count();
    if (input.loginDisabled && userCount > 1) {
      throw new AppError('CONFLICT', 'Вход без пароля возможен, только когда в базе один сотрудник', [
        { path: 'loginDisabled', message: 'В базе несколько сотрудников' },
      ]);
    }
    const { version, ...next } = input;
    const s = await refuseStale(() => ctx.store.settings.update(ctx.actor, next, version));
    ctx.sessions.idleMinutes = s.idleLockMinutes;
    return { ...s, userCount, version: await ctx.store.settings.version() };
  },

  async 'audit.list'(input, ctx) {
    const firstBadId = await ctx.store.audit.verify();
    const raw = await ctx.store.audit.list(input);
    const names = await recordNames(ctx, raw);
    const entries = raw.map((e) => ({ ...e, ...readAuditEntry(e, names) }));
    return { entries, chainOk: firstBadId === null, firstBadId };
  },
};
