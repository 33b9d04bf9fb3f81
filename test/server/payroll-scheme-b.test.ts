import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEME_B_EXAMPLE } from '../../src/core';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { allocate, approveOrder, approvePlans, closeMonth, insertPayment, issueDocument, schemeAOrder } from '../helpers/payroll-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Scheme B's worked example through the handlers: the margin comes from the cost prices of the paid
// invoices' lines. Plan margin 400 000, fact 460 000; the department's plan 2 000 000, fact 2 040 000.
let t: TestApp;
let ivanov: number;
let petrov: number;
const rub = (n: number) => n * 100;

beforeAll(async () => {
  t = await openTestApp(undefined, new Date('2026-12-10T09:00:00Z'));
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
  petrov = await addPerson(t, 'petrov', 'manager', 'Петров Сергей Олегович');
  await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
  await approveOrder(t, schemeAOrder({ scheme: SCHEME_B_EXAMPLE, holdUnsigned: false }));
  await approvePlans(t, '2026-10', { [ivanov]: rub(400_000), [petrov]: rub(1_600_000) }, rub(2_000_000), 'gross_margin');
  const db = t.app.store.sqlite;
  const alfa = insertClient(db, 'Альфа', ivanov).clientId;
  const beta = insertClient(db, 'Бета', petrov).clientId;
  // Ivanov's invoice: 10 racks at 100 000 without VAT costing 54 000 each → margin 460 000 of 1 000 000, paid in two parts.
  const a = issueDocument(db, { kind: 'invoice', clientId: alfa, managerId: ivanov, grossKopecks: rub(1_000_000), date: '2026-10-01', lines: [{ netKopecks: rub(1_000_000), quantityMilli: 10_000, costKopecks: rub(54_000) }] });
  allocate(db, insertPayment(db, { date: '2026-10-05', netKopecks: rub(600_000), managerId: ivanov, clientId: alfa }), a, rub(600_000));
  allocate(db, insertPayment(db, { date: '2026-10-21', netKopecks: rub(400_000), managerId: ivanov, clientId: alfa }), a, rub(400_000));
  // Petrov's invoice: margin 1 580 000 of 2 000 000 (2,5 units costing 168 000 each).
  const b = issueDocument(db, { kind: 'invoice', clientId: beta, managerId: petrov, grossKopecks: rub(2_000_000), date: '2026-10-02', lines: [{ netKopecks: rub(2_000_000), quantityMilli: 2_500, costKopecks: rub(168_000) }] });
  allocate(db, insertPayment(db, { date: '2026-10-15', netKopecks: rub(2_000_000), managerId: petrov, clientId: beta }), b, rub(2_000_000));
  closeMonth(db, '2026-10');
});
afterAll(async () => {
  await t.close();
});

describe('a payroll order on gross margin', () => {
  it('reads each payment’s margin from the cost prices of the invoices it pays', async () => {
    const base = await t.app.store.money.managerBase('2026-10', ivanov);
    expect(base.payments.map((p) => p.grossMarginKopecks)).toEqual([rub(276_000), rub(184_000)]);
    expect(base).toMatchObject({ revenueNetKopecks: rub(1_000_000), grossMarginKopecks: rub(460_000), marginUnknownLines: 0 });
    const dept = await t.app.store.money.departmentBase('2026-10');
    expect(dept.grossMarginKopecks).toBe(rub(2_040_000));
    expect(dept.managers.find((m) => m.managerId === petrov)?.grossMarginKopecks).toBe(rub(1_580_000));
  });

  it('reproduces Scheme B’s worked example to the kopeck', async () => {
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-10' });
    const line = s.lines.find((l) => l.userId === ivanov);
    expect(line).toMatchObject({
      planKopecks: rub(400_000),
      factKopecks: rub(460_000),
      deptPlanKopecks: rub(2_000_000),
      deptFactKopecks: rub(2_040_000),
      personalPercent: '115.00',
      salaryKopecks: rub(35_000),
      commissionKopecks: rub(49_000),
      bonusKopecks: rub(10_000),
      accruedKopecks: rub(94_000),
      ndflKopecks: rub(12_220),
      netKopecks: rub(81_780),
      problem: null,
    });
    expect((line?.explanation ?? []).some((e) => e.label === 'Себестоимость')).toBe(false);
  });
});
