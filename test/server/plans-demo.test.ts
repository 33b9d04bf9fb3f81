import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s plans and forecast', () => {
  it('has approved plans for this and last year, last week’s snapshot with changes since, the inbound flow and VIP visits', async () => {
    await t.ok('setup.demo', {});
    await t.ok('auth.login', { login: 'morozova', password: 'Stol-Lampa-2026' });
    const ivanov = await t.app.store.users.byLogin('ivanov');
    for (const month of ['2025-11', '2026-11']) expect(await t.app.store.plans.personalPlan(ivanov?.id ?? 0, month)).toBeGreaterThan(0);
    expect(await t.app.store.plans.companyPlan('2026')).toBeGreaterThan(await t.app.store.plans.departmentPlan('2026') ?? 0);
    const week = await t.ok('forecast.week', {});
    expect(week?.from.week).toBe('2026-W47');
    expect(week?.changes.map((c) => c.kind).sort()).toEqual(['appeared', 'moved', 'probability']);
    const report = await t.ok('inbound.report', { fromMonth: '2026-10', toMonth: '2026-11' });
    expect(report.total.requests).toBeGreaterThan(10);
    expect(report.total.deals).toBeGreaterThan(0);
    expect(report.rows.find((r) => r.sourceName === 'Яндекс.Директ')?.revenuePerRouble).not.toBeUndefined();
    const vip = await t.ok('vip.schedule', { includeLater: true });
    expect(vip.rows.length).toBeGreaterThanOrEqual(8);
    expect(vip.rows.some((r) => r.status === 'overdue')).toBe(true);
    const visits = await t.ok('vip.visits', {});
    expect(visits.some((v) => v.referrals.length === 1)).toBe(true);
    const dashboard = await t.ok('dashboard.get', {});
    expect(dashboard.planFact?.rows.find((r) => r.scope === 'department')?.planStatus).toBe('approved');
    expect(dashboard.forecast.some((m) => m.weightedKopecks > 0)).toBe(true);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
