import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ensureWeeklySnapshot } from '../../src/server/plans/weekly-snapshot';
import type { ApiInput, EntryName } from '../../src/shared/contract';
import { openTestApp, setUpOffice } from '../helpers/temp-app';
import { fillFiveYears, SIZE } from './plans-bench-data';

/** One line of the benchmark table (the shape of the runner's BenchRow). */
type BenchRow = { name: string; value: number; unit: string; target?: string; peer?: string; note?: string };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const ROUNDS = 30;

/**
 * The director's home dashboard over five years of an office (100k deals, 1M activities, 200k
 * payments, 20k inbound requests, plans for every month), measured at the handler through invoke();
 * also plan / fact for a year, the forecast, the week-over-week view and taking a snapshot.
 */
export async function benchPlans(): Promise<BenchRow[]> {
  const t = await openTestApp();
  try {
    await setUpOffice(t);
    const sqlite = t.app.store.sqlite;
    const t0 = performance.now();
    fillFiveYears(sqlite);
    const fillSeconds = (performance.now() - t0) / 1000;
    const payments = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'payments'").get() as { n: number };
    // Last week's picture, so the week-over-week view has something to compare.
    t.clock.now = new Date('2026-11-19T09:00:00');
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    await ensureWeeklySnapshot(t.app);
    t.clock.now = new Date('2026-11-26T09:00:00');
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    const snapshotStart = performance.now();
    await ensureWeeklySnapshot(t.app);
    const snapshotMs = performance.now() - snapshotStart;
    const open = (sqlite.prepare("SELECT count(*) AS n FROM deals WHERE outcome = 'open'").get() as { n: number }).n;

    // Wall time, and this process's CPU time: the machine may be shared, and CPU time is what the handler itself costs.
    const cpu: number[] = [];
    const time = async <K extends EntryName>(name: K, input: ApiInput<K>) => {
      await t.ok(name, input);
      const times: number[] = [];
      cpu.length = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const s = performance.now();
        const c = process.cpuUsage();
        await t.ok(name, input);
        const used = process.cpuUsage(c);
        times.push(performance.now() - s);
        cpu.push((used.user + used.system) / 1000);
      }
      return times;
    };
    const dashboard = await time('dashboard.get', {});
    const dashboardCpu = [...cpu];
    const year = await time('plans.planFact', { period: '2026' });
    const forecast = await time('forecast.get', { months: 6 });
    const week = await time('forecast.week', { months: 6 });
    const data = `${SIZE.deals / 1000}k deals (${open} open), ${SIZE.activities / 1_000_000}M activities, ${payments.n ? `${SIZE.payments / 1000}k payments` : 'no payments table yet'}, ${SIZE.managers} managers; filled in ${fillSeconds.toFixed(1)} s`;
    return [
      { name: "plans: director's dashboard, median", value: median(dashboard), unit: 'ms', target: '≤ 100 ms', note: data },
      { name: "plans: director's dashboard, p95", value: percentile(dashboard, 95), unit: 'ms', target: '≤ 100 ms' },
      { name: "plans: director's dashboard, CPU time median", value: median(dashboardCpu), unit: 'ms', note: `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores during the run` },
      { name: 'plans: plan / fact for a year, median', value: median(year), unit: 'ms' },
      { name: 'plans: forecast 6 months, median', value: median(forecast), unit: 'ms' },
      { name: 'plans: week-over-week (snapshot → now), median', value: median(week), unit: 'ms' },
      { name: 'plans: taking a snapshot', value: snapshotMs, unit: 'ms', note: `${open} open deals` },
    ];
  } finally {
    await t.close();
  }
}
