import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInLogin, twoManagers, type TwoManagers } from '../helpers/ownership-fixtures';

let w: TwoManagers;
beforeAll(async () => {
  w = await twoManagers();
});
afterAll(async () => {
  await w.t.close();
});
beforeEach(async () => {
  await signInLogin(w.t, 'ivanov');
});

const count = (sql: string, ...args: unknown[]) => (w.t.app.store.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('a manager writes only on his own clients', () => {
  it('refuses a deal on another manager’s client and does not hand out her key person', async () => {
    const before = count('SELECT count(*) AS n FROM deals');
    const res = await w.t.call('deals.create', { clientId: w.clients.other, contactId: w.contacts.other, managerId: w.ivanov, title: 'Чужая', closeMonth: '2026-12', probability: 5, amountKopecks: 100 });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(res.error?.message).toBe('Этот клиент закреплён за другим менеджером');
    expect(JSON.stringify(res)).not.toContain('Соколова');
    expect(count('SELECT count(*) AS n FROM deals')).toBe(before);
  });

  it('refuses a deal on a client nobody holds until he takes it', async () => {
    const res = await w.t.call('deals.create', { clientId: w.clients.free, managerId: w.ivanov, title: 'Свободный', closeMonth: '2026-12', probability: 5, amountKopecks: 100 });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(res.error?.message).toContain('сначала закрепите его за собой');
  });

  it('still makes deals and logs calls on his own client', async () => {
    const deal = await w.t.ok('deals.create', { clientId: w.clients.own, contactId: w.contacts.own, managerId: w.ivanov, title: 'Своя', closeMonth: '2026-12', probability: 5, amountKopecks: 100 });
    expect(deal.clientId).toBe(w.clients.own);
    const call = await w.t.ok('activities.create', { kind: 'call_followup', status: 'done', at: '2026-11-21T10:00', managerId: w.ivanov, clientId: w.clients.own, subject: 'Свой' });
    expect(call.clientId).toBe(w.clients.own);
  });

  it('refuses a call logged on another manager’s client (its history and ladder stay hers)', async () => {
    const events = count('SELECT count(*) AS n FROM client_events WHERE client_id = ?', w.clients.other);
    const res = await w.t.call('activities.create', { kind: 'call_followup', status: 'done', at: '2026-11-21T10:00', managerId: w.ivanov, clientId: w.clients.other, subject: 'Чужой', reachedKeyPerson: true });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(count('SELECT count(*) AS n FROM client_events WHERE client_id = ?', w.clients.other)).toBe(events);
    expect(count('SELECT count(*) AS n FROM activities WHERE client_id = ?', w.clients.other)).toBe(1);
  });

  it('refuses another client’s key person as a participant of his own meeting', async () => {
    const res = await w.t.call('activities.create', {
      kind: 'meeting',
      status: 'planned',
      at: '2026-11-27T10:00',
      managerId: w.ivanov,
      clientId: w.clients.own,
      subject: 'Встреча',
      participants: [{ side: 'theirs', contactId: w.contacts.other, name: 'Соколова Вера Андреевна' }],
    });
    expect(res.error?.code).toBe('VALIDATION');
  });

  it('refuses moving his own call onto another manager’s client', async () => {
    const res = await w.t.call('activities.update', {
      id: w.activities.own,
      activity: { kind: 'call_followup', status: 'done', at: '2026-11-20T10:00', managerId: w.ivanov, clientId: w.clients.other, subject: 'Звонок' },
    });
    expect(res.error?.code).toBe('FORBIDDEN');
  });

  it('refuses rewriting, unlinking or reassigning another manager’s inbound request', async () => {
    const row = () => w.t.app.store.sqlite.prepare('SELECT subject, deal_id, manager_id FROM inbound_requests WHERE id = ?').get(w.inbound.other);
    const before = row();
    const rewrite = await w.t.call('inbound.save', { id: w.inbound.other, request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: w.sourceId, subject: 'Переписано', dealId: null, managerId: w.ivanov } });
    expect(rewrite.error?.code).toBe('NOT_FOUND');
    expect(row()).toEqual(before);
    const link = await w.t.call('inbound.save', { request: { receivedAt: '2026-11-03T10:15', channel: 'site', sourceId: w.sourceId, dealId: w.deals.other, managerId: w.ivanov } });
    expect(link.error?.code).toBe('FORBIDDEN');
    const give = await w.t.call('inbound.save', { id: w.inbound.own, request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: w.sourceId, clientId: w.clients.own, dealId: w.deals.own, managerId: w.petrova } });
    expect(give.error?.code).toBe('FORBIDDEN');
  });

  it('lets him take a request nobody holds and edit his own', async () => {
    const taken = await w.t.ok('inbound.save', { id: w.inbound.free, request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: w.sourceId, subject: 'Беру', managerId: w.ivanov } });
    expect(taken.managerId).toBe(w.ivanov);
    const mine = await w.t.ok('inbound.save', { id: w.inbound.own, request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId: w.sourceId, subject: 'Уточнил', dealId: w.deals.own, managerId: w.ivanov } });
    expect(mine.subject).toBe('Уточнил');
  });
});

describe('a manager reads only his own data', () => {
  it('gets no key persons of another manager’s client from sales.clients, whichever way he asks', async () => {
    const byIds = await w.t.ok('sales.clients', { ids: [w.clients.own, w.clients.other, w.clients.free] });
    const contactsOf = (list: typeof byIds, id: number) => list.find((c) => c.id === id)?.contacts.map((c) => c.name);
    expect(contactsOf(byIds, w.clients.own)).toEqual(['Орлов Игорь Петрович']);
    expect(contactsOf(byIds, w.clients.other)).toEqual([]);
    expect(contactsOf(byIds, w.clients.free)).toEqual(['Лебедев Олег Ильич']);
    const bySearch = await w.t.ok('sales.clients', { search: 'Бета' });
    expect(contactsOf(bySearch, w.clients.other)).toEqual([]);
  });

  it('gives the head of sales every client’s key persons', async () => {
    await signInLogin(w.t, 'morozova');
    const byIds = await w.t.ok('sales.clients', { ids: [w.clients.other] });
    expect(byIds[0]?.contacts.map((c) => c.name)).toEqual(['Соколова Вера Андреевна']);
  });

  it('lists only his own requests and the ones nobody has taken', async () => {
    const ids = (await w.t.ok('inbound.list', {})).map((r) => r.id).sort((a, b) => a - b);
    expect(ids).toEqual([w.inbound.own, w.inbound.free].sort((a, b) => a - b));
    await signInLogin(w.t, 'pavlova');
    expect((await w.t.ok('inbound.list', {})).length).toBe(3);
  });

  it('answers the payment state of his own invoices only', async () => {
    const states = await w.t.ok('payments.invoiceStatus', { documentIds: [w.invoices.own, w.invoices.other, w.invoices.free] });
    expect(states.map((s) => s.documentId)).toEqual([w.invoices.own]);
    await signInLogin(w.t, 'volkova');
    expect((await w.t.ok('payments.invoiceStatus', { documentIds: [w.invoices.own, w.invoices.other, w.invoices.free] })).length).toBe(3);
  });
});
