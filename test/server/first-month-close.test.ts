import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { SAMPLE_BASE64, setUpVectorOffice } from '../helpers/money-fixtures';
import { issueDocument } from '../helpers/payroll-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Issue 16, items 3, 4 and 5: closing a month in an office with only a director and a head of sales.
let t: TestApp;
afterEach(async () => {
  await t.close();
});

const OCT = '2026-10';
const incoming = (docNumber: string, amountKopecks: number, payerName: string) => ({
  direction: 'in' as const,
  orgId: 1,
  date: '2026-10-15',
  amountKopecks,
  payerName,
  docNumber,
  purpose: 'Оплата по счёту',
  allocations: [],
});

async function office(): Promise<{ head: number; office: number }> {
  t = await openTestApp();
  await setUpOffice(t);
  const head = await addPerson(t, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
  const officeManager = await addPerson(t, 'office', 'office_manager', 'Орлова Мария Петровна');
  return { head, office: officeManager };
}

describe('who confirms the month where there is no accountant (item 3)', () => {
  it('lets the director give the second confirmation and says so on the close screen', async () => {
    await office();
    await signIn(t, 'head');
    const head = await t.ok('monthClose.confirm', { month: OCT });
    expect(head.secondConfirmer).toBe('Директор: Петров Пётр Петрович (в офисе нет бухгалтера)');
    expect(head.secondIsAccountant).toBe(false);
    await signIn(t, 'director');
    const panel = await t.ok('monthClose.get', { month: OCT });
    expect(panel.canConfirm).toBe(true);
    const closed = await t.ok('monthClose.confirm', { month: OCT, closeAcknowledged: true });
    expect(closed.closed).toBe(true);
    expect(closed.current?.accountantConfirmedBy).toBe('Петров Пётр Петрович');
  });

  it('lets the person the director names confirm instead, and no one else', async () => {
    const { office: officeId } = await office();
    await signIn(t, 'director');
    const named = await t.ok('monthClose.setConfirmer', { month: OCT, userId: officeId });
    expect(named.secondConfirmer).toContain('Орлова Мария Петровна');
    await signIn(t, 'office');
    expect((await t.ok('monthClose.get', { month: OCT })).canConfirm).toBe(true);
    await t.ok('monthClose.confirm', { month: OCT });
    await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    await signIn(t, 'ivanov');
    expect((await t.call('monthClose.confirm', { month: OCT })).error?.code).toBe('FORBIDDEN');
  });

  it('gives the second confirmation back to the accountant once the office has one', async () => {
    await office();
    await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
    await signIn(t, 'director');
    const res = await t.call('monthClose.confirm', { month: OCT });
    expect(res.error?.code).toBe('FORBIDDEN');
    const withAccountant = await t.ok('monthClose.get', { month: OCT });
    expect(withAccountant.secondConfirmer).toBe('Бухгалтер: Кузнецова Анна Ивановна');
    expect(withAccountant.secondIsAccountant).toBe(true);
  });
});

describe('the closing confirmation asks once more (item 4)', () => {
  it('names what it freezes, closes only when acknowledged, and only the director reopens, logged', async () => {
    const { head } = await office();
    const { clientId } = insertClient(t.app.store.sqlite, 'Альфа-Строй', head);
    await signIn(t, 'director');
    await t.ok('payments.create', { ...incoming('11', 12_000_000, 'ООО «Альфа-Строй»'), clientId });
    await t.ok('payments.create', { ...incoming('12', 3_000_000, 'ООО «Альфа-Строй»'), clientId });
    await signIn(t, 'head');
    await t.ok('monthClose.confirm', { month: OCT });
    await signIn(t, 'director');
    const panel = await t.ok('monthClose.get', { month: OCT });
    expect(panel.closesOnConfirm).toBe(true);
    expect(panel.freezes).toEqual({ paymentsCount: 2, paymentsKopecks: 15_000_000, outgoingCount: 0, outgoingKopecks: 0, documentsCount: 0, documentsKopecks: 0 });
    const asked = await t.call('monthClose.confirm', { month: OCT });
    expect(asked.error?.code).toBe('CONFLICT');
    expect(asked.error?.message).toContain('будут заморожены 2 поступления на 150\u00a0000,00\u00a0₽ и 0 документов на 0,00\u00a0₽');
    expect(await t.app.store.money.isMonthClosed(OCT)).toBe(false);
    expect((await t.ok('monthClose.confirm', { month: OCT, closeAcknowledged: true })).closed).toBe(true);
    await signIn(t, 'head');
    expect((await t.call('monthClose.reopen', { month: OCT, reason: 'Ошибка в выписке' })).error?.code).toBe('FORBIDDEN');
    await signIn(t, 'director');
    expect((await t.ok('monthClose.reopen', { month: OCT, reason: 'Ошибка в выписке' })).closed).toBe(false);
    const logged = t.app.store.sqlite.prepare("SELECT user_name FROM audit_log WHERE entity = 'month_close' AND action = 'reopen'").get() as { user_name: string };
    expect(logged.user_name).toBe('Петров Пётр Петрович');
  });
});

describe('what the close freezes (item 4)', () => {
  it('counts our own payments apart from the money that came in, and the month’s issued documents', async () => {
    const { head } = await office();
    const { clientId } = insertClient(t.app.store.sqlite, 'Альфа-Строй', head);
    issueDocument(t.app.store.sqlite, { kind: 'invoice', clientId, managerId: head, grossKopecks: 5_000_000, date: '2026-10-03' });
    await signIn(t, 'director');
    await t.ok('payments.create', { ...incoming('11', 12_000_000, 'ООО «Альфа-Строй»'), clientId });
    await t.ok('payments.create', { ...incoming('12', 3_000_000, 'ООО «Ромашка»'), direction: 'out', kind: 'outgoing' });
    await signIn(t, 'head');
    await t.ok('monthClose.confirm', { month: OCT });
    await signIn(t, 'director');
    const panel = await t.ok('monthClose.get', { month: OCT });
    expect(panel.freezes).toEqual({ paymentsCount: 1, paymentsKopecks: 12_000_000, outgoingCount: 1, outgoingKopecks: 3_000_000, documentsCount: 1, documentsKopecks: 5_000_000 });
    const asked = await t.call('monthClose.confirm', { month: OCT });
    expect(asked.error?.message).toContain('будут заморожены 1 поступление на 120\u00a0000,00\u00a0₽, 1 списание на 30\u00a0000,00\u00a0₽ и 1 документ на 50\u00a0000,00\u00a0₽');
  });
});

describe('an unknown payer (item 5)', () => {
  it('lands in «Не разобрано», blocks the close with its own line and a link, and becomes client money once a client is named', async () => {
    const { head } = await office();
    await signIn(t, 'director');
    const p = await t.ok('payments.create', incoming('77', 5_000_000, 'ООО «Незнакомец»'));
    expect(p.kind).toBe('unsorted');
    expect(p.state).toBe('unmatched');
    const queue = await t.ok('payments.list', { state: 'unmatched' });
    expect(queue.rows.map((r) => r.id)).toContain(p.id);
    await signIn(t, 'head');
    const panel = await t.ok('monthClose.get', { month: OCT });
    expect(panel.canConfirm).toBe(false);
    expect(panel.blockers).toEqual([{ text: 'Поступление от 15.10.2026 на 50\u00a0000,00\u00a0₽ от «ООО «Незнакомец»» не разобрано: укажите клиента или отметьте, что это за деньги.', link: '/payments/unmatched' }]);
    const { clientId } = insertClient(t.app.store.sqlite, 'Незнакомец', head);
    await signIn(t, 'director');
    const sorted = await t.ok('payments.match', { id: p.id, clientId, allocations: [] });
    expect(sorted.kind).toBe('client');
    await signIn(t, 'head');
    expect((await t.ok('monthClose.get', { month: OCT })).blockers).toEqual([]);
  });

  it('files a bank statement’s incoming money from payers who are no client in «Не разобрано», each one a blocker of its month', async () => {
    t = await openTestApp();
    await setUpVectorOffice(t);
    const preview = await t.ok('payments.importPreview', { fileName: 'выписка.txt', base64: SAMPLE_BASE64 });
    const incoming = preview.rows.filter((r) => r.direction === 'in');
    expect(incoming.length).toBeGreaterThan(0);
    // The new office has no clients: no incoming line may be taken for «Оплата клиента».
    expect(incoming.map((r) => r.kind)).toEqual(incoming.map(() => 'unsorted'));
    await t.ok('payments.importCommit', { fileName: 'выписка.txt', base64: SAMPLE_BASE64 });
    const queue = await t.ok('payments.list', { state: 'unmatched' });
    const unsorted = queue.rows.filter((r) => r.kind === 'unsorted');
    expect(unsorted.length).toBe(incoming.length);
    const month = incoming[0]?.date.slice(0, 7) ?? '';
    const panel = await t.ok('monthClose.get', { month });
    const blockers = panel.blockers.filter((b) => b.text.includes('не разобрано'));
    expect(blockers.length).toBe(incoming.filter((r) => r.date.startsWith(month)).length);
    expect(blockers.every((b) => b.link === '/payments/unmatched')).toBe(true);
  });
});
