import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { DeskClient } from '../../src/server/office/desk-client';
import { connectionString } from '../../src/server/office/connection-string';
import { closeOffice, deskOk, setUpOfficeWithAnna } from '../helpers/office-desks';
import { insertClient } from '../helpers/sales-fixtures';
import { RESOURCES, tempDir, VALID_ORG } from '../helpers/temp-app';

// A host and three desks over real HTTPS on 127.0.0.1.
const dir = tempDir('sdelka-office-');
const rendererDir = join(dir, 'renderer');
const clock = { now: new Date('2026-11-26T09:00:00Z') };
let host: WebHost;
const desks: DeskClient[] = [];
const PASSWORD = 'Stol-Lampa-2026';

async function startHost(port = 0): Promise<WebHost> {
  return startWebHost({ dataDir: dir, rendererDir, resourcesDir: RESOURCES, version: '1.4.0', now: () => clock.now, log: () => {}, port });
}

function desk(computer: string, opts: { contract?: string; version?: string; connection?: string } = {}): DeskClient {
  const d = new DeskClient({ connection: opts.connection ?? host.connection, computer, version: opts.version ?? '1.4.0', contract: opts.contract, retryForMs: 300 });
  desks.push(d);
  return d;
}

const ok = deskOk;

const insecure = new Agent({ connect: { rejectUnauthorized: false } });

let director: DeskClient;
let anna: DeskClient;
let boris: DeskClient;
let annaClient = 0;
let borisClient = 0;

beforeAll(async () => {
  mkdirSync(rendererDir);
  host = await startHost();
  director = desk('Стол директора');
  anna = desk('Стол Анны');
  boris = desk('Стол Бориса');
  for (const d of [director, anna, boris]) expect(await d.connect()).toBeNull();
  const a = { id: await setUpOfficeWithAnna(director) };
  const b = (await ok(director, 'users.create', { login: 'boris', fullName: 'Борис Орлов', position: '', role: 'manager', password: PASSWORD })) as { id: number };
  annaClient = insertClient(host.app.store.sqlite, 'Альфа', a.id).clientId;
  borisClient = insertClient(host.app.store.sqlite, 'Бета', b.id).clientId;
  await ok(anna, 'auth.login', { login: 'anna', password: PASSWORD });
  await ok(boris, 'auth.login', { login: 'boris', password: PASSWORD });
}, 60_000);

afterAll(() => closeOffice(desks, host, dir));

describe('the office host with three desks', () => {
  it('keeps each desk in its own session, with the computer each came from', async () => {
    expect(((await ok(director, 'auth.status', {})) as { user: { login: string } }).user.login).toBe('director');
    expect(((await ok(anna, 'auth.status', {})) as { user: { login: string } }).user.login).toBe('anna');
    expect(((await ok(boris, 'auth.status', {})) as { user: { login: string } }).user.login).toBe('boris');
    const sessions = (await ok(director, 'office.sessions', {})) as { login: string; computer: string; address: string }[];
    expect(sessions.find((s) => s.login === 'anna')).toMatchObject({ computer: 'Стол Анны', address: '127.0.0.1' });
  });

  it('holds roles and the isolation between managers through the host', async () => {
    expect((await anna.call('users.list', {})).error?.code).toBe('FORBIDDEN');
    expect((await anna.call('clients.get', { id: annaClient })).error).toBeUndefined();
    expect((await anna.call('clients.get', { id: borisClient })).error?.code).toBe('FORBIDDEN');
    expect((await boris.call('clients.get', { id: borisClient })).error).toBeUndefined();
  });

  it('lets background calls never extend a session; the person’s own calls do', async () => {
    const start = clock.now.getTime();
    try {
      for (let m = 5; m <= 15; m += 5) {
        clock.now = new Date(start + m * 60_000);
        expect((await boris.call('auth.ping', {}, { background: true })).error).toBeUndefined();
        await ok(director, 'auth.ping', {});
        await ok(anna, 'auth.ping', {});
      }
      clock.now = new Date(start + 16 * 60_000);
      expect((await boris.call('auth.ping', {}, { background: true })).error?.code).toBe('SESSION_EXPIRED');
      expect((await anna.call('auth.ping', {})).error).toBeUndefined();
    } finally {
      await ok(boris, 'auth.login', { login: 'boris', password: PASSWORD });
    }
  });

  it('ends the session on the host at sign-out, and only that one', async () => {
    const extra = desk('Ноутбук');
    expect(await extra.connect()).toBeNull();
    await ok(extra, 'auth.login', { login: 'boris', password: PASSWORD });
    const token = extra.token;
    await ok(extra, 'auth.logout', {});
    expect(extra.token).toBeNull();
    // A copy of the old token is refused by the host.
    extra.token = token;
    expect((await extra.call('orgs.list', {})).error?.code).toBe('UNAUTHENTICATED');
    expect((await boris.call('orgs.list', {})).error).toBeUndefined();
  });

  it('refuses a desk speaking another contract, naming who must update', async () => {
    expect(await desk('Старый стол', { contract: 'другой', version: '1.3.0' }).connect()).toBe('Обновите программу на этом компьютере до версии 1.4.0');
    expect(await desk('Новый стол', { contract: 'другой', version: '1.5.0' }).connect()).toBe('Обновите программу на главном компьютере офиса');
  });

  it('gives one record for the same request id sent twice', async () => {
    const input = { ...VALID_ORG, shortName: 'ООО «Лютик»', fullName: 'Общество с ограниченной ответственностью «Лютик»' };
    const before = ((await ok(director, 'orgs.list', {})) as unknown[]).length;
    const [a, b] = await Promise.all([director.call('orgs.create', input, { requestId: 'desk-1-42' }), director.call('orgs.create', input, { requestId: 'desk-1-42' })]);
    expect(a.data).toEqual(b.data);
    expect(((await ok(director, 'orgs.list', {})) as unknown[]).length).toBe(before + 1);
  });

  it('refuses a host whose certificate is not the pinned one', async () => {
    const wrong = desk('Чужой', { connection: connectionString('127.0.0.1', host.port, 'ab'.repeat(32)) });
    expect(await wrong.connect()).toMatch(/^Сертификат главного компьютера не совпадает/);
    expect((await wrong.call('auth.status', {})).error?.message).toMatch(/^Сертификат главного компьютера не совпадает/);
  });

  it('survives malformed requests and refuses a body over the limit', async () => {
    const bad = await request(`${host.url}%E0%A4%A`, { dispatcher: insecure });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    await bad.body.dump();
    const big = await request(`${host.url}api/orgs.list`, { method: 'POST', dispatcher: insecure, headers: { 'content-type': 'application/json' }, body: `{"x":"${'a'.repeat(41 * 1024 * 1024)}"}` });
    expect(big.statusCode).toBe(413);
    await big.body.dump();
    expect((await anna.call('auth.ping', {})).error).toBeUndefined();
  });

  it('gives a browser its session as an HttpOnly Secure SameSite=Strict cookie, never in the answer', async () => {
    const res = await request(`${host.url}api/auth.login`, { method: 'POST', dispatcher: insecure, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'anna', password: PASSWORD }) });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^sdelka_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    const body = await res.body.text();
    expect(body).not.toContain(cookie.slice('sdelka_session='.length, cookie.indexOf(';')));
  });

  it('pushes committed writes to a signed-in session as Server-Sent Events', async () => {
    const res = await request(`${host.url}api/events`, { dispatcher: insecure, headers: { authorization: `Bearer ${director.token ?? ''}` } });
    expect(res.headers['content-type']).toContain('text/event-stream');
    const seen = new Promise<string>((resolve) => {
      let text = '';
      res.body.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        const m = /data: (.*)\n\n/.exec(text);
        if (m) resolve(m[1] ?? '');
      });
    });
    await ok(director, 'orgs.create', { ...VALID_ORG, shortName: 'ООО «Ромашка-2»' });
    // Which area changed and when; not which records nor whose hand (the reads it sets off are checked per person).
    expect(JSON.parse(await seen)).toEqual({ entry: 'orgs.create', area: 'orgs', ids: [], by: { userId: null, userName: null }, at: expect.any(String) });
    res.body.destroy();
    const none = await request(`${host.url}api/events`, { dispatcher: insecure });
    expect(none.statusCode).toBe(401);
    await none.body.dump();
  });

  it('is reconnected to after a restart, with no new sign-in', async () => {
    const port = host.port;
    await host.close();
    const away = await anna.call('auth.status', {});
    expect(away.error?.message).toMatch(/^Нет связи с главным компьютером офиса\. Последняя связь: /);
    // Its own code: the window titles it «Нет связи…», not «Внутренняя ошибка программы».
    expect(away.error?.code).toBe('NO_CONNECTION');
    host = await startHost(port);
    expect(((await ok(anna, 'auth.status', {})) as { user: { login: string } }).user.login).toBe('anna');
    expect((await anna.call('clients.get', { id: borisClient })).error?.code).toBe('FORBIDDEN');
  }, 30_000);
});
