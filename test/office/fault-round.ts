// The fault round of the office (issue 12): the headless host as a real process, several desks over
// pinned HTTPS doing a write-heavy mix with request ids, the host SIGKILLed at random moments and
// started again on the same folder and port. Afterwards the base must hold every acknowledged write
// exactly once, gapless document numbers, a clean integrity_check and an intact audit chain.
import { mkdirSync, rmSync } from 'node:fs';
import { verifyAuditChain } from '../../src/db/audit';
import { fullCheck } from '../../src/db/backup';
import type { Sqlite } from '../../src/db/connection';
import { createApp } from '../../src/server/app';
import type { AppContext } from '../../src/server/context';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';
import { seriesGaps } from '../crash/harness';
import { clientInput } from '../helpers/client-fixtures';
import { RESOURCES, tempDir, VALID_ORG } from '../helpers/temp-app';
import { FaultDesk, type Attempt, type DeskLedger, type DeskPlan } from './fault-desks';
import { freePort, HostProcess } from './host-process';

/** What a fault round measured and found. */
export interface FaultTotals {
  kills: number;
  desks: number;
  /** Writes the desks got an answer for. */
  acknowledged: number;
  /** Writes a kill fell into (sent before it, answered after the restart). */
  inFlightAtKill: number;
  /** Of those, answered from the answer the killed host had stored with the write. */
  answeredFromStore: number;
  /** Writes the desk loop sent again after the client's own retries gave up (the client's backoff should carry them all). */
  resent: number;
  lost: number;
  duplicates: number;
  gaps: number;
  /** Start-up time of the host after each kill (ms). */
  restartMs: number[];
  /** From each kill to the next write a desk got an answer for (ms): restart plus the desks' backoff. */
  resumeMs: number[];
  /** Median time per kind of write (ms) among the writes no kill fell into, with their count. */
  medianMs: Record<string, { n: number; ms: number }>;
  /** Seconds spent per phase of the round (preparing, first start and sign-in, writing and killing, the checks). */
  phases: Record<string, number>;
  /** The whole round. */
  seconds: number;
  /** What went wrong, in words (empty when everything held). */
  problems: string[];
}

/** Totals with nothing counted yet. */
export function emptyFaultTotals(): FaultTotals {
  return { kills: 0, desks: 0, acknowledged: 0, inFlightAtKill: 0, answeredFromStore: 0, resent: 0, lost: 0, duplicates: 0, gaps: 0, restartMs: [], resumeMs: [], medianMs: {}, phases: {}, seconds: 0, problems: [] };
}

const DIRECTOR = { login: 'director', password: 'Stol-Lampa-2026' };

/** Client cards with full, distinct requisites (documents need them). */
const REQUISITES = [
  { shortName: 'ООО «Вектор»', inn: '7736207543', kpp: '773601001', ogrn: '1037700013020' },
  { shortName: 'ООО «Ромашка»', inn: '7707083893', kpp: '770701001', ogrn: '1027700132195' },
  { shortName: 'ООО «Ландыш»', inn: '7702235133', kpp: '770201001', ogrn: '1027700132130' },
];

async function openApp(dataDir: string): Promise<AppContext> {
  const opened = await createApp({ dataDir, resourcesDir: RESOURCES, version: '0.0.0-fault', log: () => {} });
  if ('failure' in opened) throw new Error(`the base does not open: ${opened.failure.message}`);
  return opened.app;
}

async function closeApp(app: AppContext): Promise<void> {
  app.sessions.close();
  await app.store.close();
  await app.pdf.close();
}

/** Sets the office up in-process (the same wrapper): the director, four people and three client cards. */
async function prepare(dataDir: string): Promise<DeskPlan[]> {
  const app = await openApp(dataDir);
  try {
    const call = async <K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> => {
      const res = (await invoke(app, name, input)) as Envelope<ApiResult<K>>;
      if (res.error) throw new Error(`${name}: ${res.error.message}`);
      return res.data;
    };
    const director = await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', ...DIRECTOR } });
    const person = async (login: string, fullName: string, role: 'manager' | 'office_manager' | 'accountant') =>
      (await call('users.create', { login, fullName, position: '', role, password: DIRECTOR.password })).id;
    const anna = await person('anna', 'Смирнова Анна Сергеевна', 'manager');
    const boris = await person('boris', 'Орлов Борис Игоревич', 'manager');
    const olga = await person('olga', 'Белова Ольга Петровна', 'office_manager');
    const vera = await person('vera', 'Зайцева Вера Николаевна', 'accountant');
    const [office, annas, boriss] = await Promise.all(
      REQUISITES.map(async (r, i) => (await call('clients.create', { client: clientInput({ ...r, fullName: `Общество с ограниченной ответственностью ${r.shortName.slice(4)}` }), responsibleId: [null, anna, boris][i] ?? null })).id),
    );
    return [
      { computer: 'Стол директора', login: 'director', role: 'director', userId: director.id, clientId: office ?? 0 },
      { computer: 'Стол Анны', login: 'anna', role: 'manager', userId: anna, clientId: annas ?? 0 },
      { computer: 'Стол Бориса', login: 'boris', role: 'manager', userId: boris, clientId: boriss ?? 0 },
      { computer: 'Стол офис-менеджера', login: 'olga', role: 'office_manager', userId: olga, clientId: office ?? 0 },
      { computer: 'Стол бухгалтера', login: 'vera', role: 'accountant', userId: vera, clientId: 0 },
    ];
  } finally {
    await closeApp(app);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ackedTotal(ledger: DeskLedger): number {
  return [...ledger.acked.values()].reduce((a, b) => a + b, 0);
}

/** Waits until `ok()` or `ms` pass; true when it held. */
async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}

/** The records a write's marker finds in the base (ids), by the kind of write. */
function recordsOf(db: Sqlite, a: Attempt): { id: number; number?: string; status?: string }[] {
  switch (a.entry) {
    case 'clients.create':
      return db.prepare('SELECT id FROM clients WHERE short_name = ?').all(a.marker) as { id: number }[];
    case 'activities.create':
      return db.prepare('SELECT id FROM activities WHERE subject = ?').all(a.marker) as { id: number }[];
    case 'documents.createDraft':
    case 'documents.issue':
      return db.prepare('SELECT d.id, d.number, d.status FROM documents d JOIN document_lines l ON l.document_id = d.id WHERE l.name = ?').all(a.marker) as { id: number; number: string; status: string }[];
    case 'payments.create':
      return db.prepare('SELECT id FROM payments WHERE doc_number = ?').all(a.marker) as { id: number }[];
    default:
      throw new Error(`no check for ${a.entry}`);
  }
}

/** Every acknowledged write exactly once, with the id (and number) its answer named; nothing twice. */
export function checkWrites(db: Sqlite, attempts: Attempt[], totals: FaultTotals): void {
  for (const a of attempts) {
    const rows = recordsOf(db, a);
    const where = `${a.desk} ${a.entry} ${a.requestId}`;
    if (rows.length > 1) {
      totals.duplicates += rows.length - 1;
      totals.problems.push(`${where}: ${rows.length} records (${rows.map((r) => r.id).join(', ')})`);
    }
    if (!a.data) continue;
    const row = rows.find((r) => r.id === a.data?.id);
    const issuedAsAnswered = a.entry !== 'documents.issue' || (row?.status === 'issued' && row.number === a.data.number);
    if (!row || !issuedAsAnswered) {
      totals.lost += 1;
      totals.problems.push(`${where}: acknowledged as ${JSON.stringify(a.data)} but the base has ${JSON.stringify(rows)}`);
    }
  }
}

/** Document numbers per organisation, series and year: 1…n with no gap, n = the series' last number. */
export function checkNumbering(db: Sqlite, totals: FaultTotals): void {
  const groups = db.prepare('SELECT org_id AS org, series_key AS series, year, last_number AS last FROM number_series').all() as { org: number; series: string; year: number; last: number }[];
  for (const g of groups) {
    const numbers = (db.prepare('SELECT number_seq AS n FROM documents WHERE org_id = ? AND series_key = ? AND series_year = ? AND number_seq IS NOT NULL ORDER BY number_seq').all(g.org, g.series, g.year) as { n: number }[]).map((r) => r.n);
    const gaps = [...seriesGaps(numbers), ...(numbers.length > 0 && numbers[0] !== 1 ? [1] : [])];
    if (numbers.length !== g.last) gaps.push(g.last);
    totals.gaps += gaps.length;
    for (const gap of gaps) totals.problems.push(`numbering ${g.series} ${g.year} of org ${g.org}: gap at ${gap} (numbers ${numbers.length}, series at ${g.last})`);
  }
  const audit = (db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  for (const gap of seriesGaps(audit)) {
    totals.gaps += 1;
    totals.problems.push(`audit_log ids: gap at ${gap}`);
  }
}

/**
 * Runs the round: prepares a base, starts the host, signs five desks in once, and while they write
 * SIGKILLs the host `kills` times at random moments (each after the desks have written since its last
 * start), restarting it on the same folder and port. Then checks the base in-process.
 */
export async function runFaultRound(kills: number, opts: { onKill?: (kill: number, totals: FaultTotals) => void } = {}): Promise<FaultTotals> {
  const started = Date.now();
  const dataDir = tempDir('sdelka-fault-');
  mkdirSync(dataDir, { recursive: true });
  const totals = emptyFaultTotals();
  const phase = (name: string, since: number) => (totals.phases[name] = Math.round((Date.now() - since) / 100) / 10);
  const plans = await prepare(dataDir);
  phase('prepare', started);
  const host = new HostProcess(dataDir, await freePort());
  const ledger: DeskLedger = { attempts: [], acked: new Map() };
  const killedAt: number[] = [];
  const desks: FaultDesk[] = [];
  try {
    const firstStart = Date.now();
    await host.start();
    const connection = host.connection;
    for (const plan of plans) desks.push(new FaultDesk(plan, connection, ledger));
    for (const d of desks) await d.signIn();
    totals.desks = desks.length;
    phase('first start and sign-in', firstStart);
    const writing = Date.now();
    const loops = desks.map((d) => d.run());
    for (let k = 0; k < kills; k++) {
      // Each kill comes after the desks wrote again since the last start, at a random moment among their writes.
      const before = ackedTotal(ledger);
      if (!(await until(() => ackedTotal(ledger) >= before + 2, 120_000))) totals.problems.push(`kill ${k + 1}: the desks wrote nothing for two minutes`);
      await sleep(Math.random() * 1500);
      killedAt.push(Date.now());
      await host.kill();
      totals.kills += 1;
      totals.restartMs.push(await host.start());
      if (host.connection !== connection) totals.problems.push(`restart ${k + 1}: the connection string changed to ${host.connection}`);
      totals.acknowledged = ackedTotal(ledger);
      opts.onKill?.(k + 1, totals);
    }
    // Every desk comes back by itself, without signing in again, and writes after the last restart.
    const after = new Map(ledger.acked);
    const back = await until(() => desks.every((d) => (ledger.acked.get(d.plan.computer) ?? 0) > (after.get(d.plan.computer) ?? 0)), 120_000);
    if (!back) totals.problems.push(`after the last restart some desks wrote nothing: ${desks.map((d) => `${d.plan.computer} ${ledger.acked.get(d.plan.computer) ?? 0}`).join(', ')}`);
    for (const d of desks) d.stop();
    await Promise.all(loops);
    phase('writing and killing', writing);
  } finally {
    for (const d of desks) await d.client.close();
    await host.stop();
  }
  for (const a of ledger.attempts) if (a.refusal) totals.problems.push(`${a.desk} ${a.entry} ${a.requestId}: refused: ${a.refusal}`);
  totals.acknowledged = ledger.attempts.filter((a) => a.data).length;
  totals.resent = ledger.attempts.reduce((n, a) => n + a.resent, 0);
  for (const t of killedAt) totals.resumeMs.push(Math.min(...ledger.attempts.filter((a) => a.data && a.endedAt > t).map((a) => a.endedAt)) - t);

  const checking = Date.now();
  const app = await openApp(dataDir);
  try {
    const db = app.store.sqlite;
    if (app.recovery) totals.problems.push(`the base opened in recovery: ${app.recovery}`);
    for (const p of fullCheck(db) ?? []) totals.problems.push(`integrity: ${p}`);
    const badAudit = verifyAuditChain(db);
    if (badAudit !== null) totals.problems.push(`audit chain broken at entry ${badAudit}`);
    checkWrites(db, ledger.attempts, totals);
    checkNumbering(db, totals);
    // The writes a kill fell into, and which of them the restarted host answered from the stored answer.
    const calm = new Map<string, number[]>();
    for (const a of ledger.attempts) {
      if (!a.data || killedAt.some((t) => a.startedAt < t && t < a.endedAt)) continue;
      calm.set(a.entry, [...(calm.get(a.entry) ?? []), a.endedAt - a.startedAt]);
    }
    for (const [entry, times] of calm) totals.medianMs[entry] = { n: times.length, ms: times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0 };
    const storedAt = db.prepare('SELECT at FROM request_answers WHERE request_key LIKE ?');
    for (const a of ledger.attempts) {
      const kill = killedAt.find((t) => a.startedAt < t && t < a.endedAt);
      if (kill === undefined || !a.data) continue;
      totals.inFlightAtKill += 1;
      const stored = storedAt.get(`%:${a.requestId}`) as { at: number } | undefined;
      if (stored && stored.at < kill) totals.answeredFromStore += 1;
    }
  } finally {
    await closeApp(app);
  }
  phase('checks', checking);
  totals.seconds = Math.round((Date.now() - started) / 100) / 10;
  // A failing round keeps its folder for a look.
  if (totals.problems.length === 0) rmSync(dataDir, { recursive: true, force: true });
  else totals.problems.push(`the base is kept in ${dataDir}`);
  return totals;
}
