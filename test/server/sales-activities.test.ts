import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { insertClient, userId } from '../helpers/sales-fixtures';

let t: TestApp;
let managerId: number;
let client: { clientId: number; contactId: number };

const ladderOf = (clientId: number) => (t.app.store.sqlite.prepare('SELECT ladder_step AS s FROM clients WHERE id = ?').get(clientId) as { s: string }).s;

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await signInAs(t, 'manager');
  managerId = userId(t.app.store.sqlite, 'user-manager');
  client = insertClient(t.app.store.sqlite, 'Гамма', managerId);
});
afterAll(async () => {
  await t.close();
});

describe('activities', () => {
  it('feed the client’s history and the "our client" ladder: contact, meeting, proposal', async () => {
    // A client of its own: the other tests log calls for the shared one.
    const client = insertClient(t.app.store.sqlite, 'Лестница', managerId);
    const ladder = () => ladderOf(client.clientId);
    expect(ladder()).toBe('potential');
    const base = { managerId, clientId: client.clientId, contactId: client.contactId };
    await t.ok('activities.create', { ...base, kind: 'call_cold', at: '2026-11-25T10:00', reachedKeyPerson: true });
    expect(ladder()).toBe('potential');
    await t.ok('activities.create', { ...base, kind: 'call_followup', at: '2026-11-25T11:00', reachedKeyPerson: true, madeContact: true, meetingSet: true });
    expect(ladder()).toBe('contact');
    const meeting = await t.ok('activities.create', { ...base, kind: 'meeting', status: 'planned', at: '2026-11-27T15:00', place: 'У клиента', remindMinutes: 60 });
    expect(ladder()).toBe('contact');
    await t.ok('activities.setStatus', { id: meeting.id, status: 'done' });
    expect(ladder()).toBe('meeting');
    await t.ok('activities.create', { ...base, kind: 'proposal', at: '2026-11-28T09:00', subject: 'КП на стеллажи' });
    expect(ladder()).toBe('proposal');
    await t.ok('activities.setStatus', { id: meeting.id, status: 'cancelled' });
    // The proposal still stands above the cancelled meeting: the ladder counts reached steps as implied.
    expect(ladder()).toBe('proposal');
    const events = t.app.store.sqlite.prepare("SELECT kind FROM client_events WHERE client_id = ? AND ref_entity = 'activity' ORDER BY at").all(client.clientId) as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(['call', 'contact', 'proposal']);
  });

  it('list a manager’s day: planned today, overdue, done', async () => {
    const base = { managerId, clientId: client.clientId, contactId: client.contactId, kind: 'call_followup' as const };
    await t.ok('activities.create', { ...base, status: 'planned', at: '2026-11-24T12:00' });
    await t.ok('activities.create', { ...base, status: 'planned', at: '2026-11-26T16:00', remindMinutes: 15 });
    await t.ok('activities.create', { ...base, status: 'done', at: '2026-11-26T09:30', madeContact: true });
    const day = await t.ok('activities.day', { day: '2026-11-26' });
    expect(day.planned.map((a) => a.at)).toEqual(['2026-11-26T16:00']);
    expect(day.planned[0].remindMinutes).toBe(15);
    expect(day.overdue.map((a) => a.at)).toEqual(['2026-11-24T12:00']);
    expect(day.done.map((a) => a.at)).toEqual(['2026-11-26T09:30']);
  });

  it('keep a manager to their own calls', async () => {
    await signInAs(t, 'director');
    const other = await t.ok('users.create', { login: 'other2', fullName: 'Другой', position: '', role: 'manager', password: 'Stol-Lampa-2026' });
    const theirs = await t.ok('activities.create', { managerId: other.id, clientId: client.clientId, kind: 'call_cold', at: '2026-11-26T10:00' });
    await signInAs(t, 'manager');
    expect((await t.call('activities.get', { id: theirs.id })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('activities.setStatus', { id: theirs.id, status: 'cancelled' })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('activities.create', { managerId: other.id, clientId: client.clientId, kind: 'call_cold', at: '2026-11-26T10:00' })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('activities.day', { day: '2026-11-26', managerId: other.id })).error?.code).toBe('FORBIDDEN');
    const mine = await t.ok('activities.list', {});
    expect(mine.every((a) => a.managerId === managerId)).toBe(true);
  });
});
