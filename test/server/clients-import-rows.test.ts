// What an import commit writes per new client, row by row, after the commit path was made to write in bulk:
// the activity mark equal to the creation time (no separate touch), one history line per client, each
// source name looked up or added once, the audit chain whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, b64, signIn } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
});
afterEach(async () => {
  await t.close();
});

const LIST = [
  'Наименование;ИНН;Телефон;Источник',
  'ООО «Альфа»;7707083893;8 (495) 111-22-33;Ярмарка',
  'ООО «Бета»;7736207543;;Выставки и мероприятия',
  'ООО «Гамма»;7702235133;;ярмарка',
].join('\r\n');

describe('an import commit, row by row', () => {
  it('writes each new client with its history line, its activity at the commit time and each source once', async () => {
    await signIn(t, 'ivanov');
    const sqlite = t.app.store.sqlite;
    const sourcesBefore = (sqlite.prepare('SELECT count(*) AS n FROM client_sources').get() as { n: number }).n;
    const fair = sqlite.prepare("SELECT id FROM client_sources WHERE name = 'Выставки и мероприятия'").get() as { id: number };
    const p = await t.ok('clients.importPreview', { fileName: 'список.csv', dataBase64: b64(LIST) });
    expect(p.mapping).toMatchObject({ name: 0, inn: 1, phone: 2, source: 3 });
    const out = await t.ok('clients.importCommit', { fileName: 'список.csv', dataBase64: b64(LIST), mapping: p.mapping, decisions: [2, 3, 4].map((row) => ({ row, decision: 'create' as const })) });
    expect(out.created).toBe(3);
    const at = '2026-11-26T09:00:00.000Z';
    const clients = sqlite.prepare('SELECT short_name AS name, source_id AS source, created_at AS created, updated_at AS updated, last_activity_at AS active, ladder_step AS step FROM clients ORDER BY id').all();
    const yarmarka = sqlite.prepare("SELECT id, kind FROM client_sources WHERE name = 'Ярмарка'").get() as { id: number; kind: string };
    expect(yarmarka.kind).toBe('other');
    expect((sqlite.prepare('SELECT count(*) AS n FROM client_sources').get() as { n: number }).n).toBe(sourcesBefore + 1);
    expect(clients).toEqual([
      { name: 'ООО «Альфа»', source: yarmarka.id, created: at, updated: at, active: at, step: 'potential' },
      { name: 'ООО «Бета»', source: fair.id, created: at, updated: at, active: at, step: 'potential' },
      { name: 'ООО «Гамма»', source: yarmarka.id, created: at, updated: at, active: at, step: 'potential' },
    ]);
    const events = sqlite.prepare("SELECT client_id AS c, kind, text, ref_entity AS ref FROM client_events WHERE kind = 'import' ORDER BY client_id").all();
    expect(events).toEqual([
      { c: 1, kind: 'import', text: 'Добавлен из списка «список.csv» (строка 2)', ref: 'import_batch' },
      { c: 2, kind: 'import', text: 'Добавлен из списка «список.csv» (строка 3)', ref: 'import_batch' },
      { c: 3, kind: 'import', text: 'Добавлен из списка «список.csv» (строка 4)', ref: 'import_batch' },
    ]);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
