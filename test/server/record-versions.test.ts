import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortPersonName } from '../../src/core/index';
import { clientInput } from '../helpers/client-fixtures';
import { draftInput, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// 12:03 on the office's clock (a local time, so the message reads the same in any time zone).
const AT_1203 = new Date(2026, 10, 26, 12, 3, 0);
const REFUSED = 'Эту запись изменил(а) Иванова И. С. в 12:03. Обновите и повторите';

let t: TestApp;
let ivanovaId: number;
let clientId: number;

const as = async (login: 'director' | 'ivanova') => {
  await t.ok('auth.login', { login, password: 'Stol-Lampa-2026' });
};

beforeAll(async () => {
  t = await openTestApp(undefined, new Date(2026, 10, 26, 12, 0, 0));
  await setUpOffice(t);
  ivanovaId = (await t.ok('users.create', { login: 'ivanova', fullName: 'Иванова Ирина Сергеевна', position: 'Руководитель отдела продаж', role: 'head_of_sales', password: 'Stol-Lampa-2026' })).id;
  clientId = await makeClient(t, { shortName: 'ООО «Альфа»' }, ivanovaId);
});
afterAll(async () => {
  await t.close();
});

describe('two people saving one record', () => {
  it('refuses the deal saved on an older version, naming who saved it and when, and keeps the newer save', async () => {
    await as('director');
    const deal = await t.ok('deals.create', { clientId, managerId: ivanovaId, title: 'Стеллажи', closeMonth: '2026-12', probability: 20, amountKopecks: 100_000 });
    expect(deal.version).toBe(1);
    // Both opened the deal at version 1; Иванова saves first at 12:03.
    await as('ivanova');
    t.clock.now = AT_1203;
    const saved = await t.ok('deals.update', { id: deal.id, version: 1, deal: { clientId, managerId: ivanovaId, title: 'Стеллажи и монтаж', closeMonth: '2026-12', probability: 40, amountKopecks: 150_000 } });
    expect(saved).toMatchObject({ version: 2, updatedByName: 'Иванова Ирина Сергеевна' });
    await as('director');
    const stale = await t.call('deals.update', { id: deal.id, version: 1, deal: { clientId, managerId: ivanovaId, title: 'Стеллажи (директор)', closeMonth: '2027-01', probability: 10, amountKopecks: 90_000 } });
    expect(stale.error).toEqual({ code: 'STALE', message: REFUSED });
    expect(await t.ok('deals.get', { id: deal.id })).toMatchObject({ title: 'Стеллажи и монтаж', probability: 40, version: 2 });
    // After refreshing, the same save on the current version goes through.
    const again = await t.ok('deals.update', { id: deal.id, version: 2, deal: { clientId, managerId: ivanovaId, title: 'Стеллажи (директор)', closeMonth: '2027-01', probability: 10, amountKopecks: 90_000 } });
    expect(again).toMatchObject({ title: 'Стеллажи (директор)', version: 3, updatedByName: 'Петров Пётр Петрович' });
  });

  it('counts a stage move as a change: a form opened before it is refused', async () => {
    await as('director');
    const deal = await t.ok('deals.create', { clientId, managerId: ivanovaId, title: 'Погрузчик', closeMonth: '2026-12', probability: 20, amountKopecks: 100_000 });
    await as('ivanova');
    t.clock.now = AT_1203;
    const moved = await t.ok('deals.move', { id: deal.id, stage: 'meeting' });
    expect(moved.version).toBe(2);
    await as('director');
    const stale = await t.call('deals.update', { id: deal.id, version: deal.version, deal: { clientId, managerId: ivanovaId, title: 'Погрузчик', closeMonth: '2026-12', probability: 90, amountKopecks: 100_000 } });
    expect(stale.error).toEqual({ code: 'STALE', message: REFUSED });
  });

  it('refuses a client card saved on an older version and leaves the card as the other person saved it', async () => {
    await as('director');
    const before = await t.ok('clients.get', { id: clientId });
    await as('ivanova');
    t.clock.now = AT_1203;
    const saved = await t.ok('clients.update', { id: clientId, version: before.version, client: clientInput({ shortName: 'ООО «Альфа»', region: 'Тверь' }) });
    expect(saved.version).toBe(before.version + 1);
    await as('director');
    const stale = await t.call('clients.update', { id: clientId, version: before.version, client: clientInput({ shortName: 'ООО «Альфа»', region: 'Москва' }) });
    expect(stale.error).toEqual({ code: 'STALE', message: REFUSED });
    expect((await t.ok('clients.get', { id: clientId })).region).toBe('Тверь');
  });

  it('refuses a draft document saved on an older version and writes none of its lines', async () => {
    await as('director');
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    await as('ivanova');
    t.clock.now = AT_1203;
    const saved = await t.ok('documents.updateDraft', { id: draft.id, version: draft.version, draft: draftInput('invoice', clientId, { lines: [{ name: 'Стеллаж СТ-100', unit: 'шт', okei: '796', quantityMilli: 2_000, priceKopecks: 50_000, vatRate: '22' }] }) });
    expect(saved).toMatchObject({ version: draft.version + 1, updatedByName: 'Иванова Ирина Сергеевна' });
    await as('director');
    const stale = await t.call('documents.updateDraft', { id: draft.id, version: draft.version, draft: draftInput('invoice', clientId, { lines: [{ name: 'Чужая строка', unit: 'шт', okei: '796', quantityMilli: 1_000, priceKopecks: 1_000, vatRate: '22' }] }) });
    expect(stale.error).toEqual({ code: 'STALE', message: REFUSED });
    const now = await t.ok('documents.get', { id: draft.id });
    expect(now.lines.map((l) => l.name)).toEqual(['Стеллаж СТ-100']);
  });
});

describe('the short name in the refusal', () => {
  it('keeps the surname and turns the given names into initials', () => {
    expect(shortPersonName('Иванов Иван Иванович')).toBe('Иванов И. И.');
    expect(shortPersonName('Петрова Елена')).toBe('Петрова Е.');
    expect(shortPersonName('  Сидоров   пётр  ')).toBe('Сидоров П.');
    expect(shortPersonName('Администратор')).toBe('Администратор');
  });
});

describe('soft presence on a deal and a draft', () => {
  it('tells each person who else has the record open, forgets who left or went quiet, and checks who may see it', async () => {
    await as('director');
    const deal = await t.ok('deals.create', { clientId, managerId: ivanovaId, title: 'Мезонин', closeMonth: '2026-12', probability: 20, amountKopecks: 100_000 });
    expect(await t.ok('presence.here', { record: 'deal', id: deal.id })).toEqual([]);
    await as('ivanova');
    expect(await t.ok('presence.here', { record: 'deal', id: deal.id })).toEqual([{ userId: 1, fullName: 'Петров Пётр Петрович' }]);
    await as('director');
    expect(await t.ok('presence.here', { record: 'deal', id: deal.id })).toEqual([{ userId: ivanovaId, fullName: 'Иванова Ирина Сергеевна' }]);
    // Иванова closes the deal: the director no longer sees her.
    await as('ivanova');
    await t.ok('presence.here', { record: 'deal', id: deal.id, leaving: true });
    await as('director');
    expect(await t.ok('presence.here', { record: 'deal', id: deal.id })).toEqual([]);
    // Open again, then 46 s of silence: gone (an open screen says so every 20 s).
    await as('ivanova');
    await t.ok('presence.here', { record: 'deal', id: deal.id });
    t.clock.now = new Date(t.clock.now.getTime() + 46_000);
    await as('director');
    expect(await t.ok('presence.here', { record: 'deal', id: deal.id })).toEqual([]);
    // A manager may not learn about a deal that is not theirs.
    await t.ok('users.create', { login: 'sidorov', fullName: 'Сидоров Олег', position: '', role: 'manager', password: 'Stol-Lampa-2026' });
    await t.ok('auth.login', { login: 'sidorov', password: 'Stol-Lampa-2026' });
    expect((await t.call('presence.here', { record: 'deal', id: deal.id })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('presence.here', { record: 'document', id: 999_999 })).error?.code).toBe('NOT_FOUND');
  });
});

describe('a catalog item edited by two people', () => {
  it('refuses the older save with who saved and when, and a save of an existing item without its version', async () => {
    await as('director');
    const item = { kind: 'goods' as const, name: 'Стеллаж СТ-300', unit: 'шт', okei: '796', vatRate: '22' as const };
    const created = await t.ok('catalog.save', { item });
    expect(created.version).toBe(1);
    await t.ok('users.create', { login: 'kuznetsova', fullName: 'Кузнецова Ольга Петровна', position: 'Офис-менеджер', role: 'office_manager', password: 'Stol-Lampa-2026' });
    await t.ok('auth.login', { login: 'kuznetsova', password: 'Stol-Lampa-2026' });
    t.clock.now = AT_1203;
    expect((await t.ok('catalog.save', { id: created.id, version: 1, item: { ...item, name: 'Стеллаж СТ-300 усиленный' } })).version).toBe(2);
    await as('director');
    const stale = await t.call('catalog.save', { id: created.id, version: 1, item: { ...item, article: 'СТ-300-Д' } });
    expect(stale.error).toEqual({ code: 'STALE', message: 'Эту запись изменил(а) Кузнецова О. П. в 12:03. Обновите и повторите' });
    expect((await t.call('catalog.save', { id: created.id, item })).error?.code).toBe('VALIDATION');
    const now = (await t.ok('catalog.list', { includeInactive: true })).find((i) => i.id === created.id);
    expect(now).toMatchObject({ name: 'Стеллаж СТ-300 усиленный', article: '', version: 2 });
  });
});
