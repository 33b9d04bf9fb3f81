// What an import's report keeps of a row: the values as read, without empty or worked-out ones.
import { describe, expect, it } from 'vitest';
import { importRowRecord, readImportRow, type ColumnMapping } from '../../src/core';

const MAPPING: ColumnMapping = { name: 0, inn: 1, phone: 2, email: 3, region: 4, fullName: 5, contactName: 6 };

describe('the report record of an import row', () => {
  it('keeps what the row said and drops empty values, the name key, normalised phones and a full name that is the name again', () => {
    const row = readImportRow(['ООО «Ромашка»', '7707083893', '8 (495) 123-45-67', 'Info@Romashka.ru', 'Москва', 'ООО «Ромашка»', ''], 7, MAPPING);
    // Written by hand: the row number and the name are the report row's own columns.
    expect(JSON.parse(importRowRecord(row))).toEqual({
      kind: 'legal',
      inn: '7707083893',
      phones: ['8 (495) 123-45-67'],
      emails: ['info@romashka.ru'],
      region: 'Москва',
    });
  });

  it('keeps a full name of its own, a key person, and why a row was refused or warned about', () => {
    const row = readImportRow(['Ромашка', '770708389', 'звонить вечером', 'не почта', '', 'Общество «Ромашка»', 'Петрова Анна'], 9, MAPPING);
    expect(JSON.parse(importRowRecord(row))).toEqual({
      kind: 'legal',
      fullName: 'Общество «Ромашка»',
      inn: '770708389',
      phones: ['звонить вечером'],
      contactName: 'Петрова Анна',
      problems: ['ИНН организации — 10 цифр'],
      warnings: ['телефон не распознан — сохранится как записан', 'e-mail «не» не распознан и не будет сохранён', 'e-mail «почта» не распознан и не будет сохранён'],
    });
  });
});
