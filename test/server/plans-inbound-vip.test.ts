import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { insertClient, userId } from '../helpers/sales-fixtures';

let t: TestApp;
let ivanov: number;
let alpha: { clientId: number; contactId: number };
let beta: { clientId: number; contactId: number };
const rub = (n: number) => n * 100;

beforeEach(async () => {
  t = await openTestApp(undefined, new Date('2026-11-26T10:00:00'));
  await setUpOffice(t);
  await signInAs(t, 'head_of_sales');
  await signInAs(t, 'office_manager');
  await signInAs(t, 'manager');
  ivanov = userId(t.app.store.sqlite, 'user-manager');
  alpha = insertClient(t.app.store.sqlite, 'Альфа', ivanov);
  beta = insertClient(t.app.store.sqlite, 'Бета', ivanov);
});
afterEach(async () => {
  await t.close();
});

describe('the inbound flow by advertising source', () => {
  it('counts requests, deals, won revenue, conversion and revenue per rouble where the spend is entered', async () => {
    await signInAs(t, 'head_of_sales');
    const yandex = await t.ok('inbound.saveSource', { name: 'Яндекс.Директ' });
    const expo = await t.ok('inbound.saveSource', { name: 'Выставка «Склад-2026»' });
    expect((await t.call('inbound.saveSource', { name: 'яндекс.директ' })).error?.code).toBe('CONFLICT');
    await t.ok('inbound.saveSpend', { sourceId: yandex.id, month: '2026-10', amountKopecks: rub(50_000) });
    await t.ok('inbound.saveSpend', { sourceId: yandex.id, month: '2026-11', amountKopecks: rub(50_000) });
    await signInAs(t, 'manager');
    const won = await t.ok('deals.create', { clientId: alpha.clientId, managerId: ivanov, title: 'Стеллажи', closeMonth: '2026-11', probability: 80, amountKopecks: rub(400_000), stage: 'closing' });
    await t.ok('deals.win', { id: won.id });
    const open = await t.ok('deals.create', { clientId: beta.clientId, managerId: ivanov, title: 'Погрузчик', closeMonth: '2026-12', probability: 20, amountKopecks: rub(900_000) });
    await signInAs(t, 'office_manager');
    const logged = await t.ok('inbound.save', { request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: yandex.id, contactName: 'Орлов', subject: 'Нужны стеллажи' } });
    expect(logged.clientId).toBeNull();
    await t.ok('inbound.save', { id: logged.id, request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: yandex.id, contactName: 'Орлов', dealId: won.id, managerId: ivanov } });
    await t.ok('inbound.save', { request: { receivedAt: '2026-11-03T12:00', channel: 'site', sourceId: yandex.id, dealId: open.id } });
    await t.ok('inbound.save', { request: { receivedAt: '2026-11-05T09:00', channel: 'email', sourceId: yandex.id } });
    await t.ok('inbound.save', { request: { receivedAt: '2026-10-20T09:00', channel: 'call', sourceId: yandex.id } });
    await t.ok('inbound.save', { request: { receivedAt: '2026-11-10T16:40', channel: 'call', sourceId: expo.id } });
    const bad = await t.call('inbound.save', { request: { receivedAt: '2026-11-10T16:40', channel: 'call', sourceId: expo.id, clientId: alpha.clientId, dealId: open.id } });
    expect(bad.error?.code).toBe('VALIDATION');
    expect((await t.call('inbound.report', { fromMonth: '2026-11', toMonth: '2026-11' })).error?.code).toBe('FORBIDDEN');
    const list = await t.ok('inbound.list', { fromMonth: '2026-11' });
    expect(list[list.length - 1]).toMatchObject({ contactName: 'Орлов', dealTitle: 'Стеллажи', dealOutcome: 'won', clientName: 'ООО «Альфа»', managerName: 'Тест manager' });

    await signInAs(t, 'director');
    const report = await t.ok('inbound.report', { fromMonth: '2026-11', toMonth: '2026-11' });
    const rows = Object.fromEntries(report.rows.map((r) => [r.sourceName, r]));
    expect(rows['Яндекс.Директ']).toEqual({
      sourceId: yandex.id, sourceName: 'Яндекс.Директ', requests: 3, deals: 2, wonDeals: 1, revenueKopecks: rub(400_000),
      conversionPercent: '66,7\u00a0%', spendKopecks: rub(50_000), revenuePerRouble: '8.00',
    });
    expect(rows['Выставка «Склад-2026»']).toMatchObject({ requests: 1, deals: 0, revenueKopecks: 0, conversionPercent: '0\u00a0%', spendKopecks: null, revenuePerRouble: null });
    expect(report.total).toMatchObject({ requests: 4, deals: 2, revenueKopecks: rub(400_000), spendKopecks: rub(50_000), revenuePerRouble: '8.00' });
    const autumn = await t.ok('inbound.report', { fromMonth: '2026-10', toMonth: '2026-11' });
    expect(autumn.rows.find((r) => r.sourceId === yandex.id)).toMatchObject({ requests: 4, spendKopecks: rub(100_000), revenuePerRouble: '4.00' });
  });
});

/** Alpha joins the monthly tier today (due in a month); Beta has been quarterly since 1 July (overdue). */
async function putInTiers(): Promise<void> {
  await signInAs(t, 'head_of_sales');
  const [monthly, quarterly] = (await t.ok('vip.setup', {})).tiers;
  await t.ok('vip.setClientTier', { clientId: alpha.clientId, tierId: monthly.id });
  await t.ok('vip.setClientTier', { clientId: beta.clientId, tierId: quarterly.id });
  t.app.store.sqlite.prepare("UPDATE vip_client_tiers SET since = '2026-07-01' WHERE client_id = ?").run(beta.clientId);
}

describe('the VIP programme', () => {
  it('puts clients in tiers and lists visits due and overdue per manager', async () => {
    await signInAs(t, 'head_of_sales');
    const setup = await t.ok('vip.setup', {});
    expect(setup.tiers.map((x) => x.intervalMonths)).toEqual([1, 3, 12]);
    expect(setup.form?.title).toBe('VIP-анкета');
    await putInTiers();
    const schedule = await t.ok('vip.schedule', { includeLater: true });
    expect(schedule.rows.map((r) => [r.clientName, r.dueOn, r.status])).toEqual([
      ['ООО «Бета»', '2026-10-01', 'overdue'],
      ['ООО «Альфа»', '2026-12-26', 'due'],
    ]);
    expect(schedule.managers).toEqual([{ managerId: ivanov, managerName: 'Тест manager', overdue: 1, due: 1 }]);
  });

  it('records a visit with the questionnaire, problems, a testimonial and a referral that becomes a new client with its source', async () => {
    await putInTiers();
    await signInAs(t, 'manager');
    const visit = await t.ok('vip.saveVisit', {
      clientId: beta.clientId,
      visitedOn: '2026-11-25',
      answers: { satisfaction: 'В основном', recommend: true },
      problems: 'Задержки с доставкой в октябре',
      testimonial: 'Надёжный поставщик, рекомендуем.',
      referrals: [{ shortName: 'ООО «Гамма»', contactName: 'Смирнов Олег', phone: '+7 495 111-22-33', note: 'Ищут стеллажи на новый склад' }],
    });
    expect(visit.managerName).toBe('Тест manager');
    expect(visit.answers).toMatchObject({ satisfaction: 'В основном', recommend: true, quality: null });
    expect(visit.referrals).toHaveLength(1);
    const gamma = await t.app.store.clients.get(visit.referrals[0].newClientId);
    expect(gamma).toMatchObject({ shortName: 'ООО «Гамма»', sourceName: 'Рекомендации', responsible: { id: ivanov } });
    expect(gamma?.contacts.map((c) => c.fullName)).toEqual(['Смирнов Олег']);
    const timeline = await t.app.store.clientDossier.events(beta.clientId);
    expect(timeline.some((e) => e.kind === 'vip_visit' && e.text.includes('рекомендации: 1'))).toBe(true);
    // Visited yesterday: Beta is next due in three months, out of the due list.
    const schedule = await t.ok('vip.schedule', {});
    expect(schedule.rows.map((r) => r.clientName)).toEqual(['ООО «Альфа»']);
    const bad = await t.call('vip.saveVisit', { clientId: beta.clientId, visitedOn: '2026-11-25', answers: { satisfaction: 'Отлично!!!' } });
    expect(bad.error?.code).toBe('VALIDATION');
    expect((await t.call('vip.saveVisit', { clientId: beta.clientId, visitedOn: '2026-12-25' })).error?.code).toBe('VALIDATION');
    expect(await t.app.store.audit.verify()).toBeNull();
  });

  it('refuses a manager another manager’s client and the tier settings', async () => {
    await signInAs(t, 'director');
    const other = (await t.ok('users.create', { login: 'petrova', fullName: 'Петрова Анна', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id;
    const theirs = insertClient(t.app.store.sqlite, 'Дельта', other);
    await signInAs(t, 'manager');
    expect((await t.call('vip.saveVisit', { clientId: theirs.clientId, visitedOn: '2026-11-20' })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('vip.setClientTier', { clientId: alpha.clientId, tierId: null })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('vip.schedule', { managerId: other })).error?.code).toBe('FORBIDDEN');
  });
});
