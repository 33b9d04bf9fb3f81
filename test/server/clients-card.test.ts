import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, clientInput, countRows, signIn } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let ivanov: number;
let petrova: number;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
  petrova = await addPerson(t, 'petrova', 'manager', 'Петрова Анна');
  await addPerson(t, 'head', 'head_of_sales', 'Морозова Елена');
  await addPerson(t, 'office', 'office_manager', 'Павлова Ольга');
  await addPerson(t, 'buh', 'accountant', 'Волкова Татьяна');
});
afterEach(async () => {
  await t.close();
});

describe('the client card', () => {
  it('refuses a wrong ИНН, names the field and saves nothing', async () => {
    await signIn(t, 'ivanov');
    const audit = await t.app.store.audit.count();
    const res = await t.call('clients.create', { client: clientInput({ inn: '7707083894' }) });
    expect(res.error?.code).toBe('INVALID_REQUISITES');
    expect(res.error?.details?.fields).toContainEqual({ path: 'client.inn', message: 'ИНН: неверная контрольная сумма' });
    expect(countRows(t, 'clients')).toBe(0);
    expect(await t.app.store.audit.count()).toBe(audit);
  });

  it('checks every bank account against its БИК and names the wrong one', async () => {
    await signIn(t, 'ivanov');
    const good = clientInput().accounts?.[0];
    if (!good) throw new Error('fixture has an account');
    const res = await t.call('clients.create', { client: clientInput({ accounts: [good, { ...good, account: '40702810938000000002' }] }) });
    expect(res.error?.details?.fields?.map((f) => f.path)).toEqual(['client.accounts.1.account']);
  });

  it('names a phone it cannot read and a broken e-mail', async () => {
    await signIn(t, 'ivanov');
    const res = await t.call('clients.create', { client: clientInput({ phones: [{ value: '12-34', label: '' }], emails: [{ value: 'info@', label: '' }] }) });
    expect(res.error?.details?.fields?.map((f) => f.path)).toEqual(['client.phones.0.value', 'client.emails.0.value']);
  });

  it('saves a valid card with the manager who created it as responsible, and audits it', async () => {
    await signIn(t, 'ivanov');
    const card = await t.ok('clients.create', { client: clientInput() });
    expect(card).toMatchObject({ shortName: 'ООО «Ромашка»', responsible: { id: ivanov }, canEdit: true, ladder: { current: 'potential' } });
    expect(card.accounts).toHaveLength(1);
    const [entry] = (await t.app.store.audit.list({ entity: 'client', limit: 1 }));
    expect(entry).toMatchObject({ action: 'create', entityId: String(card.id), userName: 'Иванов Иван' });
  });

  it('refuses a second card with the same ИНН and says whose the first is', async () => {
    await signIn(t, 'ivanov');
    await t.ok('clients.create', { client: clientInput() });
    await signIn(t, 'petrova');
    const res = await t.call('clients.create', { client: clientInput({ shortName: 'Ромашка-2' }) });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toContain('ответственный — Иванов Иван');
    expect(countRows(t, 'clients')).toBe(1);
  });

  it('keeps key persons with their phones and finds the client by a key person', async () => {
    await signIn(t, 'ivanov');
    const card = await t.ok('clients.create', { client: clientInput() });
    const contact = await t.ok('clients.saveContact', {
      clientId: card.id,
      contact: { fullName: 'Громов Сергей Петрович', position: 'Директор', decisionRole: 'decision_maker', phones: [{ value: '8 916 201 33 44', label: '' }], birthday: '1974-03-12', notes: 'Любит хоккей' },
    });
    expect(contact).toMatchObject({ fullName: 'Громов Сергей Петрович', decisionRole: 'decision_maker', birthday: '1974-03-12' });
    expect((await t.ok('clients.search', { query: 'громов' })).map((h) => h.id)).toEqual([card.id]);
    expect((await t.ok('clients.search', { query: '+7 (916) 201-33-44' })).map((h) => h.id)).toEqual([card.id]);
    await t.ok('clients.deleteContact', { clientId: card.id, id: contact.id });
    expect(await t.ok('clients.search', { query: 'громов' })).toEqual([]);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await signIn(t, 'ivanov');
    await t.ok('clients.create', { client: clientInput({ shortName: 'ООО «Ёлка-Трейд»', inn: '7736207543', kpp: '773601001', ogrn: '', phones: [{ value: '8 (812) 600-45-67', label: '' }], emails: [] }) });
    await t.ok('clients.create', { client: clientInput({ shortName: 'АО «Вектор»', inn: '7702235133', kpp: '770201001', ogrn: '', phones: [], emails: [{ value: 'zakaz@vector.example', label: '' }] }) });
  });

  it('finds a client by a Cyrillic name in any case and with е for ё', async () => {
    for (const q of ['ЁЛКА', 'елка', 'Ёлка-тр']) expect((await t.ok('clients.search', { query: q })).map((h) => h.name), q).toEqual(['ООО «Ёлка-Трейд»']);
  });

  it('finds a client by ИНН, by a phone in another spelling and by e-mail', async () => {
    expect((await t.ok('clients.search', { query: '7702235133' }))[0]?.name).toBe('АО «Вектор»');
    expect((await t.ok('clients.search', { query: '+7 812 600 45 67' }))[0]?.name).toBe('ООО «Ёлка-Трейд»');
    expect((await t.ok('clients.search', { query: '6004567' }))[0]?.name).toBe('ООО «Ёлка-Трейд»');
    expect((await t.ok('clients.search', { query: 'vector.example' }))[0]?.name).toBe('АО «Вектор»');
  });

  it('shows another manager whose client it is, without opening the card', async () => {
    await signIn(t, 'petrova');
    const [hit] = await t.ok('clients.search', { query: 'вектор' });
    expect(hit).toMatchObject({ name: 'АО «Вектор»', responsibleName: 'Иванов Иван', canOpen: false });
  });
});

describe('who sees and changes which card', () => {
  let id: number;
  beforeEach(async () => {
    await signIn(t, 'ivanov');
    id = (await t.ok('clients.create', { client: clientInput() })).id;
  });

  it('does not let a manager open or change another manager\'s card', async () => {
    await signIn(t, 'petrova');
    const get = await t.call('clients.get', { id });
    expect(get.error?.code).toBe('FORBIDDEN');
    expect(get.error?.message).toContain('закреплён за другим менеджером: Иванов Иван');
    expect((await t.call('clients.update', { id, version: 1, client: clientInput({ region: 'Тверь' }) })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('clients.addNote', { clientId: id, text: 'чужая заметка' })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('clients.timeline', { clientId: id })).error?.code).toBe('FORBIDDEN');
  });

  it('lists a manager\'s own clients by default and the whole base only on request', async () => {
    await signIn(t, 'petrova');
    expect((await t.ok('clients.list', {})).total).toBe(0);
    expect((await t.ok('clients.list', { scope: 'all' })).rows[0]).toMatchObject({ name: 'ООО «Ромашка»', responsibleName: 'Иванов Иван' });
  });

  it('lets managers open each other\'s cards when the office shares the base, still not change them', async () => {
    await signIn(t, 'head');
    await t.ok('clients.saveDivision', { mode: 'claims', lapseDays: 30, shareBase: true, rules: [] });
    await signIn(t, 'petrova');
    expect((await t.ok('clients.get', { id })).canEdit).toBe(false);
    expect((await t.call('clients.update', { id, version: 1, client: clientInput() })).error?.code).toBe('FORBIDDEN');
  });

  it('lets the head of sales and the office manager change any card; the accountant only reads', async () => {
    for (const login of ['head', 'office']) {
      await signIn(t, login);
      expect((await t.ok('clients.update', { id, version: (await t.ok('clients.get', { id })).version, client: clientInput({ region: login }) })).region).toBe(login);
    }
    await signIn(t, 'buh');
    expect((await t.ok('clients.get', { id })).canEdit).toBe(false);
    expect((await t.call('clients.update', { id, version: 1, client: clientInput() })).error?.code).toBe('FORBIDDEN');
  });

  it('gives the head of sales every client in the list and the filters', async () => {
    await signIn(t, 'petrova');
    await t.ok('clients.create', { client: clientInput({ shortName: 'ИП Сидоров', fullName: '', kind: 'ip', inn: '500100000015', kpp: '', ogrn: '304770000000020', region: 'Тверь', emails: [] }) });
    await signIn(t, 'head');
    expect((await t.ok('clients.list', {})).total).toBe(2);
    expect((await t.ok('clients.list', { managerId: petrova })).rows.map((r) => r.name)).toEqual(['ИП Сидоров']);
    expect((await t.ok('clients.list', { region: 'Тверь' })).total).toBe(1);
    expect((await t.ok('clients.list', { query: 'ромаш' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.ok('clients.facets', {})).regions).toEqual(['Москва', 'Тверь']);
  });
});
