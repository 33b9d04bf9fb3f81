import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, clientInput, signIn } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let ivanov: number;
let petrova: number;
let id: number;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
  petrova = await addPerson(t, 'petrova', 'manager', 'Петрова Анна');
  await addPerson(t, 'head', 'head_of_sales', 'Морозова Елена');
  await signIn(t, 'ivanov');
  id = (await t.ok('clients.create', { client: clientInput() })).id;
});
afterEach(async () => {
  await t.close();
});

const DAY = 24 * 60 * 60 * 1000;

describe('claims', () => {
  it('gives a free client to the first manager who claims it and logs who and why', async () => {
    await signIn(t, 'head');
    const free = await t.ok('clients.create', { client: clientInput({ shortName: 'Свободный', fullName: '', inn: '', kpp: '', ogrn: '' }), responsibleId: null });
    await signIn(t, 'petrova');
    const res = await t.ok('clients.claim', { clientId: free.id, reason: 'Нашла в справочнике' });
    expect(res).toMatchObject({ outcome: 'assigned', card: { responsible: { id: petrova } } });
    const timeline = await t.ok('clients.timeline', { clientId: free.id });
    expect(timeline[0]).toMatchObject({ kind: 'transfer', userName: 'Петрова Анна' });
    expect(timeline[0].text).toContain('без ответственного → Петрова Анна. Нашла в справочнике');
  });

  it('turns a claim on a held client into a conflict, which the head of sales resolves', async () => {
    await signIn(t, 'petrova');
    const res = await t.ok('clients.claim', { clientId: id, reason: 'Вела их в прошлом году' });
    expect(res).toMatchObject({ outcome: 'conflict', card: null });
    await signIn(t, 'head');
    const [conflict] = await t.ok('clients.conflicts', {});
    expect(conflict).toMatchObject({ claimant: { id: petrova }, holder: { id: ivanov }, reason: 'Вела их в прошлом году', status: 'open' });
    expect((await t.ok('clients.get', { id })).openConflict?.claimantName).toBe('Петрова Анна');
    const resolved = await t.ok('clients.resolveConflict', { id: conflict.id, winnerId: petrova, note: 'Есть переписка' });
    expect(resolved).toMatchObject({ status: 'resolved', winnerName: 'Петрова Анна' });
    expect((await t.ok('clients.get', { id })).responsible?.id).toBe(petrova);
    expect(await t.ok('clients.conflicts', {})).toEqual([]);
    expect((await t.call('clients.resolveConflict', { id: conflict.id, winnerId: ivanov })).error?.code).toBe('CONFLICT');
  });

  it('lets a claim lapse after N days without activity in claims mode', async () => {
    await signIn(t, 'head');
    await t.ok('clients.saveDivision', { mode: 'claims', lapseDays: 30, shareBase: false, rules: [] });
    expect((await t.ok('clients.get', { id })).lapsesOn).toBe('2026-12-26');
    t.clock.now = new Date(t.clock.now.getTime() + 31 * DAY);
    await signIn(t, 'petrova');
    const res = await t.ok('clients.claim', { clientId: id });
    expect(res.outcome).toBe('lapsed');
    expect(res.card?.responsible?.id).toBe(petrova);
  });

  it('keeps a claim alive while the manager works with the client', async () => {
    await signIn(t, 'head');
    await t.ok('clients.saveDivision', { mode: 'claims', lapseDays: 30, shareBase: false, rules: [] });
    t.clock.now = new Date(t.clock.now.getTime() + 20 * DAY);
    await signIn(t, 'ivanov');
    await t.ok('clients.addNote', { clientId: id, text: 'Позвонил, договорились о встрече' });
    t.clock.now = new Date(t.clock.now.getTime() + 20 * DAY);
    await signIn(t, 'petrova');
    expect((await t.ok('clients.claim', { clientId: id })).outcome).toBe('conflict');
  });
});

describe('transfers and the standard', () => {
  it('lets the head of sales transfer a client with a reason, logged in the history', async () => {
    await signIn(t, 'head');
    const card = await t.ok('clients.transfer', { clientId: id, toUserId: petrova, reason: 'Иванов в отпуске' });
    expect(card.responsible?.id).toBe(petrova);
    const [entry] = await t.ok('clients.timeline', { clientId: id });
    expect(entry.text).toBe('Клиент передан другому менеджеру: Иванов Иван → Петрова Анна. Иванов в отпуске');
    await signIn(t, 'ivanov');
    expect((await t.call('clients.transfer', { clientId: id, toUserId: ivanov, reason: 'верните' })).error?.code).toBe('FORBIDDEN');
  });

  it('divides free clients by region and leaves those no rule covers', async () => {
    await signIn(t, 'head');
    for (const [name, region] of [['А', 'Москва'], ['Б', 'санкт-петербург'], ['В', 'Казань']]) {
      await t.ok('clients.create', { client: clientInput({ shortName: name, fullName: '', inn: '', kpp: '', ogrn: '', region }), responsibleId: null });
    }
    const view = await t.ok('clients.saveDivision', {
      mode: 'region',
      lapseDays: 0,
      shareBase: false,
      rules: [{ value: 'Москва', managerId: ivanov }, { value: 'Санкт-Петербург', managerId: petrova }],
    });
    expect(view.freeCount).toBe(3);
    expect(await t.ok('clients.applyDivision', {})).toEqual({ assigned: 2, left: 1 });
    const list = await t.ok('clients.list', { managerId: petrova });
    expect(list.rows.map((r) => r.name)).toEqual(['Б']);
    // A new client without a chosen manager follows the standard too.
    const created = await t.ok('clients.create', { client: clientInput({ shortName: 'Г', fullName: '', inn: '', kpp: '', ogrn: '', region: 'МОСКВА' }) });
    expect(created.responsible?.id).toBe(ivanov);
  });

  it('refuses a rule for someone outside the sales team', async () => {
    await signIn(t, 'head');
    const director = (await t.app.store.users.byLogin('director'))?.id ?? 0;
    const accountant = await addPerson(t, 'buh', 'accountant');
    await signIn(t, 'head');
    const res = await t.call('clients.saveDivision', { mode: 'region', lapseDays: 0, shareBase: false, rules: [{ value: 'Тверь', managerId: accountant }, { value: 'Тула', managerId: director }] });
    expect(res.error?.details?.fields?.map((f) => f.path)).toEqual(['rules.0.managerId']);
  });
});
