// The base's write stamp changes with every write, whichever connection makes it, and with nothing else.
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src/db/connection';
import { appsPerTest } from '../helpers/apps-per-test';

const openApp = appsPerTest();

describe('the write stamp', () => {
  it('stays while the base is only read, and changes with a write here or on another connection', async () => {
    const t = await openApp();
    const store = t.app.store;
    const first = store.writeStamp();
    store.sqlite.prepare('SELECT count(*) FROM clients').get();
    await store.users.list();
    expect(store.writeStamp()).toBe(first);
    // A write on this connection.
    store.sqlite.prepare("INSERT INTO client_sources (name, kind, created_at) VALUES ('Выставка', 'event', '2026-12-07')").run();
    const second = store.writeStamp();
    expect(second).not.toBe(first);
    // A write committed by another connection to the same file (a long import writes on its own).
    const other = openConnection(store.sqlite.name);
    try {
      other.prepare("INSERT INTO client_sources (name, kind, created_at) VALUES ('Рекомендация', 'referral', '2026-12-07')").run();
    } finally {
      other.close();
    }
    expect(store.writeStamp()).not.toBe(second);
  });
});
