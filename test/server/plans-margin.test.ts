import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDocument } from '../helpers/payroll-fixtures';
import { insertPayment } from '../helpers/plans-fixtures';
import { insertClient, userId } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

// A gross-margin plan gets its fact from the cost prices of the invoices the month's money pays.
let t: TestApp;
let ivanov: number;
const rub = (n: number) => n * 100;

beforeAll(async () => {
  t = await openTestApp(undefined, new Date('2026-12-10T10:00:00'));
  await setUpOffice(t);
  await signInAs(t, 'head_of_sales');
  await signInAs(t, 'manager');
  ivanov = userId(t.app.store.sqlite, 'user-manager');
  const db = t.app.store.sqlite;
  const { clientId } = insertClient(db, 'Альфа', ivanov);
  // 600 000 without VAT: a line of 400 000 costing 300 000 (3 × 100 000) and a service of 200 000 with no cost entered.
  const invoice = issueDocument(db, {
    kind: 'invoice',
    clientId,
    managerId: ivanov,
    grossKopecks: rub(600_000),
    date: '2026-11-02',
    lines: [
      { netKopecks: rub(400_000), quantityMilli: 3_000, costKopecks: rub(100_000) },
      { netKopecks: rub(200_000), quantityMilli: 1_000, costKopecks: null },
    ],
  });
  // Half the invoice is paid (with 22 % VAT on top): half its margin of 100 000. Money on no invoice brings none.
  const paid = insertPayment(db, { date: '2026-11-10', netKopecks: rub(300_000), vatKopecks: rub(66_000), managerId: ivanov, clientId });
  db.prepare("INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, vat_kopecks, rule, created_at) VALUES (?, ?, ?, ?, 'manual', '2026-11-10T10:00:00Z')").run(
    paid,
    invoice,
    rub(366_000),
    rub(66_000),
  );
  insertPayment(db, { date: '2026-11-11', netKopecks: rub(50_000), managerId: ivanov, clientId });
  await signInAs(t, 'head_of_sales');
  await t.ok('plans.save', {
    year: '2026',
    measure: 'gross_margin',
    version: (await t.ok('plans.grid', { year: '2026', measure: 'gross_margin' })).version,
    cells: [
      { scope: 'manager', userId: ivanov, period: '2026-11', amountKopecks: rub(200_000) },
      { scope: 'department', period: '2026-11', amountKopecks: rub(200_000) },
    ],
  });
});
afterAll(async () => {
  await t.close();
});

describe('plan / fact in gross margin', () => {
  it('counts the margin of the money paid on invoices, with lines without a cost price as zero', async () => {
    await signInAs(t, 'director');
    const view = await t.ok('plans.planFact', { period: '2026-11', measure: 'gross_margin' });
    expect(view.factNote).toMatch(/себестоимости/);
    const own = view.rows.find((r) => r.userId === ivanov);
    expect(own).toMatchObject({ planKopecks: rub(200_000), factKopecks: rub(50_000), completionPercent: '25.00' });
    expect(view.rows.find((r) => r.scope === 'department')?.factKopecks).toBe(rub(50_000));
  });

  it('reports the lines without a cost price so the statement can warn about them', async () => {
    const base = await t.app.store.money.managerBase('2026-11', ivanov);
    expect(base).toMatchObject({ revenueNetKopecks: rub(350_000), grossMarginKopecks: rub(50_000), marginUnknownLines: 1 });
  });

  it('keeps an issued invoice’s cost prices frozen in the store', () => {
    const db = t.app.store.sqlite;
    expect(() => db.prepare('UPDATE document_lines SET cost_kopecks = 0').run()).toThrow(/issued/);
  });
});
