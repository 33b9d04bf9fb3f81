import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyAuditChain } from '../../src/db/audit';
import { fullCheck } from '../../src/db/backup';
import { createApp } from '../../src/server/app';
import { invoke } from '../../src/server/invoke';
import { REPO, RESOURCES, tempDir } from '../helpers/temp-app';
import { ALWAYS_CHECKED_SERIES, type Call, type CrashScenario, type SeriesQuery } from './scenarios';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

/** What a crash round found, summed over its kills. */
export interface CrashTotals {
  kills: number;
  acknowledged: number;
  lost: number;
  gaps: number;
  integrityFailures: number;
  auditFailures: number;
  /** Children that stopped on their own with an error (a write path refused something). */
  childErrors: number;
  /** Human-readable descriptions of every failure (empty when all held). */
  problems: string[];
}

/** Totals with nothing counted yet. */
export function emptyTotals(): CrashTotals {
  return { kills: 0, acknowledged: 0, lost: 0, gaps: 0, integrityFailures: 0, auditFailures: 0, childErrors: 0, problems: [] };
}

/** Adds `b` into `a`. */
export function addTotals(a: CrashTotals, b: CrashTotals): CrashTotals {
  return {
    kills: a.kills + b.kills,
    acknowledged: a.acknowledged + b.acknowledged,
    lost: a.lost + b.lost,
    gaps: a.gaps + b.gaps,
    integrityFailures: a.integrityFailures + b.integrityFailures,
    auditFailures: a.auditFailures + b.auditFailures,
    childErrors: a.childErrors + b.childErrors,
    problems: [...a.problems, ...b.problems],
  };
}

/** Values that do not continue the series one by one (the first missing number of each gap). */
export function seriesGaps(values: number[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < values.length; i++) if (values[i] !== values[i - 1] + 1) gaps.push(values[i - 1] + 1);
  return gaps;
}

async function withApp<T>(dataDir: string, fn: (call: Call, app: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const app = await open(dataDir);
  try {
    async function callEntry<K extends EntryName>(entry: K, input: ApiInput<K>): Promise<ApiResult<K>> {
      const res = (await invoke(app, entry, input)) as Envelope<ApiResult<K>>;
      if (res.error) throw new Error(`${entry}: ${res.error.code} ${res.error.message}`);
      return res.data;
    }
    return await fn(callEntry, app);
  } finally {
    await app.store.close();
  }
}

async function open(dataDir: string) {
  const opened = await createApp({ dataDir, resourcesDir: RESOURCES, version: '0.0.0-crash', log: () => {} });
  if ('failure' in opened) throw new Error(`the base does not open: ${opened.failure.message}`);
  return opened.app;
}

/**
 * When a kill comes, by run: after the first acknowledged write (half the kills, so every scenario
 * reaches its write however slow it is), at a random moment after start-up, or during start-up.
 */
export type KillMoment = 'after-write' | 'after-start' | 'start-up';
const KILL_PLAN: readonly KillMoment[] = ['after-write', 'after-start', 'after-write', 'start-up'];

/** The moment of a run's kill. */
export function killMoment(run: number): KillMoment {
  return KILL_PLAN[run % KILL_PLAN.length];
}

/** Kills of `kills` that come after a write was acknowledged: the least number of writes a round must reach. */
export function minimumWrites(kills: number): number {
  return Array.from({ length: kills }, (_, run) => killMoment(run)).filter((m) => m === 'after-write').length;
}

/** Runs the child until it is killed at its run's moment; returns what it acknowledged and how it ended. */
async function runChild(dataDir: string, scenario: string, run: number, maxDelayMs: number): Promise<{ acked: string[]; error: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, scenario, String(run)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = once(child, 'close');
  // Most kills land among the writes; some during start-up (opening, checking, signing in).
  const moment = killMoment(run);
  const early = moment === 'start-up';
  const mark = moment === 'after-write' ? '\nack ' : 'ready\n';
  const ready = early ? Promise.resolve() : waitFor(() => out.includes(mark) || child.exitCode !== null);
  await Promise.race([ready, exited]);
  await Promise.race([new Promise((r) => setTimeout(r, Math.random() * (early ? 700 : maxDelayMs))), exited]);
  child.kill('SIGKILL');
  await exited;
  const lines = out.split('\n');
  const error = lines.find((l) => l.startsWith('error ')) ?? (child.signalCode !== 'SIGKILL' ? `exit ${child.exitCode}: ${err.slice(-500)}` : null);
  return { acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)), error };
}

function waitFor(ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (ok() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

function checkSeries(app: Awaited<ReturnType<typeof open>>, series: SeriesQuery[]): string[] {
  return series.flatMap((s) => {
    const values = (app.store.sqlite.prepare(s.sql).raw().all() as number[][]).map((r) => Number(r[0]));
    return seriesGaps(values).map((g) => `${s.name}: gap at ${g}`);
  });
}

/**
 * Kills a child writer `kills` times at random moments and, after each kill, reopens the base with the
 * real store and checks: every acknowledged write present, integrity_check and foreign_key_check clean,
 * the audit chain intact, every number series gapless.
 */
export async function runCrashRound(
  scenario: CrashScenario,
  kills: number,
  opts: { maxDelayMs?: number; dataDir?: string; onKill?: (totals: CrashTotals) => void } = {},
): Promise<CrashTotals> {
  const dataDir = opts.dataDir ?? tempDir(`sdelka-crash-${scenario.name}-`);
  await withApp(dataDir, (call) => scenario.prepare(call));
  const totals = emptyTotals();
  const acked: string[] = [];
  for (let run = 0; run < kills; run++) {
    const child = await runChild(dataDir, scenario.name, run, opts.maxDelayMs ?? scenario.maxDelayMs ?? 400);
    totals.kills += 1;
    totals.acknowledged += child.acked.length;
    acked.push(...child.acked);
    if (child.error) {
      totals.childErrors += 1;
      totals.problems.push(`${scenario.name} run ${run}: the writer stopped: ${child.error}`);
    }
    const failure = await withApp(dataDir, async (_call, app) => {
      const where = `${scenario.name} run ${run}`;
      if (app.recovery) {
        totals.integrityFailures += 1;
        totals.problems.push(`${where}: opened in recovery: ${app.recovery}`);
        return;
      }
      const problems = fullCheck(app.store.sqlite);
      if (problems) {
        totals.integrityFailures += 1;
        totals.problems.push(`${where}: ${problems.join('; ')}`);
      }
      const badAudit = verifyAuditChain(app.store.sqlite);
      if (badAudit !== null) {
        totals.auditFailures += 1;
        totals.problems.push(`${where}: audit chain broken at ${badAudit}`);
      }
      const gaps = checkSeries(app, [...ALWAYS_CHECKED_SERIES, ...scenario.series]);
      totals.gaps += gaps.length;
      totals.problems.push(...gaps.map((g) => `${where}: ${g}`));
      const lost = await scenario.lost(app, child.acked);
      totals.lost += lost.length;
      totals.problems.push(...lost.map((k) => `${where}: acknowledged but lost: ${k}`));
    }).catch((e: unknown) => `${scenario.name} run ${run}: ${(e as Error).message}`);
    if (typeof failure === 'string') {
      totals.integrityFailures += 1;
      totals.problems.push(failure);
    }
    opts.onKill?.(totals);
  }
  // Finally every write acknowledged over the whole round is still there.
  const lostAtEnd = await withApp(dataDir, (_call, app) => scenario.lost(app, acked));
  totals.lost += lostAtEnd.length;
  totals.problems.push(...lostAtEnd.map((k) => `${scenario.name} at the end: acknowledged but lost: ${k}`));
  // A failing round keeps its base for a look; a clean one leaves nothing behind.
  if (totals.problems.length === 0 && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  return totals;
}
