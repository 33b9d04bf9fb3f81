import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DeskClient } from '../../src/server/office/desk-client';
import { DEAL_STAGE_VALUES } from '../../src/shared/api/sales';
import { DEMO_PASSWORD } from '../../src/shared/demo';
import type { Envelope } from '../../src/shared/errors';
import { GOODS_LINES } from '../helpers/document-fixtures';
import { tempDir } from '../helpers/temp-app';
import { percentile, type BenchRow } from './bench-row';
import { longListBase64, statementBase64 } from './office-files';
import { startHostProcess } from './office-host-process';

// `npm run bench -- office [--seconds=N] [--desks=15|50]`: the headless office host (`npm run office`)
// in its own process on a demo base grown by a 3 000-client long list, and simulated desks over real
// HTTPS on 127.0.0.1 (the desks' pinned client), each signed in as a person of the demo office and
// doing that person's work: search as you type, list pages, card opens, call logging, deal moves,
// bundle issue with PDFs; the accountant imports 1C statements and the head of sales commits long
// lists while the others work. A probe desk reads a card every 50 ms to measure how long a long write
// holds the others' reads. Each round lasts 60 s unless --seconds (or SDELKA_BENCH_OFFICE_SECONDS) says;
// --profile-host=DIR leaves the host's CPU profile in DIR.
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(arg('seconds') ?? process.env.SDELKA_BENCH_OFFICE_SECONDS ?? '') || 60;
const ROUNDS = (arg('desks') ?? '15,50').split(',').map(Number).filter((n) => n > 0);
/** `--profile-host=DIR`: the host writes a CPU profile there when it stops (node --cpu-prof). */
const PROFILE_DIR = arg('profile-host');
const SEED_CLIENTS = 3000;
const STATEMENT_PAYMENTS = 1000;
const LONG_LIST_ROWS = 3000;
const QUERIES = ['строй', 'компания', 'техно', 'альфа', 'урал', 'сервис', 'список 1', 'торг'];
const MANAGERS = ['ivanov', 'kuznetsova', 'smirnov'];

type Kind = 'search' | 'list' | 'card' | 'call' | 'deal move' | 'bundle' | 'statement import' | 'long list';
const KINDS: Kind[] = ['search', 'list', 'card', 'call', 'deal move', 'bundle', 'statement import', 'long list'];
const READS: Kind[] = ['search', 'list', 'card'];
/** Host faults; any other refusal is the program's rules working (a deal already at that stage, a card without requisites). */
const FAULTS = new Set(['INTERNAL', 'BUSY', 'UNAUTHENTICATED', 'SESSION_EXPIRED', 'UNKNOWN_ENTRY', 'UNTRUSTED_SENDER']);

interface Desk {
  client: DeskClient;
  login: string;
  userId: number;
  /** The person's own clients (the heads': everyone's) and those with full requisites (demo ones). */
  clients: number[];
  billable: number[];
  deals: number[];
}

interface Window {
  kind: Kind;
  start: number;
  end: number;
}

/** Absolute milliseconds, comparable between the bench and its probe thread. */
const clock = () => performance.timeOrigin + performance.now();
const today = () => new Date().toISOString().slice(0, 10);
const nowMinute = () => new Date().toISOString().slice(0, 16);
const pick = <T>(xs: T[], i: number): T | undefined => xs[Math.abs(i) % Math.max(1, xs.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function must<T>(d: DeskClient, name: string, input: unknown): Promise<T> {
  const res = await d.call(name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as T;
}

type DemoClient = { id: number; responsibleId: number | null };

/** The demo office grown by a long list of SEED_CLIENTS companies shared among the managers; the demo clients whose requisites allow documents. */
async function seed(connection: string): Promise<{ demoClients: DemoClient[] }> {
  const setup = new DeskClient({ connection, computer: 'bench-setup', version: '0.0.0-bench', retryForMs: 0 });
  try {
    await must(setup, 'setup.demo', {});
    await must(setup, 'auth.login', { login: 'director', password: DEMO_PASSWORD });
    const demo = await must<{ rows: DemoClient[] }>(setup, 'clients.list', { scope: 'all', limit: 500 });
    const billable: DemoClient[] = [];
    for (const c of demo.rows) {
      const card = await must<{ kind: string; kpp: string; accounts: { bik: string; account: string }[]; contacts: unknown[] }>(setup, 'clients.get', { id: c.id });
      if (card.accounts.some((a) => a.bik && a.account) && (card.kind !== 'legal' || card.kpp) && card.contacts.length) billable.push(c);
    }
    const users = await must<{ id: number; login: string }[]>(setup, 'users.list', {});
    const per = Math.ceil(SEED_CLIENTS / MANAGERS.length);
    for (const [i, login] of MANAGERS.entries()) {
      const ownerId = users.find((u) => u.login === login)?.id;
      const dataBase64 = longListBase64(100_000 + i * per, per);
      const preview = await must<{ mapping: unknown; rows: { row: number; category: string }[] | null }>(setup, 'clients.importPreview', { fileName: 'seed.csv', dataBase64, ownerId });
      const decisions = (preview.rows ?? []).filter((r) => r.category === 'new').map((r) => ({ row: r.row, decision: 'create' }));
      await must(setup, 'clients.importCommit', { fileName: 'seed.csv', dataBase64, mapping: preview.mapping, ownerId, decisions });
    }
    return { demoClients: billable };
  } finally {
    await setup.close();
  }
}

/** Who sits at desk `i`: the accountant, the head of sales, the office manager and the director first, then managers. */
function loginOf(i: number): string {
  return ['volkova', 'morozova', 'pavlova', 'director'][i] ?? MANAGERS[i % MANAGERS.length] ?? 'ivanov';
}

async function openDesk(connection: string, i: number, demoClients: DemoClient[]): Promise<Desk> {
  const login = loginOf(i);
  const client = new DeskClient({ connection, computer: `Стол ${i + 1}`, version: '0.0.0-bench', retryForMs: 0 });
  const me = await must<{ id: number }>(client, 'auth.login', { login, password: DEMO_PASSWORD });
  // A desk that has been working holds its connections: a card open's three parallel calls find them open.
  await Promise.all([1, 2, 3].map(() => must(client, 'auth.ping', {})));
  const mine = MANAGERS.includes(login);
  const list = await must<{ rows: { id: number }[] }>(client, 'clients.list', { scope: mine ? 'mine' : 'all', limit: 200 });
  const deals = login === 'volkova' || login === 'pavlova' ? [] : await must<{ id: number }[]>(client, 'deals.list', { ...(mine ? { managerId: me.id } : {}), outcome: 'open' });
  const billable = demoClients.filter((c) => !mine || c.responsibleId === me.id).map((c) => c.id);
  return { client, login, userId: me.id, clients: list.rows.map((r) => r.id), billable, deals: deals.map((d) => d.id) };
}

async function round(desks: number): Promise<BenchRow[]> {
  const dir = tempDir('sdelka-bench-office-');
  mkdirSync(join(dir, 'data'));
  const host = await startHostProcess(join(dir, 'data'), PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  const made: Desk[] = [];
  let probe: Worker | null = null;
  try {
    const { demoClients } = await seed(host.connection);
    for (let i = 0; i < desks; i++) made.push(await openDesk(host.connection, i, demoClients));
    // The long writes' files are made before the clock starts: the bench loop then only sends them.
    const statements = [1, 2].map((k) => statementBase64(k, STATEMENT_PAYMENTS, today()));
    const lists = [1, 2].map((k) => longListBase64(1_000_000 + k * LONG_LIST_ROWS, LONG_LIST_ROWS));
    const worker = new Worker(new URL('./office-probe-worker.ts', import.meta.url), { workerData: { connection: host.connection, clientId: demoClients[0]?.id ?? 1 } });
    probe = worker;
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });

    const times = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
    const errors = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    const refusals = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    const firstError: Partial<Record<Kind, string>> = {};
    const firstRefusal: Partial<Record<Kind, string>> = {};
    const windows: Window[] = [];
    const started = performance.now();
    const until = started + SECONDS * 1000;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();

    const timed = async (kind: Kind, fn: () => Promise<Envelope<unknown>>, long = false): Promise<Envelope<unknown>> => {
      const t0 = clock();
      const res = await fn();
      const t1 = clock();
      times[kind].push(t1 - t0);
      if (long) windows.push({ kind, start: t0, end: t1 });
      if (res.error && FAULTS.has(res.error.code)) {
        errors[kind] += 1;
        firstError[kind] ??= `${res.error.code}: ${res.error.message.slice(0, 120)}`;
      } else if (res.error) {
        refusals[kind] += 1;
        firstRefusal[kind] ??= `${res.error.code}: ${res.error.message.slice(0, 120)}`;
      }
      return res;
    };
    const think = (base: number) => sleep(base + Math.floor(Math.random() * base));

    /** What every seat does now and then: type a search, page a list, open a card. */
    const browse = async (d: Desk, i: number) => {
      const q = pick(QUERIES, i + d.userId) ?? 'строй';
      for (let n = 3; n <= q.length; n += 2) {
        await timed('search', () => d.client.call('clients.search', { query: q.slice(0, n) }));
        await sleep(120);
      }
      await timed('list', () => d.client.call('clients.list', { scope: MANAGERS.includes(d.login) ? 'mine' : 'all', offset: (i % 5) * 50, limit: 50 }));
      const id = pick(d.clients, i * 7 + d.userId);
      if (id) {
        await Promise.all([
          timed('card', () => d.client.call('clients.get', { id })),
          timed('card', () => d.client.call('clients.timeline', { clientId: id })),
          timed('card', () => d.client.call('deals.list', { clientId: id })),
        ]);
      }
    };
    const bundle = (d: Desk, clientId: number) =>
      timed('bundle', () =>
        d.client.call('documents.bundle', {
          orgId: 1,
          clientId,
          dealId: null,
          docDate: today(),
          contractKind: 'contract_supply',
          vatMode: 'on_top',
          vatRate: '22',
          lines: GOODS_LINES,
          terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 },
          include: { offer: true },
        }),
      );
    const moveDeal = (d: Desk, i: number) => {
      const id = pick(d.deals, i + d.userId);
      const stage = pick([...DEAL_STAGE_VALUES].slice(0, 6), i);
      return id && stage ? timed('deal move', () => d.client.call('deals.move', { id, stage, note: '' })) : Promise.resolve();
    };

    const persona = async (d: Desk, n: number) => {
      let statementsDone = 0;
      let listsDone = 0;
      // Each desk starts at its own step of its routine: people do not all print a bundle in the same second.
      for (let i = n; performance.now() < until; i++) {
        const elapsed = (performance.now() - started) / (SECONDS * 1000);
        if (d.login === 'volkova') {
          await timed('list', () => d.client.call('payments.list', { offset: 0, limit: 50 }));
          // Two statements a round, at a quarter and at two thirds of it.
          const base64 = statements[statementsDone];
          if (base64 && elapsed > ([0.25, 0.66][statementsDone] ?? 1)) {
            statementsDone += 1;
            const fileName = `выписка-${statementsDone}.txt`;
            const preview = await d.client.call('payments.importPreview', { fileName, base64, overrides: [] });
            if (preview.error) throw new Error(`payments.importPreview: ${preview.error.message}`);
            await timed('statement import', () => d.client.call('payments.importCommit', { fileName, base64, overrides: [] }), true);
          }
        } else if (d.login === 'morozova') {
          await browse(d, i);
          if (i % 2 === 0) await moveDeal(d, i);
          // Two long lists a round, at 45 % and at 85 % of it.
          const dataBase64 = lists[listsDone];
          if (dataBase64 && elapsed > ([0.45, 0.85][listsDone] ?? 1)) {
            listsDone += 1;
            const ownerId = d.userId;
            const preview = await must<{ mapping: unknown; rows: { row: number; category: string }[] | null }>(d.client, 'clients.importPreview', { fileName: 'list.csv', dataBase64, ownerId });
            const decisions = (preview.rows ?? []).filter((r) => r.category === 'new').map((r) => ({ row: r.row, decision: 'create' }));
            await timed('long list', () => d.client.call('clients.importCommit', { fileName: 'list.csv', dataBase64, mapping: preview.mapping, ownerId, decisions }), true);
          }
        } else if (d.login === 'pavlova') {
          await timed('list', () => d.client.call('documents.list', { offset: 0, limit: 50 }));
          const clientId = pick(d.billable, i + n);
          if (clientId && i % 3 === 0) await bundle(d, clientId);
        } else {
          await browse(d, i);
          const clientId = pick(d.clients, i + n);
          if (clientId && d.login !== 'director' && i % 3 === 0) {
            await timed('call', () =>
              d.client.call('activities.create', { kind: 'call_followup', status: 'done', at: nowMinute(), managerId: d.userId, clientId, subject: 'Звонок', result: 'Обсудили поставку стеллажей' }),
            );
          }
          if (i % 4 === 1) await moveDeal(d, i);
          const billable = pick(d.billable, i + n);
          if (billable && d.login !== 'director' && i % 10 === 5) await bundle(d, billable);
        }
        await think(250);
      }
    };
    await Promise.all(made.map((d, n) => persona(d, n)));
    loop.disable();
    // The probe runs until every desk is done, so a long write that ends after the clock still has probes around it.
    const probes = await new Promise<{ start: number; end: number }[]>((resolve) => {
      worker.once('message', (m: { calls: { start: number; end: number }[] }) => resolve(m.calls));
      worker.postMessage('stop');
    });
    return rowsOf(desks, { times, errors, refusals, firstError, firstRefusal, windows, probes, benchLoopMaxMs: loop.max / 1e6 });
  } finally {
    for (const d of made) await d.client.close();
    await probe?.terminate();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Measured {
  times: Record<Kind, number[]>;
  errors: Record<Kind, number>;
  refusals: Record<Kind, number>;
  firstError: Partial<Record<Kind, string>>;
  firstRefusal: Partial<Record<Kind, string>>;
  windows: Window[];
  probes: { start: number; end: number }[];
  benchLoopMaxMs: number;
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

function rowsOf(desks: number, m: Measured): BenchRow[] {
  const small = desks <= 15;
  const readGoal = small ? 'p95 ≤ 50 ms' : 'p95 ≤ 150 ms';
  const goals: Partial<Record<Kind, string>> = { search: readGoal, list: readGoal, card: readGoal, bundle: small ? 'p95 ≤ 500 ms' : undefined };
  const rows: BenchRow[] = [];
  let calls = 0;
  let errors = 0;
  for (const kind of KINDS) {
    const xs = m.times[kind];
    if (!xs.length) continue;
    calls += xs.length;
    errors += m.errors[kind];
    const extra = [m.firstError[kind] && `first error ${m.firstError[kind]}`, m.refusals[kind] && `${m.refusals[kind]} refused by rules (first: ${m.firstRefusal[kind]})`].filter(Boolean).join('; ');
    rows.push({
      name: `office ${desks} desks: ${kind}`,
      value: percentile(xs, 95),
      unit: 'ms p95',
      target: goals[kind],
      note: `p50 ${fmt(percentile(xs, 50))}, p99 ${fmt(percentile(xs, 99))}, max ${fmt(Math.max(...xs))} ms; ${xs.length} calls (${(xs.length / SECONDS).toFixed(1)}/s), ${m.errors[kind]} errors${extra ? `; ${extra}` : ''}`,
    });
  }
  const reads = READS.flatMap((k) => m.times[k]);
  rows.push({ name: `office ${desks} desks: all reads`, value: percentile(reads, 95), unit: 'ms p95', target: readGoal, note: `p50 ${fmt(percentile(reads, 50))}, p99 ${fmt(percentile(reads, 99))} ms; ${reads.length} reads` });
  rows.push({ name: `office ${desks} desks: errors`, value: errors, unit: 'errors', target: '0 errors', note: `${calls} calls in ${SECONDS} s = ${(calls / SECONDS).toFixed(1)} calls/s` });
  // The longest a read waited while a long write ran: the probe's slowest card open overlapping each write.
  for (const kind of ['statement import', 'long list'] as const) {
    const ws = m.windows.filter((w) => w.kind === kind);
    if (!ws.length) continue;
    const stalls = ws.map((w) => Math.max(0, ...m.probes.filter((p) => p.start < w.end && p.end > w.start).map((p) => p.end - p.start)));
    const size = kind === 'statement import' ? `${STATEMENT_PAYMENTS} payments` : `${LONG_LIST_ROWS} clients`;
    rows.push({
      name: `office ${desks} desks: longest read during a ${kind} (${size})`,
      value: Math.max(...stalls),
      unit: 'ms',
      target: '≤ ~100 ms',
      note: `each: ${stalls.map(fmt).join(', ')} ms; the write took ${ws.map((w) => fmt(w.end - w.start)).join(', ')} ms`,
    });
  }
  const quiet = m.probes.filter((p) => !m.windows.some((w) => p.start < w.end && p.end > w.start)).map((p) => p.end - p.start);
  if (quiet.length) {
    rows.push({
      name: `office ${desks} desks: probe card open outside long writes`,
      value: percentile(quiet, 99),
      unit: 'ms p99',
      note: `p50 ${fmt(percentile(quiet, 50))}, max ${fmt(Math.max(...quiet))} ms; the bench process's own event loop stalled at most ${fmt(m.benchLoopMaxMs)} ms (client-side noise)`,
    });
  }
  return rows;
}

/** The office under 15 and 50 simulated desks. */
export async function benchOffice(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const desks of ROUNDS) rows.push(...(await round(desks)));
  rows.push({ name: 'office: conditions', value: SECONDS, unit: 's a round', note: `host in its own process (npm run office), desks over HTTPS on 127.0.0.1 from one bench process, think time 250–500 ms, each desk starting at its own step of its routine; ${SEED_CLIENTS} + demo clients` });
  return rows;
}
