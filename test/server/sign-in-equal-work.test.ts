import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../src/server/invoke';
import { newCaller } from '../../src/server/context';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Every scrypt derivation the program makes, with its cost: the work a sign-in does, counted rather than timed.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, scrypt: vi.fn(real.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

const PASSWORD = 'Stol-Lampa-2026';
let t: TestApp;
let desk = 0;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await t.ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: '', role: 'manager', password: PASSWORD });
  const gone = await t.ok('users.create', { login: 'uvolen', fullName: 'Уволенный Пётр', position: '', role: 'manager', password: PASSWORD });
  await t.ok('users.update', { id: gone.id, fullName: 'Уволенный Пётр', position: '', role: 'manager', active: false });
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** One sign-in from a fresh address (so no throttle answers instead); the scrypt costs it used. */
async function attempt(login: string, password: string): Promise<{ code: string | undefined; work: unknown[] }> {
  desk += 1;
  scrypt.mockClear();
  const res = await invoke(t.app, 'auth.login', { login, password }, newCaller({ address: `10.1.0.${desk}`, computer: `Стол ${desk}` }));
  return { code: res.error?.code, work: scrypt.mock.calls.map((c) => c[3]) };
}

describe('a sign-in does the same work whatever the login', () => {
  it('checks an unknown and a disabled login against a stand-in hash of the same cost as a real wrong password', async () => {
    // The first unknown login since the program started too: no stand-in hash is made on the way.
    const unknown = await attempt('nikto', 'wrong-password-1');
    const real = await attempt('ivanov', 'wrong-password-1');
    const disabled = await attempt('uvolen', PASSWORD);
    // One derivation at the stored cost (N = 16384, r = 8, p = 1) each: the answer says nothing about which logins exist.
    expect(real).toEqual({ code: 'BAD_CREDENTIALS', work: [{ N: 16384, r: 8, p: 1 }] });
    expect(unknown).toEqual(real);
    expect(disabled).toEqual(real);
  });
});
