import { isoWeek } from '../../core/index';
import type { SnapshotDto } from '../../shared/api/forecast-types';
import { SYSTEM_ACTOR } from '../../db/audit';
import type { AppContext } from '../context';
import { localDay } from './local-day';

const HOUR_MS = 3600_000;

/**
 * The automatic weekly snapshot: when no snapshot exists for the current ISO week (the first start
 * of the week, normally Monday), takes one. Nothing on a base in recovery, read-only or not set up.
 */
export async function ensureWeeklySnapshot(app: AppContext, now: Date = app.now()): Promise<SnapshotDto | null> {
  if (app.recovery || app.maintenance || app.store.readOnly) return null;
  if ((await app.store.users.count()) === 0) return null;
  return app.store.forecast.ensureWeek(SYSTEM_ACTOR, isoWeek(localDay(now)));
}

/** Runs the weekly snapshot now and then hourly (a program left open over the weekend takes Monday's). Returns the stop function. */
export function startWeeklySnapshots(app: AppContext, tickMs = HOUR_MS): () => void {
  const tick = () => void ensureWeeklySnapshot(app).catch((e: unknown) => app.log('Еженедельный снимок прогноза не сделан', e));
  tick();
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
