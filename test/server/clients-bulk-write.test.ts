// The fast write paths of clients write exactly what the slow ones did: the same rows, the same search
// results (index built row by row by the triggers, or in one statement at the end, or rebuilt from
// scratch), the same audit chain; and the long-list commit shows its count, cannot start twice and
// leaves nothing behind when it fails half-way.
import { describe, expect, it } from 'vitest';
import { checkInn10 } from '../../src/core';
import { toDrizzle, inTransaction } from '../../src/db/drizzle';
import { deferClientIndexSync, indexDeferredClientsSync, insertClientSync, insertEventSync, logFirstOwnerSync, type NewClientData } from '../../src/db/repos/client-writes';
import { insertClientsSync, logNewClientsSync } from '../../src/db/repos/client-bulk-writes';
import { addPerson, b64, clientInput, countRows, signIn } from '../helpers/client-fixtures';
import { appsPerTest } from '../helpers/apps-per-test';
import { watchLongWrite } from '../helpers/long-writes';
import { openDesk, setUpOffice, type TestApp } from '../helpers/temp-app';

const openApp = appsPerTest();

async function office(): Promise<TestApp> {
  const t = await openApp();
  await setUpOffice(t);
  return t;
}

/** A valid 10-digit ИНН from a number: the check digit is searched for, not computed here. */
function inn(n: number): string {
  const base = String(500_000_000 + n).slice(-9);
  for (let d = 0; d < 10; d++) if (checkInn10(base + d)) return base + d;
  throw new Error('no check digit');
}

const NAMES = ['Ёлка', 'Берёза', 'Северный Альянс', 'Вектор', 'Заря', 'Семёрка', 'Ромашка', 'Техснаб', 'Орион-Трейд', 'Янтарь'];

/** The i-th client of the comparison base: Cyrillic names with ё, ИНН, a phone, an e-mail, now and then a key person. */
function client(i: number): NewClientData {
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  return {
    kind: 'legal',
    shortName: `ООО «${name}»`,
    fullName: `Общество с ограниченной ответственностью «${name}»`,
    inn: inn(i),
    kpp: '',
    ogrn: '',
    legalAddress: '',
    postalAddress: '',
    actualAddress: '',
    website: '',
    segment: '',
    region: i % 2 ? 'Москва' : 'Казань',
    sourceId: null,
    comment: '',
    phones: [{ value: `8 (916) ${String(1_000_000 + i * 37).slice(-7)}`, label: '' }],
    emails: [{ value: `sales${i}@${i % 3 ? 'zarya' : 'ёлка'}.example`, label: '' }],
    accounts: [],
    contacts: i % 4 === 0 ? [{ fullName: `Семёнов Пётр ${i}`, position: 'Директор' }] : [],
    responsibleId: null,
    importBatchId: null,
    createdBy: null,
  };
}

const QUERIES = ['ёлка', 'елка', 'ЕЛК', 'берез', 'берёза 1', 'се', 'сем', 'семенов', 'пётр', 'северный альянс', 'орион трейд', 'ро', 'ооо', inn(17), inn(123).slice(0, 4), '8 (916) 100', '+7916100', '89161000', 'sales1', 'zarya', 'нет такого'];

async function searchAll(t: TestApp): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const query of QUERIES) out.push(await t.ok('clients.search', { query, limit: 12 }));
  return out;
}

function ftsIntact(t: TestApp): void {
  // FTS5's own check: the index holds exactly what the clients' search_text says, nothing more, nothing less.
  t.app.store.sqlite.exec("INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
}

function schemaSql(t: TestApp): string[] {
  return (t.app.store.sqlite.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY type, name").all() as { s: string }[]).map((r) => r.s);
}

function dump(t: TestApp, table: string): unknown[] {
  return t.app.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
}

const BULK_TABLES = ['clients', 'client_phones', 'client_emails', 'client_contacts'];

describe('a client row', () => {
  it('holds every value in its own column (each one different, so a swapped parameter shows)', async () => {
    const t = await office();
    const manager = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    const source = (t.app.store.sqlite.prepare("SELECT id FROM client_sources WHERE name = 'СМИ'").get() as { id: number }).id;
    const at = '2026-03-04T05:06:07.000Z';
    const deps = { db: toDrizzle(t.app.store.sqlite), sqlite: t.app.store.sqlite, now: () => new Date(at) };
    const id = insertClientSync(
      deps,
      {
        ...client(5),
        kind: 'legal',
        shortName: 'ООО «Колонка»',
        fullName: 'Общество с ограниченной ответственностью «Колонка»',
        inn: '7707083893',
        kpp: '770701001',
        ogrn: '1027700132195',
        legalAddress: 'г. Москва, ул. Юридическая, д. 1',
        postalAddress: 'г. Москва, а/я 2',
        actualAddress: 'г. Москва, ул. Фактическая, д. 3',
        website: 'kolonka.example',
        segment: 'Опт',
        region: 'Тверь',
        sourceId: source,
        comment: 'Звонить после обеда',
        responsibleId: manager,
        createdBy: manager,
        phones: [],
        emails: [],
        contacts: [],
      },
      at,
    );
    const row = t.app.store.sqlite
      .prepare(
        `SELECT kind, full_name, short_name, name_key, inn, kpp, ogrn, legal_address, postal_address, actual_address, website, segment,
           region, source_id, comment, responsible_id, claimed_at, last_activity_at, ladder_step, import_batch_id, created_by, created_at, updated_at
         FROM clients WHERE id = ?`,
      )
      .get(id);
    expect(row).toEqual({
      kind: 'legal',
      full_name: 'Общество с ограниченной ответственностью «Колонка»',
      short_name: 'ООО «Колонка»',
      name_key: 'колонка',
      inn: '7707083893',
      kpp: '770701001',
      ogrn: '1027700132195',
      legal_address: 'г. Москва, ул. Юридическая, д. 1',
      postal_address: 'г. Москва, а/я 2',
      actual_address: 'г. Москва, ул. Фактическая, д. 3',
      website: 'kolonka.example',
      segment: 'Опт',
      region: 'Тверь',
      source_id: source,
      comment: 'Звонить после обеда',
      responsible_id: manager,
      claimed_at: at,
      last_activity_at: at,
      ladder_step: 'potential',
      import_batch_id: null,
      created_by: manager,
      created_at: at,
      updated_at: at,
    });
    const words = (t.app.store.sqlite.prepare('SELECT search_text FROM clients WHERE id = ?').get(id) as { search_text: string }).search_text;
    expect(words.split(' ')).toEqual(expect.arrayContaining(['ооо', 'колонка', 'общество', '7707083893', '1027700132195']));
  });
});

describe('clients written in bulk', () => {
  it('load a base at least as large as the one there with their indexes built at the end, writing what row-by-row writes do', async () => {
    const slow = await office();
    const fast = await office();
    const schemaBefore = schemaSql(fast);
    const write = (t: TestApp, bulkRows: number | null, failAt: number | null = null) => {
      const deps = { db: toDrizzle(t.app.store.sqlite), sqlite: t.app.store.sqlite, now: t.app.now };
      inTransaction(deps, () => {
        const deferral = bulkRows === null ? null : deferClientIndexSync(deps, { bulkRows });
        const list = Array.from({ length: 1_200 }, (_, k) => client(k + 1));
        if (bulkRows === null) for (const c of list) insertClientSync(deps, c, '2026-11-26T09:00:00.000Z');
        else insertClientsSync(deps, failAt === null ? list : list.slice(0, failAt - 1), '2026-11-26T09:00:00.000Z');
        if (failAt !== null) throw new Error('the disk is full');
        if (deferral) indexDeferredClientsSync(deps, deferral);
      });
    };
    // A load that fails half-way leaves the schema, the indexes and the search settings as they were.
    expect(() => write(fast, 1_200, 700)).toThrow('the disk is full');
    expect(schemaSql(fast)).toEqual(schemaBefore);
    expect(countRows(fast, 'clients')).toBe(0);
    write(slow, null);
    write(fast, 1_200);
    for (const table of BULK_TABLES) expect(dump(fast, table), table).toEqual(dump(slow, table));
    expect(countRows(fast, 'client_phones')).toBe(1_200);
    // Every index is back with its own text, SQLite finds each consistent with its table, and lookups use them.
    expect(schemaSql(fast)).toEqual(schemaBefore);
    expect(fast.app.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (sql: string) => (fast.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan(`SELECT id FROM clients WHERE inn = '${inn(17)}'`)).toContain('clients_inn_idx');
    expect(plan("SELECT client_id FROM client_phones WHERE normalized = '+79161000629'")).toContain('client_phones_normalized_idx');
    ftsIntact(fast);
    // FTS5 merges its segments again on the next writes, as it did before the load.
    expect(fast.app.store.sqlite.prepare("SELECT v FROM clients_fts_config WHERE k = 'automerge'").get()).toEqual({ v: 4 });
    await signIn(slow, 'director');
    await signIn(fast, 'director');
    expect(await searchAll(fast)).toEqual(await searchAll(slow));
  });

  it('are found exactly as clients written one by one', async () => {
    const slow = await office();
    const fast = await office();
    const schemaBefore = schemaSql(fast);
    const write = (t: TestApp, bulk: boolean) => {
      const deps = { db: toDrizzle(t.app.store.sqlite), sqlite: t.app.store.sqlite, now: t.app.now };
      inTransaction(deps, () => {
        const deferral = bulk ? deferClientIndexSync(deps) : null;
        for (let i = 1; i <= 300; i++) insertClientSync(deps, client(i), '2026-11-26T09:00:00.000Z');
        if (deferral) indexDeferredClientsSync(deps, deferral);
      });
    };
    write(slow, false);
    write(fast, true);
    await signIn(slow, 'director');
    await signIn(fast, 'director');
    const expected = await searchAll(slow);
    // Not a vacuous comparison: the queries do find clients, by name with ё or е, ИНН and phone.
    expect((expected[0] as unknown[]).length).toBeGreaterThan(0);
    expect(expected[1]).toEqual(expected[0]);
    expect((expected[13] as { inn: string }[]).map((r) => r.inn)).toEqual([inn(17)]);
    expect((expected[16] as unknown[]).length).toBeGreaterThan(0);
    expect(await searchAll(fast)).toEqual(expected);
    ftsIntact(fast);
    // The insert trigger is back with its own text and the mark is gone: one-by-one writes index as before.
    expect(schemaSql(fast)).toEqual(schemaBefore);
    expect(countRows(fast, 'clients_fts_deferred')).toBe(0);
    await fast.ok('clients.create', { client: clientInput({ shortName: 'ООО «Ёлка 999»', fullName: '', inn: inn(999), kpp: '', ogrn: '', phones: [], emails: [], accounts: [] }), responsibleId: null });
    expect(await fast.ok('clients.search', { query: 'ёлка 999' })).toHaveLength(1);
    ftsIntact(fast);
  });
});

describe('clients written many to a statement', () => {
  /** The i-th client of this comparison: now and then two phones and e-mails, a bank account, a key person, an owner. */
  function richClient(i: number, owner: number): NewClientData {
    const c = client(i);
    return {
      ...c,
      phones: i % 3 === 0 ? [...c.phones, { value: '+7 (495) 123-45-67 доб. 12', label: 'офис' }] : i % 7 === 0 ? [] : c.phones,
      emails: i % 5 === 0 ? [...c.emails, { value: ' INFO@Example.COM ', label: 'общий' }] : c.emails,
      accounts: i % 6 === 0 ? [{ bik: '044525225', bankName: 'ПАО Сбербанк', corrAccount: '30101810400000000225', account: '40702810938000012345', isPrimary: i % 12 === 0 }] : [],
      responsibleId: i % 4 === 1 ? null : owner,
      sourceId: null,
    };
  }

  const TABLES = ['clients', 'client_phones', 'client_emails', 'client_contacts', 'client_bank_accounts', 'client_transfers', 'client_events', 'sqlite_sequence'];

  it('write the very rows one-by-one writes do: the same ids in every table, the same history lines', async () => {
    const [slow, fast] = [await office(), await office()];
    const at = '2026-11-26T09:00:00.000Z';
    const write = async (t: TestApp, many: boolean) => {
      const owner = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
      const deps = { db: toDrizzle(t.app.store.sqlite), sqlite: t.app.store.sqlite, now: t.app.now };
      // Rows already there (and one deleted: AUTOINCREMENT never gives its id again), so no table starts from 1.
      insertClientSync(deps, richClient(0, owner), at);
      t.app.store.sqlite.exec('DELETE FROM clients WHERE id = (SELECT max(id) FROM clients)');
      insertClientSync(deps, richClient(1, owner), at);
      // More than one statement's worth (500 clients to a statement).
      const list = Array.from({ length: 1_203 }, (_, k) => richClient(k + 2, owner));
      const event = (k: number) => ({ kind: 'import', text: `Добавлен из списка «a.csv» (строка ${k + 2})`, userId: owner, refEntity: 'import_batch', refId: 7 });
      inTransaction(deps, () => {
        if (many) {
          const ids = insertClientsSync(deps, list, at);
          logNewClientsSync(deps, list.map((c, k) => ({ clientId: ids[k], ownerId: c.responsibleId, kind: 'import' as const, byUserId: owner, reason: 'Список «a.csv»', event: event(k) })), at);
          return;
        }
        list.forEach((c, k) => {
          const id = insertClientSync(deps, c, at);
          if (c.responsibleId !== null) logFirstOwnerSync(deps, id, c.responsibleId, 'import', owner, 'Список «a.csv»', at);
          insertEventSync(deps, { clientId: id, at, ...event(k) });
        });
      });
    };
    await write(slow, false);
    await write(fast, true);
    for (const table of TABLES) expect(dump(fast, table), table).toEqual(dump(slow, table));
    // Not vacuous: every kind of row is there, the history names the owner, ids did not start from 1.
    expect(countRows(fast, 'clients')).toBe(1_204);
    expect(countRows(fast, 'client_bank_accounts')).toBeGreaterThan(150);
    expect(countRows(fast, 'client_contacts')).toBeGreaterThan(250);
    expect(countRows(fast, 'client_transfers')).toBe(903);
    const first = fast.app.store.sqlite.prepare("SELECT id, text FROM client_events WHERE kind = 'transfer' ORDER BY id LIMIT 1").get() as { id: number; text: string };
    expect(first.text).toBe('Закреплён при загрузке списка: без ответственного → Иванов Иван Иванович. Список «a.csv»');
    expect((fast.app.store.sqlite.prepare('SELECT min(id) AS id FROM clients').get() as { id: number }).id).toBe(2);
    expect(fast.app.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

/** A long list of `n` new companies. */
function longList(n: number, from = 0): string {
  const lines = ['Наименование;ИНН;Телефон;E-mail;Регион;Контактное лицо'];
  for (let i = from; i < from + n; i++) {
    lines.push(`ООО «${NAMES[i % NAMES.length]} ${i}»;${inn(10_000 + i)};8 (495) ${String(2_000_000 + i).slice(-7)};zakaz${i}@list.example;Тверь;${i % 7 === 0 ? `Фёдоров Семён ${i}` : ''}`);
  }
  return lines.join('\r\n');
}

async function previewAll(t: TestApp, csv: string) {
  const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(csv) });
  return { fileName: 'list.csv', dataBase64: b64(csv), mapping: p.mapping, decisions: (p.rows ?? []).map((r) => ({ row: r.row, decision: r.decisions[0] })) };
}

describe('a long-list commit of thousands of rows', () => {
  it('shows its count while it runs, refuses a second start, keeps other desks on the committed base and indexes what a rebuild would', async () => {
    const t = await office();
    await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
    await signIn(t, 'ivanov');
    const before = countRows(t, 'clients');
    const input = await previewAll(t, longList(2_500));
    const other = openDesk(t);
    await other.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });

    const first = t.call('clients.importCommit', input);
    let refused: string | undefined;
    let countDuring = -1;
    const seen = await watchLongWrite(other, 'clients.importCommit', async () => {
      refused = (await t.call('clients.importCommit', input)).error?.message;
      countDuring = (await other.ok('clients.list', { scope: 'all', limit: 1, offset: 0 })).total;
    });
    const out = await first;
    if (out.error) throw new Error(out.error.message);
    expect(out.data.created).toBe(2_500);
    expect(refused).toBe('Загрузка списка клиентов уже выполняется — дождитесь окончания');
    // Between two chunks another desk reads the base as it was: none of the new rows, not a half of them.
    expect(countDuring).toBe(before);
    expect(seen.every((s) => s.total === 2_500)).toBe(true);
    expect(seen.some((s) => s.done > 0 && s.done < 2_500)).toBe(true);
    expect(await other.ok('system.longWrites', {})).toEqual([]);
    expect(countRows(t, 'clients')).toBe(before + 2_500);
    expect(countRows(t, 'client_events')).toBeGreaterThanOrEqual(2_500);

    ftsIntact(t);
    const queries = ['ёлка 1', 'елка 2499', 'федоров семен', 'берез', inn(10_000 + 1_234), '8 495 2001234', 'zakaz2000', 'тверь'];
    const found = [];
    for (const query of queries) found.push(await t.ok('clients.search', { query, limit: 12 }));
    expect(found[4].map((r) => r.inn)).toEqual([inn(11_234)]);
    expect(found[5]).toHaveLength(1);
    // The same queries against an index rebuilt from the rows themselves: nothing differs.
    t.app.store.sqlite.exec("INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')");
    for (const [i, query] of queries.entries()) expect(await t.ok('clients.search', { query, limit: 12 })).toEqual(found[i]);

    await signIn(t, 'director');
    const audit = await t.ok('audit.list', { limit: 5 });
    expect(audit.chainOk).toBe(true);
    expect(audit.entries[0]).toMatchObject({ action: 'import', entity: 'import_batch' });
  });

  it('leaves nothing written when a row in a later chunk fails', async () => {
    const t = await office();
    await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
    await signIn(t, 'ivanov');
    const schemaBefore = schemaSql(t);
    const counts = () => ['clients', 'client_phones', 'client_emails', 'client_contacts', 'client_events', 'client_transfers', 'import_batches', 'import_rows', 'audit_log'].map((x) => countRows(t, x));
    const before = counts();
    const input = await previewAll(t, longList(2_200));
    // The storage refuses row 1 801 (the third chunk), as a full disk would.
    t.app.store.sqlite.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON clients WHEN new.inn = '${inn(11_799)}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const res = await t.call('clients.importCommit', input);
    expect(res.error?.code).toBe('INTERNAL');
    expect(counts()).toEqual(before);
    t.app.store.sqlite.exec('DROP TRIGGER fail_late');
    expect(schemaSql(t)).toEqual(schemaBefore);
    expect(countRows(t, 'clients_fts_deferred')).toBe(0);
    expect(await t.ok('system.longWrites', {})).toEqual([]);
    ftsIntact(t);
    // Nothing blocks the next try: the same file goes in whole.
    const again = await t.ok('clients.importCommit', input);
    expect(again.created).toBe(2_200);
    ftsIntact(t);
  });
});
