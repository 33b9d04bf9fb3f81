import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { allocate, approveOrder, approvePlans, closeMonth, insertPayment, issueDocument, markSignedByClient, schemeAOrder } from '../helpers/payroll-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// «No commission on a payment while its acts stay unsigned past the deadline (held until they are signed).»
let t: TestApp;
let ivanov: number;
let act: number;
let heldPayment: number;

// Each test opens its own office (a few hundred ms), so none leans on the statements another approved.
beforeEach(async () => {
  t = await openTestApp(undefined, new Date('2026-12-10T09:00:00Z'));
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
  await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
  await approveOrder(t, schemeAOrder());
  const db = t.app.store.sqlite;
  const { clientId } = insertClient(db, 'Альфа-Строй', ivanov);
  for (const month of ['2026-10', '2026-11']) await approvePlans(t, month, { [ivanov]: 150_000_000 }, 150_000_000);
  // October: 1 180 000 with no acts to wait for, and 200 000 paying an invoice whose contract's act is unsigned.
  const contract = issueDocument(db, { kind: 'contract_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-09-25' });
  const invoice = issueDocument(db, { kind: 'invoice', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-01', basisId: contract });
  act = issueDocument(db, { kind: 'act_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-05', basisId: contract });
  insertPayment(db, { date: '2026-10-02', netKopecks: 118_000_000, managerId: ivanov, clientId });
  heldPayment = insertPayment(db, { date: '2026-10-20', netKopecks: 20_000_000, managerId: ivanov, clientId });
  allocate(db, heldPayment, invoice, 20_000_000);
  insertPayment(db, { date: '2026-11-12', netKopecks: 138_000_000, managerId: ivanov, clientId });
  closeMonth(db, '2026-10');
  closeMonth(db, '2026-11');
});
afterEach(async () => {
  await t.close();
});

/** October's statement computed by the accountant and approved by the director, as the first test does. */
async function approveOctober(): Promise<void> {
  await signIn(t, 'buh');
  await t.ok('payroll.statements.compute', { month: '2026-10' });
  await signIn(t, 'director');
  await t.ok('payroll.statements.approve', { month: '2026-10' });
}

describe('commission held until the acts are signed', () => {
  it('holds the commission of a payment whose act is unsigned past its deadline', async () => {
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-10' });
    const line = s.lines.find((l) => l.userId === ivanov);
    // The band uses all the money (92 % → 5 %, K 0.9); 200 000 × 5 % × 0.9 = 9 000 waits for the act.
    expect(line).toMatchObject({ rateBasisPoints: 500, commissionKopecks: 6_210_000, heldKopecks: 900_000, accruedKopecks: 9_310_000, ndflKopecks: 1_210_300 });
    expect(line?.held).toEqual([
      expect.objectContaining({ paymentId: heldPayment, baseKopecks: 20_000_000, commissionKopecks: 900_000, heldMonth: '2026-10', releasedMonth: null }),
    ]);
    expect(line?.explanation.find((e) => e.label === 'Удержано до подписания актов')?.kopecks).toBe(-900_000);
    await signIn(t, 'director');
    await t.ok('payroll.statements.approve', { month: '2026-10' });
  });

  it('does not release it while the act stays unsigned', async () => {
    await approveOctober();
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-11' });
    expect(s.lines.find((l) => l.userId === ivanov)).toMatchObject({ releasedKopecks: 0, accruedKopecks: 10_210_000 });
  });

  it('releases the held commission in the statement of the month the act was signed in', async () => {
    await approveOctober();
    await markSignedByClient(t, act, '2026-11-25');
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-11' });
    const line = s.lines.find((l) => l.userId === ivanov);
    expect(line).toMatchObject({ commissionKopecks: 6_210_000, heldKopecks: 0, releasedKopecks: 900_000, accruedKopecks: 11_110_000, ndflKopecks: 1_444_300 });
    expect(line?.held).toEqual([expect.objectContaining({ paymentId: heldPayment, heldMonth: '2026-10', releasedMonth: '2026-11' })]);
    expect(line?.explanation.map((e) => e.label)).toContain('Выплата удержанной ранее премии');
    await signIn(t, 'director');
    await t.ok('payroll.statements.approve', { month: '2026-11' });
    // Released once: the held row of an approved statement cannot be released again or altered.
    expect(() => t.app.store.sqlite.prepare('UPDATE payroll_held SET released_statement_id = NULL').run()).toThrow(/approved/);
    expect(() => t.app.store.sqlite.prepare('UPDATE payroll_held SET commission_kopecks = 1').run()).toThrow(/approved/);
  });

  it('tells the commercial report which payment’s commission was held', async () => {
    await signIn(t, 'ivanov');
    const october = await t.ok('payroll.commission', { month: '2026-10', managerId: ivanov });
    expect(october.find((p) => p.paymentId === heldPayment)).toMatchObject({ held: true, commissionKopecks: 900_000 });
    expect(october.filter((p) => !p.held).reduce((s, p) => s + p.commissionKopecks, 0)).toBe(5_310_000);
  });
});
