import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { invoke } from '../../src/server/invoke';
import type { BenchRow } from './bench-row';
import { median, percentile } from './bench-row';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

const DOCUMENTS = 200_000;
const WAITING = 10_000;
const MANAGERS = 20;
const CLIENTS = 2_000;
const KINDS = ['act_services', 'act_services', 'torg12', 'upd', 'act_transfer', 'invoice', 'invoice', 'invoice_factura', 'contract_supply', 'reconciliation_act'] as const;

async function timed(run: () => Promise<unknown>, rounds: number): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * 200 000 issued documents over a year for 20 managers and 2 000 clients, written straight into the
 * documents area's tables (drafts, then issued in one statement, so the signing triggers start each at
 * «выставлен»); all but 10 000 of those that need signatures end with their original back.
 */
function fill(t: TestApp): { managerId: number; build: number } {
  const sqlite = t.app.store.sqlite;
  const t0 = performance.now();
  const managers: number[] = [];
  const clients: number[] = [];
  sqlite.transaction(() => {
    const user = sqlite.prepare("INSERT INTO users (login, full_name, position, role, password_hash, created_at) VALUES (?, ?, '', 'manager', 'x', '2026-01-01') RETURNING id");
    for (let m = 0; m < MANAGERS; m++) managers.push((user.get(`bench${m}`, `Менеджер ${String(m + 1).padStart(2, '0')}`) as { id: number }).id);
    const client = sqlite.prepare(
      "INSERT INTO clients (kind, full_name, short_name, name_key, responsible_id, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, '2026-01-01', '2026-01-01', '2026-01-01') RETURNING id",
    );
    for (let c = 0; c < CLIENTS; c++) clients.push((client.get(`ООО «Клиент ${c}»`, `ООО «Клиент ${c}»`, `клиент ${c}`, managers[c % MANAGERS]) as { id: number }).id);
    const org = (sqlite.prepare('SELECT id FROM organizations LIMIT 1').get() as { id: number }).id;
    const tpl = (sqlite.prepare("INSERT INTO templates (kind, name, is_default, built_in) VALUES ('act_services', 'Бенч', 1, 0) RETURNING id").get() as { id: number }).id;
    const tv = (sqlite.prepare("INSERT INTO template_versions (template_id, version, source, created_at) VALUES (?, 1, '# Бенч', '2026-01-01') RETURNING id").get(tpl) as { id: number }).id;
    const doc = sqlite.prepare(
      `INSERT INTO documents (kind, org_id, client_id, manager_id, series_key, number_seq, series_year, number, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks,
         snapshot, pdf, pdf_sha256, template_version_id, issued_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'bench', ?, 2026, ?, ?, 'on_top', '22', ?, 0, ?, '{}', ?, 'x', ?, ?, ?, ?)`,
    );
    const pdf = Buffer.from('%PDF-1.4 bench');
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < DOCUMENTS; i++) {
      const c = Math.floor(rand() * CLIENTS);
      const day = new Date(Date.UTC(2025, 11, 1) + Math.floor(rand() * 360) * 86_400_000).toISOString().slice(0, 10);
      const amount = Math.floor(rand() * 500_000) * 100;
      doc.run(KINDS[i % KINDS.length], org, clients[c], managers[c % MANAGERS], i + 1, String(i + 1), day, amount, amount, pdf, tv, `${day}T10:00:00.000Z`, day, day);
    }
    sqlite.prepare("UPDATE documents SET status = 'issued' WHERE status = 'draft' AND series_key = 'bench'").run();
    // Everything that waits ends with its original back, but for the newest 10 000.
    const waiting = sqlite.prepare('SELECT document_id FROM document_signing_state WHERE waiting_for IS NOT NULL ORDER BY issued_on DESC, document_id DESC').all() as { document_id: number }[];
    const done = sqlite.prepare("UPDATE document_signing_state SET state = 'original_received', state_at = issued_on WHERE document_id = ?");
    for (const w of waiting.slice(WAITING)) done.run(w.document_id);
  })();
  return { managerId: managers[3], build: performance.now() - t0 };
}

/** The «Подписи» board over 200 000 documents with 10 000 waiting, measured at the handler. */
export async function benchSigning(): Promise<BenchRow[]> {
  const t = await openTestApp(undefined, new Date('2026-11-26T09:00:00Z'));
  try {
    await setUpOffice(t);
    await signInAs(t, 'head_of_sales');
    const { managerId, build } = fill(t);
    const sqlite = t.app.store.sqlite;
    sqlite.pragma('optimize');
    const waiting = (sqlite.prepare('SELECT count(*) AS n FROM document_signing_state WHERE waiting_for IS NOT NULL').get() as { n: number }).n;
    const board = async (input: object) => {
      const res = await invoke(t.app, 'signing.board', input);
      if (res.error) throw new Error(res.error.message);
      return res.data;
    };
    const all = await timed(() => board({}), 15);
    const overdue = await timed(() => board({ overdueOnly: true }), 15);
    const badge = await timed(() => invoke(t.app, 'signing.badge', {}), 30);
    const mine = await timed(() => board({ managerId }), 15);
    const note = `${DOCUMENTS} documents, ${waiting} waiting; built in ${(build / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`;
    const spread = (xs: number[]) => `min ${Math.min(...xs).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
    return [
      { name: 'signing: board, everyone (10k waiting)', value: median(all), unit: 'ms', target: '≤ 50 ms', note: `${spread(all)}; ${note}` },
      { name: 'signing: board, overdue only', value: median(overdue), unit: 'ms', target: '≤ 50 ms', note: spread(overdue) },
      { name: 'signing: board, one manager', value: median(mine), unit: 'ms', target: '≤ 50 ms', note: spread(mine) },
      { name: 'signing: nav badge', value: median(badge), unit: 'ms', note: spread(badge) },
    ];
  } finally {
    await t.close();
  }
}

