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
          `${note}; first parse ${Math.round(parses[0].ms)} ms; CPU ${Math.round(warm.cpu)} ms. One pass over the text by index; each key compared in the text ` +
          'with the one at its place in the previous document and reused with what is known of it (its slot, whether its line is kept, whether it opens or ' +
          'closes a section), the line\'s «=» taken right after a reused key; a document\'s values go to one array of slots reused for every document, ' +
          'and only keys the format does not define to a map. Third speed session (2026-12-07): 77 → 58 ms in this row, by profile per source line: ' +
          'comparing keys with startsWith (28 % of the parse) and with the five section keys per line, a per-document object of every key ' +
          '(a keyed store per field, kept with the document: the raw `fields` are no longer returned, nothing read them) and its Map of lines. ' +
          'What is left, per parse: finding line ends 7 ms (two indexOf per line: a lone CR also ends a line), decoding 7–8 ms (ICU), ' +
          'young-generation GC 8–11 ms (the 10 000 documents and their values are kept), the rest the fields themselves. ' +
          'Earlier: 268 → 81 → 77 ms (decoding once, one pass by index, a key\'s kind worked out once, amounts read digit by digit)',
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
