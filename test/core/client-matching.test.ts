import { describe, expect, it } from 'vitest';
import {
  buildClientIndex,
  readImportRow,
  reconcile,
  suggestMapping,
  toCandidate,
  type ColumnMapping,
  type MatchableClient,
  type ReconcileOptions,
} from '../../src/core';

const ME = 1;
const OTHER = 2;

function client(id: number, name: string, extra: Partial<MatchableClient> = {}): MatchableClient {
  return { id, name, inn: '', nameKey: '', ownerId: ME, phones: [], emails: [], domains: [], ...extra };
}

const BASE = buildClientIndex([
  client(10, 'ООО «Ромашка»', { inn: '7707083893', nameKey: 'ромашка', phones: ['+74951234567'] }),
  client(11, 'ООО «Бета Системс»', { inn: '7810990038', nameKey: 'бета системс', ownerId: OTHER }),
  client(12, 'ИП Сидоров', { nameKey: 'сидоров', ownerId: null, emails: ['sidorov@sidorov-shop.ru'], domains: ['sidorov-shop.ru'] }),
  client(13, 'ООО «Вектор»', { inn: '7736207543', nameKey: 'вектор' }),
  client(14, 'АО «Вектор»', { inn: '7702235133', nameKey: 'вектор' }),
]);

const OPTS: ReconcileOptions = { ownerFor: () => ME, ownerName: (id) => (id === ME ? 'Иванов' : 'Кузнецова') };
const MAPPING: ColumnMapping = { name: 0, inn: 1, phone: 2, email: 3 };

function judge(rows: string[][]) {
  const candidates = rows.map((cells, i) => toCandidate(readImportRow(cells, i + 2, MAPPING)));
  return reconcile(candidates, BASE, OPTS);
}

describe('reconciling a long list with the base', () => {
  it('matches by ИНН whatever the name says', () => {
    const [v] = judge([['Ромашка плюс', '7707083893', '', '']]);
    expect(v).toMatchObject({ category: 'ours', matchId: 10, signals: ['inn'] });
  });

  it('treats ООО «Ромашка», «Ромашка» ООО and the spelled-out legal form as one name', () => {
    for (const name of ['ООО «Ромашка»', '«Ромашка» ООО', 'Общество с ограниченной ответственностью "Ромашка"', 'ооо ромашка']) {
      const [v] = judge([[name, '', '', '']]);
      expect(v, name).toMatchObject({ category: 'ours', matchId: 10, signals: ['name'] });
    }
  });

  it('matches a phone written as 8 (495) … to the +7 number in the base', () => {
    const [v] = judge([['Неизвестная фирма', '', '8 (495) 123-45-67', '']]);
    expect(v).toMatchObject({ category: 'ours', matchId: 10, signals: ['phone'] });
  });

  it('says when the client belongs to another manager and names them', () => {
    const [v] = judge([['Бета', '7810990038', '', '']]);
    expect(v.category).toBe('other');
    expect(v.reason).toContain('Кузнецова');
  });

  it('counts a free client of the base as ours to take', () => {
    const [v] = judge([['ИП Сидоров', '', '', '']]);
    expect(v).toMatchObject({ category: 'ours', matchId: 12 });
    expect(v.reason).toContain('ответственный не назначен');
  });

  it('calls a name shared by several clients ambiguous', () => {
    const [v] = judge([['Вектор', '', '', '']]);
    expect(v).toMatchObject({ category: 'conflict', candidateIds: [13, 14] });
  });

  it('calls the same name with another ИНН a conflict, not a match', () => {
    const [v] = judge([['ООО Ромашка', '7736050003', '', '']]);
    expect(v).toMatchObject({ category: 'conflict', candidateIds: [10] });
    expect(v.reason).toMatch(/ИНН другой/);
  });

  it('flags a row that only shares a company e-mail domain with a client', () => {
    const [v] = judge([['Магазин у дома', '', '', 'zakaz@sidorov-shop.ru']]);
    expect(v).toMatchObject({ category: 'conflict', candidateIds: [12], signals: ['domain'] });
  });

  it('does not match on a public mail domain', () => {
    const index = buildClientIndex([client(20, 'Альфа', { nameKey: 'альфа', emails: ['alfa@mail.ru'], domains: [] })]);
    const [v] = reconcile([toCandidate(readImportRow(['Гамма', '', '', 'gamma@mail.ru'], 2, MAPPING))], index, OPTS);
    expect(v.category).toBe('new');
  });

  it('marks a row with a wrong ИНН invalid and names the reason', () => {
    const [v] = judge([['ООО Новое', '7707083894', '', '']]);
    expect(v).toMatchObject({ category: 'invalid', reason: 'ИНН: неверная контрольная сумма' });
  });

  it('marks a row without a name invalid', () => {
    const [v] = judge([['ООО', '', '', '']]);
    expect(v).toMatchObject({ category: 'invalid', reason: 'Нет наименования' });
  });

  it('flags a repeat of an earlier row of the same file instead of adding it twice', () => {
    const verdicts = judge([
      ['ООО «Новая Заря»', '1234567894', '', ''],
      ['Новая заря ООО', '', '', ''],
      ['Заря-2', '1234567894', '', ''],
    ]);
    expect(verdicts.map((v) => v.category)).toEqual(['new', 'conflict', 'conflict']);
    expect(verdicts[1]).toMatchObject({ duplicateOfRow: 2 });
    expect(verdicts[2].reason).toBe('Повторяет строку 2 этого файла');
  });

  it('puts every row in exactly one category', () => {
    const verdicts = judge([
      ['Совсем новая', '', '', ''],
      ['Ромашка', '', '', ''],
      ['Бета Системс', '', '', ''],
      ['Вектор', '', '', ''],
      ['', '7707083893', '', ''],
    ]);
    expect(verdicts.map((v) => v.category)).toEqual(['new', 'ours', 'other', 'conflict', 'invalid']);
  });
});

describe('reading a row of a long list', () => {
  it('restores the leading zero a spreadsheet dropped from an ИНН', () => {
    expect(readImportRow(['Фирма', '274062111'], 2, { name: 0, inn: 1 })).toMatchObject({ inn: '0274062111', kind: 'legal', problems: [] });
    expect(readImportRow(['ИП Фирма', '10000000021'], 2, { name: 0, inn: 1 })).toMatchObject({ inn: '010000000021', kind: 'ip', problems: [] });
  });

  it('splits several phones and e-mails of one cell and normalises them', () => {
    const row = readImportRow(['Фирма', '+7 (916) 123-45-67; 8 495 765 43 21', 'Info@Firma.RU, sales@firma.ru'], 2, { name: 0, phone: 1, email: 2 });
    expect(row.phones.map((p) => p.normalized)).toEqual(['+79161234567', '+74957654321']);
    expect(row.emails).toEqual(['info@firma.ru', 'sales@firma.ru']);
    expect(toCandidate(row).domains).toEqual(['firma.ru']);
  });

  it('keeps an unrecognised phone as written and warns about it', () => {
    const row = readImportRow(['Фирма', 'звонить секретарю'], 2, { name: 0, phone: 1 });
    expect(row.phones).toEqual([{ value: 'звонить секретарю', normalized: null }]);
    expect(row.warnings[0]).toMatch(/телефон не распознан/);
    expect(row.problems).toEqual([]);
  });

  it('takes a 12-digit ИНН as an ИП and checks the ОГРНИП', () => {
    const row = readImportRow(['ИП Петров', '500100000015', '304770000000021'], 2, { name: 0, inn: 1, ogrn: 2 });
    expect(row.kind).toBe('ip');
    expect(row.problems).toEqual(['ОГРНИП: неверная контрольная сумма']);
  });
});

describe('suggesting the column mapping', () => {
  it('recognises the usual Russian headers', () => {
    expect(suggestMapping(['Наименование', 'ИНН', 'КПП', 'Телефон', 'E-mail', 'Город', 'Контактное лицо', 'Должность', 'Комментарий'])).toEqual({
      name: 0,
      inn: 1,
      kpp: 2,
      phone: 3,
      email: 4,
      region: 5,
      contactName: 6,
      contactPosition: 7,
      note: 8,
    });
  });

  it('leaves columns it does not understand unmapped', () => {
    expect(suggestMapping(['Компания', 'Колонка X', ''])).toEqual({ name: 0 });
  });
});
