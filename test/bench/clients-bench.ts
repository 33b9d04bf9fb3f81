// Clients benchmark: reconciling a 50k-row long list against 100k clients, the instant search at
// the handler, and how many rows the virtualised list keeps in Chromium's DOM with 100k clients.
import { rmSync } from 'node:fs';
import { buildClientIndex, matchKeysOf, readImportRow, reconcile, suggestMapping, toCandidate } from '../../src/core';
import { createApp } from '../../src/server/app';
import type { AppContext } from '../../src/server/context';
import { invoke } from '../../src/server/invoke';
import { RESOURCES, tempDir, VALID_ORG } from '../helpers/temp-app';
import { percentile, type BenchRow } from './bench-row';
import { innFor, longListCsv, rng, syntheticClients, writeClients } from './clients-bench-data';
import { listDomRows } from './clients-bench-dom';

// BENCH_CLIENTS_SCALE=0.2 runs a fifth of the sizes on a machine too busy for the full run (the rows say which sizes ran).
const SCALE = Number(process.env.BENCH_CLIENTS_SCALE ?? '1');
const BASE = Math.round(100_000 * SCALE);
const LIST = Math.round(50_000 * SCALE);
const SEARCHES = 400;
const NEW_ROWS = Math.round(30_000 * SCALE);

async function must(app: AppContext, name: string, input: unknown): Promise<unknown> {
  const res = await invoke(app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data;
}

async function office(dir: string): Promise<{ app: AppContext; owners: number[] }> {
  const opened = await createApp({ dataDir: dir, resourcesDir: RESOURCES, version: 'bench', log: () => {} });
  if ('failure' in opened) throw new Error(opened.failure.message);
  const app = opened.app;
  await must(app, 'setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  const owners: number[] = [];
  for (const login of ['ivanov', 'petrova', 'sidorov', 'kuznetsova']) {
    const u = await app.store.users.create({ userId: null, userName: 'bench' }, { login, fullName: login, position: '', role: 'manager', passwordHash: 'x' });
    if (u) owners.push(u.id);
  }
  return { app, owners };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** A long list of 30k companies none of which the base has (numbered from `from`), previewed, then committed with «add» on every new row. */
async function commitLongList(app: AppContext, from: number, between: () => Promise<void>): Promise<{ ms: number; cpu: number; created: number }> {
  const lines = ['Наименование;ИНН;Телефон;E-mail;Регион'];
  for (let i = 0; i < NEW_ROWS; i++) lines.push(`ООО «Свежая компания ${from + i}»;${innFor(from + i)};;sales@fresh${from + i}.example;Казань`);
  const dataBase64 = Buffer.from(lines.join('\r\n')).toString('base64');
  const fileName = `fresh-${from}.csv`;
  const preview = (await must(app, 'clients.importPreview', { fileName, dataBase64 })) as { mapping: unknown; rows: { row: number; category: string }[] | null };
  const decisions = (preview.rows ?? []).filter((r) => r.category === 'new').map((r) => ({ row: r.row, decision: 'create' }));
  await between();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = (await must(app, 'clients.importCommit', { fileName, dataBase64, mapping: preview.mapping, decisions })) as { created: number };
  return { ms: performance.now() - t0, cpu: cpuMs(cpu0), created: out.created };
}

/** The long-list commit right after its preview, and again (another list) after another desk wrote to the base in between. */
async function importCommitRows(app: AppContext): Promise<BenchRow[]> {
  const quiet = await commitLongList(app, 300_000, async () => {});
  const busy = await commitLongList(app, 400_000, async () => {
    app.store.sqlite.prepare("INSERT INTO client_sources (name, kind, created_at) VALUES ('Выставка «Склад-2026»', 'event', '2026-12-07')").run();
  });
  return [
    {
      name: `clients: long-list import commit, ${NEW_ROWS / 1000}k new clients into ${BASE / 1000}k`,
      value: Math.round(quiet.ms),
      unit: 'ms',
      target: '≤ 1500 ms',
      note:
        `${quiet.created} created; CPU ${Math.round(quiet.cpu)} ms. The commit right after its preview, nothing written to the base in between: the file as ` +
        'its preview read it (kept by SHA-256), its rows as read with the mapping and its matching (kept while the base\'s write stamp is unchanged), then written. ' +
        'Same write path as above plus the history line, the owner log and the report row per client, on its own connection in one transaction, 250 rows a chunk ' +
        'with a turn of the event loop between (other desks read the committed base meanwhile), «Записано N из M» through system.longWrites; new clients indexed ' +
        'in one statement at the end. Second session: client rows bound by position and the two-letter prefix index only (≈ 4.3 → 3.0 s); building the indexes ' +
        'again at the end measured slower at 30k into 100k (3.3 s). Third session: a run of created rows writes its clients, their channels, owner log, history lines ' +
        'and the chunk\'s report rows many to a statement (one-row inserts paid SQLite\'s AUTOINCREMENT sequence per row): 2.9 → 2.0–2.2 s; the rows read with ' +
        'the mapping and the matching kept from the preview: → 1.6–1.8 s. Left (CPU per statement): client rows into the base\'s 6 indexes ≈ 0.39 s, history ' +
        'lines 0.23, search index 0.21, report rows 0.14, e-mails 0.12, owner log 0.09, COMMIT ≈ 0.25–0.3 s. Fourth session: SQLite\'s automatic checkpoint ' +
        '(copying the 65 MB WAL into the base file, ≈ 0.2 s) ran inside this COMMIT; writers no longer checkpoint themselves, the store does it a moment ' +
        'after, between calls (src/db/checkpoints.ts); the report row keeps the row as read without empty or worked-out values (WAL 65 → 54 MB): ' +
        `1.6–1.7 → 1.4–1.5 s. ${quiet.ms <= 1500 ? 'Reached' : 'Not reached'} in this run`,
    },
    {
      name: `clients: the same, another desk wrote between preview and commit (${NEW_ROWS / 1000}k into ${(BASE + NEW_ROWS) / 1000}k)`,
      value: Math.round(busy.ms),
      unit: 'ms',
      note: `${busy.created} created; CPU ${Math.round(busy.cpu)} ms; the base changed after the preview, so the commit matches the list against it again`,
    },
  ];
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Runs the clients benchmarks and returns their rows for the table. */
export async function benchClients(): Promise<BenchRow[]> {
  const dir = tempDir('sdelka-bench-clients-');
  const rows: BenchRow[] = [];
  try {
    const { app, owners } = await office(dir);
    const base = syntheticClients(BASE, owners);
    const fillCpu0 = process.cpuUsage();
    const fill = time(() => writeClients(app, base));
    const fillCpu = cpuMs(fillCpu0);
    rows.push({
      name: `clients: write ${BASE / 1000}k clients in one transaction (the import's write path)`,
      value: Math.round(fill.ms),
      unit: 'ms',
      target: '≤ 3000 ms',
      note:
        `CPU ${Math.round(fillCpu)} ms. Profile (--cpu-prof and CPU per statement on 20–30k): the per-row FTS5 trigger cost ≈ 80 µs a client, because a trigger ` +
        'makes each INSERT open a statement journal and FTS5 flushes its pending terms at every statement savepoint (one tiny segment per client, merged again and again). ' +
        'Now the bulk path drops the insert trigger for its transaction and indexes the new clients in one INSERT…SELECT at its end (≈ 14 µs a client; prefix 2/3/4 is half of it, ' +
        'the ascii tokenizer would save < 10%). Left per client: the row with its 6 indexes ≈ 28 µs, phone + e-mail rows ≈ 20 µs, search words + name key in JS ≈ 12 µs. ' +
        'Last pass: search words by a scan of character codes (≈ 12 → 5–8 µs a client); a load at least as large as the base drops the secondary indexes of clients, phones and ' +
        'e-mails for its transaction and builds them once at the end (≈ −0.9 s CPU per 100k); FTS5 does not merge during the batched insert (≈ −0.3 s). ' +
        'perf: SQLite\'s own work is about two thirds of what is left. ' +
        'This round: the client row bound by position, not by 24 names (≈ −0.4 s per 100k: binding named parameters cost more than the row\'s insert); ' +
        'the search index keeps two-letter prefixes only (clients/0007; ≈ −0.35 s, the slowest prefix query measured «791*» 0.6 → 2.8 ms on 100k); ' +
        'the synthetic clients are made before the clock starts (≈ 0.33 s of the old figure was making test data). ' +
        'Third session (2026-12-07, CPU per statement): every client table has AUTOINCREMENT, and SQLite reads and writes the sequence once per ' +
        'statement: a one-row insert into the phones table cost 6.3 µs against 2 µs at 50 rows a statement (plain table: 3.3 µs). Clients, phones, ' +
        'e-mails, accounts and key persons now go 500 to an INSERT (ids and rows as one by one: test/server/clients-bulk-write.test.ts): ≈ 4.7 → 3.85 s. ' +
        'Left: the client rows themselves ≈ 0.8 s (24 values bound a row, 40 MB of records), search index ≈ 0.68 s, building 11 indexes ≈ 0.5 s, ' +
        'COMMIT with fsync ≈ 0.5 s, phones and e-mails ≈ 0.4 s, search words and name keys in JS ≈ 0.6 s. A larger page cache and ' +
        'detail=column/none for the search index measured no better. Fourth session: the automatic checkpoint no longer runs inside the COMMIT ' +
        '(the store copies the WAL a moment after; ≈ −0.25 s): 3.7 → 3.4–3.5 s. Left as above; a 256 MB page cache for the write ≈ −0.1 s, not kept. ' +
        `${fill.ms <= 3000 ? 'Reached' : 'Not reached'} in this run`,
    });

    const csv = longListCsv(LIST, base);
    const dataBase64 = Buffer.from(csv).toString('base64');
    const t0 = performance.now();
    const preview = (await must(app, 'clients.importPreview', { fileName: 'long-list.csv', dataBase64 })) as { counts: Record<string, number> };
    const previewMs = performance.now() - t0;
    rows.push({
      name: `clients: reconcile ${LIST / 1000}k-row CSV against ${BASE / 1000}k clients (importPreview, end to end)`,
      value: Math.round(previewMs),
      unit: 'ms',
      target: '≤ 5000 ms',
      note: Object.entries(preview.counts).map(([k, v]) => `${k} ${v}`).join(', '),
    });

    // The pure matcher alone, on rows already read: what the reconciliation itself costs.
    const lines = csv.split('\r\n').map((l) => l.split(';'));
    const mapping = suggestMapping(lines[0]);
    const candidates = lines.slice(1).map((cells, i) => toCandidate(readImportRow(cells, i + 2, mapping)));
    const m0 = performance.now();
    const matchables = await app.store.clientList.matchablesFor(matchKeysOf(candidates));
    const loadMs = performance.now() - m0;
    const core = time(() => reconcile(candidates, buildClientIndex(matchables), { ownerFor: () => owners[0], ownerName: () => '' }));
    rows.push({
      name: 'clients: of which matching alone (core: index + categories)',
      value: Math.round(core.ms),
      unit: 'ms',
      note: `${core.value.length} rows; ${matchables.length} clients of the base share a key with the list, loaded in ${Math.round(loadMs)} ms`,
    });

    await must(app, 'auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    rows.push(...(await importCommitRows(app)));
    const r = rng(11);
    const queries: string[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const c = base[Math.floor(r() * base.length)];
      const kind = i % 4;
      if (kind === 0) queries.push(c.shortName.replace(/^\S+ «/, '').slice(0, 3 + (i % 4)).toUpperCase());
      else if (kind === 1) queries.push(c.inn);
      else if (kind === 2) queries.push(c.phones[0]?.value.replace('+7', '8').slice(0, 9 + (i % 5)) ?? c.inn);
      else queries.push(c.shortName.replace(/^\S+ «/, '').split(/[ -]/).slice(0, 2).join(' ').toLowerCase());
    }
    const times: number[] = [];
    for (const q of queries) {
      const s0 = performance.now();
      await must(app, 'clients.search', { query: q, limit: 12 });
      times.push(performance.now() - s0);
    }
    rows.push({
      name: `clients: search at the handler, ${BASE / 1000}k clients (p95 of ${SEARCHES})`,
      value: Number(percentile(times, 95).toFixed(2)),
      unit: 'ms',
      target: '≤ 20 ms',
      note: `p50 ${percentile(times, 50).toFixed(2)} ms; names, ИНН, phones`,
    });
    await app.store.close();

    // The browser part needs `electron-vite build` and Chromium; without them the rows above still print.
    const dom = await listDomRows(dir).catch((e: unknown) => ({ maxRows: Number.NaN, note: `not measured: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` }));
    rows.push({ name: `clients: rows in the DOM, list of ${BASE / 1000}k in Chromium`, value: dom.maxRows, unit: 'rows', target: '≤ 150', note: dom.note });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
