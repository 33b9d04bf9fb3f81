import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { insertPayment } from '../helpers/plans-fixtures';
import { insertClient, userId } from '../helpers/sales-fixtures';

// Thursday 26 November 2026: 17 of November's 20 working days are behind (4 November is a holiday).
const TODAY = new Date('2026-11-26T10:00:00');

let t: TestApp;
let ivanov: number;
let petrova: number;
const rub = (n: number) => n * 100;

beforeEach(async () => {
  t = await openTestApp(undefined, TODAY);
  await setUpOffice(t);
  await signInAs(t, 'head_of_sales');
  await signInAs(t, 'manager');
  ivanov = userId(t.app.store.sqlite, 'user-manager');
  await signInAs(t, 'director');
  petrova = (await t.ok('users.create', { login: 'petrova', fullName: 'Петрова Анна', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const { clientId } = insertClient(t.app.store.sqlite, 'Альфа', ivanov);
  const sqlite = t.app.store.sqlite;
  // This November: Ivanov 1 000 000 without VAT (paid 1 220 000 with 22 % VAT), Petrova 500 000, 100 000 from a client with no manager.
  insertPayment(sqlite, { date: '2026-11-05', netKopecks: rub(600_000), vatKopecks: rub(132_000), managerId: ivanov, clientId });
  insertPayment(sqlite, { date: '2026-11-20', netKopecks: rub(400_000), vatKopecks: rub(88_000), managerId: ivanov, clientId });
  insertPayment(sqlite, { date: '2026-11-12', netKopecks: rub(500_000), managerId: petrova });
  insertPayment(sqlite, { date: '2026-11-13', netKopecks: rub(100_000), managerId: null });
  // Not revenue: a bank fee and an outgoing payment.
  insertPayment(sqlite, { date: '2026-11-14', netKopecks: rub(5_000), managerId: null, kind: 'bank_fee', direction: 'out' });
  insertPayment(sqlite, { date: '2026-11-15', netKopecks: rub(70_000), managerId: ivanov, kind: 'outgoing', direction: 'out' });
  // Last November: Ivanov 800 000 by the 26th and 200 000 after it, Petrova 400 000. October: Ivanov 300 000.
  insertPayment(sqlite, { date: '2025-11-10', netKopecks: rub(800_000), managerId: ivanov });
  insertPayment(sqlite, { date: '2025-11-28', netKopecks: rub(200_000), managerId: ivanov });
  insertPayment(sqlite, { date: '2025-11-11', netKopecks: rub(400_000), managerId: petrova });
  insertPayment(sqlite, { date: '2026-10-01', netKopecks: rub(300_000), managerId: ivanov });
  await signInAs(t, 'head_of_sales');
  await t.ok('plans.save', {
    year: '2026',
    version: (await t.ok('plans.grid', { year: '2026' })).version,
    cells: [
      { scope: 'manager', userId: ivanov, period: '2026-11', amountKopecks: rub(1_500_000) },
      { scope: 'manager', userId: petrova, period: '2026-11', amountKopecks: rub(1_000_000) },
      { scope: 'department', period: '2026-11', amountKopecks: rub(2_500_000) },
      { scope: 'department', period: '2026', amountKopecks: rub(30_000_000) },
    ],
  });
  await t.ok('plans.approve', { year: '2026', periods: ['2026-11', '2026'] });
});
afterEach(async () => {
  await t.close();
});

describe('plan / fact / last year', () => {
  it('counts money received without VAT per manager, the department without unassigned clients and the company with them', async () => {
    const view = await t.ok('plans.planFact', { period: '2026-11' });
    expect(view.factNote).toBeNull();
    const rows = Object.fromEntries(view.rows.map((r) => [r.name, r]));
    expect(rows['Тест manager']).toMatchObject({ planKopecks: rub(1_500_000), factKopecks: rub(1_000_000), lastYearKopecks: rub(1_000_000), completionPercent: '66.67', growthPercent: '+0.00' });
    expect(rows['Петрова Анна']).toMatchObject({ factKopecks: rub(500_000), lastYearKopecks: rub(400_000), completionPercent: '50.00', growthPercent: '+25.00' });
    expect(rows['Отдел продаж']).toMatchObject({ planKopecks: rub(2_500_000), planStatus: 'approved', factKopecks: rub(1_500_000), completionPercent: '60.00' });
    expect(rows['Компания']).toMatchObject({ planKopecks: null, factKopecks: rub(1_600_000), lastYearKopecks: rub(1_400_000), completionPercent: null });
  });

  it('shows where the department is today against a linear plan and what it needs per remaining working day', async () => {
    const { pace } = await t.ok('plans.planFact', { period: '2026-11' });
    expect(pace).toMatchObject({
      today: '2026-11-26',
      totalWorkingDays: 20,
      elapsedWorkingDays: 17,
      remainingWorkingDays: 3,
      linearPlanToDateKopecks: rub(2_125_000),
      pacePercent: '70.59',
      remainingKopecks: rub(1_000_000),
      neededPerDayKopecks: 33_333_333,
      projectedKopecks: 176_470_588,
      lastYearToDateKopecks: rub(1_200_000),
    });
    const day = (iso: string) => pace?.days.find((d) => d.day === iso);
    expect(pace?.days).toHaveLength(30);
    expect(day('2026-11-04')).toMatchObject({ linearPlanKopecks: rub(250_000), factKopecks: 0 });
    expect(day('2026-11-20')).toMatchObject({ factKopecks: rub(1_500_000), lastYearKopecks: rub(1_200_000) });
    expect(day('2026-11-27')).toMatchObject({ linearPlanKopecks: rub(2_375_000), factKopecks: null });
    expect(day('2026-11-30')).toMatchObject({ linearPlanKopecks: rub(2_500_000), lastYearKopecks: rub(1_400_000) });
  });

  it('sums a year and shows a manager their own pace against their personal plan', async () => {
    const year = await t.ok('plans.planFact', { period: '2026' });
    expect(year.rows.find((r) => r.scope === 'department')).toMatchObject({ planKopecks: rub(30_000_000), factKopecks: rub(1_800_000) });
    expect(year.pace).toBeNull();
    await signInAs(t, 'manager');
    const own = await t.ok('plans.planFact', { period: '2026-11' });
    expect(own.rows).toHaveLength(1);
    expect(own.pace).toMatchObject({ linearPlanToDateKopecks: rub(1_275_000), remainingKopecks: rub(500_000), lastYearToDateKopecks: rub(800_000) });
  });

  it('counts no gross margin for money on no invoice, and says how the margin is counted', async () => {
    await signInAs(t, 'director');
    const view = await t.ok('plans.planFact', { period: '2026-11', measure: 'gross_margin' });
    expect(view.factNote).toMatch(/Валовая маржа.*себестоимости/);
    expect(view.rows.every((r) => r.factKopecks === 0)).toBe(true);
  });
});

describe('the home dashboard by role', () => {
  it('gives the director the department’s plan, fact and last year by month and its pace', async () => {
    await signInAs(t, 'director');
    const d = await t.ok('dashboard.get', {});
    expect(d.scope).toBe('department');
    expect(d.planFact?.pace?.pacePercent).toBe('70.59');
    expect(d.year.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', planKopecks: null, factKopecks: rub(300_000), lastYearKopecks: 0 });
    expect(d.year.find((m) => m.month === '2026-11')).toEqual({ month: '2026-11', planKopecks: rub(2_500_000), factKopecks: rub(1_500_000), lastYearKopecks: rub(1_400_000) });
    expect(d.year.find((m) => m.month === '2026-12')?.factKopecks).toBeNull();
    expect(d.todayActivities).toEqual([]);
  });

  it('gives a manager only their own figures, and the office manager no sales figures at all', async () => {
    await signInAs(t, 'manager');
    const d = await t.ok('dashboard.get', {});
    expect(d.scope).toBe('own');
    expect(d.planFact?.rows.map((r) => r.userId)).toEqual([ivanov]);
    expect(d.stats).toEqual([]);
    await signInAs(t, 'office_manager');
    const none = await t.ok('dashboard.get', {});
    expect(none).toMatchObject({ scope: 'none', planFact: null, vip: null });
  });
});
