import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { clientInput } from '../helpers/client-fixtures';
import { RESOURCES, VALID_ORG } from '../helpers/temp-app';

// The office host of `push-bench.ts` in its own process (as in an office, the desks' loop is not the
// host's): opens a base in the folder given, adds the two people and a deal, prints one JSON line
// with the address and the deal, and serves until SIGTERM.
const dir = process.argv[2];
if (!dir) throw new Error('usage: push-bench-host.ts DATA_DIR');
const PASSWORD = 'Stol-Lampa-2026';

async function ok<K extends EntryName>(host: WebHost, name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

mkdirSync(join(dir, 'renderer'), { recursive: true });
const host = await startWebHost({ dataDir: dir, rendererDir: join(dir, 'renderer'), resourcesDir: RESOURCES, version: '0.0.0-bench', log: () => {} });
await ok(host, 'setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: PASSWORD } });
await ok(host, 'users.create', { login: 'sidorova', fullName: 'Сидорова Анна Викторовна', position: '', role: 'head_of_sales', password: PASSWORD });
const managerId = (await ok(host, 'users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: '', role: 'manager', password: PASSWORD })).id;
const client = await ok(host, 'clients.create', { client: clientInput(), responsibleId: managerId });
const deal = { clientId: client.id, managerId, title: 'Стеллажи', closeMonth: '2026-12', probability: 20, amountKopecks: 100_000 };
const created = await ok(host, 'deals.create', deal);
process.stdout.write(`${JSON.stringify({ url: host.url, dealId: created.id, version: created.version, deal })}\n`);
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
