import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/app-error';
import { parseImportFile } from '../../src/server/clients/import-file';

/** A small list as an office would export it from Excel. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Клиенты');
  ws.addRow(['Наименование', 'ИНН', 'Телефон']);
  for (let i = 0; i < 20; i++) ws.addRow([`ООО «Ромашка ${i}»`, '7707083893', `+7 495 000-00-${String(i).padStart(2, '0')}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A fixed sequence of pseudo-random numbers (the same files every run). */
function sequence(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('a damaged spreadsheet', () => {
  // About one in six of these files left exceljs' streaming reader waiting forever before the stall guard.
  it('is read or refused with a Russian reason — never left waiting — whatever bytes were changed', { timeout: 120_000 }, async () => {
    const good = await workbook();
    const next = sequence(7);
    const outcomes = { read: 0, refused: 0 };
    for (let k = 0; k < 60; k++) {
      const bytes = Uint8Array.from(good);
      const edits = 1 + Math.floor(next() * 4);
      for (let j = 0; j < edits; j++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      try {
        await parseImportFile('клиенты.xlsx', bytes);
        outcomes.read++;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect(String((e as Error).message)).toMatch(/[а-яё]/i);
        outcomes.refused++;
      }
    }
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
