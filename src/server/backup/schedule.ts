import type { BackupInfo } from '../../shared/api/backup';
import type { AppContext } from '../context';
import { fullCheckDue, runFullCheck } from '../health';
import { cloneBackup, makeBackup } from './create';
import { listKind, primaryRoot, secondRoot, type BackupSource } from './layout';
import { rotate } from './rotation';

const HOUR_MS = 3600_000;
/** A daily copy is due when the newest is older than this (a day, less an hour of slack for the timer). */
export const DAILY_DUE_MS = 23 * HOUR_MS;
/** A weekly copy is due when the newest weekly is older than this. */
export const WEEKLY_DUE_MS = 7 * 24 * HOUR_MS - HOUR_MS;
/** How often the running program looks whether something is due. */
export const SCHEDULE_TICK_MS = HOUR_MS;

function age(app: AppContext, src: BackupSource | undefined): number {
  return src ? app.now().getTime() - new Date(src.info.createdAt).getTime() : Number.POSITIVE_INFINITY;
}

/** Promotes today's daily copy to weekly and monthly when those are due, in the data folder and the second one. */
async function promote(app: AppContext, daily: BackupSource): Promise<void> {
  const root = primaryRoot(app.dataDir);
  const month = (iso: string) => iso.slice(0, 7);
  const weekly = age(app, listKind(root, 'primary', 'weekly')[0]) >= WEEKLY_DUE_MS;
  const lastMonthly = listKind(root, 'primary', 'monthly')[0];
  const monthly = !lastMonthly || month(lastMonthly.info.createdAt) !== month(daily.info.createdAt);
  const second = await app.store.trust.secondDir();
  for (const [kind, due] of [['weekly', weekly], ['monthly', monthly]] as const) {
    if (!due) continue;
    await cloneBackup(daily, root, 'primary', kind);
    rotate(root, 'primary', kind);
    if (!second) continue;
    const there = listKind(secondRoot(second), 'second', 'daily').find((s) => s.info.createdAt === daily.info.createdAt);
    if (there) {
      await cloneBackup(there, secondRoot(second), 'second', kind).catch((e: unknown) => app.log('Копия во второй папке не создана', e));
      rotate(secondRoot(second), 'second', kind);
    }
  }
}

/** What one run of the schedule did. */
export interface ScheduleRun {
  daily: BackupInfo | null;
  fullCheck: 'passed' | 'failed' | 'not-due';
}

/**
 * The daily duties, called at start and then on a timer: a daily backup when the newest is a day old
 * (then weekly and monthly ones from it, rotated 7 / 4 / 12), and the weekly full check of the base.
 * Nothing runs on a damaged base (its copies would push good ones out) or an empty one.
 */
export async function runScheduledDuties(app: AppContext): Promise<ScheduleRun> {
  const run: ScheduleRun = { daily: null, fullCheck: 'not-due' };
  if (app.recovery || app.maintenance || app.backup.running) return run;
  if (fullCheckDue(app)) run.fullCheck = (await runFullCheck(app)) ? 'failed' : 'passed';
  if (app.recovery || (await app.store.users.count()) === 0) return run;
  if (age(app, listKind(primaryRoot(app.dataDir), 'primary', 'daily')[0]) < DAILY_DUE_MS) return run;
  const daily = await makeBackup(app, 'daily');
  await promote(app, daily);
  run.daily = daily.info;
  return run;
}

/** Starts the schedule: a run now, then one every `tickMs`. Returns the function that stops it. */
export function startBackupSchedule(app: AppContext, tickMs = SCHEDULE_TICK_MS): () => void {
  const tick = () => void runScheduledDuties(app).catch((e: unknown) => app.log('Плановая резервная копия не создана', e));
  tick();
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
