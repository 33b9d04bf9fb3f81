import type { AppContext } from './context';

/** How often the full check (integrity_check + foreign_key_check) runs even after clean shutdowns. */
export const FULL_CHECK_INTERVAL_MS = 7 * 24 * 3600_000;

/** What the program knows about the base's health while it runs (shared by every call's context). */
export interface HealthState {
  /** The first audit entry whose link or hash is wrong, or null when the chain holds. */
  auditFirstBadId: number | null;
  lastFullCheckAt: string | null;
  /** True when the previous run did not close the base (a crash, a power cut). */
  uncleanShutdown: boolean;
}

/** A fresh health state. */
export function newHealthState(): HealthState {
  return { auditFirstBadId: null, lastFullCheckAt: null, uncleanShutdown: false };
}

/** Stops writing: the app shows the recovery screen and offers the newest good backup. */
export function enterRecovery(app: AppContext, reason: string): void {
  app.recovery = reason;
  app.store.enterReadOnly();
  app.log(`База переведена в режим только для чтения: ${reason}`);
}

/** Runs integrity_check and foreign_key_check now; a failure puts the app into recovery. Returns the problems. */
export async function runFullCheck(app: AppContext): Promise<string[] | null> {
  const problems = await app.store.trust.fullCheck();
  if (problems) {
    enterRecovery(app, `Полная проверка базы нашла ошибки: ${problems.join('; ')}`);
    return problems;
  }
  const at = app.now().toISOString();
  await app.store.trust.recordFullCheck(at);
  app.health.lastFullCheckAt = at;
  return null;
}

/** True when the last full check passed more than a week ago, or never. */
export function fullCheckDue(app: AppContext): boolean {
  const last = app.health.lastFullCheckAt;
  return last === null || app.now().getTime() - new Date(last).getTime() >= FULL_CHECK_INTERVAL_MS;
}

/**
 * The checks at start (quick_check already ran when the store opened): the audit chain always; the
 * full check after an unclean shutdown, once a week, or when asked (a base just restored).
 */
export async function checkAtStart(app: AppContext, opts: { uncleanShutdown: boolean; forceFull?: boolean }): Promise<void> {
  app.health.uncleanShutdown = opts.uncleanShutdown;
  if (app.recovery) return;
  try {
    app.health.auditFirstBadId = await app.store.audit.verify();
    if (app.health.auditFirstBadId !== null) app.log(`Цепочка журнала изменений нарушена начиная с записи № ${app.health.auditFirstBadId}`);
    app.health.lastFullCheckAt = await app.store.trust.lastFullCheckAt();
    if (opts.forceFull || opts.uncleanShutdown || fullCheckDue(app)) await runFullCheck(app);
  } catch (e) {
    enterRecovery(app, `Проверка базы при запуске не удалась: ${(e as Error).message}`);
  }
}
