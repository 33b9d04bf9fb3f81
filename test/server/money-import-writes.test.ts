// What a statement import writes, row by row, against a table worked out by hand: the payments in date
// order, their allocations with each invoice's VAT share, the ladder facts with their texts, the clients'
// steps, and one audit entry that keeps the chain verifiable. The write path is batched (many rows per
// statement); these rows are what one-by-one writing gave, and must stay so.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit';
import { addPerson, encode1251, insertInnClient, issueInvoice, setUpVectorOffice, signIn } from '../helpers/money-fixtures';
import { appsPerTest } from '../helpers/apps-per-test';

const OURS = '40702810738000000777';
const AT = '2026-11-26T09:00:00.000Z';
const NB = '\u00a0';
const openApp = appsPerTest();

/** One payment of the statement, as a bank writes it. */
interface Line {
  no: string;
  date: string;
  sum: string;
  payerAccount: string;
  payerInn: string;
  payer: string;
  payeeAccount: string;
  payeeInn: string;
  payee: string;
  purpose: string;
  out?: boolean;
}

function statementFile(lines: readonly Line[]): { fileName: string; base64: string; sha256: string } {
  const text = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', 'ДатаНачала=01.01.2026', 'ДатаКонца=28.02.2026', `РасчСчет=${OURS}`];
  text.push('СекцияРасчСчет', `РасчСчет=${OURS}`, 'ДатаНачала=01.01.2026', 'ДатаКонца=28.02.2026', 'НачальныйОстаток=0.00', 'КонецРасчСчет');
  for (const l of lines) {
    text.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${l.no}`,
      `Дата=${l.date}`,
      `Сумма=${l.sum}`,
      `ПлательщикСчет=${l.payerAccount}`,
      `ПлательщикИНН=${l.payerInn}`,
      `Плательщик1=${l.payer}`,
      `ПолучательСчет=${l.payeeAccount}`,
      `ПолучательИНН=${l.payeeInn}`,
      `Получатель1=${l.payee}`,
      `${l.out ? 'ДатаСписано' : 'ДатаПоступило'}=${l.date}`,
      `НазначениеПлатежа=${l.purpose}`,
      'КонецДокумента',
    );
  }
  text.push('КонецФайла');
  const base64 = encode1251(text.join('\r\n'));
  return { fileName: 'январь.txt', base64, sha256: createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex') };
}

const incoming = (no: string, date: string, sum: string, payerInn: string, payer: string, purpose: string): Line => ({
  no,
  date,
  sum,
  payerAccount: `40702810100000000${no.padStart(3, '0')}`,
  payerInn,
  payer,
  payeeAccount: OURS,
  payeeInn: '7704990011',
  payee: 'ООО "Вектор Плюс"',
  purpose,
});

const extra = (line: number) => `{"line":${line},"operationType":"","payerKpp":"","payeeKpp":"","payerBank":"","payeeBank":"","unknownKeys":{}}`;

describe('a statement import writes', () => {
  it('the payments, allocations, ladder facts, steps and audit entry of the hand-worked table', async () => {
    const t = await openApp();
    await setUpVectorOffice(t);
    const ivanov = await addPerson(t, 'ivanov', 'Иванов Пётр Алексеевич', 'manager');
    const volkova = await addPerson(t, 'volkova', 'Волкова Татьяна Ивановна', 'accountant');
    const s = t.app.store.sqlite;
    const alfa = insertInnClient(s, 'Альфа', '5027990026', ivanov);
    const beta = insertInnClient(s, 'Бета', '7810990038', ivanov);
    const gamma = insertInnClient(s, 'Гамма', '7718990043', null);
    const inv = (clientId: number, number: string, docDate: string, grossKopecks: number, vatKopecks: number) =>
      issueInvoice(s, { clientId, managerId: ivanov, number, numberSeq: Number(number), docDate, grossKopecks, vatKopecks });
    const i101 = inv(alfa, '101', '2026-01-10', 122_000, 22_000);
    const i102 = inv(alfa, '102', '2026-01-20', 244_000, 44_000);
    const i201 = inv(beta, '201', '2026-01-15', 61_000, 11_000);
    const i202 = inv(beta, '202', '2026-01-25', 30_500, 5_500);
    const i301 = inv(gamma, '301', '2026-01-05', 50_000, 0);
    await signIn(t, 'volkova');

    // File order differs from date order: the payments are written by date, matched oldest money first.
    const file = statementFile([
      incoming('1', '12.01.2026', '1220.00', '5027990026', 'ООО «Альфа»', 'Оплата по счету № 101 от 10.01.2026'),
      incoming('2', '22.01.2026', '1000.00', '5027990026', 'ООО «Альфа»', 'Оплата за товар'),
      incoming('3', '05.02.2026', '1440.00', '5027990026', 'ООО «Альфа»', 'Оплата за товар'),
      incoming('4', '16.01.2026', '1000.00', '7810990038', 'ООО «Бета»', 'Оплата за оборудование'),
      incoming('5', '20.01.2026', '200.00', '7718990043', 'ООО «Гамма»', 'Оплата по счету № 301 от 05.01.2026'),
      incoming('6', '25.01.2026', '300.00', '7718990043', 'ООО «Гамма»', 'Оплата по счету № 301 от 05.01.2026'),
      incoming('7', '27.01.2026', '100.00', '7801234567', 'ООО «Незнакомец»', 'Оплата по договору'),
      {
        no: '8',
        date: '28.01.2026',
        sum: '5000.00',
        payerAccount: OURS,
        payerInn: '7704990011',
        payer: 'ООО "Вектор Плюс"',
        payeeAccount: '40702810900000000555',
        payeeInn: '7707083893',
        payee: 'ООО «Арендодатель»',
        purpose: 'Аренда за январь, НДС не облагается',
        out: true,
      },
    ]);
    const preview = await t.ok('payments.importPreview', { fileName: file.fileName, base64: file.base64 });
    const done = await t.ok('payments.importCommit', { fileName: file.fileName, base64: file.base64, overrides: [] });
    expect(done.counts).toMatchObject({ documents: 8, new: 8, incoming: 7, outgoing: 1, matched: 6, partial: 2, overpaid: 1, unmatched: 1 });
    // The commit counts without building the preview's rows: the same counts the preview showed.
    expect(done.counts).toEqual(preview.counts);
    const statementId = done.statementId;

    const payments = s
      .prepare(
        `SELECT id, direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, vat_source, org_id, our_account, payer_inn, payer_name,
           payer_account, payee_inn, payee_name, payee_account, purpose, doc_number, doc_type, doc_date, statement_id, client_id, manager_id, match_rule,
           length(dedupe_key) AS key_length, extra, comment, created_by, created_at, updated_at
         FROM payments ORDER BY id`,
      )
      .raw()
      .all();
    const pay = (id: number, no: string, date: string, amount: number, vat: number, source: string, payerInn: string, payer: string, purpose: string, client: number | null, manager: number | null, rule: string, line: number) => [
      id, 'in', client === null ? 'unsorted' : 'client', date, date.slice(0, 7), amount, vat, amount - vat, source, 1, OURS, payerInn, payer,
      `40702810100000000${no.padStart(3, '0')}`, '7704990011', 'ООО "Вектор Плюс"', OURS, purpose, no, 'Платежное поручение', date, statementId, client, manager, rule,
      64, extra(line), '', volkova, AT, AT,
    ];
    expect(payments).toEqual([
      pay(1, '1', '2026-01-12', 122_000, 22_000, 'invoices', '5027990026', 'ООО «Альфа»', 'Оплата по счету № 101 от 10.01.2026', alfa, ivanov, 'number_date', 13),
      pay(2, '4', '2026-01-16', 100_000, 18_033, 'invoices', '7810990038', 'ООО «Бета»', 'Оплата за оборудование', beta, ivanov, 'inn_open', 52),
      pay(3, '5', '2026-01-20', 20_000, 0, 'invoices', '7718990043', 'ООО «Гамма»', 'Оплата по счету № 301 от 05.01.2026', gamma, null, 'number_date', 65),
      pay(4, '2', '2026-01-22', 100_000, 18_033, 'invoices', '5027990026', 'ООО «Альфа»', 'Оплата за товар', alfa, ivanov, 'inn_open', 26),
      pay(5, '6', '2026-01-25', 30_000, 0, 'invoices', '7718990043', 'ООО «Гамма»', 'Оплата по счету № 301 от 05.01.2026', gamma, null, 'number_date', 78),
      pay(6, '7', '2026-01-27', 10_000, 0, 'none', '7801234567', 'ООО «Незнакомец»', 'Оплата по договору', null, null, 'none', 91),
      [
        7, 'out', 'outgoing', '2026-01-28', '2026-01', 500_000, 0, 500_000, 'purpose', 1, OURS, '7704990011', 'ООО "Вектор Плюс"', OURS, '7707083893',
        'ООО «Арендодатель»', '40702810900000000555', 'Аренда за январь, НДС не облагается', '8', 'Платежное поручение', '2026-01-28', statementId, null, null, 'none',
        64, extra(104), '', volkova, AT, AT,
      ],
      pay(8, '3', '2026-02-05', 144_000, 25_967, 'invoices', '5027990026', 'ООО «Альфа»', 'Оплата за товар', alfa, ivanov, 'inn_amount', 39),
    ]);
    // Gamma's invoice has no VAT: its payments take the invoice's (zero) share, still «invoices».

    // VAT shares: 44 000 × 100 000 / 244 000 = 18 032.79 → 18 033; 44 000 × 144 000 / 244 000 = 25 967.21 → 25 967;
    // 5 500 × 39 000 / 30 500 = 7 032.79 → 7 033 (Бета overpays its last invoice by 8 500).
    const allocations = s.prepare('SELECT id, payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_by, created_at FROM payment_allocations ORDER BY id').raw().all();
    expect(allocations).toEqual([
      [1, 1, i101, 122_000, 22_000, 'number_date', volkova, AT],
      [2, 2, i201, 61_000, 11_000, 'inn_open', volkova, AT],
      [3, 2, i202, 39_000, 7_033, 'inn_open', volkova, AT],
      [4, 3, i301, 20_000, 0, 'number_date', volkova, AT],
      [5, 4, i102, 100_000, 18_033, 'inn_open', volkova, AT],
      [6, 5, i301, 30_000, 0, 'number_date', volkova, AT],
      [7, 8, i102, 144_000, 25_967, 'inn_amount', volkova, AT],
    ]);

    const events = s.prepare("SELECT client_id, kind, at, user_id, text, ref_entity, ref_id FROM client_events WHERE ref_entity = 'payment' ORDER BY id").raw().all();
    const fact = (client: number, kind: string, text: string, ref: number) => [client, kind, AT, volkova, text, 'payment', ref];
    expect(events).toEqual([
      fact(alfa, 'payment', `Оплата: 1${NB}220,00${NB}₽ от 12.01.2026 по счёту № 101 от 10.01.2026`, 1),
      fact(beta, 'payment', `Оплата: 1${NB}000,00${NB}₽ от 16.01.2026 по счёту № 201 от 15.01.2026, счёту № 202 от 25.01.2026`, 2),
      fact(gamma, 'payment', `Оплата: 200,00${NB}₽ от 20.01.2026 по счёту № 301 от 05.01.2026`, 3),
      fact(alfa, 'repeat_payment', `Повторная оплата: 1${NB}000,00${NB}₽ от 22.01.2026 по счёту № 102 от 20.01.2026`, 4),
      fact(gamma, 'payment_received', `Поступила доплата: 300,00${NB}₽ от 25.01.2026 по счёту № 301 от 05.01.2026`, 5),
      fact(alfa, 'repeat_payment', `Повторная оплата: 1${NB}440,00${NB}₽ от 05.02.2026 по счёту № 102 от 20.01.2026`, 8),
    ]);
    const clients = s.prepare('SELECT id, ladder_step, last_activity_at FROM clients ORDER BY id').raw().all();
    expect(clients).toEqual([
      [alfa, 'repeat', AT],
      [beta, 'payment', AT],
      [gamma, 'payment', AT],
    ]);

    const audit = s.prepare("SELECT user_id, user_name, action, entity_id, at, after FROM audit_log WHERE entity = 'bank_statement'").raw().all() as [number, string, string, string, string, string][];
    expect(audit.map((a) => a.slice(0, 5))).toEqual([[volkova, 'Волкова Татьяна Ивановна', 'import', String(statementId), AT]]);
    expect(JSON.parse(audit[0]?.[5] ?? 'null')).toEqual({
      fileName: 'январь.txt',
      sha256: file.sha256,
      account: OURS,
      from: '2026-01-01',
      to: '2026-02-28',
      counts: { documents: 8, new: 8, duplicates: 0, incoming: 7, outgoing: 1, fees: 0, other: 0, matched: 6, partial: 2, overpaid: 1, unmatched: 1, skipped: 0 },
      added: 8,
      payments: [
        { id: 1, date: '2026-01-12', amountKopecks: 122_000, docNumber: '1', kind: 'client' },
        { id: 2, date: '2026-01-16', amountKopecks: 100_000, docNumber: '4', kind: 'client' },
        { id: 3, date: '2026-01-20', amountKopecks: 20_000, docNumber: '5', kind: 'client' },
        { id: 4, date: '2026-01-22', amountKopecks: 100_000, docNumber: '2', kind: 'client' },
        { id: 5, date: '2026-01-25', amountKopecks: 30_000, docNumber: '6', kind: 'client' },
        { id: 6, date: '2026-01-27', amountKopecks: 10_000, docNumber: '7', kind: 'unsorted' },
        { id: 7, date: '2026-01-28', amountKopecks: 500_000, docNumber: '8', kind: 'outgoing' },
        { id: 8, date: '2026-02-05', amountKopecks: 144_000, docNumber: '3', kind: 'client' },
      ],
    });
    expect(verifyAuditChain(s)).toBeNull();
  });

  it('every row of a statement longer than one batch, in order, each fact on its own payment', async () => {
    const t = await openApp();
    await setUpVectorOffice(t);
    const ivanov = await addPerson(t, 'ivanov', 'Иванов Пётр Алексеевич', 'manager');
    await addPerson(t, 'volkova', 'Волкова Татьяна Ивановна', 'accountant');
    const s = t.app.store.sqlite;
    const alfa = insertInnClient(s, 'Альфа', '5027990026', ivanov);
    // 550 invoices № 1001…1550 of 1 220,00 ₽ (VAT 220,00), each paid by its own payment naming it, all on 14.01.2026:
    // more than one INSERT of payments, allocations and ladder facts (BATCH_ROWS, 500).
    const N = 550;
    const invoices = Array.from({ length: N }, (_, k) => issueInvoice(s, { clientId: alfa, managerId: ivanov, number: String(1001 + k), numberSeq: 1001 + k, docDate: '2026-01-09', grossKopecks: 122_000, vatKopecks: 22_000 }));
    await signIn(t, 'volkova');
    const file = statementFile(Array.from({ length: N }, (_, k) => incoming(String(k + 1), '14.01.2026', '1220.00', '5027990026', 'ООО «Альфа»', `Оплата по счету № ${1001 + k} от 09.01.2026`)));
    const done = await t.ok('payments.importCommit', { fileName: file.fileName, base64: file.base64, overrides: [] });
    expect(done.counts).toMatchObject({ new: N, matched: N, partial: 0 });

    const payments = s.prepare('SELECT id, doc_number, amount_kopecks, vat_kopecks, client_id, manager_id, match_rule FROM payments ORDER BY id').raw().all();
    expect(payments).toEqual(Array.from({ length: N }, (_, k) => [k + 1, String(k + 1), 122_000, 22_000, alfa, ivanov, 'number_date']));
    const allocations = s.prepare('SELECT id, payment_id, document_id, amount_kopecks, vat_kopecks FROM payment_allocations ORDER BY id').raw().all();
    expect(allocations).toEqual(Array.from({ length: N }, (_, k) => [k + 1, k + 1, invoices[k], 122_000, 22_000]));
    const events = s.prepare("SELECT kind, text, ref_id FROM client_events WHERE ref_entity = 'payment' ORDER BY id").raw().all();
    expect(events).toEqual(
      Array.from({ length: N }, (_, k) =>
        k === 0
          ? ['payment', `Оплата: 1${NB}220,00${NB}₽ от 14.01.2026 по счёту № 1001 от 09.01.2026`, 1]
          : ['repeat_payment', `Повторная оплата: 1${NB}220,00${NB}₽ от 14.01.2026 по счёту № ${1001 + k} от 09.01.2026`, k + 1],
      ),
    );
    expect(s.prepare('SELECT ladder_step FROM clients WHERE id = ?').pluck().get(alfa)).toBe('repeat');
    const after = JSON.parse(s.prepare("SELECT after FROM audit_log WHERE entity = 'bank_statement'").pluck().get() as string) as Record<string, unknown>;
    expect(after.added).toBe(N);
    expect(verifyAuditChain(s)).toBeNull();
  });
});
