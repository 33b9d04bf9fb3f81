import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src/server/clients/import-file';
import { b64, signIn, addPerson } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

/** A workbook of a header and `count` client rows, written with exceljs's streaming writer. */
async function bigXlsx(count: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Клиенты');
  ws.addRow(['Наименование', 'Телефон']).commit();
  for (let i = 1; i <= count; i++) ws.addRow([`ООО «Клиент ${i}»`, `+7 495 ${String(i).padStart(7, '0')}`]).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const csv = (count: number) => new TextEncoder().encode(['Наименование;Телефон', ...Array.from({ length: count }, (_, i) => `ООО Клиент ${i + 1};+7 495 ${i}`)].join('\n'));

describe('the row limit of a long list', () => {
  let t: TestApp;
  let overLimit: Uint8Array;
  beforeAll(async () => {
    t = await openTestApp();
    await setUpOffice(t);
    await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
    await signIn(t, 'ivanov');
    // 230 000 rows: well over the 200 000 allowed.
    overLimit = await bigXlsx(230_000);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('refuses an XLSX over 200 000 rows with a Russian message', async () => {
    const res = await t.call('clients.importPreview', { fileName: 'Клиенты.xlsx', dataBase64: b64(overLimit) });
    expect(res.error).toMatchObject({ code: 'VALIDATION', message: 'В файле больше 200 000 строк — разделите список на части' });
  }, 120_000);

  it('stops reading a spreadsheet at the limit: a file twenty times over is read only up to it', async () => {
    const stats = { rowsRead: 0 };
    await expect(parseImportFile('Клиенты.xlsx', await bigXlsx(20_000), { maxRows: 1_000, stats })).rejects.toThrow('В файле больше 1 000 строк');
    // The header and 1 001 data rows: the other 18 999 rows were never read.
    expect(stats.rowsRead).toBe(1_002);
  }, 60_000);

  it('stops reading a CSV at the limit too', async () => {
    const stats = { rowsRead: 0 };
    await expect(parseImportFile('Клиенты.csv', csv(20_000), { maxRows: 1_000, stats })).rejects.toThrow('В файле больше 1 000 строк');
    expect(stats.rowsRead).toBe(1_002);
  });

  it('reads a list exactly at the limit', async () => {
    const file = await parseImportFile('Клиенты.xlsx', await bigXlsx(1_000), { maxRows: 1_000 });
    expect(file.rows).toHaveLength(1_000);
    expect(file.rows[999]).toEqual({ row: 1_001, cells: ['ООО «Клиент 1000»', '+7 495 0001000'] });
    expect((await parseImportFile('Клиенты.csv', csv(1_000), { maxRows: 1_000 })).rows).toHaveLength(1_000);
  }, 60_000);
});
