import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import { addPerson, b64, clientInput, countRows, cp1251, signIn, xlsx } from '../helpers/client-fixtures';
import { openDesk, openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let ivanov: number;
let petrova: number;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
  petrova = await addPerson(t, 'petrova', 'manager', 'Петрова Анна');
  await addPerson(t, 'head', 'head_of_sales', 'Морозова Елена');
  // The base before the list arrives: one client of Иванов, one of Петрова, two namesakes, one free.
  await signIn(t, 'ivanov');
  await t.ok('clients.create', { client: clientInput() });
  await t.ok('clients.create', { client: clientInput({ shortName: 'ООО «Вектор»', fullName: '', inn: '7736207543', kpp: '773601001', ogrn: '', phones: [], emails: [], accounts: [] }) });
  await signIn(t, 'petrova');
  await t.ok('clients.create', { client: clientInput({ shortName: 'ООО «Бета Системс»', fullName: '', inn: '7810990038', kpp: '781001001', ogrn: '', phones: [{ value: '+7 812 600-45-67', label: '' }], emails: [], accounts: [] }) });
  await t.ok('clients.create', { client: clientInput({ shortName: 'АО «Вектор»', fullName: '', inn: '7702235133', kpp: '770201001', ogrn: '', phones: [], emails: [], accounts: [] }) });
  await signIn(t, 'head');
  await t.ok('clients.create', { client: clientInput({ shortName: 'ИП Сидоров', fullName: '', kind: 'ip', inn: '500100000015', kpp: '', ogrn: '', phones: [], emails: [], accounts: [] }), responsibleId: null });
});
afterEach(async () => {
  await t.close();
});

// A long list with every kind of row: new, ours, another manager's, ambiguous, a repeat inside the file, invalid.
const LIST = [
  'Наименование;ИНН;Телефон;E-mail;Город;Контактное лицо',
  'ООО «Новая Заря»;1234567894;8 (495) 111-22-33;zakaz@zarya.example;Москва;Орлов Денис',
  '«Ромашка» ООО;;;;Москва;',
  'Общество с ограниченной ответственностью "Бета Системс";;;;СПб;',
  'Вектор;;;;Москва;',
  'ИП Сидоров;500100000015;;;Тверь;',
  'Новая заря ООО;;;;Москва;',
  'ООО «Ошибка»;7707083894;;;Москва;',
  ';;+7 900 000-00-00;;;',
].join('\r\n');

type Preview = ApiResult<'clients.importPreview'>;
function categories(p: Preview): string[] {
  return (p.rows ?? []).map((r) => `${r.row}:${r.category}`);
}

describe('a long list before anything is written', () => {
  it('reconciles every row into one category and writes nothing', async () => {
    await signIn(t, 'ivanov');
    const clients = countRows(t, 'clients');
    const audit = await t.app.store.audit.count();
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST) });
    expect(p).toMatchObject({ format: 'csv', encoding: 'UTF-8', delimiter: ';', totalRows: 8, ownerId: ivanov, alreadyImported: null });
    expect(p.mapping).toMatchObject({ name: 0, inn: 1, phone: 2, email: 3, region: 4, contactName: 5 });
    expect(categories(p)).toEqual(['2:new', '3:ours', '4:other', '5:conflict', '6:ours', '7:conflict', '8:invalid', '9:invalid']);
    expect(p.counts).toEqual({ new: 1, ours: 2, other: 1, conflict: 2, invalid: 2 });
    const rows = p.rows ?? [];
    expect(rows[2].reason).toContain('Петрова Анна');
    expect(rows[5].reason).toBe('Повторяет строку 2 этого файла');
    expect(rows[6].reason).toBe('ИНН: неверная контрольная сумма');
    expect(rows[7].reason).toBe('Нет наименования');
    expect(countRows(t, 'clients')).toBe(clients);
    expect(await t.app.store.audit.count()).toBe(audit);
  });

  it('reads a Windows-1251 file with commas the same way', async () => {
    await signIn(t, 'ivanov');
    const text = 'Название компании,ИНН,Телефон\r\nООО "Новая Заря",1234567894,84951112233\r\nРомашка,,\r\n';
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(cp1251(text)) });
    expect(p).toMatchObject({ encoding: 'Windows-1251', delimiter: ',', headers: ['Название компании', 'ИНН', 'Телефон'] });
    expect((p.rows ?? []).map((r) => [r.name, r.category])).toEqual([
      ['ООО "Новая Заря"', 'new'],
      ['Ромашка', 'ours'],
    ]);
  });

  it('reads an XLSX workbook, numbers as ИНН included', async () => {
    await signIn(t, 'ivanov');
    const bytes = await xlsx([
      ['Компания', 'ИНН', 'Регион'],
      ['ООО «Новая Заря»', 1234567894, 'Москва'],
      ['ООО «Бета Системс»', 7810990038, 'СПб'],
    ]);
    const p = await t.ok('clients.importPreview', { fileName: 'Список.xlsx', dataBase64: b64(bytes) });
    expect(p.format).toBe('xlsx');
    expect((p.rows ?? []).map((r) => [r.inn, r.category])).toEqual([
      ['1234567894', 'new'],
      ['7810990038', 'other'],
    ]);
  });

  it('asks for the name column when the headers do not say which it is', async () => {
    await signIn(t, 'ivanov');
    const csv = 'Колонка 1;Колонка 2\nООО Заря;Москва\n';
    const p = await t.ok('clients.importPreview', { fileName: 'x.csv', dataBase64: b64(csv) });
    expect(p.rows).toBeNull();
    const res = await t.call('clients.importPreview', { fileName: 'x.csv', dataBase64: b64(csv), mapping: { region: 1 } });
    expect(res.error).toMatchObject({ code: 'VALIDATION', message: 'Укажите, в каком столбце наименование клиента' });
    const mapped = await t.ok('clients.importPreview', { fileName: 'x.csv', dataBase64: b64(csv), mapping: { name: 0, region: 1 } });
    expect(mapped.rows?.[0]).toMatchObject({ name: 'ООО Заря', region: 'Москва', category: 'new' });
  });
});

describe('committing a long list', () => {
  async function commitAll(): Promise<ApiResult<'clients.importCommit'>> {
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST) });
    const decisions = (p.rows ?? []).map((r) => ({ row: r.row, decision: r.decisions[0] }));
    return t.ok('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(LIST), mapping: p.mapping, decisions });
  }

  it('writes the accepted rows in one go with a report; nothing is lost or doubled', async () => {
    await signIn(t, 'ivanov');
    const before = countRows(t, 'clients');
    const report = await commitAll();
    expect(report).toMatchObject({ created: 1, merged: 2, claimed: 0, skipped: 5, totalRows: 8, duplicateOf: null, refused: [] });
    expect(countRows(t, 'clients')).toBe(before + 1);
    expect(countRows(t, 'import_rows')).toBe(8);
    const [zarya] = await t.ok('clients.search', { query: 'новая заря' });
    expect(zarya).toMatchObject({ responsibleName: 'Иванов Иван', phone: '8 (495) 111-22-33' });
    const card = await t.ok('clients.get', { id: zarya.id });
    expect(card.contacts.map((c) => c.fullName)).toEqual(['Орлов Денис']);
    // The free ИП was merged into Иванов's name; the transfer is logged.
    const [sidorov] = await t.ok('clients.search', { query: 'сидоров' });
    expect(sidorov.responsibleName).toBe('Иванов Иван');
    const log = await t.ok('audit.list', { entity: 'import_batch', limit: 5 }).catch(() => null);
    expect(log).toBeNull(); // a manager cannot read the audit, the director can:
    await signIn(t, 'director');
    const { entries } = await t.ok('audit.list', { entity: 'import_batch', limit: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', after: { created: 1, merged: 2, skipped: 5 } });
  });

  it('reads the file it is given, whichever file was previewed last, under this name or another', async () => {
    await signIn(t, 'ivanov');
    const first = 'Наименование;ИНН\r\nООО «Первый список»;1234567894';
    const second = 'Наименование;ИНН\r\nООО «Второй список»;7728168971';
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(first) });
    // The commit comes with another file under the same name (the desk replaced it): that file is written.
    const report = await t.ok('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(second), mapping: p.mapping, decisions: [{ row: 2, decision: 'create' }] });
    expect(report).toMatchObject({ created: 1, totalRows: 1 });
    expect(await t.ok('clients.search', { query: 'второй список' })).toHaveLength(1);
    expect(await t.ok('clients.search', { query: 'первый список' })).toHaveLength(0);
    // The same bytes under a name whose extension says «workbook» are read as one — and refused as not one.
    await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(first) });
    const asXlsx = await t.call('clients.importPreview', { fileName: 'list.xlsx', dataBase64: b64(first) });
    expect(asXlsx.error?.message).toBe('Файл «list.xlsx» повреждён или не является книгой Excel (XLSX)');
    // And the previewed file itself still commits as previewed.
    const again = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(first) });
    expect((again.rows ?? []).map((r) => r.category)).toEqual(['new']);
    expect(await t.ok('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(first), mapping: again.mapping, decisions: [{ row: 2, decision: 'create' }] })).toMatchObject({ created: 1 });
    expect(await t.ok('clients.search', { query: 'первый список' })).toHaveLength(1);
  });

  it('reads the rows with the mapping the commit gives, not the one its preview read them with', async () => {
    await signIn(t, 'ivanov');
    const list = 'Наименование;Регион;Сегмент\r\nООО «Картограф»;Казань;Опт';
    const p = await t.ok('clients.importPreview', { fileName: 'regions.csv', dataBase64: b64(list) });
    expect(p.mapping).toMatchObject({ name: 0, region: 1 });
    // The person moves the region to the third column in the wizard and commits.
    const mapping = { ...p.mapping, region: 2 };
    expect(await t.ok('clients.importCommit', { fileName: 'regions.csv', dataBase64: b64(list), mapping, decisions: [{ row: 2, decision: 'create' }] })).toMatchObject({ created: 1 });
    expect(t.app.store.sqlite.prepare("SELECT region FROM clients WHERE short_name = 'ООО «Картограф»'").get()).toEqual({ region: 'Опт' });
  });

  it('adds nothing when the same file comes a second time', async () => {
    await signIn(t, 'ivanov');
    await commitAll();
    const clients = countRows(t, 'clients');
    const phones = countRows(t, 'client_phones');
    const preview = await t.ok('clients.importPreview', { fileName: 'again.csv', dataBase64: b64(LIST) });
    expect(preview.alreadyImported?.fileName).toBe('list.csv');
    const again = await t.ok('clients.importCommit', { fileName: 'again.csv', dataBase64: b64(LIST), mapping: preview.mapping, decisions: [{ row: 2, decision: 'create' }] });
    expect(again).toMatchObject({ batchId: null, created: 0, duplicateOf: { fileName: 'list.csv' } });
    expect(countRows(t, 'clients')).toBe(clients);
    expect(countRows(t, 'client_phones')).toBe(phones);
  });

  it('finds every row of a re-saved copy of the file already in the base', async () => {
    await signIn(t, 'ivanov');
    await commitAll();
    const copy = `${LIST}\r\n`;
    const p = await t.ok('clients.importPreview', { fileName: 'copy.csv', dataBase64: b64(copy) });
    expect(p.alreadyImported).toBeNull();
    expect(p.counts.new).toBe(0);
    expect((p.rows ?? [])[0]).toMatchObject({ category: 'ours' });
  });

  it('turns a claim on another manager\'s client into a conflict for the head of sales', async () => {
    await signIn(t, 'ivanov');
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST) });
    const report = await t.ok('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(LIST), mapping: p.mapping, decisions: [{ row: 4, decision: 'claim' }] });
    expect(report.claimed).toBe(1);
    await signIn(t, 'head');
    const [c] = await t.ok('clients.conflicts', {});
    expect(c).toMatchObject({ clientName: 'ООО «Бета Системс»', claimant: { id: ivanov }, holder: { id: petrova } });
  });

  it('refuses a decision the row does not allow and carries out the rest', async () => {
    await signIn(t, 'ivanov');
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST) });
    const report = await t.ok('clients.importCommit', {
      fileName: 'list.csv',
      dataBase64: b64(LIST),
      mapping: p.mapping,
      decisions: [{ row: 8, decision: 'create' }, { row: 2, decision: 'create' }],
    });
    expect(report).toMatchObject({ created: 1 });
    expect(report.refused.map((r) => r.row)).toEqual([8]);
  });

  it('matches again at the commit when the base changed after the preview, and takes the preview\'s matching when nothing did', async () => {
    await signIn(t, 'ivanov');
    const list = 'Наименование;ИНН\r\nООО «Параллель»;7728168971\r\nООО «Меридиан»;1234567894';
    const p = await t.ok('clients.importPreview', { fileName: 'two.csv', dataBase64: b64(list) });
    expect((p.rows ?? []).map((r) => r.category)).toEqual(['new', 'new']);
    // Meanwhile Петрова, at her own desk, adds «Параллель» to the base.
    const desk = openDesk(t);
    await desk.ok('auth.login', { login: 'petrova', password: 'Stol-Lampa-2026' });
    await desk.ok('clients.create', { client: clientInput({ shortName: 'ООО «Параллель»', fullName: '', inn: '7728168971', kpp: '', ogrn: '', phones: [], emails: [], accounts: [] }) });
    const decisions = [{ row: 2, decision: 'create' as const }, { row: 3, decision: 'create' as const }];
    const report = await t.ok('clients.importCommit', { fileName: 'two.csv', dataBase64: b64(list), mapping: p.mapping, decisions });
    // «Параллель» is now Петрова's client: not created twice, and the report says why.
    expect(report).toMatchObject({ created: 1, counts: { new: 1, other: 1 } });
    expect(report.refused).toEqual([{ row: 2, reason: expect.stringContaining('Петрова Анна') }]);
    expect(countRows(t, 'clients')).toBe(7);
    // A preview and a commit with nothing written in between: the commit carries out what the preview showed.
    const again = 'Наименование;ИНН\r\nООО «Азимут»;5001007329';
    const q = await t.ok('clients.importPreview', { fileName: 'again.csv', dataBase64: b64(again) });
    expect(await t.ok('clients.importCommit', { fileName: 'again.csv', dataBase64: b64(again), mapping: q.mapping, decisions: [{ row: 2, decision: 'create' }] })).toMatchObject({ created: 1, refused: [] });
  });

  it('writes nothing at all when one row fails in the middle', async () => {
    await signIn(t, 'ivanov');
    t.app.store.sqlite.exec("CREATE TRIGGER fail_zarya BEFORE INSERT ON client_contacts WHEN new.full_name = 'Орлов Денис' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const clients = countRows(t, 'clients');
    const audit = await t.app.store.audit.count();
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST) });
    const res = await t.call('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(LIST), mapping: p.mapping, decisions: (p.rows ?? []).map((r) => ({ row: r.row, decision: r.decisions[0] })) });
    expect(res.error?.code).toBe('INTERNAL');
    expect(countRows(t, 'clients')).toBe(clients);
    expect(countRows(t, 'import_batches')).toBe(0);
    expect(await t.app.store.audit.count()).toBe(audit);
  });

  it('lets a manager import only into their own name; the head of sales into anyone\'s or by the standard', async () => {
    await signIn(t, 'ivanov');
    expect((await t.call('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST), ownerId: petrova })).error?.code).toBe('FORBIDDEN');
    await signIn(t, 'head');
    await t.ok('clients.saveDivision', { mode: 'region', lapseDays: 0, shareBase: false, rules: [{ value: 'Москва', managerId: petrova }] });
    const p = await t.ok('clients.importPreview', { fileName: 'list.csv', dataBase64: b64(LIST), ownerId: null });
    expect(p.ownerId).toBeNull();
    await t.ok('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(LIST), ownerId: null, mapping: p.mapping, decisions: [{ row: 2, decision: 'create' }] });
    const [zarya] = await t.ok('clients.search', { query: 'заря' });
    expect(zarya.responsibleName).toBe('Петрова Анна');
  });
});

describe('a file that cannot be read', () => {
  const cases: [string, string, Uint8Array | string, RegExp][] = [
    ['a PDF', 'scan.pdf', '%PDF-1.4 something', /Формат «\.pdf» не поддерживается/],
    ['an old XLS', 'list.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /XLS.*не поддерживаются/],
    ['a broken XLSX', 'list.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]), /повреждён или не является книгой Excel/],
    ['an empty CSV', 'list.csv', '   \r\n  \r\n', /Файл пуст/],
    ['a header without rows', 'list.csv', 'Наименование;ИНН\r\n', /только строка заголовков/],
    ['an unclosed quote', 'list.csv', 'Наименование;ИНН\r\n"ООО Заря;123\r\n', /незакрытая кавычка/],
  ];
  for (const [what, name, data, message] of cases) {
    it(`refuses ${what} with a clear reason and writes nothing`, async () => {
      await signIn(t, 'ivanov');
      const clients = countRows(t, 'clients');
      const preview = await t.call('clients.importPreview', { fileName: name, dataBase64: b64(data) });
      expect(preview.error?.code).toBe('VALIDATION');
      expect(preview.error?.message).toMatch(message);
      const commit = await t.call('clients.importCommit', { fileName: name, dataBase64: b64(data), mapping: { name: 0 }, decisions: [{ row: 2, decision: 'create' }] });
      expect(commit.error?.message).toMatch(message);
      expect(countRows(t, 'clients')).toBe(clients);
      expect(countRows(t, 'import_batches')).toBe(0);
    });
  }

  it('refuses a commit without a name column', async () => {
    await signIn(t, 'ivanov');
    const res = await t.call('clients.importCommit', { fileName: 'list.csv', dataBase64: b64(LIST), mapping: { inn: 1 }, decisions: [] });
    expect(res.error?.message).toBe('Укажите, в каком столбце наименование клиента');
  });
});
