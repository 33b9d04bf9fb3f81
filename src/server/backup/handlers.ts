import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { makeBackup } from './create';
import { listAllBackups, resolveBackup, secondRoot } from './layout';
import { inspectBackup, newestGoodBackup, restoreBackup } from './restore';

/** Refuses a second folder that cannot hold our copies; a write test proves it is writable. */
function assertUsableSecondDir(dir: string, dataDir: string): void {
  const inside = relative(dataDir, dir);
  if (!isAbsolute(dir) || !existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('VALIDATION', 'Папка не найдена');
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new AppError('VALIDATION', 'Вторая папка должна быть вне папки данных — лучше на другом диске');
  }
  try {
    mkdirSync(secondRoot(dir), { recursive: true });
    const probe = join(secondRoot(dir), '.write-test');
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch {
    throw new AppError('VALIDATION', 'В эту папку нельзя записывать: выберите другую');
  }
}

async function secondDirResult(ctx: CallContext) {
  return { secondDir: await ctx.store.trust.secondDir() };
}

/** Backups: list, make now, progress, inspect, restore, the second folder. */
export const backupHandlers: HandlerMap<
  | 'backup.list'
  | 'backup.create'
  | 'backup.progress'
  | 'backup.inspect'
  | 'backup.newestGood'
  | 'backup.restore'
  | 'backup.chooseSecondDir'
  | 'backup.clearSecondDir'
> = {
  async 'backup.list'(_input, ctx) {
    return {
      backups: (await listAllBackups(ctx)).map((s) => s.info),
      secondDir: await ctx.store.trust.secondDir(),
      secondDirProblem: ctx.backup.secondDirProblem,
      progress: ctx.backup.progress,
      lastError: ctx.backup.lastError,
      lastFullCheckAt: ctx.health.lastFullCheckAt,
    };
  },

  async 'backup.create'(_input, ctx) {
    return (await makeBackup(ctx, 'manual')).info;
  },

  async 'backup.progress'(_input, ctx) {
    return ctx.backup.progress;
  },

  async 'backup.inspect'(input, ctx) {
    return inspectBackup(ctx, await resolveBackup(ctx, input.id));
  },

  async 'backup.newestGood'(_input, ctx) {
    return newestGoodBackup(ctx);
  },

  async 'backup.restore'(input, ctx) {
    return restoreBackup(ctx, input.id, ctx.actor, input.auditOverrideReason ?? null);
  },

  async 'backup.chooseSecondDir'(_input, ctx) {
    if (!ctx.pickFolder) throw new AppError('CONFLICT', 'Папку можно выбрать только в окне программы');
    const dir = await ctx.pickFolder('Вторая папка для резервных копий');
    if (!dir) return secondDirResult(ctx);
    assertUsableSecondDir(dir, ctx.dataDir);
    await ctx.store.trust.setSecondDir(ctx.actor, dir);
    return secondDirResult(ctx);
  },

  async 'backup.clearSecondDir'(_input, ctx) {
    if ((await ctx.store.trust.secondDir()) !== null) await ctx.store.trust.setSecondDir(ctx.actor, null);
    return secondDirResult(ctx);
  },
};
