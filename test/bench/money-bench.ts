import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseBankStatement } from '../../src/core';
import type { Sqlite } from '../../src/db/connection';
import { planStatementImport } from '../../src/server/money/statement-plan';
import { openTestApp } from '../helpers/temp-app';
import { addPerson, encode1251, setUpVectorOffice, signIn } from '../helpers/money-fixtures';

/** One line of the benchmark table (the same shape as bench-row's BenchRow). */
type BenchRow = { name: string; value: number; unit: string; target?: string; peer?: string; note?: string };

const CLIENTS = 5_000;
const INVOICES = 50_000;
const PAYMENTS = 10_000;
const OUR_ACCOUNT = '40702810738000000777';

const innOf = (c: number) => String(7_700_000_000 + c * 7);
const accountOf = (c: number) => `407028101${String(c).padStart(11, '0')}`;
const dateOf = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const rub = (k: number) => `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;

/** 50 000 issued invoices of 5 000 clients, written straight into the tables (drafts first, then issued, as the triggers require). */
function seedInvoices(sqlite: Sqlite, managerId: number): { gross: number[]; client: number[] } {
  const gross: number[] = [];
  const client: number[] = [];
  sqlite.transaction(() => {
    const at = '2026-01-01T09:00:00.000Z';
    const insClient = sqlite.prepare(
      "INSERT INTO clients (kind, full_name, short_name, name_key, inn, responsible_id, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (let c = 1; c <= CLIENTS; c++) insClient.run(`ООО «Клиент ${c}»`, `ООО «Клиент ${c}»`, `клиент ${c}`, innOf(c), managerId, at, at, at);
    const tpl = sqlite.prepare("INSERT INTO templates (kind, name) VALUES ('invoice', 'Бенч') RETURNING id").get() as { id: number };
    const tv = sqlite.prepare("INSERT INTO template_versions (template_id, version, source, created_at) VALUES (?, 1, '#', ?) RETURNING id").get(tpl.id, at) as { id: number };
    const insDoc = sqlite.prepare(
      `INSERT INTO documents (kind, org_id, client_id, manager_id, series_key, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks, created_at, updated_at)
       VALUES ('invoice', 1, ?, ?, 'invoice', ?, 'on_top', '22', ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= INVOICES; i++) {
      const c = ((i * 7919) % CLIENTS) + 1;
      const net = 100_000 + ((i * 104_729) % 5_000_000);
      const vat = Math.round((net * 22) / 100);
      gross.push(net + vat);
      client.push(c);
      insDoc.run(c, managerId, dateOf(i % 300), net, vat, net + vat, at, at);
    }
    const pdf = Buffer.from('%PDF-1.4 bench');
    sqlite
      .prepare(
        `UPDATE documents SET status = 'issued', number = CAST(id AS TEXT), number_seq = id, series_year = 2026, snapshot = '{}', pdf = ?, pdf_sha256 = ?,
           template_version_id = ?, issued_at = ? WHERE kind = 'invoice' AND series_key = 'invoice'`,
      )
      .run(pdf, createHash('sha256').update(pdf).digest('hex'), tv.id, at);
  })();
  return { gross, client };
}

/** A 10 000-payment statement: most name their invoice, some pay an invoice's exact sum, some part of what a client owes, some come from strangers. */
function statement(invoices: { gross: number[]; client: number[] }): string {
  const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', 'ДатаНачала=01.01.2026', 'ДатаКонца=31.10.2026', `РасчСчет=${OUR_ACCOUNT}`];
  lines.push('СекцияРасчСчет', `РасчСчет=${OUR_ACCOUNT}`, 'ДатаНачала=01.01.2026', 'ДатаКонца=31.10.2026', 'НачальныйОстаток=0.00', 'КонецРасчСчет');
  for (let p = 0; p < PAYMENTS; p++) {
    const inv = ((p * 4_999) % INVOICES) + 1;
    const c = invoices.client[inv - 1] ?? 1;
    const kind = p % 10;
    const amount = kind < 8 ? (invoices.gross[inv - 1] ?? 100) : kind === 8 ? Math.round((invoices.gross[inv - 1] ?? 200) / 2) : 500_000 + p;
    const stranger = kind === 9 && p % 20 === 19;
    const purpose =
      kind < 6 ? `Оплата по счету № ${inv} от ${ru(dateOf(inv % 300))} за оборудование, в т.ч. НДС 22%` : kind < 8 ? 'Оплата за оборудование, в т.ч. НДС' : 'Оплата по договору';
    const date = ru(dateOf(p % 300));
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${p + 1}`,
      `Дата=${date}`,
      `Сумма=${rub(amount)}`,
      `ПлательщикСчет=${stranger ? '40702810900000000001' : accountOf(c)}`,
      `ПлательщикИНН=${stranger ? '7801234567' : innOf(c)}`,
      `Плательщик1=ООО «Клиент ${c}»`,
      'ПлательщикБИК=044525187',
      `ПолучательСчет=${OUR_ACCOUNT}`,
      `ДатаПоступило=${date}`,
      'ПолучательИНН=7704990011',
      'Получатель1=ООО "Вектор Плюс"',
      'ВидОплаты=01',
      `НазначениеПлатежа=${purpose}`,
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла');
  return lines.join('\r\n');
}

/** A 10k-payment statement imported and matched against 50k open invoices, measured at the handler (base64 in, one transaction out). */
export async function benchMoney(): Promise<BenchRow[]> {
  const t = await openTestApp();
  try {
    await setUpVectorOffice(t);
    const managerId = await addPerson(t, 'bench', 'Менеджер Бенч', 'manager');
    await addPerson(t, 'volkova', 'Волкова Татьяна Ивановна', 'accountant');
    const invoices = seedInvoices(t.app.store.sqlite, managerId);
    const base64 = encode1251(statement(invoices));
    const bytes = Buffer.from(base64, 'base64');
    await signIn(t, 'volkova');

    // The first parse (cold) and the median of five more, with the CPU time of each.
    const parses: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < 6; i++) {
      const cpu0 = process.cpuUsage();
      const p0 = performance.now();
      const parsed = parseBankStatement(new Uint8Array(bytes));
      const ms = performance.now() - p0;
      const cpu = process.cpuUsage(cpu0);
      if (!parsed.ok) throw new Error(parsed.error.message);
      parses.push({ ms, cpu: (cpu.user + cpu.system) / 1000 });
    }
    const warm = parses.slice(1).sort((a, b) => a.ms - b.ms)[2];
    const parseMs = warm.ms;

    const cpuOf = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return Math.round((used.user + used.system) / 1000);
    };
    const vCpu = process.cpuUsage();
    const v0 = performance.now();
    const preview = await t.call('payments.importPreview', { fileName: 'bench.txt', base64 });
    const previewMs = performance.now() - v0;
    const previewCpu = cpuOf(vCpu);
    if (preview.error) throw new Error(preview.error.message);

    // The commit's two halves measured apart on a throw-away plan: re-reading and matching, then the one transaction.
    const ctx = t.context();
    const q0 = performance.now();
    const plan = await planStatementImport(ctx, { fileName: 'bench.txt', base64 }, [], 'commit');
    const planMs = performance.now() - q0;

    const cCpu = process.cpuUsage();
    const c0 = performance.now();
    const done = await t.call('payments.importCommit', { fileName: 'bench.txt', base64, overrides: [] });
    const commitMs = performance.now() - c0;
    const commitCpu = cpuOf(cCpu);
    const writeMs = Math.max(0, commitMs - planMs);
    void plan;
    if (done.error) throw new Error(done.error.message);
    const counts = done.data.counts;

    const a0 = performance.now();
    const again = await t.call('payments.importCommit', { fileName: 'bench.txt', base64, overrides: [] });
    const againMs = performance.now() - a0;
    if (again.error || !again.data.alreadyImported) throw new Error('the same statement was imported twice');

    const note = `${(bytes.length / 1_048_576).toFixed(1)} MB; ${counts.matched} matched, ${counts.partial} partial, ${counts.unmatched} unmatched`;
    return [
      {
        name: 'money: parse a 10k-payment statement, median of 5 after the first',
        value: Math.round(parseMs),
        unit: 'ms',
        target: '≤ 60 ms',
        note:
          `${note}; first parse ${Math.round(parses[0].ms)} ms; CPU ${Math.round(warm.cpu)} ms. Earlier round: one pass over the text by index, each key reused ` +
          'from the previous document (CPU 148 → 77 ms). 2026-12-07 profile: decoding 7 ms (ICU; a hand ' +
          'table 5.4 ms, a latin1 scan with per-value decoding 22 ms: both dropped), splitting lines 5–7 ms, a Set lookup per line for the key\'s kind, a ' +
          '{value, line} object per field read, an amount regex per document and a scan of every key for unknown ones took the rest. Now a key\'s kind is worked ' +
          'out once per distinct key, the unknown keys are looked for only when one was read, the amount is read digit by digit. Each parser in a fresh process ' +
          '(three processes each, 10 warm parses after the first): warm min 65–67 → 59–60 ms, warm median 78–88 → 72–76 ms, first parse 131–133 → 124 ms. ' +
          '(Alternating old and new in one process flattered the new one: the old ran first each round and met the collections.) Reusing repeated values ' +
          'by comparing them in the text, and scanning each character once instead of indexOf, measured no better and were dropped. ' +
          'Last pass: a document reads the format\'s keys as named properties (no hasOwn and keyed lookup per field, no key strings built per document): ' +
          'in a fresh process 79 → 73 ms. What is left, measured by leaving parts out: decoding 7 ms, the lines and fields 33 ms, building and keeping ' +
          'the 10 000 documents 32 ms (a third of it the young-generation GC copying what the parse keeps). A lone-CR-free fast path for line ends and the ' +
          'optional dates in the document literal measured no better and were dropped. Not reached here',
      },
      { name: 'money: import preview, 10k payments × 50k invoices', value: Math.round(previewMs), unit: 'ms', target: '≤ 1000 ms', note: `parse, our account, dedupe, match; writes nothing; CPU ${previewCpu} ms` },
      { name: 'money: import commit, 10k payments × 50k invoices', value: Math.round(commitMs), unit: 'ms', target: '≤ 1000 ms', note:
          `plan again (the file read by the preview is not read again) + one transaction on the import's own connection in chunks of 2 000 with progress; CPU ${commitCpu} ms. ` +
          '2026-12-07, per stage (min CPU of 5–9 warm runs, load 4–5): plan ≈ 250 ms = 50k invoices 81 (rows into JavaScript: the query itself is 8 ms), ' +
          'matching 56, matcher 25, dedupe keys + classification 21, counts and payments 22, owners 15, clients by ИНН 13, stored keys 10; transaction ≈ 400 ms CPU ' +
          '(470 wall) = payments and allocations 246 (SQLite per row: the closed-month trigger ≈ 30, four secondary indexes ≈ 30, binding the 32 values was not it; ' +
          '100 → 500 rows per INSERT saved ≈ 30), ladder facts 60, ladder refresh 37, COMMIT with fsync 27 CPU / 93 wall; plus garbage collection ≈ 100. Before: facts one INSERT each with formatting per fact (105 ms), two UPDATEs per client, ' +
          '11 000 invoice labels read again (50 ms), RETURNING 10 000 keys, IN lists of 500, a join to clients per invoice, a sort of every payer\'s invoices, ' +
          'a Set of our accounts per line, BigInt per VAT share, preview rows built for the commit. The same rows, ids and audit chain: ' +
          'test/server/money-import-writes.test.ts',
      },
      { name: 'money: of which matching (plan)', value: Math.round(planMs), unit: 'ms', note: 'the commit\'s plan (file already read), measured alone' },
      { name: 'money: of which writing (one transaction)', value: Math.round(writeMs), unit: 'ms', note: 'commit − plan' },
      { name: 'money: the same statement again', value: Math.round(againMs), unit: 'ms', note: 'adds nothing' },
    ];
  } finally {
    await t.close();
  }
}
