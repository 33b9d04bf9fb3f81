import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { DeskClient } from '../../src/server/office/desk-client';
import { closeOffice, deskOk, DESK_PASSWORD, setUpOfficeWithAnna } from '../helpers/office-desks';
import { RESOURCES, tempDir } from '../helpers/temp-app';

// «A failed sign-out drops the person straight back in»: a desk signs out while the host cannot be
// reached; when the host is back, the desk must not be signed in as that person again.
const dir = tempDir('sdelka-sign-out-');
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
let host: WebHost;
const desks: DeskClient[] = [];
const start = (port = 0) => startWebHost({ dataDir: dir, rendererDir, resourcesDir: RESOURCES, version: '1.4.0', log: () => {}, port });

afterAll(() => closeOffice(desks, host, dir));

describe('signing out at a desk', () => {
  it('forgets the session on the desk even when the host does not answer, so nobody is let back in', async () => {
    host = await start();
    const port = host.port;
    const connection = host.connection;
    const director = new DeskClient({ connection, computer: 'Стол директора', version: '1.4.0', retryForMs: 300 });
    const anna = new DeskClient({ connection, computer: 'Стол Анны', version: '1.4.0', retryForMs: 300 });
    desks.push(director, anna);
    await setUpOfficeWithAnna(director);
    await deskOk(anna, 'auth.login', { login: 'anna', password: DESK_PASSWORD });
    expect(((await deskOk(anna, 'auth.status', {})) as { user: { login: string } | null }).user?.login).toBe('anna');

    await host.close();
    const out = await anna.call('auth.logout', {});
    expect(out.error?.message).toMatch(/^Нет связи с главным компьютером офиса/);
    expect(anna.token).toBeNull();

    host = await start(port);
    expect(((await deskOk(anna, 'auth.status', {})) as { user: unknown }).user).toBeNull();
  }, 60_000);
});
