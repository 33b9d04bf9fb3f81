import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { allocate, approveOrder, approvePlans, closeMonth, insertPayment, issueDocument, markSignedByClient, schemeAOrder } from '../helpers/payroll-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Issue 16, items 1, 2 and 6: the first payroll of a new office, with the expectations worked by hand.
let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function office(): Promise<{ ivanov: number }> {
  t = await openTestApp(undefined, new Date('2026-12-10T09:00:00Z'));
  await setUpOffice(t);
  const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
  await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
  await approveOrder(t, schemeAOrder());
  return { ivanov };
}

describe('a statement without plans (item 1)', () => {
  it('pays the base salary, blocks approval with who lacks what and where to fix it, then approves once plans exist', async () => {
    const { ivanov } = await office();
    insertPayment(t.app.store.sqlite, { date: '2026-10-05', netKopecks: 138_000_000, managerId: ivanov });
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-10' });
    // Оклад 40 000,00; НДФЛ 13 % = 5 200; к выплате 34 800 — never a silent zero.
    expect(s.lines.find((l) => l.userId === ivanov)).toMatchObject({ salaryKopecks: 4_000_000, commissionKopecks: 0, accruedKopecks: 4_000_000, ndflKopecks: 520_000, netKopecks: 3_480_000 });
    expect(s.approvalBlockers).toEqual([expect.objectContaining({ userId: ivanov, fullName: 'Иванов Иван Иванович', fixPath: '/plans/grid' })]);
    expect(s.approvalBlockers[0]?.problem).toContain('личного плана');
    await signIn(t, 'director');
    const refused = await t.call('payroll.statements.approve', { month: '2026-10' });
    expect(refused.error?.code).toBe('CONFLICT');
    expect(refused.error?.message).toContain('Иванов Иван Иванович — Нет утверждённого личного плана');
    await approvePlans(t, '2026-10', { [ivanov]: 150_000_000 }, 600_000_000);
    await signIn(t, 'buh');
    await t.ok('payroll.statements.compute', { month: '2026-10' });
    await signIn(t, 'director');
    const approved = await t.ok('payroll.statements.approve', { month: '2026-10' });
    expect(approved.statement?.status).toBe('approved');
  });
});

describe('a statement without the department’s plan (item 1)', () => {
  it('pays the salary and names the missing department plan when the scheme’s K needs it', async () => {
    const { ivanov } = await office();
    await t.app.store.plans.saveCells({ userId: 1, userName: 'Петров Пётр Петрович' }, 'revenue_net', [{ scope: 'manager', userId: ivanov, period: '2026-10', amountKopecks: 150_000_000 }]);
    await t.app.store.plans.approve({ userId: 1, userName: 'Петров Пётр Петрович' }, 'revenue_net', ['2026-10'], ['manager']);
    insertPayment(t.app.store.sqlite, { date: '2026-10-05', netKopecks: 138_000_000, managerId: ivanov });
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-10' });
    expect(s.lines.find((l) => l.userId === ivanov)).toMatchObject({ salaryKopecks: 4_000_000, accruedKopecks: 4_000_000, netKopecks: 3_480_000 });
    expect(s.approvalBlockers).toEqual([expect.objectContaining({ userId: ivanov, problem: expect.stringContaining('плана отдела'), fixPath: '/plans/grid' })]);
    await signIn(t, 'director');
    expect((await t.call('payroll.statements.approve', { month: '2026-10' })).error?.code).toBe('CONFLICT');
  });
});

describe('НДФЛ on the year so far (item 2)', () => {
  it('takes November’s tax by the scale over October’s approved income', async () => {
    const { ivanov } = await office();
    for (const month of ['2026-10', '2026-11']) {
      // Plan 10 млн, fact 30 млн (300 % → 7 %), department the same (K 1.1): 30 000 000 × 7 % × 1.1 = 2 310 000 + 40 000 = 2 350 000.
      await approvePlans(t, month, { [ivanov]: 1_000_000_000 }, 1_000_000_000);
      insertPayment(t.app.store.sqlite, { date: `${month}-10`, netKopecks: 3_000_000_000, managerId: ivanov });
      closeMonth(t.app.store.sqlite, month);
    }
    await signIn(t, 'buh');
    const october = await t.ok('payroll.statements.compute', { month: '2026-10' });
    expect(october.lines[0]).toMatchObject({ accruedKopecks: 235_000_000, ndflKopecks: 30_550_000 });
    await signIn(t, 'director');
    await t.ok('payroll.statements.approve', { month: '2026-10' });
    await signIn(t, 'buh');
    const november = await t.ok('payroll.statements.compute', { month: '2026-11' });
    // Year 4 700 000: 312 000 + 2 300 000 × 15 % = 657 000; minus 305 500 withheld in October = 351 500.
    const line = november.lines[0];
    expect(line).toMatchObject({ accruedKopecks: 235_000_000, ndflKopecks: 35_150_000, netKopecks: 199_850_000 });
    const ndfl = line?.explanation.find((e) => e.label.startsWith('НДФЛ'));
    expect(ndfl?.label).toBe('НДФЛ 15%');
    expect(ndfl?.note).toContain('4\u00a0700\u00a0000,00\u00a0₽');
  });
});

describe('commission held as of the month’s end (item 6)', () => {
  async function heldWorld(signedOn: string) {
    const { ivanov } = await office();
    const db = t.app.store.sqlite;
    const { clientId } = insertClient(db, 'Альфа-Строй', ivanov);
    for (const month of ['2026-10', '2026-11']) await approvePlans(t, month, { [ivanov]: 150_000_000 }, 150_000_000);
    const contract = issueDocument(db, { kind: 'contract_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-09-25' });
    const invoice = issueDocument(db, { kind: 'invoice', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-01', basisId: contract });
    const act = issueDocument(db, { kind: 'act_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-05', basisId: contract });
    insertPayment(db, { date: '2026-10-02', netKopecks: 118_000_000, managerId: ivanov, clientId });
    const paid = insertPayment(db, { date: '2026-10-20', netKopecks: 20_000_000, managerId: ivanov, clientId });
    allocate(db, paid, invoice, 20_000_000);
    insertPayment(db, { date: '2026-11-12', netKopecks: 138_000_000, managerId: ivanov, clientId });
    closeMonth(db, '2026-10');
    closeMonth(db, '2026-11');
    await signIn(t, 'director');
    await markSignedByClient(t, act, signedOn);
    return { ivanov };
  }

  it('holds October’s commission when the act was signed only in November, and releases it in November', async () => {
    const { ivanov } = await heldWorld('2026-11-20');
    await signIn(t, 'buh');
    const october = await t.ok('payroll.statements.compute', { month: '2026-10' });
    // 200 000 × 5 % × 0.9 = 9 000 held; accrued 102 100 − 9 000 = 93 100.
    const line = october.lines.find((l) => l.userId === ivanov);
    expect(line).toMatchObject({ heldKopecks: 900_000, accruedKopecks: 9_310_000 });
    expect(line?.explanation.find((e) => e.label === 'Удержание до подписания актов')?.value).toContain('31.10.2026');
    await signIn(t, 'director');
    await t.ok('payroll.statements.approve', { month: '2026-10' });
    await signIn(t, 'buh');
    const november = await t.ok('payroll.statements.compute', { month: '2026-11' });
    expect(november.lines.find((l) => l.userId === ivanov)).toMatchObject({ releasedKopecks: 900_000, accruedKopecks: 11_110_000 });
  });

  it('holds nothing when the act was signed by the month’s end', async () => {
    const { ivanov } = await heldWorld('2026-10-30');
    await signIn(t, 'buh');
    const october = await t.ok('payroll.statements.compute', { month: '2026-10' });
    expect(october.lines.find((l) => l.userId === ivanov)).toMatchObject({ heldKopecks: 0, accruedKopecks: 10_210_000 });
  });
});
