import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEME_A_EXAMPLE, SCHEME_B_EXAMPLE } from '../../src/core';
import { pdfPages } from '../documents/pdf-text';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { approveOrder, approvePlans, closeMonth, insertPayment, schemeAOrder } from '../helpers/payroll-fixtures';
import { setUpOffice, type TestApp } from '../helpers/temp-app';
import { buildTemplate, type Template } from '../helpers/world-template';
import { recordPrints } from '../helpers/pdf-prints';

// The office with the order in force since January is built once; each test opens its own copy.
let template: Template<{ ivanov: number; petrov: number; current: number }>;
let t: TestApp;
let ivanov: number;
let petrov: number;
let current: number;

beforeAll(async () => {
  template = await buildTemplate(async (w) => {
    await setUpOffice(w);
    const people = { ivanov: await addPerson(w, 'ivanov', 'manager', 'Иванов Иван Иванович'), petrov: await addPerson(w, 'petrov', 'manager', 'Петров Сергей Олегович') };
    await addPerson(w, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
    await addPerson(w, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
    return { ...people, current: await approveOrder(w, schemeAOrder({ validFrom: '2026-01-01' })) };
  }, new Date('2026-12-10T09:00:00Z'));
  ({ ivanov, petrov, current } = template.world);
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open();
});
afterEach(async () => {
  await t.close();
});

describe('payroll orders', () => {
  it('goes draft → sent → approved, and only the director approves', async () => {
    await signIn(t, 'head');
    const draft = await t.ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-01-01', title: 'Новая шкала' }) });
    expect(draft).toMatchObject({ status: 'draft', number: '', canEdit: true, canApprove: false });
    const sent = await t.ok('payroll.orders.send', { id: draft.id });
    expect(sent.status).toBe('sent');
    for (const login of ['head', 'buh', 'ivanov']) {
      await signIn(t, login);
      expect((await t.call('payroll.orders.approve', { id: draft.id })).error?.code, login).toBe('FORBIDDEN');
    }
    await signIn(t, 'director');
    const approved = await t.ok('payroll.orders.approve', { id: draft.id });
    expect(approved).toMatchObject({ status: 'approved', number: '2-ЗП', orderDate: '2026-12-10', approvedByName: 'Петров Пётр Петрович' });
    // The earlier order for the same people is superseded from the new one's start.
    const old = await t.ok('payroll.orders.get', { id: current });
    expect(old).toMatchObject({ status: 'superseded', supersededByNumber: '2-ЗП', effectiveTo: '2026-12-31' });
  });

  it('refuses an order overlapping another for the same people and period', async () => {
    // The January order ends where the next year's begins.
    await approveOrder(t, schemeAOrder({ validFrom: '2027-01-01', title: 'Новая шкала' }));
    await signIn(t, 'director');
    const res = await t.call('payroll.orders.save', { order: schemeAOrder({ validFrom: '2026-06-01', validTo: '2026-08-31' }) });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toContain('пересекается');
    // A named manager overlaps a role order too.
    const named = await t.call('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-01-01', roles: [], userIds: [ivanov] }) });
    expect(named.error?.code).toBe('CONFLICT');
    // Other people, or a later start that supersedes, are fine.
    const other = await t.ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2026-06-01', roles: ['head_of_sales'] }) });
    expect(other.status).toBe('draft');
    await t.ok('payroll.orders.remove', { id: other.id });
  });

  it('checks validity in whole months and the scheme', async () => {
    await signIn(t, 'director');
    const mid = await t.call('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-03-15' }) });
    expect(mid.error?.message).toContain('первого числа');
    const bad = await t.call('payroll.orders.save', {
      order: schemeAOrder({ validFrom: '2027-03-01', scheme: { ...SCHEME_A_EXAMPLE, rateBands: [{ fromBasisPoints: 5000, rateBasisPoints: 100 }] } }),
    });
    expect(bad.error?.code).toBe('VALIDATION');
    expect(bad.error?.message).toContain('первая ступень должна начинаться с 0');
  });

  it('keeps an approved order frozen in the store (only superseding is allowed)', async () => {
    const db = t.app.store.sqlite;
    const approved = (db.prepare("SELECT id FROM payroll_orders WHERE status = 'approved'").get() as { id: number }).id;
    expect(() => db.prepare("UPDATE payroll_orders SET scheme = '{}' WHERE id = ?").run(approved)).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE payroll_orders SET valid_to = '2027-12-31' WHERE id = ?").run(approved)).toThrow(/frozen/);
    expect(() => db.prepare('UPDATE payroll_orders SET version = version + 1 WHERE id = ?').run(approved)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM payroll_orders WHERE id = ?').run(approved)).toThrow(/draft/);
    expect(() => db.prepare('DELETE FROM payroll_order_coverage WHERE order_id = ?').run(approved)).toThrow(/no longer a draft/);
    expect(() => db.prepare("UPDATE payroll_orders SET status = 'draft' WHERE id = ?").run(current)).toThrow(/frozen/);
    // The program refuses edits too.
    await signIn(t, 'director');
    const { version } = await t.ok('payroll.orders.get', { id: approved });
    expect((await t.call('payroll.orders.save', { id: approved, version, order: schemeAOrder({ validFrom: '2027-01-01' }) })).error?.code).toBe('CONFLICT');
  });

  it('prints the order with the director’s signature line and an acquaintance sheet per person', async () => {
    await signIn(t, 'ivanov');
    const approved = (await t.ok('payroll.orders.list', {})).find((o) => o.status === 'approved');
    expect(approved).toBeDefined();
    const id = approved?.id ?? 0;
    const acked = await t.ok('payroll.orders.acknowledge', { id });
    expect(acked.people.find((p) => p.userId === ivanov)?.acknowledgedAt).not.toBeNull();
    const prints = recordPrints(t);
    const pdf = await t.ok('payroll.orders.pdf', { id });
    expect(prints).toEqual(['payrollOrder']);
    const pages = await pdfPages(Buffer.from(pdf.base64, 'base64'));
    const sheets = pages.filter((p) => p.includes('ЛИСТ ОЗНАКОМЛЕНИЯ'));
    const order = pages.filter((p) => !p.includes('ЛИСТ ОЗНАКОМЛЕНИЯ')).join(' ');
    // The office's copy has one approved order, the year's first.
    expect(approved?.number).toBe('1-ЗП');
    expect(order).toContain('ПРИКАЗ № 1-ЗП');
    expect(order).toContain('Генеральный директор ____________________ / Петров Пётр Петрович /');
    expect(order).toContain('от 90% до 100%');
    expect(order).toContain('не подписаны клиентом');
    expect(sheets).toHaveLength(2);
    expect(sheets.every((p) => p.includes('ЛИСТ ОЗНАКОМЛЕНИЯ') && p.includes('ознакомлен(а)'))).toBe(true);
    expect(sheets.some((p) => p.includes('Иванов Иван Иванович') && p.includes('Ознакомление отмечено'))).toBe(true);
    expect(sheets.some((p) => p.includes('Петров Сергей Олегович'))).toBe(true);
  });

  it('hides drafts and other people’s orders from a manager', async () => {
    await signIn(t, 'director');
    const draft = await t.ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-06-01', title: 'Черновик' }) });
    await signIn(t, 'petrov');
    expect((await t.ok('payroll.orders.list', {})).map((o) => o.status)).not.toContain('draft');
    expect((await t.call('payroll.orders.get', { id: draft.id })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('payroll.orders.save', { order: schemeAOrder({ validFrom: '2028-01-01' }) })).error?.code).toBe('FORBIDDEN');
  });

  it('compares a draft with the order in force over closed months and finds the month-shifting hole', async () => {
    await approvePlans(t, '2026-09', { [ivanov]: 150_000_000, [petrov]: 150_000_000 }, 300_000_000);
    await approvePlans(t, '2026-10', { [ivanov]: 150_000_000, [petrov]: 150_000_000 }, 300_000_000);
    insertPayment(t.app.store.sqlite, { date: '2026-09-10', netKopecks: 120_000_000, managerId: ivanov });
    insertPayment(t.app.store.sqlite, { date: '2026-09-12', netKopecks: 150_000_000, managerId: petrov });
    insertPayment(t.app.store.sqlite, { date: '2026-10-10', netKopecks: 90_000_000, managerId: ivanov });
    insertPayment(t.app.store.sqlite, { date: '2026-10-12', netKopecks: 150_000_000, managerId: petrov });
    closeMonth(t.app.store.sqlite, '2026-09');
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'director');
    const draft = await t.ok('payroll.orders.save', {
      order: schemeAOrder({ validFrom: '2027-07-01', title: 'Схема Б на выручке', scheme: { ...SCHEME_B_EXAMPLE, commissionBase: 'revenue_net' } }),
    });
    await signIn(t, 'buh');
    const w = await t.ok('payroll.orders.whatIf', { id: draft.id });
    expect(w.months).toEqual(['2026-09', '2026-10']);
    const sep = w.rows.find((r) => r.month === '2026-09' && r.userId === ivanov);
    // Scheme A: 1 200 000 of 1 500 000 = 80 % → 4 %, department 270 of 300 = 90 % → K 0.9: 43 200 + 40 000.
    expect(sep?.currentAccruedKopecks).toBe(8_320_000);
    // Scheme B on revenue: 10 % up to plan → 120 000 + 35 000 (no team bonus below 100 %).
    expect(sep?.draftAccruedKopecks).toBe(15_500_000);
    expect(sep?.differenceKopecks).toBe(7_180_000);
    expect(w.totals.find((x) => x.month === '2026-09')?.draftKopecks).toBeGreaterThan(0);
    expect(w.holes.length).toBeGreaterThan(0);
    expect(w.holes[0]?.gainKopecks).toBeGreaterThan(0);
  });
});
