import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { buildWorkStats, type StatsQuery } from './stats-build';
import { workStatsWorkbook } from './stats-xlsx';

/** A manager sees their own rows and the department's totals; the heads see everyone. */
function scoped(ctx: CallContext, input: { from: string; to: string; granularity: StatsQuery['granularity']; managerId?: number }): StatsQuery {
  const user = requireUser(ctx);
  if (user.role === 'manager') return { from: input.from, to: input.to, granularity: input.granularity, rowsOnlyFor: user.id };
  return input;
}

/** Отчёты → Статистика коммерческой работы: computed from the log, never typed in. */
export const statsHandlers: HandlerMap<'workStats.get' | 'workStats.export'> = {
  async 'workStats.get'(input, ctx) {
    return buildWorkStats(ctx, scoped(ctx, input));
  },

  async 'workStats.export'(input, ctx) {
    const stats = await buildWorkStats(ctx, scoped(ctx, input));
    const bytes = await workStatsWorkbook(stats);
    return { fileName: `Статистика ${input.from} — ${input.to}.xlsx`, base64: bytes.toString('base64') };
  },
};
