import { QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallOptions } from '../../src/shared/contract';

// The host's idle lock counts only the person's own calls. A window left alone must not keep its
// session alive by what it reads by itself: refetches after other desks' changes and its polls are
// background calls. The window's bridge is played by a stand-in that records each call's options.
const calls: { name: string; background: boolean }[] = [];
const bridge = new Proxy(
  {},
  {
    get: (_t, name: string) => (_input: unknown, opts?: CallOptions) => {
      calls.push({ name, background: opts?.background === true });
      return Promise.resolve(name === 'activities.day' ? { data: { planned: [] } } : { data: [] });
    },
  },
);

let mod: {
  call: typeof import('../../src/renderer/src/api/call');
  client: typeof import('../../src/renderer/src/api/query-client');
  reminders: typeof import('../../src/renderer/src/features/sales/reminders');
};
beforeAll(async () => {
  vi.stubGlobal('window', { sdelka: bridge });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {} });
  mod = {
    call: await import('../../src/renderer/src/api/call'),
    client: await import('../../src/renderer/src/api/query-client'),
    reminders: await import('../../src/renderer/src/features/sales/reminders'),
  };
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('what a window reads by itself', () => {
  it('opens a screen as the person, and reads it again after another desk’s change in the background', async () => {
    const qc = mod.client.newQueryClient();
    const observer = new QueryObserver(qc, mod.call.entryQuery(qc, 'clients.list', {}));
    const off = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual([]));
    await mod.client.invalidateFor(qc, { entry: 'clients.create' });
    await vi.waitFor(() => expect(calls.filter((c) => c.name === 'clients.list')).toHaveLength(2));
    expect(calls.filter((c) => c.name === 'clients.list').map((c) => c.background)).toEqual([false, true]);
    off();
  });

  it('checks the reminders in the background', async () => {
    await mod.reminders.checkReminders();
    expect(calls.filter((c) => c.name === 'activities.day')).toEqual([{ name: 'activities.day', background: true }]);
  });
});
