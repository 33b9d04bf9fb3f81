import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveOrder, approvePlans, schemeAOrder } from '../helpers/payroll-fixtures';
import type { TestApp } from '../helpers/temp-app';
import { referenceTemplate, SAMPLE_BASE64, signIn, type ReferenceWorld, type WorldTemplate } from '../helpers/money-fixtures';

let template: WorldTemplate;
let t: TestApp;
let w: ReferenceWorld;
beforeAll(async () => {
  template = await referenceTemplate();
  w = template.world;
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open('volkova');
});
afterEach(async () => {
  await t.close();
});

const importSample = () => t.ok('payments.importCommit', { fileName: 'выписка.txt', base64: SAMPLE_BASE64, overrides: [] });
const fromAlfa = { orgId: 1, payerName: 'ООО "Альфа-Трейд"', payerInn: '5027990026', purpose: 'Оплата за оборудование' };

function eventKinds(clientId: number): string[] {
  return (t.app.store.sqlite.prepare("SELECT kind FROM client_events WHERE client_id = ? AND ref_entity = 'payment' ORDER BY id").all(clientId) as { kind: string }[]).map((r) => r.kind);
}

describe('payments entered by hand', () => {
  it('are matched by the same rules, and the same bank document twice is refused', async () => {
    const p = await t.ok('payments.create', { ...fromAlfa, date: '2026-01-12', amountKopecks: 12_200_000, docNumber: '512', purpose: 'Оплата по счету № 15 от 09.01.2026' });
    expect(p).toMatchObject({ state: 'matched', matchRule: 'number_date', clientName: 'ООО «Альфа-Трейд»', managerId: w.ivanov, vatKopecks: 2_200_000, amountNetKopecks: 10_000_000 });
    expect(p.allocations.map((a) => a.documentId)).toEqual([w.inv15]);
    const again = await t.call('payments.create', { ...fromAlfa, date: '2026-01-12', amountKopecks: 12_200_000, docNumber: '512' });
    expect(again.error?.code).toBe('CONFLICT');
    // The statement carrying the same bank document later adds it no second time.
    const preview = await t.ok('payments.importPreview', { fileName: 'в.txt', base64: SAMPLE_BASE64 });
    expect(preview.rows[0]?.duplicate).toEqual({ paymentId: p.id, source: 'manual' });
    expect(preview.counts.new).toBe(4);
  });

  it('wait in the queue until matched by hand, partly, then repeat payments move the ladder to «повторная оплата»', async () => {
    const first = await t.ok('payments.create', { ...fromAlfa, date: '2026-01-20', amountKopecks: 5_000_000, docNumber: '1', allocations: [] });
    expect(first.state).toBe('unmatched');
    expect((await t.ok('payments.list', { state: 'unmatched' })).rows.map((r) => r.id)).toEqual([first.id]);
    const wrongSum = await t.call('payments.match', { id: first.id, clientId: null, allocations: [{ documentId: w.inv15, amountKopecks: 4_000_000 }] });
    expect(wrongSum.error?.message).toContain('должна равняться сумме платежа');
    const twoClients = await t.call('payments.match', {
      id: first.id,
      clientId: null,
      allocations: [
        { documentId: w.inv15, amountKopecks: 2_500_000 },
        { documentId: w.inv16, amountKopecks: 2_500_000 },
      ],
    });
    expect(twoClients.error?.message).toContain('одного клиента');
    const matched = await t.ok('payments.match', { id: first.id, clientId: null, allocations: [{ documentId: w.inv15, amountKopecks: 5_000_000 }] });
    expect(matched).toMatchObject({ state: 'matched', matchRule: 'manual', vatKopecks: 901_639 });
    expect((await t.ok('payments.invoiceStatus', { documentIds: [w.inv15] }))[0]).toMatchObject({ state: 'partly', paidKopecks: 5_000_000 });
    expect((await t.ok('payments.list', { state: 'unmatched' })).total).toBe(0);
    expect(eventKinds(w.alfa)).toEqual(['payment']);
    // The rest of the same invoice in the same month: history, not a repeat payment.
    await t.ok('payments.create', { ...fromAlfa, date: '2026-01-25', amountKopecks: 7_200_000, docNumber: '2' });
    expect(eventKinds(w.alfa)).toEqual(['payment', 'payment_received']);
    const overpaid = (await t.ok('payments.invoiceStatus', { documentIds: [w.inv15] }))[0];
    expect(overpaid).toMatchObject({ state: 'paid', overpaidKopecks: 0 });
    // A payment in a later month is a repeat payment: the client becomes «наш клиент».
    await t.ok('payments.create', { ...fromAlfa, date: '2026-02-03', amountKopecks: 200_000, docNumber: '3', purpose: 'Оплата по счету № 15 от 09.01.2026' });
    expect(eventKinds(w.alfa)).toEqual(['payment', 'payment_received', 'repeat_payment']);
    expect((t.app.store.sqlite.prepare('SELECT ladder_step FROM clients WHERE id = ?').get(w.alfa) as { ladder_step: string }).ladder_step).toBe('repeat');
    expect((await t.ok('payments.invoiceStatus', { documentIds: [w.inv15] }))[0]?.overpaidKopecks).toBe(200_000);
  });

  it('can be marked as not client money, which takes them out of the queue and the base', async () => {
    const p = await t.ok('payments.create', { orgId: 1, payerName: 'ИП Займов', date: '2026-01-20', amountKopecks: 900_000, docNumber: '7', allocations: [] });
    expect((await t.call('payments.setKind', { id: p.id, kind: 'bank_fee', comment: '' })).error?.code).toBe('VALIDATION');
    const other = await t.ok('payments.setKind', { id: p.id, kind: 'other', comment: 'Возврат займа' });
    expect(other).toMatchObject({ kind: 'other', state: 'not_applicable', comment: 'Возврат займа' });
    expect((await t.ok('payments.list', { state: 'unmatched' })).total).toBe(0);
    expect((await t.app.store.money.departmentBase('2026-01')).unassignedCount).toBe(0);
  });
});

describe('who sees and does what', () => {
  it('shows a manager only their own clients’ payments and refuses them the writes', async () => {
    await importSample();
    await signIn(t, 'ivanov');
    const mine = await t.ok('payments.list', {});
    expect(mine.rows.map((r) => r.payerName)).toEqual(['ООО "Альфа-Трейд"']);
    await signIn(t, 'volkova');
    const beta = (await t.ok('payments.list', { search: '7810990038' })).rows[0];
    await signIn(t, 'ivanov');
    expect((await t.call('payments.get', { id: beta?.id ?? 0 })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('payments.importPreview', { fileName: '', base64: SAMPLE_BASE64 })).error?.code).toBe('FORBIDDEN');
    for (const login of ['morozova', 'pavlova']) {
      await signIn(t, login);
      expect((await t.ok('payments.list', {})).total).toBe(5);
      expect((await t.call('payments.match', { id: beta?.id ?? 0, clientId: null, allocations: [] })).error?.code).toBe('FORBIDDEN');
    }
  });

  it('counts a payment for the manager who owned the client on the payment day', async () => {
    await signIn(t, 'morozova');
    await t.ok('clients.transfer', { clientId: w.alfa, toUserId: w.kuznetsova, reason: 'Перераспределение' });
    await signIn(t, 'volkova');
    await importSample();
    expect((await t.app.store.money.managerBase('2026-01', w.ivanov)).revenueNetKopecks).toBe(10_000_000);
    expect((await t.app.store.money.managerBase('2026-01', w.kuznetsova)).revenueNetKopecks).toBe(2_500_000);
  });
});

describe('the commercial report', () => {
  it('shows each manager’s payments, plan and fulfilment, the department line, and exports XLSX', async () => {
    await importSample();
    await signIn(t, 'director');
    await approvePlans(t, '2026-01', { [w.ivanov]: 20_000_000, [w.kuznetsova]: 5_000_000 }, 40_000_000);
    await signIn(t, 'morozova');
    const r = await t.ok('commercialReport.get', { month: '2026-01' });
    expect(r.live).toBe(false);
    const ivanov = r.managers.find((m) => m.managerId === w.ivanov);
    expect(ivanov).toMatchObject({ factKopecks: 10_000_000, grossKopecks: 12_200_000, planKopecks: 20_000_000, percentBp: 5000 });
    expect(ivanov?.payments[0]).toMatchObject({ clientName: 'ООО «Альфа-Трейд»', docNumber: '512', invoices: ['№ 15 от 09.01.2026'], netKopecks: 10_000_000 });
    expect(r.managers.find((m) => m.managerId === w.smirnov)).toMatchObject({ planKopecks: null, percentBp: null, factKopecks: 1_500_000 });
    expect(r.department).toMatchObject({ factKopecks: 14_000_000, planKopecks: 40_000_000, percentBp: 3500 });
    expect(r.commission.available).toBe(false);
    expect(ivanov?.commissionKopecks).toBeNull();

    const file = await t.ok('commercialReport.export', { month: '2026-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.from([Buffer.from(file.base64, 'base64')]));
    const summary = wb.getWorksheet('Итоги');
    const names = summary?.getColumn(1).values.filter((v): v is string => typeof v === 'string') ?? [];
    expect(names).toContain('Отдел');
    expect(names).toContain('Иванов Пётр Алексеевич');
    expect(wb.getWorksheet('Платежи')?.rowCount).toBe(4);

    await signIn(t, 'ivanov');
    const own = await t.ok('commercialReport.get', { month: '2026-01' });
    expect(own.managers.map((m) => m.managerId)).toEqual([w.ivanov]);
    // The department line shows him its fulfilment, not the others' money.
    expect(own.department).toMatchObject({ factKopecks: null, percentBp: 3500 });
  });

  it('takes each payment’s commission from the payroll order in force', async () => {
    await importSample();
    await approvePlans(t, '2026-01', { [w.ivanov]: 10_000_000, [w.kuznetsova]: 5_000_000, [w.smirnov]: 1_000_000 }, 16_000_000);
    await approveOrder(t, schemeAOrder());
    const r = await t.ok('commercialReport.get', { month: '2026-01' });
    expect(r.commission.available).toBe(true);
    expect(r.commission.note).toMatch(/по приказу № /);
    const ivanov = r.managers.find((m) => m.managerId === w.ivanov);
    expect(ivanov?.commissionKopecks).not.toBeNull();
    expect(ivanov?.payments[0]?.commissionKopecks).toBe(ivanov?.commissionKopecks);
  });

  it('feeds the work statistics’ «Оплаты» counter per manager and day', async () => {
    await importSample();
    await signIn(t, 'director');
    const stats = await t.ok('workStats.get', { from: '2026-01-01', to: '2026-01-31', granularity: 'month' });
    expect(stats.connected.payments).toBe(true);
    expect(stats.department.counts.payments).toBe(3);
    expect(stats.rows.find((r) => r.managerId === w.kuznetsova)?.counts.payments).toBe(1);
  });
});
