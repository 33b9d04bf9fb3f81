import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEME_B_EXAMPLE } from '../../src/core';
import { approveOrder, approvePlans, issueDocument, schemeAOrder } from '../helpers/payroll-fixtures';
import { insertPayment } from '../helpers/plans-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Иванов is paid on gross margin (Scheme B), Петрова on revenue (Scheme A). Each sold one rack in
// November: 400 000,00 ₽ net at a cost of 300 000,00 ₽ — margin ÷ net would hand out the unit cost.
let t: TestApp;
let ivanov: number;
let petrova: number;
const rub = (n: number) => n * 100;

function soldOneRack(managerId: number, name: string): void {
  const db = t.app.store.sqlite;
  const { clientId } = insertClient(db, name, managerId);
  const invoice = issueDocument(db, {
    kind: 'invoice',
    clientId,
    managerId,
    grossKopecks: rub(400_000),
    date: '2026-11-02',
    lines: [{ netKopecks: rub(400_000), quantityMilli: 1_000, costKopecks: rub(300_000) }],
  });
  const paid = insertPayment(db, { date: '2026-11-10', netKopecks: rub(400_000), vatKopecks: rub(88_000), managerId, clientId });
  db.prepare("INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_at) VALUES (?, ?, ?, ?, 'manual', '2026-11-10T10:00:00Z')").run(
    paid,
    invoice,
    rub(488_000),
    rub(88_000),
  );
}

beforeAll(async () => {
  t = await openTestApp(undefined, new Date('2026-12-10T10:00:00'));
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Пётр Алексеевич');
  petrova = await addPerson(t, 'petrova', 'manager', 'Петрова Анна Сергеевна');
  soldOneRack(ivanov, 'Альфа');
  soldOneRack(petrova, 'Бета');
  await approveOrder(t, schemeAOrder({ validFrom: '2026-01-01', roles: [], userIds: [petrova] }));
  await approveOrder(t, schemeAOrder({ title: 'О мотивации от маржи', validFrom: '2026-01-01', roles: [], userIds: [ivanov], scheme: SCHEME_B_EXAMPLE }));
});
afterAll(async () => {
  await t.close();
});

describe('margin figures for a manager', () => {
  it('are refused to a manager paid on revenue', async () => {
    await signIn(t, 'petrova');
    const res = await t.call('plans.planFact', { period: '2026-11', measure: 'gross_margin' });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(res.error?.message).toContain('маржи');
    // Revenue stays his to see.
    expect((await t.ok('plans.planFact', { period: '2026-11', measure: 'revenue_net' })).rows[0]?.factKopecks).toBe(rub(400_000));
  });

  it('reach a manager paid on margin as his own monthly total only', async () => {
    await signIn(t, 'ivanov');
    const view = await t.ok('plans.planFact', { period: '2026-11', measure: 'gross_margin' });
    expect(view.rows.map((r) => [r.userId, r.factKopecks])).toEqual([[ivanov, rub(100_000)]]);
    expect(view.rows[0]?.lastYearKopecks).toBeNull();
    const year = await t.call('plans.planFact', { period: '2026', measure: 'gross_margin' });
    expect(year.error?.code).toBe('FORBIDDEN');
  });

  it('are the director’s to see for everyone', async () => {
    await signIn(t, 'director');
    const view = await t.ok('plans.planFact', { period: '2026-11', measure: 'gross_margin' });
    expect(view.rows.filter((r) => r.scope === 'manager').map((r) => r.factKopecks)).toEqual([rub(100_000), rub(100_000)]);
  });
});

describe('commission per payment for a manager paid on margin', () => {
  it('is his month’s total only: each payment’s share would be its margin', async () => {
    await approvePlans(t, '2026-11', { [ivanov]: rub(100_000) }, rub(200_000), 'gross_margin');
    await approvePlans(t, '2026-11', { [petrova]: rub(400_000) }, rub(800_000));
    await signIn(t, 'ivanov');
    expect((await t.call('payroll.commission', { month: '2026-11', managerId: ivanov })).error?.code).toBe('FORBIDDEN');
    const mine = (await t.ok('commercialReport.get', { month: '2026-11' })).managers[0];
    expect(mine?.commissionKopecks).not.toBeNull();
    expect(mine?.payments.map((p) => p.commissionKopecks)).toEqual([null]);
    await signIn(t, 'petrova');
    expect((await t.ok('payroll.commission', { month: '2026-11', managerId: petrova })).length).toBe(1);
    expect((await t.ok('commercialReport.get', { month: '2026-11' })).managers[0]?.payments[0]?.commissionKopecks).not.toBeNull();
    await signIn(t, 'director');
    const all = await t.ok('commercialReport.get', { month: '2026-11' });
    expect(all.managers.find((m) => m.managerId === ivanov)?.payments[0]?.commissionKopecks).not.toBeNull();
  });
});
