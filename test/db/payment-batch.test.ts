// Payments written many per statement are the very rows written one by one: same ids, same
// columns, same allocations, a key already stored or repeated in the list skipped the same way.
import { describe, expect, it } from 'vitest';
import { toDrizzle } from '../../src/db/drizzle';
import { insertPaymentSync, insertPaymentsSync, type NewPayment } from '../../src/db/repos/payment-writes';
import { addPerson, insertInnClient, issueInvoice, setUpVectorOffice } from '../helpers/money-fixtures';
import { appsPerTest } from '../helpers/apps-per-test';
import type { TestApp } from '../helpers/temp-app';

const openApp = appsPerTest();

/** An office with two clients and three issued invoices; the same ids in every copy. */
async function office(): Promise<{ t: TestApp; clients: number[]; invoices: number[] }> {
  const t = await openApp();
  await setUpVectorOffice(t);
  const manager = await addPerson(t, 'ivanov', 'Иванов Пётр Алексеевич', 'manager');
  const sqlite = t.app.store.sqlite;
  const clients = [insertInnClient(sqlite, 'Альфа', '7701234567', manager), insertInnClient(sqlite, 'Бета', '7702345678', null)];
  const invoices = [1, 2, 3].map((n) => issueInvoice(sqlite, { clientId: clients[n % 2], managerId: manager, number: String(n), docDate: '2026-03-01', grossKopecks: 122_000 * n, vatKopecks: 22_000 * n }));
  return { t, clients, invoices };
}

function payment(i: number, clients: number[], invoices: number[]): NewPayment {
  const clientId = i % 3 === 0 ? null : clients[i % 2];
  return {
    direction: 'in',
    kind: clientId === null ? 'unsorted' : 'client',
    date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    amountKopecks: 10_000 + i,
    vatKopecks: i % 5,
    vatSource: 'purpose',
    orgId: 1,
    ourAccount: '40702810900000000001',
    payerInn: clientId === null ? '' : '7701234567',
    payerName: `Плательщик ${i}`,
    payerAccount: '',
    payerBik: '',
    payeeInn: '',
    payeeName: '',
    payeeAccount: '',
    payeeBik: '',
    purpose: `Оплата ${i}`,
    docNumber: String(i),
    docType: 'Платежное поручение',
    docDate: null,
    clientId,
    managerId: i % 4 === 0 ? undefined : null,
    matchRule: clientId === null ? 'none' : 'inn_open',
    // Row 7's key comes again at row 207 (the same statement), row 520's at row 1 050 (a later one): the second is not stored.
    dedupeKey: `key-${i === 207 ? 7 : i === 1_050 ? 520 : i}`,
    extra: '{}',
    comment: '',
    allocations: clientId === null || i % 2 === 0 ? [] : invoices.slice(0, 1 + (i % 3)).map((documentId, k) => ({ documentId, amountKopecks: 100 + k, vatKopecks: k, rule: 'inn_open' as const })),
  };
}

function dump(t: TestApp): unknown[] {
  const sqlite = t.app.store.sqlite;
  return [sqlite.prepare('SELECT * FROM payments ORDER BY id').all(), sqlite.prepare('SELECT * FROM payment_allocations ORDER BY id').all()];
}

describe('payments written in batches', () => {
  it('are the rows one-by-one inserts write', async () => {
    const one = await office();
    const many = await office();
    const at = '2026-03-30T10:00:00.000Z';
    const list = (o: { clients: number[]; invoices: number[] }) => Array.from({ length: 1_120 }, (_, i) => payment(i, o.clients, o.invoices));
    const deps = (t: TestApp) => ({ db: toDrizzle(t.app.store.sqlite), sqlite: t.app.store.sqlite, now: t.app.now });
    // A key stored before the list arrives, in both.
    for (const o of [one, many]) insertPaymentSync(deps(o.t), { ...payment(11, o.clients, o.invoices), dedupeKey: 'key-11' }, null, null, at);

    const slowIds = one.t.app.store.sqlite.transaction(() => list(one).map((p) => insertPaymentSync(deps(one.t), p, null, null, at)))();
    const fastIds = many.t.app.store.sqlite.transaction(() => insertPaymentsSync(deps(many.t), list(many), null, null, at))();

    expect(fastIds).toEqual(slowIds);
    expect(slowIds[11]).toBeNull();
    expect(slowIds[207]).toBeNull();
    expect(slowIds[1_050]).toBeNull();
    expect(slowIds.filter((id) => id !== null)).toHaveLength(1_117);
    const rows = dump(one.t);
    expect((rows[1] as unknown[]).length).toBeGreaterThan(100);
    expect(dump(many.t)).toEqual(rows);
  });
});
