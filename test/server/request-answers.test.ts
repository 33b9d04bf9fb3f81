import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientInput } from '../helpers/client-fixtures';
import { openDesk, openTestApp, setUpOffice, VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

const cardsNamed = (name: string) => (t.app.store.sqlite.prepare('SELECT count(*) AS n FROM clients WHERE short_name = ?').get(name) as { n: number }).n;
const keptKeys = () => (t.app.store.sqlite.prepare('SELECT request_key FROM request_answers ORDER BY request_key').all() as { request_key: string }[]).map((r) => r.request_key);
/** A card without an INN: only the request id stands between a repeat and a second card. */
const card = (shortName: string) => ({ client: clientInput({ shortName, inn: '', kpp: '', ogrn: '' }) });

describe('answers kept for retried writes', () => {
  it('lands the answer with the write or neither: when the answer cannot be kept, the card is not written', async () => {
    const db = t.app.store.sqlite;
    db.exec("CREATE TEMP TRIGGER answers_fail BEFORE INSERT ON main.request_answers BEGIN SELECT RAISE(ABORT, 'no room for the answer'); END");
    const failed = await t.call('clients.create', card('ООО «Вместе»'), { requestId: 'together-1' });
    expect(failed.error?.code).toBe('INTERNAL');
    expect(cardsNamed('ООО «Вместе»')).toBe(0);
    db.exec('DROP TRIGGER answers_fail');
    // The same request sent again goes through once, and its repeat gets the same card.
    const first = await t.call('clients.create', card('ООО «Вместе»'), { requestId: 'together-1' });
    const repeat = await t.call('clients.create', card('ООО «Вместе»'), { requestId: 'together-1' });
    expect(first.data?.id).toBeGreaterThan(0);
    expect(repeat.data?.id).toBe(first.data?.id);
    expect(cardsNamed('ООО «Вместе»')).toBe(1);
  });

  it('keeps no refusal: the same request id goes through once the input is fixed', async () => {
    await t.ok('clients.create', { client: clientInput({ shortName: 'ООО «Первая»' }) });
    const refused = await t.call('clients.create', { client: clientInput({ shortName: 'ООО «Вторая»' }) }, { requestId: 'second-card' });
    expect(refused.error?.code).toBe('CONFLICT');
    const fixed = await t.call('clients.create', { client: clientInput({ shortName: 'ООО «Вторая»', inn: '7736207543', kpp: '773601001', ogrn: '1037700013020' }) }, { requestId: 'second-card' });
    expect(fixed.error).toBeUndefined();
    expect(cardsNamed('ООО «Вторая»')).toBe(1);
  });

  it('refuses a request id used before for another action', async () => {
    expect((await t.call('clients.create', card('ООО «Раз»'), { requestId: 'same-id' })).error).toBeUndefined();
    const other = await t.call('orgs.update', { id: 1, version: 1, org: { ...VALID_ORG, phone: '+7 495 111-11-11' } }, { requestId: 'same-id' });
    expect(other.error).toMatchObject({ code: 'VALIDATION', message: 'Номер запроса уже использован для другого действия' });
  });

  it('forgets answers older than seven days', async () => {
    await t.ok('clients.create', card('ООО «Старое»'));
    expect((await t.call('clients.create', card('ООО «Раннее»'), { requestId: 'early' })).error).toBeUndefined();
    expect(keptKeys()).toEqual(['1:early']);
    t.clock.now = new Date(t.clock.now.getTime() + 8 * 24 * 3600_000);
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    expect((await t.call('clients.create', card('ООО «Позднее»'), { requestId: 'late' })).error).toBeUndefined();
    expect(keptKeys()).toEqual(['1:late']);
  });

  it('gives a sign-in sent again a session of its own instead of an answer without one', async () => {
    const desk = openDesk(t);
    const credentials = { login: 'director', password: 'Stol-Lampa-2026' };
    expect((await desk.call('auth.login', credentials, { requestId: 'login-1' })).error).toBeUndefined();
    // The answer (and with it the session) was lost on the way: the desk sends the same request again.
    desk.caller.credential.token = null;
    expect((await desk.call('auth.login', credentials, { requestId: 'login-1' })).error).toBeUndefined();
    expect(desk.caller.credential.token).not.toBeNull();
    expect((await desk.ok('auth.status', {})).user?.login).toBe('director');
  });

  it('forgets the answers of a restored base: its callers all sign in again', async () => {
    expect((await t.call('clients.create', card('ООО «До копии»'), { requestId: 'before-copy' })).error).toBeUndefined();
    const made = await t.ok('backup.create', {});
    await t.ok('backup.restore', { id: made.id, confirm: true });
    expect(cardsNamed('ООО «До копии»')).toBe(1);
    expect(keptKeys()).toEqual([]);
  });
});
