import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/temp-app';
import { encode1251, referenceTemplate, rowCount, SAMPLE_BASE64, sampleText, signIn, type WorldTemplate } from '../helpers/money-fixtures';

let template: WorldTemplate;
let t: TestApp;
beforeAll(async () => {
  template = await referenceTemplate();
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open('volkova');
  await t.ok('payments.importCommit', { fileName: 'выписка.txt', base64: SAMPLE_BASE64, overrides: [] });
});
afterEach(async () => {
  await t.close();
});

const JAN = '2026-01';
const manual = (date: string, docNumber: string) => ({ orgId: 1, date, amountKopecks: 100_000, payerName: 'ООО «Незнакомец»', docNumber, purpose: 'Оплата', allocations: [] });

async function closeJanuary(): Promise<void> {
  await signIn(t, 'morozova');
  await t.ok('monthClose.confirm', { month: JAN });
  await signIn(t, 'volkova');
  await t.ok('monthClose.confirm', { month: JAN, closeAcknowledged: true });
}

describe('closing a month', () => {
  it('closes when the head of sales and the accountant have each confirmed the reconciliation', async () => {
    await signIn(t, 'morozova');
    const before = await t.ok('monthClose.get', { month: JAN });
    expect(before).toMatchObject({ closed: false, canConfirm: true, blockers: [] });
    const half = await t.ok('monthClose.confirm', { month: JAN });
    expect(half.closed).toBe(false);
    expect(half.current?.headOfSalesConfirmedBy).toBe('Морозова Елена Сергеевна');
    expect(half.canConfirm).toBe(false);
    await signIn(t, 'volkova');
    const closed = await t.ok('monthClose.confirm', { month: JAN, closeAcknowledged: true });
    expect(closed.closed).toBe(true);
    expect(closed.current?.accountantConfirmedBy).toBe('Волкова Татьяна Ивановна');
    expect(await t.app.store.money.isMonthClosed(JAN)).toBe(true);
    expect((await t.app.store.money.departmentBase(JAN)).closed).toBe(true);
    const actions = t.app.store.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'month_close' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'confirm' }, { action: 'confirm' }, { action: 'close' }]);
  });

  it('refuses every write into the closed month — payments and documents — and accepts the next month', async () => {
    await closeJanuary();
    const refused = async (res: Promise<{ error?: { code: string; message: string } }>) => {
      const r = await res;
      expect(r.error?.code).toBe('CONFLICT');
      expect(r.error?.message).toContain('закрыт');
    };
    const alfa = (await t.ok('payments.list', { month: JAN, direction: 'in' })).rows.find((p) => p.payerInn === '5027990026');
    if (!alfa) throw new Error('no payment');
    expect(alfa.monthClosed).toBe(true);
    await refused(t.call('payments.create', manual('2026-01-20', '900')));
    await refused(t.call('payments.match', { id: alfa.id, clientId: alfa.clientId, allocations: [] }));
    await refused(t.call('payments.setKind', { id: alfa.id, kind: 'other', comment: '' }));
    await refused(t.call('payments.delete', { id: alfa.id }));
    const other = encode1251(sampleText().replace('Номер=512', 'Номер=513'));
    await refused(t.call('payments.importCommit', { fileName: 'другая.txt', base64: other, overrides: [] }));
    await signIn(t, 'director');
    const invoice = alfa.allocations[0]?.documentId ?? 0;
    await refused(t.call('documents.annul', { id: invoice, reason: 'Ошибка в реквизитах' }));
    // The store refuses too, whatever path a write takes.
    expect(() => t.app.store.sqlite.prepare('UPDATE payments SET comment = ? WHERE id = ?').run('x', alfa.id)).toThrow(/month_closed/);
    expect(() => t.app.store.sqlite.prepare("UPDATE documents SET annulled_reason = 'x' WHERE id = ?").run(invoice)).toThrow(/month_closed|frozen|issued/);
    await signIn(t, 'volkova');
    const feb = await t.ok('payments.create', manual('2026-02-02', '901'));
    expect(feb.month).toBe('2026-02');
  });

  it('is reopened only by the director, with a reason, and the reopening is logged', async () => {
    await closeJanuary();
    for (const login of ['morozova', 'volkova', 'ivanov', 'pavlova']) {
      await signIn(t, login);
      expect((await t.call('monthClose.reopen', { month: JAN, reason: 'Пропущен платёж' })).error?.code).toBe('FORBIDDEN');
    }
    await signIn(t, 'director');
    expect((await t.call('monthClose.reopen', { month: JAN, reason: '' })).error?.code).toBe('VALIDATION');
    const reopened = await t.ok('monthClose.reopen', { month: JAN, reason: 'Пропущен платёж от «Гаммы»' });
    expect(reopened.closed).toBe(false);
    expect(reopened.history).toHaveLength(1);
    expect(reopened.history[0]).toMatchObject({ reopenedBy: 'Соколов Андрей Викторович', reopenReason: 'Пропущен платёж от «Гаммы»' });
    const entry = t.app.store.sqlite.prepare("SELECT user_name, after FROM audit_log WHERE entity = 'month_close' AND action = 'reopen'").get() as { user_name: string; after: string };
    expect(entry.user_name).toBe('Соколов Андрей Викторович');
    expect(JSON.parse(entry.after)).toEqual({ reason: 'Пропущен платёж от «Гаммы»' });
    expect(() => t.app.store.sqlite.prepare('DELETE FROM month_closes').run()).toThrow(/history/);
    await signIn(t, 'volkova');
    await t.ok('payments.create', { ...manual('2026-01-21', '902'), payerInn: '7718990043', payerName: 'ООО "Гамма"' });
    // Closing again starts a new cycle; the old one stays in the history.
    await closeJanuary();
    expect((await t.ok('monthClose.get', { month: JAN })).history).toHaveLength(2);
  });

  it('withdraws a confirmation given on figures that changed before the second one', async () => {
    await signIn(t, 'morozova');
    await t.ok('monthClose.confirm', { month: JAN });
    await signIn(t, 'volkova');
    const alfa = (await t.ok('payments.list', { month: JAN, direction: 'in' })).rows.find((p) => p.payerInn === '5027990026');
    await t.ok('payments.setKind', { id: alfa?.id ?? 0, kind: 'client', comment: 'проверено' });
    await t.ok('payments.create', { ...manual('2026-01-22', '903'), clientId: null, payerInn: '5027990026', payerName: 'ООО "Альфа-Трейд"' });
    const panel = await t.ok('monthClose.get', { month: JAN });
    expect(panel.headOfSalesStale).toBe(true);
    const after = await t.ok('monthClose.confirm', { month: JAN });
    expect(after.closed).toBe(false);
    expect(after.current?.headOfSalesConfirmedAt).toBeNull();
    expect(after.current?.accountantConfirmedAt).not.toBeNull();
    await signIn(t, 'morozova');
    expect((await t.ok('monthClose.confirm', { month: JAN, closeAcknowledged: true })).closed).toBe(true);
  });

  it('refuses to confirm a month that is not over, or one with money no manager owns', async () => {
    await signIn(t, 'morozova');
    const now = await t.call('monthClose.confirm', { month: '2026-11' });
    expect(now.error?.message).toContain('ещё не закончился');
    await signIn(t, 'volkova');
    await t.ok('payments.create', manual('2026-10-05', '904'));
    const panel = await t.ok('monthClose.get', { month: '2026-10' });
    expect(panel.canConfirm).toBe(false);
    expect(panel.blockers.map((b) => b.text).join(' ')).toContain('не разобрано');
    expect((await t.call('monthClose.confirm', { month: '2026-10' })).error?.code).toBe('CONFLICT');
    expect(rowCount(t.app.store.sqlite, 'month_closes')).toBe(0);
  });
});
