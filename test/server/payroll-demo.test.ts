import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await t.ok('setup.demo', {});
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s payroll', () => {
  it('has the order in force for the managers, a draft for what-if and last month’s statement to approve', async () => {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    const orders = await t.ok('payroll.orders.list', {});
    expect(orders.map((o) => o.status).sort()).toEqual(['approved', 'draft']);
    const inForce = orders.find((o) => o.status === 'approved');
    expect(inForce?.coverage).toBe('Менеджер по продажам (все)');
    const full = await t.ok('payroll.orders.get', { id: inForce?.id ?? 0 });
    expect(full.people.filter((p) => p.acknowledgedAt !== null)).toHaveLength(2);
    const draft = orders.find((o) => o.status === 'draft');
    const whatIf = await t.ok('payroll.orders.whatIf', { id: draft?.id ?? 0 });
    expect(whatIf.months).toEqual(['2026-10']);
    expect(whatIf.rows.length).toBe(3);
    const october = await t.ok('payroll.statements.get', { month: '2026-10' });
    expect(october.statement?.status).toBe('draft');
    expect(october.lines).toHaveLength(3);
    expect(october.lines.every((l) => l.problem === null && l.accruedKopecks >= 4_000_000)).toBe(true);
    expect(october.canApprove).toBe(true);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
