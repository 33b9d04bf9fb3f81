import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await t.ok('setup.demo', {});
  await t.ok('auth.login', { login: 'morozova', password: 'Stol-Lampa-2026' });
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s documents', () => {
  it('has the invoices the reference bank statement pays: № 15 to Альфа-Трейд and № 16 to Бета Системс', async () => {
    const { rows } = await t.ok('documents.list', { kind: 'invoice', status: 'issued' });
    const n15 = rows.find((r) => r.number === '15');
    const n16 = rows.find((r) => r.number === '16');
    const n17 = rows.find((r) => r.number === '17');
    expect(n15).toMatchObject({ docDate: '2026-01-09', grossKopecks: 12_200_000, vatKopecks: 2_200_000, clientName: 'ООО «Альфа-Трейд»' });
    expect(n16).toMatchObject({ docDate: '2026-01-10', grossKopecks: 6_100_000, clientName: 'ООО «Бета Системс»' });
    expect(n17).toMatchObject({ docDate: '2026-01-12', grossKopecks: 1_500_000, vatKopecks: 0, clientName: 'ООО «Гамма»' });
    const basis = (await t.ok('documents.get', { id: n16?.id ?? 0 })).basis;
    expect(basis).toMatchObject({ number: '3/2026', docDate: '2026-01-05' });
  });

  it('has a catalog with ОКЕИ codes, a price list, the internal price list and a discount waiting for approval', async () => {
    const items = await t.ok('catalog.list', { onDate: '2026-03-01' });
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.every((i) => i.priceKopecks !== null && /^\d{3}$/.test(i.okei))).toBe(true);
    const limits = await t.ok('discountLimits.list', {});
    expect(limits.find((l) => l.role === 'manager')?.maxDiscountBp).toBe(500);
    expect((await t.ok('approvals.pendingCount', {})).count).toBe(1);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
