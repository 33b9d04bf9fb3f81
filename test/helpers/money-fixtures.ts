import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import type { Sqlite } from '../../src/db/connection';
import { DEMO_ORG } from '../../src/server/auth/demo-office';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { Role } from '../../src/shared/roles';
import { openTestApp, tempDir, type TestApp } from './temp-app';

/** The reference statement (Windows-1251, CRLF) as bytes and as base64. */
export const SAMPLE_BYTES = new Uint8Array(readFileSync(new URL('../fixtures/1c-statement-sample.cp1251.txt', import.meta.url)));
export const SAMPLE_BASE64 = Buffer.from(SAMPLE_BYTES).toString('base64');

/** The reference statement's text (decoded from Windows-1251). */
export function sampleText(): string {
  return new TextDecoder('windows-1251').decode(SAMPLE_BYTES);
}

/** Text encoded in Windows-1251, as base64 (a bank's export of an edited statement). */
export function encode1251(text: string): string {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 63)).toString('base64');
}

/** What the fixtures need of a running app: calls through the wrapper and the raw connection (a TestApp, or an e2e host). */
export interface FixtureHost {
  ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>>;
  app: { store: { sqlite: Sqlite } };
}

/** The office of the reference statement: ООО «Вектор Плюс» with its account, the director signed in (password "Stol-Lampa-2026"). */
export async function setUpVectorOffice(t: FixtureHost): Promise<void> {
  await t.ok('setup.complete', { org: DEMO_ORG, director: { fullName: 'Соколов Андрей Викторович', login: 'director', password: 'Stol-Lampa-2026' } });
}

/** Adds a person (the director must be signed in); returns the id. */
export async function addPerson(t: FixtureHost, login: string, fullName: string, role: Role): Promise<number> {
  return (await t.ok('users.create', { login, fullName, position: '', role, password: 'Stol-Lampa-2026' })).id;
}

/** Signs a person in by login (password "Stol-Lampa-2026"). */
export async function signIn(t: FixtureHost, login: string): Promise<void> {
  await t.ok('auth.login', { login, password: 'Stol-Lampa-2026' });
}

/** A client with an ИНН and a responsible manager, straight into the clients table. */
export function insertInnClient(sqlite: Sqlite, name: string, inn: string, responsibleId: number | null): number {
  const at = '2025-12-01T09:00:00.000Z';
  return (
    sqlite
      .prepare(
        "INSERT INTO clients (kind, full_name, short_name, name_key, inn, responsible_id, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      )
      .get(`Общество с ограниченной ответственностью «${name}»`, `ООО «${name}»`, name.toLowerCase(), inn, responsibleId, at, at, at) as { id: number }
  ).id;
}

/** An issued invoice with a given number and totals (draft first, then issued, as the documents triggers require). */
export function issueInvoice(
  sqlite: Sqlite,
  d: { clientId: number; managerId: number; number: string; numberSeq?: number; docDate: string; grossKopecks: number; vatKopecks: number; dealId?: number | null },
): number {
  const org = (sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get() as { id: number }).id;
  const at = `${d.docDate}T09:00:00.000Z`;
  const { id } = sqlite
    .prepare(
      `INSERT INTO documents (kind, org_id, client_id, deal_id, manager_id, series_key, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks, created_at, updated_at)
       VALUES ('invoice', ?, ?, ?, ?, 'money-test', ?, 'on_top', ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(org, d.clientId, d.dealId ?? null, d.managerId, d.docDate, d.vatKopecks > 0 ? '22' : 'none', d.grossKopecks - d.vatKopecks, d.vatKopecks, d.grossKopecks, at, at) as {
    id: number;
  };
  const tv = sqlite.prepare('SELECT id FROM template_versions ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  const version =
    tv?.id ??
    (() => {
      const tpl = sqlite.prepare("INSERT INTO templates (kind, name) VALUES ('invoice', 'Тест') RETURNING id").get() as { id: number };
      return (sqlite.prepare("INSERT INTO template_versions (template_id, version, source, created_at) VALUES (?, 1, '# Тест', ?) RETURNING id").get(tpl.id, at) as { id: number }).id;
    })();
  const pdf = Buffer.from(`%PDF-1.4 money test ${id}`);
  sqlite
    .prepare(
      `UPDATE documents SET status = 'issued', number = ?, number_seq = ?, series_year = ?, snapshot = '{}', pdf = ?, pdf_sha256 = ?, template_version_id = ?, issued_at = ? WHERE id = ?`,
    )
    .run(d.number, d.numberSeq ?? id + 100_000, Number(d.docDate.slice(0, 4)), pdf, createHash('sha256').update(pdf).digest('hex'), version, at, id);
  return id;
}

/** The reference statement's world: three managers, the three payers as their clients, invoices № 15, 16 and 17. */
export interface ReferenceWorld {
  ivanov: number;
  kuznetsova: number;
  smirnov: number;
  alfa: number;
  beta: number;
  gamma: number;
  inv15: number;
  inv16: number;
  inv17: number;
}

/** Sets up the office with the reference clients and invoices; leaves the director signed in. */
export async function referenceWorld(t: FixtureHost, opts: { dealForAlfa?: boolean } = {}): Promise<ReferenceWorld & { alfaDeal: number | null }> {
  await setUpVectorOffice(t);
  const ivanov = await addPerson(t, 'ivanov', 'Иванов Пётр Алексеевич', 'manager');
  const kuznetsova = await addPerson(t, 'kuznetsova', 'Кузнецова Анна Дмитриевна', 'manager');
  const smirnov = await addPerson(t, 'smirnov', 'Смирнов Дмитрий Олегович', 'manager');
  await addPerson(t, 'morozova', 'Морозова Елена Сергеевна', 'head_of_sales');
  await addPerson(t, 'volkova', 'Волкова Татьяна Ивановна', 'accountant');
  await addPerson(t, 'pavlova', 'Павлова Ольга Николаевна', 'office_manager');
  const s = t.app.store.sqlite;
  const alfa = insertInnClient(s, 'Альфа-Трейд', '5027990026', ivanov);
  const beta = insertInnClient(s, 'Бета Системс', '7810990038', kuznetsova);
  const gamma = insertInnClient(s, 'Гамма', '7718990043', smirnov);
  const alfaDeal = opts.dealForAlfa
    ? (await t.ok('deals.create', { clientId: alfa, managerId: ivanov, title: 'Оборудование для склада', closeMonth: '2026-01', probability: 90, amountKopecks: 12_200_000 })).id
    : null;
  const inv15 = issueInvoice(s, { clientId: alfa, managerId: ivanov, number: '15', numberSeq: 15, docDate: '2026-01-09', grossKopecks: 12_200_000, vatKopecks: 2_200_000, dealId: alfaDeal });
  const inv16 = issueInvoice(s, { clientId: beta, managerId: kuznetsova, number: '16', numberSeq: 16, docDate: '2026-01-10', grossKopecks: 6_100_000, vatKopecks: 1_100_000 });
  const inv17 = issueInvoice(s, { clientId: gamma, managerId: smirnov, number: '17', numberSeq: 17, docDate: '2026-01-12', grossKopecks: 1_500_000, vatKopecks: 0 });
  return { ivanov, kuznetsova, smirnov, alfa, beta, gamma, inv15, inv16, inv17, alfaDeal };
}

/** How many rows a table has. */
export function rowCount(sqlite: Sqlite, table: 'payments' | 'payment_allocations' | 'bank_statements' | 'month_closes' | 'audit_log'): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A reference world built once and closed: each test opens a copy of its folder (set-up hashes passwords slowly). */
export interface WorldTemplate {
  dir: string;
  world: ReferenceWorld;
  /** Opens a fresh copy with `login` signed in (null: nobody). */
  open(login: string | null, start?: Date): Promise<TestApp>;
  remove(): void;
}

/** Builds the reference world in a folder and closes it. */
export async function referenceTemplate(): Promise<WorldTemplate> {
  const t = await openTestApp();
  const world = await referenceWorld(t);
  await t.app.store.close();
  return {
    dir: t.dir,
    world,
    async open(login, start) {
      const copy = tempDir('sdelka-money-');
      cpSync(t.dir, copy, { recursive: true });
      const app = await openTestApp(copy, start);
      if (login) await signIn(app, login);
      return app;
    },
    remove() {
      rmSync(t.dir, { recursive: true, force: true });
    },
  };
}
