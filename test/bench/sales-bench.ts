import { performance } from 'node:perf_hooks';
import { invoke } from '../../src/server/invoke';
import type { ActivityParsed } from '../../src/shared/api/sales-activities';
import { openTestApp, setUpOffice, signInAs } from '../helpers/temp-app';
import { insertClient } from '../helpers/sales-fixtures';

/** One line of the benchmark table (the same shape as bench-row's BenchRow). */
type BenchRow = { name: string; value: number; unit: string; target?: string; peer?: string; note?: string };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const MANAGERS = 20;
const ACTIVITIES = 1_000_000;
const KINDS = ['call_cold', 'call_cold', 'call_cold', 'call_followup', 'call_incoming', 'meeting', 'letter', 'proposal'] as const;

async function timeHandler(run: () => Promise<unknown>, rounds: number): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Statistics for a department of 20 managers over a year of 1M activities, measured at the handler. */
export async function benchSales(): Promise<BenchRow[]> {
  const t = await openTestApp();
  try {
    await setUpOffice(t);
    await signInAs(t, 'head_of_sales');
    const sqlite = t.app.store.sqlite;
    const managerIds: number[] = [];
    const clients: { clientId: number; contactId: number }[] = [];
    sqlite.transaction(() => {
      for (let m = 0; m < MANAGERS; m++) {
        const { id } = sqlite
          .prepare("INSERT INTO users (login, full_name, position, role, password_hash, created_at) VALUES (?, ?, '', 'manager', 'x', '2026-01-01') RETURNING id")
          .get(`bench${m}`, `Менеджер ${String(m + 1).padStart(2, '0')}`) as { id: number };
        managerIds.push(id);
        for (let c = 0; c < 25; c++) clients.push(insertClient(sqlite, `Бенч ${m}-${c}`, id));
      }
    })();
    const objectionIds = (['Это слишком дорого', 'Нам это не нужно', 'Мы работаем с конкурентами', 'Кто вы такие?'] as const).map(
      (text, i) => (sqlite.prepare('INSERT INTO objections (text, sort) VALUES (?, ?) RETURNING id').get(text, i) as { id: number }).id,
    );

    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const start = Date.UTC(2025, 11, 1);
    const t0 = performance.now();
    const batch: ActivityParsed[] = [];
    const flush = () => {
      t.app.store.sales.activities.insertManySync(batch);
      batch.length = 0;
    };
    // One bulk transaction for the whole year, statistics kept in step row by row.
    sqlite.transaction(() => {
      for (let i = 0; i < ACTIVITIES; i++) {
        const m = i % MANAGERS;
        const client = clients[m * 25 + Math.floor(rand() * 25)];
        const day = new Date(start + Math.floor(rand() * 365) * 86_400_000).toISOString().slice(0, 10);
        batch.push({
          kind: KINDS[Math.floor(rand() * KINDS.length)],
          status: rand() < 0.9 ? 'done' : 'planned',
          at: `${day}T10:00`,
          managerId: managerIds[m],
          clientId: client.clientId,
          contactId: client.contactId,
          dealId: null,
          subject: '',
          result: '',
          place: '',
          ourPerson: '',
          theirPerson: '',
          reachedKeyPerson: rand() < 0.5,
          madeContact: rand() < 0.4,
          interested: rand() < 0.2,
          meetingSet: rand() < 0.1,
          scriptVersionId: null,
          objectionIds: rand() < 0.2 ? [objectionIds[Math.floor(rand() * objectionIds.length)]] : [],
          participants: [],
          remindMinutes: null,
        });
        if (batch.length === 10_000) flush();
      }
      flush();
    })();
    const loadMs = performance.now() - t0;

    const year = { from: '2025-12-01', to: '2026-11-30' };
    const byMonth = await timeHandler(() => invoke(t.app, 'workStats.get', { ...year, granularity: 'month' }), 30);
    const byDay = await timeHandler(() => invoke(t.app, 'workStats.get', { ...year, granularity: 'day' }), 30);
    const oneManager = await timeHandler(() => invoke(t.app, 'workStats.get', { ...year, granularity: 'week', managerId: managerIds[3] }), 30);
    const write = await timeHandler(
      () =>
        invoke(t.app, 'activities.create', {
          kind: 'call_cold',
          at: '2026-11-26T10:00',
          managerId: managerIds[0],
          clientId: clients[0].clientId,
          reachedKeyPerson: true,
          objectionIds: [objectionIds[0]],
        }),
      30,
    );
    // The alternative measured against: an indexed GROUP BY over the raw log, no pre-aggregation.
    const direct = sqlite.prepare(
      "SELECT manager_id, day, count(*) AS n, sum(reached_key_person) AS k, sum(made_contact) AS c FROM activities WHERE status = 'done' AND day BETWEEN ? AND ? GROUP BY manager_id, day",
    );
    const raw = await timeHandler(async () => direct.all(year.from, year.to), 3);
    const rows = (sqlite.prepare('SELECT count(*) AS n FROM activity_day_stats').get() as { n: number }).n;
    const note = `${MANAGERS} managers, ${ACTIVITIES.toLocaleString('en')} activities, ${rows} manager-day rows`;
    return [
      { name: 'sales: load 1M activities (one transaction)', value: Math.round(loadMs), unit: 'ms', note },
      { name: 'sales: statistics, year by month, median', value: median(byMonth), unit: 'ms', target: '≤ 100 ms', peer: `GROUP BY over the raw log: ${Math.round(median(raw))} ms` },
      { name: 'sales: statistics, year by month, p95', value: percentile(byMonth, 95), unit: 'ms', target: '≤ 100 ms' },
      { name: 'sales: statistics, year by day, median', value: median(byDay), unit: 'ms', target: '≤ 100 ms' },
      { name: 'sales: statistics, year by day, p95', value: percentile(byDay, 95), unit: 'ms', target: '≤ 100 ms' },
      { name: 'sales: statistics, one manager by week, median', value: median(oneManager), unit: 'ms', target: '≤ 100 ms' },
      { name: 'sales: log a call (with audit and day stats), median', value: median(write), unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}
