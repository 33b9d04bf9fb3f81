import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { RESYNC_ENTRY, type ChangeEvent } from '../../src/shared/changes';
import { connectionString } from '../../src/server/office/connection-string';
import { DeskClient } from '../../src/server/office/desk-client';
import { clientInput } from '../helpers/client-fixtures';
import { closeOffice, deskOk, setUpOfficeWithAnna } from '../helpers/office-desks';
import { RESOURCES, tempDir, VALID_ORG } from '../helpers/temp-app';

// A desk's subscription to the host's pushed changes, over real HTTPS on 127.0.0.1 with the pinned
// certificate: what the Electron main of a desk forwards to its window.
const dir = tempDir('sdelka-desk-events-');
const rendererDir = join(dir, 'renderer');
const PASSWORD = 'Stol-Lampa-2026';
let host: WebHost;
const desks: DeskClient[] = [];

async function startHost(port = 0): Promise<WebHost> {
  return startWebHost({ dataDir: dir, rendererDir, resourcesDir: RESOURCES, version: '1.4.0', log: () => {}, port });
}

function desk(computer: string, connection = host.connection): DeskClient {
  const d = new DeskClient({ connection, computer, version: '1.4.0', retryForMs: 300 });
  desks.push(d);
  return d;
}

const ok = deskOk;

/** Collects what a subscription delivers; `next(match)` waits for the first event matching. */
function collector() {
  const seen: ChangeEvent[] = [];
  const problems: string[] = [];
  const waiters: { match: (e: ChangeEvent) => boolean; resolve: (e: ChangeEvent) => void }[] = [];
  return {
    seen,
    problems,
    listener(e: ChangeEvent) {
      seen.push(e);
      for (const w of [...waiters]) {
        if (!w.match(e)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    },
    next(match: (e: ChangeEvent) => boolean): Promise<ChangeEvent> {
      const already = seen.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function orgNamed(shortName: string) {
  return { ...VALID_ORG, shortName, fullName: `Общество с ограниченной ответственностью ${shortName.slice(4)}` };
}

let director: DeskClient;
let anna: DeskClient;

beforeAll(async () => {
  mkdirSync(rendererDir);
  host = await startHost();
  director = desk('Стол директора');
  anna = desk('Стол Анны');
  await setUpOfficeWithAnna(director);
  await ok(anna, 'auth.login', { login: 'anna', password: PASSWORD });
}, 60_000);

afterAll(() => closeOffice(desks, host, dir));

describe('a desk subscribed to the host’s changes', () => {
  it('hears another desk’s write as which area changed and when — not which records, whose, nor any token', async () => {
    const c = collector();
    const stop = anna.subscribeChanges(c.listener, (p) => c.problems.push(p));
    try {
      await anna.changesOpen();
      await ok(director, 'orgs.create', orgNamed('ООО «Первая»'));
      const e = await c.next((x) => x.entry === 'orgs.create');
      expect(e).toEqual({ entry: 'orgs.create', area: 'orgs', ids: [], by: { userId: null, userName: null }, at: expect.any(String) });
      // A client the director gives another manager: Anna's stream names neither the client nor the director.
      await ok(director, 'clients.create', { client: clientInput({ shortName: 'ООО «Чужой клиент»', fullName: '' }), responsibleId: null });
      const heard = await c.next((x) => x.entry === 'clients.create');
      expect(heard).toEqual({ entry: 'clients.create', area: 'clients', ids: [], by: { userId: null, userName: null }, at: expect.any(String) });
      const text = JSON.stringify(c.seen);
      expect(text).not.toContain('Петров');
      expect(c.seen.every((x) => x.ids.length === 0 && x.by.userId === null)).toBe(true);
      for (const token of [director.token, anna.token]) {
        expect(token).toBeTruthy();
        expect(text).not.toContain(token ?? '');
      }
      expect(text).not.toMatch(/token|session|authorization|bearer/i);
      expect(c.problems).toEqual([]);
    } finally {
      stop();
    }
  });

  it('keeps the subscription through a restart of the host on the same port, announcing the gap', async () => {
    const c = collector();
    const stop = anna.subscribeChanges(c.listener, (p) => c.problems.push(p));
    try {
      await anna.changesOpen();
      const port = host.port;
      await host.close();
      host = await startHost(port);
      // The stream came back by itself: first «you may have missed changes», then new ones as they happen.
      await c.next((x) => x.entry === RESYNC_ENTRY);
      await anna.changesOpen();
      await ok(director, 'orgs.create', orgNamed('ООО «Вторая»'));
      const e = await c.next((x) => x.entry === 'orgs.create');
      expect(e.area).toBe('orgs');
      expect(c.problems).toEqual([]);
    } finally {
      stop();
    }
  }, 30_000);

  it('stops hearing at sign-out and hears again after the next sign-in', async () => {
    const boris = desk('Стол Бориса');
    await ok(director, 'users.create', { login: 'boris', fullName: 'Борис Орлов', position: '', role: 'manager', password: PASSWORD });
    await ok(boris, 'auth.login', { login: 'boris', password: PASSWORD });
    const c = collector();
    const stop = boris.subscribeChanges(c.listener);
    try {
      await boris.changesOpen();
      await ok(boris, 'auth.logout', {});
      expect(boris.changesState()).toBe('signed-out');
      await ok(director, 'orgs.create', orgNamed('ООО «Третья»'));
      await ok(boris, 'auth.login', { login: 'boris', password: PASSWORD });
      await boris.changesOpen();
      await ok(director, 'orgs.create', orgNamed('ООО «Четвёртая»'));
      await c.next((x) => x.entry === 'orgs.create');
      const names = c.seen.filter((x) => x.entry === 'orgs.create').length;
      // Only the write made after the new sign-in reached the desk.
      expect(names).toBe(1);
    } finally {
      stop();
    }
  });

  it('goes quiet the moment the director ends the session, not at the next heartbeat', async () => {
    const vera = desk('Стол Веры');
    await ok(director, 'users.create', { login: 'vera', fullName: 'Вера Соколова', position: '', role: 'manager', password: PASSWORD });
    await ok(vera, 'auth.login', { login: 'vera', password: PASSWORD });
    const heard = collector();
    const stopVera = vera.subscribeChanges(heard.listener);
    const witness = collector();
    const stopDirector = director.subscribeChanges(witness.listener);
    try {
      await vera.changesOpen();
      await director.changesOpen();
      const sessions = (await ok(director, 'office.sessions', {})) as { id: string; login: string }[];
      const hers = sessions.find((s) => s.login === 'vera');
      expect(hers).toBeDefined();
      await ok(director, 'office.endSession', { id: hers?.id ?? '' });
      // The host ends her stream at once (the heartbeat is 25 s away); her desk then finds no session.
      await expect.poll(() => vera.changesState(), { timeout: 10_000 }).not.toBe('open');
      const heardBefore = heard.seen.length;
      const orgWrites = () => witness.seen.filter((x) => x.entry === 'orgs.create').length;
      const witnessed = orgWrites();
      await ok(director, 'orgs.create', orgNamed('ООО «Пятая»'));
      await witness.next(() => orgWrites() > witnessed);
      expect(heard.seen.slice(heardBefore)).toEqual([]);
    } finally {
      stopVera();
      stopDirector();
    }
  }, 30_000);

  it('refuses a host whose certificate is not the pinned one, and never retries it', async () => {
    const wrong = desk('Чужой', connectionString('127.0.0.1', host.port, 'ab'.repeat(32)));
    // Even holding a live session token, the desk does not talk to a host it cannot pin.
    wrong.token = director.token;
    const c = collector();
    const refused = new Promise<string>((resolve) => {
      wrong.subscribeChanges(c.listener, resolve);
    });
    expect(await refused).toMatch(/^Сертификат главного компьютера не совпадает/);
    expect(wrong.changesState()).toBe('refused');
    await ok(director, 'orgs.create', orgNamed('ООО «Пятая»'));
    await new Promise((r) => setTimeout(r, 300));
    expect(c.seen).toEqual([]);
    expect(wrong.changesState()).toBe('refused');
  });
});
