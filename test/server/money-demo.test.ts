import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';
import { SAMPLE_BASE64 } from '../helpers/money-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await t.ok('setup.demo', {});
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s money', () => {
  it('has last month’s payments matched and closed, this month live, and invoices № 15–17 left for the reference statement', async () => {
    await t.ok('auth.login', { login: 'volkova', password: 'Stol-Lampa-2026' });
    const last = await t.ok('payments.list', { month: '2026-10' });
    expect(last.rows.filter((p) => p.kind === 'client').every((p) => p.state === 'matched')).toBe(true);
    expect(last.rows.map((p) => p.kind).sort()).toEqual(['bank_fee', 'client', 'client', 'client', 'outgoing']);
    expect(await t.app.store.money.isMonthClosed('2026-10')).toBe(true);
    const november = await t.ok('commercialReport.get', { month: '2026-11' });
    expect(november.live).toBe(true);
    expect(november.department.factKopecks).toBeGreaterThan(0);
    expect(november.commission.available).toBe(true);

    const preview = await t.ok('payments.importPreview', { fileName: 'выписка.txt', base64: SAMPLE_BASE64 });
    const incoming = preview.rows.filter((r) => r.direction === 'in');
    expect(incoming.map((r) => [r.rule, r.allocations[0]?.number, r.overpaidKopecks])).toEqual([
      ['number_date', '15', 0],
      ['number_date', '16', 0],
      ['number_date', '17', 0],
    ]);
    const done = await t.ok('payments.importCommit', { fileName: 'выписка.txt', base64: SAMPLE_BASE64, overrides: [] });
    expect(done.counts.matched).toBe(3);
    // The payers were entered into the base after January: their first owners get the money.
    const january = await t.ok('commercialReport.get', { month: '2026-01' });
    expect(january.unassigned.count).toBe(0);
    expect(january.department.factKopecks).toBe(10_000_000 + 2_500_000 + 1_500_000);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
