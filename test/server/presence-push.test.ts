import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/shared/changes';
import { makeClient } from '../helpers/document-fixtures';
import { openDesk, openTestApp, setUpOffice, type TestApp, type TestDesk } from '../helpers/temp-app';

let t: TestApp;
let director: TestDesk;
let manager: TestDesk;
let dealId: number;
let pushed: ChangeEvent[];

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  const managerId = (await t.ok('users.create', { login: 'orlova', fullName: 'Орлова Дарья Андреевна', position: 'Менеджер', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const clientId = await makeClient(t, { shortName: 'ООО «Альфа»' }, managerId);
  dealId = (await t.ok('deals.create', { clientId, managerId, title: 'Стеллажи', closeMonth: '2026-12', probability: 20, amountKopecks: 100_000 })).id;
  director = openDesk(t);
  manager = openDesk(t);
  await director.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
  await manager.ok('auth.login', { login: 'orlova', password: 'Stol-Lampa-2026' });
  pushed = [];
  t.app.changes.subscribe((e) => pushed.push(e));
});
afterEach(async () => {
  await t.close();
});

const presenceEvents = () => pushed.filter((e) => e.entry === 'presence.here').map((e) => ({ area: e.area, ids: e.ids, by: e.by.userName }));

describe('soft presence pushed to the other desks', () => {
  it('tells the others when someone opens or leaves a deal, and stays quiet on a heartbeat that changes nothing', async () => {
    await director.ok('presence.here', { record: 'deal', id: dealId });
    expect(presenceEvents()).toEqual([{ area: 'presence', ids: [dealId], by: 'Петров Пётр Петрович' }]);
    await manager.ok('presence.here', { record: 'deal', id: dealId });
    expect(presenceEvents()).toHaveLength(2);
    expect(presenceEvents()[1]).toEqual({ area: 'presence', ids: [dealId], by: 'Орлова Дарья Андреевна' });
    // Heartbeats of screens already open: nothing new to say (else every refetch would echo between them).
    await director.ok('presence.here', { record: 'deal', id: dealId });
    await manager.ok('presence.here', { record: 'deal', id: dealId });
    expect(presenceEvents()).toHaveLength(2);
    await manager.ok('presence.here', { record: 'deal', id: dealId, leaving: true });
    expect(presenceEvents()).toHaveLength(3);
    expect(await director.ok('presence.here', { record: 'deal', id: dealId })).toEqual([]);
    expect(presenceEvents()).toHaveLength(3);
  });

  it('pushes nothing for a record the caller may not see', async () => {
    const stranger = openDesk(t);
    await director.ok('users.create', { login: 'sidorov', fullName: 'Сидоров Олег Игоревич', position: '', role: 'manager', password: 'Stol-Lampa-2026' });
    await stranger.ok('auth.login', { login: 'sidorov', password: 'Stol-Lampa-2026' });
    expect((await stranger.call('presence.here', { record: 'deal', id: dealId })).error?.code).toBe('NOT_FOUND');
    expect(presenceEvents()).toEqual([]);
  });
});
