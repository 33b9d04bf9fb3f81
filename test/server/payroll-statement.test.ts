import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { approveOrder, approvePlans, closeMonth, insertPayment, schemeAOrder } from '../helpers/payroll-fixtures';
import { setUpOffice, type TestApp } from '../helpers/temp-app';
import { buildTemplate, type Template } from '../helpers/world-template';
import { recordPrints } from '../helpers/pdf-prints';

// Scheme A's worked example through the handlers: plan 1.5 млн, fact 1 380 000 without VAT, department 95 %.
// The office is built once; every test opens its own copy and takes October as far as it needs.
let template: Template<{ ivanov: number; petrov: number }>;
let t: TestApp;
let ivanov: number;
let petrov: number;

beforeAll(async () => {
  template = await buildTemplate(async (w) => {
    await setUpOffice(w);
    const ids = { ivanov: await addPerson(w, 'ivanov', 'manager', 'Иванов Иван Иванович'), petrov: await addPerson(w, 'petrov', 'manager', 'Петров Сергей Олегович') };
    await addPerson(w, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
    await addPerson(w, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
    await addPerson(w, 'office', 'office_manager', 'Орлова Мария');
    await approveOrder(w, schemeAOrder());
    await approvePlans(w, '2026-10', { [ids.ivanov]: 150_000_000, [ids.petrov]: 450_000_000 }, 600_000_000);
    insertPayment(w.app.store.sqlite, { date: '2026-10-05', netKopecks: 100_000_000, managerId: ids.ivanov });
    insertPayment(w.app.store.sqlite, { date: '2026-10-21', netKopecks: 38_000_000, managerId: ids.ivanov });
    insertPayment(w.app.store.sqlite, { date: '2026-10-15', netKopecks: 432_000_000, managerId: ids.petrov });
    return ids;
  }, new Date('2026-12-10T09:00:00Z'));
  ({ ivanov, petrov } = template.world);
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open();
});
afterEach(async () => {
  await t.close();
});

/** October closed, its statement computed by the accountant and approved by the director. */
async function approvedOctober(): Promise<void> {
  closeMonth(t.app.store.sqlite, '2026-10');
  await signIn(t, 'buh');
  await t.ok('payroll.statements.compute', { month: '2026-10' });
  await signIn(t, 'director');
  await t.ok('payroll.statements.approve', { month: '2026-10' });
}

describe('the payroll statement of a month', () => {
  it('refuses to compute a month that is not closed, in Russian', async () => {
    await signIn(t, 'buh');
    const res = await t.call('payroll.statements.compute', { month: '2026-10' });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toContain('Месяц ещё не закрыт');
  });

  it('reproduces Scheme A’s worked example to the kopeck once the month is closed', async () => {
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'buh');
    const s = await t.ok('payroll.statements.compute', { month: '2026-10' });
    expect(s.statement?.status).toBe('draft');
    const line = s.lines.find((l) => l.userId === ivanov);
    expect(line).toMatchObject({
      planKopecks: 150_000_000,
      factKopecks: 138_000_000,
      deptFactKopecks: 570_000_000,
      personalPercent: '92.00',
      deptPercent: '95.00',
      band: 'от 90% до 100% плана',
      rateBasisPoints: 500,
      multiplierBasisPoints: 9000,
      commissionKopecks: 6_210_000,
      heldKopecks: 0,
      salaryKopecks: 4_000_000,
      accruedKopecks: 10_210_000,
      ndflKopecks: 1_327_300,
      netKopecks: 8_882_700,
      problem: null,
    });
    const labels = Object.fromEntries((line?.explanation ?? []).map((e) => [e.label, e.value]));
    expect(labels).toMatchObject({ 'Выполнение личного плана': '92,00%', 'Ставка': '5%', 'Коэффициент отдела': '0,9', 'К выплате': '88\u00a0827,00\u00a0₽' });
    expect(s.canApprove).toBe(false);
  });

  it('lets only the director approve the statement', async () => {
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'buh');
    await t.ok('payroll.statements.compute', { month: '2026-10' });
    for (const login of ['head', 'buh', 'ivanov', 'office']) {
      await signIn(t, login);
      expect((await t.call('payroll.statements.approve', { month: '2026-10' })).error?.code, login).toBe('FORBIDDEN');
    }
    await signIn(t, 'director');
    const s = await t.ok('payroll.statements.approve', { month: '2026-10' });
    expect(s.statement?.status).toBe('approved');
    expect(s.statement?.approvedByName).toBe('Петров Пётр Петрович');
  });

  it('keeps an approved statement frozen in the program and in the store', async () => {
    await approvedOctober();
    await signIn(t, 'buh');
    expect((await t.call('payroll.statements.compute', { month: '2026-10' })).error?.message).toContain('уже утверждена');
    const db = t.app.store.sqlite;
    expect(() => db.prepare('UPDATE payroll_lines SET accrued_kopecks = 1').run()).toThrow(/approved/);
    expect(() => db.prepare('DELETE FROM payroll_lines').run()).toThrow(/approved/);
    expect(() => db.prepare("UPDATE payroll_statements SET status = 'draft'").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM payroll_statements').run()).toThrow(/frozen/);
  });

  it('refuses to approve an order reaching back into a month whose statement is approved', async () => {
    await approvedOctober();
    await signIn(t, 'director');
    const o = await t.ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2026-10-01', title: 'Задним числом' }) });
    await t.ok('payroll.orders.send', { id: o.id });
    const res = await t.call('payroll.orders.approve', { id: o.id });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toContain('октябрь 2026 уже утверждена');
    await t.ok('payroll.orders.return', { id: o.id });
    await t.ok('payroll.orders.remove', { id: o.id });
  });

  it('shows a manager only their own line and refuses other managers’ pay', async () => {
    await approvedOctober();
    await signIn(t, 'ivanov');
    const own = await t.ok('payroll.statements.get', { month: '2026-10' });
    expect(own.lines.map((l) => l.userId)).toEqual([ivanov]);
    expect(own.totals.accruedKopecks).toBe(10_210_000);
    expect((await t.call('payroll.statements.get', { month: '2026-10', userId: petrov })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('payroll.commission', { month: '2026-10', managerId: petrov })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('payroll.statements.xlsx', { month: '2026-10' })).error?.code).toBe('FORBIDDEN');
    await signIn(t, 'head');
    expect((await t.ok('payroll.statements.get', { month: '2026-10' })).lines).toHaveLength(2);
    await signIn(t, 'office');
    expect((await t.call('payroll.statements.get', { month: '2026-10' })).error?.code).toBe('FORBIDDEN');
  });

  it('splits the commission over the payments for the commercial report', async () => {
    await approvedOctober();
    await signIn(t, 'ivanov');
    const c = await t.ok('payroll.commission', { month: '2026-10', managerId: ivanov });
    expect(c.map((p) => p.baseKopecks)).toEqual([100_000_000, 38_000_000]);
    expect(c.reduce((s, p) => s + p.commissionKopecks, 0)).toBe(6_210_000);
    expect(c[0]?.commissionKopecks).toBe(4_500_000);
  });

  it('prints the statement as PDF and exports XLSX with numbers', async () => {
    await approvedOctober();
    await signIn(t, 'director');
    const prints = recordPrints(t);
    const pdf = await t.ok('payroll.statements.pdf', { month: '2026-10' });
    expect(prints).toEqual(['payrollStatement']);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const again = await t.ok('payroll.statements.pdf', { month: '2026-10' });
    expect(again.base64).toBe(pdf.base64);
    const xlsx = await t.ok('payroll.statements.xlsx', { month: '2026-10' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = wb.getWorksheet('Ведомость');
    const row = sheet?.getRow(5);
    expect(row?.getCell(1).value).toBe('Иванов Иван Иванович');
    expect(row?.getCell(12).value).toBe(102_100);
    expect(row?.getCell(14).value).toBe(88_827);
  });

  it('lists months with their state', async () => {
    await approvedOctober();
    await signIn(t, 'director');
    const months = await invoke(t.app, 'payroll.statements.list', {});
    expect(months.error).toBeUndefined();
    expect(months.data).toContainEqual({ month: '2026-10', closed: true, status: 'approved', accruedKopecks: expect.any(Number) as number });
  });
});
