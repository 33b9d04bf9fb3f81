import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { userId } from '../helpers/sales-fixtures';
import { buildTemplate, type Template } from '../helpers/world-template';

// The office is built once; each test opens its own copy (signed in as the head of sales) and enters or
// approves the November plans it needs itself.
let template: Template<{ ivanov: number; petrova: number }>;
let t: TestApp;
let ivanov: number;
let petrova: number;

beforeAll(async () => {
  template = await buildTemplate(async (w) => {
    await setUpOffice(w);
    await signInAs(w, 'head_of_sales');
    await signInAs(w, 'accountant');
    await signInAs(w, 'manager');
    const manager = userId(w.app.store.sqlite, 'user-manager');
    await signInAs(w, 'director');
    const other = (await w.ok('users.create', { login: 'petrova', fullName: 'Петрова Анна', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id;
    return { ivanov: manager, petrova: other };
  });
  ({ ivanov, petrova } = template.world);
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open();
  await signInAs(t, 'head_of_sales');
});
afterEach(async () => {
  await t.close();
});

const rub = (n: number) => n * 100;

/** November's plans: Иванов 1.5 млн, Петрова 1 млн, department 2.5 млн, company 3 млн, and the year's department 30 млн. */
const novemberCells = () => [
  { scope: 'manager' as const, userId: ivanov, period: '2026-11', amountKopecks: rub(1_500_000) },
  { scope: 'manager' as const, userId: petrova, period: '2026-11', amountKopecks: rub(1_000_000) },
  { scope: 'department' as const, period: '2026-11', amountKopecks: rub(2_500_000) },
  { scope: 'company' as const, period: '2026-11', amountKopecks: rub(3_000_000) },
  { scope: 'department' as const, period: '2026', amountKopecks: rub(30_000_000) },
];

/** November's plans entered by the head of sales as drafts. */
async function novemberDrafts(): Promise<void> {
  await signInAs(t, 'head_of_sales');
  await t.ok('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: novemberCells() });
}

/** The same plans approved: the personal and department ones by the head of sales, the company one by the director. */
async function novemberApproved(): Promise<void> {
  await novemberDrafts();
  await t.ok('plans.approve', { year: '2026', periods: ['2026-11', '2026'] });
  await signInAs(t, 'director');
  await t.ok('plans.approve', { year: '2026', periods: ['2026-11'] });
}

describe('the plan grid', () => {
  it('lets the head of sales enter personal, department and company plans as drafts, each change audited', async () => {
    await signInAs(t, 'head_of_sales');
    const res = await t.ok('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: novemberCells() });
    expect(res.changed).toBe(5);
    expect(res.grid.plans.every((p) => p.status === 'draft')).toBe(true);
    expect(res.grid.managers.map((m) => m.id).sort()).toEqual([ivanov, petrova].sort());
    expect(res.grid.canApprove).toEqual(['manager', 'department']);
    // Saving the same values again changes nothing.
    const again = await t.ok('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'manager', userId: ivanov, period: '2026-11', amountKopecks: rub(1_500_000) }] });
    expect(again.changed).toBe(0);
    const audit = await t.app.store.audit.list({ entity: 'plan', limit: 50 });
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(5);
    expect(await t.app.store.plans.personalPlan(ivanov, '2026-11')).toBeNull();
  });

  it('refuses a personal plan for a year, a plan outside the grid’s year and a department plan naming a person', async () => {
    const bad = async (cell: { scope: 'manager' | 'department'; userId?: number; period: string; amountKopecks: number }) =>
      (await t.call('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [cell] })).error?.code;
    expect(await bad({ scope: 'manager', userId: ivanov, period: '2026', amountKopecks: 1 })).toBe('VALIDATION');
    expect(await bad({ scope: 'manager', userId: ivanov, period: '2027-01', amountKopecks: 1 })).toBe('VALIDATION');
    expect(await bad({ scope: 'department', userId: ivanov, period: '2026-11', amountKopecks: 1 })).toBe('VALIDATION');
    const director = userId(t.app.store.sqlite, 'director');
    expect(await bad({ scope: 'manager', userId: director, period: '2026-11', amountKopecks: 1 })).toBe('VALIDATION');
  });

  it('approves personal and department plans by the head of sales, leaving the company plan to the director', async () => {
    await novemberDrafts();
    const res = await t.ok('plans.approve', { year: '2026', periods: ['2026-11', '2026'] });
    expect(res.changed).toBe(4);
    const company = res.grid.plans.find((p) => p.scope === 'company');
    expect(company?.status).toBe('draft');
    expect(await t.app.store.plans.personalPlan(ivanov, '2026-11')).toBe(rub(1_500_000));
    expect(await t.app.store.plans.departmentPlan('2026-11')).toBe(rub(2_500_000));
    expect(await t.app.store.plans.departmentPlan('2026')).toBe(rub(30_000_000));
    expect(await t.app.store.plans.companyPlan('2026-11')).toBeNull();
    await signInAs(t, 'director');
    const byDirector = await t.ok('plans.approve', { year: '2026', periods: ['2026-11'] });
    expect(byDirector.changed).toBe(1);
    expect(await t.app.store.plans.companyPlan('2026-11')).toBe(rub(3_000_000));
    const approval = (await t.app.store.audit.list({ entity: 'plan', limit: 50 })).filter((a) => a.action === 'approve');
    expect(approval).toHaveLength(5);
  });

  it('makes a changed approved plan a draft again, so payroll stops reading it until approved anew', async () => {
    await novemberApproved();
    await signInAs(t, 'head_of_sales');
    await t.ok('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'manager', userId: petrova, period: '2026-11', amountKopecks: rub(1_100_000) }] });
    expect(await t.app.store.plans.personalPlan(petrova, '2026-11')).toBeNull();
    await t.ok('plans.approve', { year: '2026', periods: ['2026-11'] });
    expect(await t.app.store.plans.personalPlan(petrova, '2026-11')).toBe(rub(1_100_000));
  });

  it('copies the previous month into the next as drafts and never over an approved plan', async () => {
    await novemberApproved();
    await signInAs(t, 'head_of_sales');
    const copied = await t.ok('plans.copy', { year: '2026', from: '2026-11', to: '2026-12' });
    expect(copied.changed).toBe(4);
    const december = copied.grid.plans.filter((p) => p.period === '2026-12');
    expect(december.map((p) => [p.scope, p.userId, p.amountKopecks, p.status]).sort()).toEqual(
      [
        ['company', null, rub(3_000_000), 'draft'],
        ['department', null, rub(2_500_000), 'draft'],
        ['manager', ivanov, rub(1_500_000), 'draft'],
        ['manager', petrova, rub(1_000_000), 'draft'],
      ].sort(),
    );
    await t.ok('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'manager', userId: ivanov, period: '2026-12', amountKopecks: rub(2_000_000) }] });
    await t.ok('plans.approve', { year: '2026', periods: ['2026-12'] });
    const second = await t.ok('plans.copy', { year: '2026', from: '2026-11', to: '2026-12' });
    expect(second.changed).toBe(0);
    expect(await t.app.store.plans.personalPlan(ivanov, '2026-12')).toBe(rub(2_000_000));
    expect((await t.call('plans.copy', { year: '2026', from: '2026-11', to: '2026' })).error?.code).toBe('VALIDATION');
  });

  it('shows a manager only their own plan and lets them enter or approve nothing', async () => {
    await novemberApproved();
    await signInAs(t, 'manager');
    const grid = await t.ok('plans.grid', { year: '2026' });
    expect(grid.managers.map((m) => m.id)).toEqual([ivanov]);
    expect(new Set(grid.plans.map((p) => p.userId))).toEqual(new Set([ivanov]));
    expect(grid.canEdit).toBe(false);
    expect(grid.canApprove).toEqual([]);
    const facts = await t.ok('plans.planFact', { period: '2026-11' });
    expect(facts.rows.map((r) => r.userId)).toEqual([ivanov]);
    expect((await t.call('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'manager', userId: ivanov, period: '2026-10', amountKopecks: 1 }] })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('plans.approve', { year: '2026', periods: ['2026-10'] })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('plans.copy', { year: '2026', from: '2026-10', to: '2026-11' })).error?.code).toBe('FORBIDDEN');
  });

  it('lets the accountant read every plan but change none', async () => {
    await novemberApproved();
    await signInAs(t, 'accountant');
    const grid = await t.ok('plans.grid', { year: '2026' });
    expect(grid.managers).toHaveLength(2);
    expect(grid.canEdit).toBe(false);
    expect((await t.call('plans.save', { year: '2026', version: (await t.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'company', period: '2026-10', amountKopecks: 1 }] })).error?.code).toBe('FORBIDDEN');
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
