import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiResult } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';
import type { CallOrigin } from '../../src/server/context';
import { newCaller } from '../../src/server/context';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

const PASSWORD = 'Stol-Lampa-2026';
const INTRUDER: CallOrigin = { address: '10.0.0.66', computer: 'PC-66' };
const OTHER_DESK: CallOrigin = { address: '10.0.0.12', computer: 'PC-12' };

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await t.ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: '', role: 'manager', password: PASSWORD });
  await t.ok('auth.logout', {});
});
afterEach(async () => {
  await t.close();
});

const signIn = (login: string, password: string, origin: CallOrigin = INTRUDER) =>
  invoke(t.app, 'auth.login', { login, password }, newCaller(origin)) as Promise<Envelope<ApiResult<'auth.login'>>>;
const wait = (seconds: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
};
const auditActions = () => (t.app.store.sqlite.prepare("SELECT action, entity_id AS login, after FROM audit_log WHERE entity = 'sign_in' ORDER BY id").all() as { action: string; login: string; after: string }[]);

describe('sign-in throttling', () => {
  it('lets three wrong passwords through, then makes each next attempt wait twice as long, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('ivanov', 'wrong-password-1')).error?.message).toBe('Неверный логин или пароль');
    // Waits after the 3rd … 9th failure, by hand: 1, 2, 4, 8, 16, 32 and 60 (the cap) seconds.
    for (const seconds of [1, 2, 4, 8, 16, 32, 60]) {
      const refused = await signIn('ivanov', PASSWORD);
      expect(refused.error).toEqual({ code: 'BAD_CREDENTIALS', message: `Слишком много неудачных попыток входа — попробуйте через ${seconds} с` });
      wait(seconds - 1);
      expect((await signIn('ivanov', PASSWORD)).error?.message).toBe(`Слишком много неудачных попыток входа — попробуйте через 1 с`);
      wait(1);
      expect((await signIn('ivanov', 'wrong-password-1')).error?.message).toBe('Неверный логин или пароль');
    }
  });

  it('locks the login from that address after ten failures, records it, shows it to the director, and leaves other desks alone', async () => {
    for (const seconds of [0, 0, 0, 1, 2, 4, 8, 16, 32, 60]) {
      wait(seconds);
      expect((await signIn('director', 'not-the-password')).error?.code).toBe('BAD_CREDENTIALS');
    }
    wait(60);
    expect((await signIn('director', PASSWORD)).error?.message).toBe(
      'Вход под логином «director» с этого компьютера временно заблокирован после 10 неудачных попыток — попробуйте через 14 мин. или обратитесь к директору',
    );
    expect(auditActions()).toEqual([{ action: 'sign_in_locked', login: 'director', after: expect.stringContaining('"address":"10.0.0.66"') }]);

    // The director at another desk and at the office computer signs in as usual.
    expect((await signIn('director', PASSWORD, OTHER_DESK)).data?.login).toBe('director');
    // The test's own desk is this computer's window.
    expect((await t.ok('auth.login', { login: 'director', password: PASSWORD })).login).toBe('director');
    const locks = await t.ok('users.signInLocks', {});
    expect(locks).toEqual([{ login: 'director', address: '10.0.0.66', computer: 'PC-66', failures: 10, until: '2026-11-26T09:17:03.000Z' }]);

    await t.ok('users.unlockSignIn', { login: 'director', address: '10.0.0.66' });
    expect(await t.ok('users.signInLocks', {})).toEqual([]);
    expect(auditActions().map((a) => a.action)).toEqual(['sign_in_locked', 'sign_in_unlocked']);
    expect((await signIn('director', PASSWORD)).data?.login).toBe('director');
  });

  it('lifts the lock by itself after fifteen minutes', async () => {
    for (const seconds of [0, 0, 0, 1, 2, 4, 8, 16, 32, 60]) {
      wait(seconds);
      await signIn('ivanov', 'not-the-password');
    }
    wait(14 * 60);
    expect((await signIn('ivanov', PASSWORD)).error?.message).toContain('попробуйте через 1 мин.');
    wait(60);
    expect((await signIn('ivanov', PASSWORD)).data?.login).toBe('ivanov');
  });

  it('slows one address guessing across many logins, and counts unknown logins like real ones', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(`nobody${i}`, 'guess-guess-1')).error?.message).toBe('Неверный логин или пароль');
    // The eleventh login from the same address waits, whether it exists or not; another desk does not.
    expect((await signIn('ivanov', PASSWORD)).error?.message).toBe('Слишком много неудачных попыток входа — попробуйте через 1 с');
    expect((await signIn('nobody-else', PASSWORD)).error?.message).toBe('Слишком много неудачных попыток входа — попробуйте через 1 с');
    expect((await signIn('ivanov', PASSWORD, OTHER_DESK)).data?.login).toBe('ivanov');
  });

  it('throttles an unknown login exactly like a real one', async () => {
    const answers = async (login: string, origin: CallOrigin) => {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) seen.push((await signIn(login, 'wrong-password-1', origin)).error?.message ?? 'signed in');
      return seen;
    };
    expect(await answers('nobody', INTRUDER)).toEqual(await answers('ivanov', OTHER_DESK));
  });
});

describe('the password rule', () => {
  it('refuses passwords shorter than ten characters', async () => {
    await t.ok('auth.login', { login: 'director', password: PASSWORD });
    const res = await t.call('users.create', { login: 'petrov', fullName: 'Петров', position: '', role: 'manager', password: 'Lampa-202' });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toContain('Пароль — не короче 10 символов');
  });

  it('refuses common and trivial passwords wherever a password is set', async () => {
    await t.ok('auth.login', { login: 'director', password: PASSWORD });
    const common = 'Этот пароль слишком распространён — его подбирают первым. Придумайте другой';
    for (const password of ['qwerty12345', 'Password123', 'йцукенгшщз', '1111111111', '9876543210', 'abcdefghijk']) {
      const res = await t.call('users.create', { login: 'petrov', fullName: 'Петров', position: '', role: 'manager', password });
      expect(res.error, password).toMatchObject({ code: 'VALIDATION', message: common });
    }
    const ivanov = (await t.ok('users.list', {})).find((u) => u.login === 'ivanov');
    expect((await t.call('users.resetPassword', { id: ivanov?.id ?? 0, password: 'password1234' })).error?.message).toBe(common);
    expect((await t.call('auth.changePassword', { oldPassword: PASSWORD, newPassword: '1q2w3e4r5t' })).error?.message).toBe(common);
    expect((await t.call('users.create', { login: 'petrov', fullName: 'Петров', position: '', role: 'manager', password: 'Лампа-на-столе-7' })).error).toBeUndefined();
  });
});
