import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ENTRY_NAMES } from '../../src/shared/contract';
import { ROLES } from '../../src/shared/roles';
import { invoke } from '../../src/server/invoke';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

// The permission table is the contract's `access` field; this walks every entry × every role.
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterAll(async () => {
  await t.close();
});

describe('every entry × every role', () => {
  for (const role of ROLES) {
    it(`lets a ${role} call exactly the entries the table allows`, async () => {
      await signInAs(t, role);
      for (const name of ENTRY_NAMES) {
        const access = contract[name].access;
        if (name === 'auth.logout' || name.startsWith('setup.') || name === 'auth.login') continue;
        // An empty object is invalid input for most entries: that is fine, the role check comes first.
        const res = await invoke(t.app, name, {});
        const allowed = access === 'public' || access === 'signed_in' || access.includes(role);
        if (allowed) expect(res.error?.code, `${role} → ${name}`).not.toBe('FORBIDDEN');
        else expect(res.error?.code, `${role} → ${name}`).toBe('FORBIDDEN');
      }
    });
  }

  it('refuses every non-public entry to someone not signed in', async () => {
    await t.ok('auth.logout', {});
    for (const name of ENTRY_NAMES) {
      const res = await invoke(t.app, name, {});
      if (contract[name].access === 'public') expect(res.error?.code, name).not.toBe('UNAUTHENTICATED');
      else expect(res.error?.code, name).toBe('UNAUTHENTICATED');
    }
  });
});
