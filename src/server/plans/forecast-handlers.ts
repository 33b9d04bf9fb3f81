import { isoWeek } from '../../core/index';
import type { HandlerMap } from '../handler-types';
import { viewedManager } from './access';
import { buildForecast, buildWeekDiff, monthWindow } from './forecast-build';
import { localDay } from './local-day';

/** Прогноз: open deals by month × probability, snapshots (weekly and on demand) and the week-over-week view. */
export const forecastHandlers: HandlerMap<'forecast.get' | 'forecast.snapshots' | 'forecast.takeSnapshot' | 'forecast.week'> = {
  async 'forecast.get'(input, ctx) {
    return buildForecast(ctx, monthWindow(ctx, input.months, input.fromMonth), viewedManager(ctx, input.managerId));
  },

  async 'forecast.snapshots'(_input, ctx) {
    return ctx.store.forecast.list();
  },

  async 'forecast.takeSnapshot'(_input, ctx) {
    return ctx.store.forecast.take(ctx.actor, 'manual', isoWeek(localDay(ctx.now())));
  },

  async 'forecast.week'(input, ctx) {
    return buildWeekDiff(ctx, { ...input, managerId: viewedManager(ctx, input.managerId) });
  },
};
