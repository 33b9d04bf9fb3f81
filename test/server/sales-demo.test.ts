import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s sales work', () => {
  it('has deals across the stages, a month of calls, the standards library and an intact audit chain', async () => {
    await t.ok('setup.demo', {});
    await t.ok('auth.login', { login: 'morozova', password: 'Stol-Lampa-2026' });
    const deals = await t.ok('deals.list', {});
    expect(deals.length).toBeGreaterThanOrEqual(15);
    expect(new Set(deals.map((d) => d.stage)).size).toBeGreaterThanOrEqual(6);
    expect(deals.some((d) => d.outcome === 'won')).toBe(true);
    expect(deals.some((d) => d.outcome === 'lost' && d.lossReason)).toBe(true);
    const stats = await t.ok('workStats.get', { from: '2026-10-27', to: '2026-11-26' });
    expect(stats.department.counts.calls).toBeGreaterThan(100);
    expect(stats.topObjections.length).toBeGreaterThan(0);
    const book = await t.ok('standards.book', {});
    expect(book.standards.map((s) => s.code)).toEqual(expect.arrayContaining(['1', '2.1', '2.2', 'П-1']));
    const first = book.standards.find((s) => s.code === '1');
    expect(first?.links.map((l) => l.targetCode)).toEqual(['2.1', '2.2']);
    expect(book.standards.find((s) => s.kind === 'competitor')?.files).toHaveLength(1);
    const ivanov = await t.app.store.users.byLogin('ivanov');
    const day = await t.ok('activities.day', { day: '2026-11-26', managerId: ivanov?.id });
    expect(day.planned.length).toBeGreaterThan(0);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
