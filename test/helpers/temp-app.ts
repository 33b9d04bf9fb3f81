import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';
import type { Role } from '../../src/shared/roles';
import { createApp } from '../../src/server/app';
import { newCaller, type AppContext, type Caller, type CallContext, type CallOrigin } from '../../src/server/context';
import { SYSTEM_ACTOR } from '../../src/db/audit';
import { invoke } from '../../src/server/invoke';

/** The repository root and its resources folder (real migrations, fonts, templates). */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const RESOURCES = join(REPO, 'resources');

/** A fresh temporary data folder. */
export function tempDir(prefix = 'sdelka-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** One desk on an app: its own session (token), calls through invoke as that desk. */
export interface TestDesk {
  app: AppContext;
  /** This desk's caller: its origin and the session token its transport holds. */
  caller: Caller;
  call<K extends EntryName>(name: K, input: ApiInput<K>, opts?: { background?: boolean; requestId?: string }): Promise<Envelope<ApiResult<K>>>;
  /** Calls and expects data; fails the test with the error otherwise. */
  ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>>;
  /** The call context this desk's calls see now (for calling a server function directly). */
  context(): CallContext;
}

/** A real app over a real SQLite file in a temp folder, with a controllable clock; it is itself one desk. */
export interface TestApp extends TestDesk {
  dir: string;
  clock: { now: Date };
  close(): Promise<void>;
}

/** A desk on `app` calling as `caller`. */
function deskOn(app: AppContext, caller: Caller): TestDesk {
  const call = <K extends EntryName>(name: K, input: ApiInput<K>, opts: { background?: boolean; requestId?: string } = {}) =>
    invoke(app, name, input, { ...caller, ...opts, credential: caller.credential }) as Promise<Envelope<ApiResult<K>>>;
  return {
    app,
    caller,
    call,
    async ok(name, input) {
      const res = await call(name, input);
      if (res.error) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
      return res.data;
    },
    context() {
      const user = app.sessions.find(caller.credential.token)?.user ?? null;
      return { ...app, user, actor: user ? { userId: user.id, userName: user.fullName, computer: caller.origin.computer } : SYSTEM_ACTOR, origin: caller.origin, caller };
    },
  };
}

let deskCount = 0;

/** A second (third…) independent desk on the same app: its own session, signed out at first. */
export function openDesk(t: TestDesk, origin?: CallOrigin): TestDesk {
  deskCount += 1;
  return deskOn(t.app, newCaller(origin ?? { address: `10.0.0.${deskCount % 250}`, computer: `Стол ${deskCount}` }));
}

/** Opens a test app in a new temp folder (or `dir`). */
export async function openTestApp(dir = tempDir(), start = new Date('2026-11-26T09:00:00Z')): Promise<TestApp> {
  const clock = { now: start };
  const opened = await createApp({ dataDir: dir, resourcesDir: RESOURCES, version: '0.0.0-test', now: () => clock.now, log: () => {} });
  if ('failure' in opened) throw new Error(opened.failure.message);
  const app = opened.app;
  return {
    ...deskOn(app, app.localCaller),
    dir,
    clock,
    async close() {
      app.sessions.close();
      await app.store.close();
      await app.pdf.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Valid requisites of our organisation (real public bank, synthetic company with valid checksums). */
export const VALID_ORG = {
  kind: 'legal' as const,
  fullName: 'Общество с ограниченной ответственностью «Ромашка»',
  shortName: 'ООО «Ромашка»',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  legalAddress: '101000, г. Москва, ул. Мясницкая, д. 1',
  postalAddress: '',
  bik: '044525225',
  bankName: 'ПАО Сбербанк',
  corrAccount: '30101810400000000225',
  account: '40702810938000000001',
  directorPosition: 'Генеральный директор',
  directorName: 'Петров Пётр Петрович',
  accountantName: 'Сидорова Анна Ивановна',
  phone: '+7 495 000-00-00',
  email: 'info@romashka.example',
  defaultVatRate: '22' as const,
};

/** Sets up the office with the director signed in (password "Stol-Lampa-2026"). */
export async function setUpOffice(t: TestDesk): Promise<void> {
  await t.ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
}

/** Adds a person with the role and signs them in at this desk (the director must exist first). */
export async function signInAs(t: TestDesk, role: Role): Promise<void> {
  const login = `user-${role}`.replace(/_/g, '-');
  const existing = (await t.app.store.users.byLogin(login)) ?? (await t.app.store.users.byLogin('director'));
  if (role !== 'director' && existing?.login !== login) {
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    await t.ok('users.create', { login, fullName: `Тест ${role}`, position: '', role, password: 'Stol-Lampa-2026' });
  }
  await t.ok('auth.login', { login: role === 'director' ? 'director' : login, password: 'Stol-Lampa-2026' });
}
