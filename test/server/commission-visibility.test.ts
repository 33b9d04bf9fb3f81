import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveOrder, approvePlans, schemeAOrder } from '../helpers/payroll-fixtures';
import type { TestApp } from '../helpers/temp-app';
import { referenceTemplate, SAMPLE_BASE64, signIn, type ReferenceWorld, type WorldTemplate } from '../helpers/money-fixtures';

// The reference statement pays Иванов 100 000,00 ₽ net, Кузнецова 25 000,00 ₽ and Смирнов 15 000,00 ₽ in January 2026.
let template: WorldTemplate;
let t: TestApp;
let w: ReferenceWorld;
beforeAll(async () => {
  template = await referenceTemplate();
  w = template.world;
  t = await template.open('volkova');
  await t.ok('payments.importCommit', { fileName: 'выписка.txt', base64: SAMPLE_BASE64, overrides: [] });
  await approvePlans(t, '2026-01', { [w.ivanov]: 10_000_000, [w.kuznetsova]: 5_000_000, [w.smirnov]: 1_000_000 }, 16_000_000);
  await approveOrder(t, schemeAOrder());
});
afterAll(async () => {
  await t.close();
  template.remove();
});

const report = () => t.ok('commercialReport.get', { month: '2026-01' });

describe('commission figures in the commercial report', () => {
  it('are shown to the director, the head of sales and the accountant for every manager', async () => {
    for (const login of ['director', 'morozova', 'volkova']) {
      await signIn(t, login);
      const r = await report();
      expect(r.commission.available, login).toBe(true);
      expect(r.managers.every((m) => m.commissionKopecks !== null), login).toBe(true);
      expect(r.department.commissionKopecks, login).not.toBeNull();
    }
  });

  it('are not shown to the office manager, as payroll.commission refuses her', async () => {
    await signIn(t, 'pavlova');
    expect((await t.call('payroll.commission', { month: '2026-01', managerId: w.ivanov })).error?.code).toBe('FORBIDDEN');
    const r = await report();
    expect(r.commission.available).toBe(false);
    expect(r.managers.length).toBe(3);
    expect(r.managers.map((m) => m.commissionKopecks)).toEqual([null, null, null]);
    expect(r.managers.flatMap((m) => m.payments.map((p) => p.commissionKopecks)).every((c) => c === null)).toBe(true);
    expect(r.department.commissionKopecks).toBeNull();
    // Revenue, plans and fulfilment stay hers to see.
    expect(r.department.factKopecks).toBe(14_000_000);
  });

  it('give a manager his own commission and the department’s plan percentage, not the others’ money', async () => {
    await signIn(t, 'ivanov');
    const r = await report();
    expect(r.managers.map((m) => m.managerId)).toEqual([w.ivanov]);
    expect(r.managers[0]?.commissionKopecks).not.toBeNull();
    expect(r.managers[0]?.factKopecks).toBe(10_000_000);
    // 140 000,00 of 160 000,00 = 87,5 %.
    expect(r.department.percentBp).toBe(8750);
    expect(r.department).toMatchObject({ commissionKopecks: null, factKopecks: null, grossKopecks: null, dealsKopecks: null, planKopecks: null });
    const file = await t.ok('commercialReport.export', { month: '2026-01' });
    const text = Buffer.from(file.base64, 'base64');
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('a manager’s own pay line', () => {
  it('shows the department’s fulfilment percentage, not the department’s money', async () => {
    await signIn(t, 'morozova');
    await t.ok('monthClose.confirm', { month: '2026-01' });
    await signIn(t, 'volkova');
    await t.ok('monthClose.confirm', { month: '2026-01', closeAcknowledged: true });
    await t.ok('payroll.statements.compute', { month: '2026-01' });
    const full = (await t.ok('payroll.statements.get', { month: '2026-01' })).lines.find((l) => l.userId === w.ivanov);
    expect(full?.deptFactKopecks).toBe(14_000_000);
    await signIn(t, 'ivanov');
    const own = await t.ok('payroll.statements.get', { month: '2026-01' });
    expect(own.lines.map((l) => l.userId)).toEqual([w.ivanov]);
    expect(own.lines[0]).toMatchObject({ factKopecks: 10_000_000, deptFactKopecks: null, deptPlanKopecks: null, deptPercent: full?.deptPercent });
  });
});
