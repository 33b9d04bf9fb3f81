import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, setUpOffice, VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('first-run set-up', () => {
  it('says set-up is needed on an empty base', async () => {
    expect(await t.ok('auth.status', {})).toMatchObject({ needsSetup: true, user: null, mode: 'normal' });
  });

  it('refuses a wrong ИНН, names the field in Russian and saves nothing', async () => {
    const res = await t.call('setup.complete', {
      org: { ...VALID_ORG, inn: '7707083894' },
      director: { fullName: 'Петров П. П.', login: 'director', password: 'Stol-Lampa-2026' },
    });
    expect(res.error?.code).toBe('INVALID_REQUISITES');
    expect(res.error?.details?.fields).toContainEqual({ path: 'org.inn', message: 'ИНН: неверная контрольная сумма' });
    expect(await t.app.store.users.count()).toBe(0);
    expect(await t.app.store.orgs.list()).toEqual([]);
    expect(await t.app.store.audit.count()).toBe(0);
  });

  it('refuses a расчётный счёт that does not match the БИК', async () => {
    const res = await t.call('setup.complete', {
      org: { ...VALID_ORG, account: '40702810938000000002' },
      director: { fullName: 'Петров П. П.', login: 'director', password: 'Stol-Lampa-2026' },
    });
    expect(res.error?.details?.fields?.map((f) => f.path)).toEqual(['org.account']);
  });

  it('saves valid requisites, creates the director and signs them in', async () => {
    await setUpOffice(t);
    const status = await t.ok('auth.status', {});
    expect(status).toMatchObject({ needsSetup: false, user: { login: 'director', role: 'director' } });
    const [org] = await t.ok('orgs.list', {});
    expect(org).toMatchObject({ inn: '7707083893', kpp: '770701001', isDefault: true });
  });

  it('cannot be run twice', async () => {
    await setUpOffice(t);
    const res = await t.call('setup.complete', { org: VALID_ORG, director: { fullName: 'X', login: 'other', password: 'Stol-Lampa-2026' } });
    expect(res.error?.code).toBe('SETUP_DONE');
    expect(await t.app.store.users.count()).toBe(1);
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    await setUpOffice(t);
    await t.ok('auth.logout', {});
  });

  it('refuses a wrong password without saying which half was wrong', async () => {
    const res = await t.call('auth.login', { login: 'director', password: 'wrong-one' });
    expect(res.error).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'Неверный логин или пароль' });
    expect((await t.call('auth.login', { login: 'nobody', password: 'Stol-Lampa-2026' })).error?.code).toBe('BAD_CREDENTIALS');
  });

  it('never stores or logs the password in clear', async () => {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    const user = await t.app.store.users.byLogin('director');
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain('Stol-Lampa-2026');
    const dump = JSON.stringify(t.app.store.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain('Stol-Lampa-2026');
  });

  it('locks the session in the main process after the idle time', async () => {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    await t.ok('settings.update', { version: (await t.ok('settings.get', {})).version, idleLockMinutes: 5, loginDisabled: false });
    t.clock.now = new Date(t.clock.now.getTime() + 4 * 60_000);
    expect((await t.call('orgs.list', {})).data).toHaveLength(1);
    t.clock.now = new Date(t.clock.now.getTime() + 6 * 60_000);
    expect((await t.call('orgs.list', {})).error?.code).toBe('SESSION_EXPIRED');
    expect((await t.call('orgs.list', {})).error?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a one-person base switch the login off', async () => {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    await t.ok('settings.update', { version: (await t.ok('settings.get', {})).version, idleLockMinutes: 15, loginDisabled: true });
    await t.ok('auth.logout', {});
    expect((await t.ok('auth.status', {})).user?.login).toBe('director');
  });

  it('refuses to switch the login off when several people share the base', async () => {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    await t.ok('users.create', { login: 'ivanov', fullName: 'Иванов И. И.', position: 'Менеджер', role: 'manager', password: 'Stol-Lampa-2026' });
    const res = await t.call('settings.update', { version: (await t.ok('settings.get', {})).version, idleLockMinutes: 15, loginDisabled: true });
    expect(res.error?.code).toBe('CONFLICT');
  });
});
