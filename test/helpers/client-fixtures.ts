import ExcelJS from 'exceljs';
import type { ApiInput } from '../../src/shared/contract';
import type { Role } from '../../src/shared/roles';
import type { TestApp } from './temp-app';

/** A valid client card input (real public bank, synthetic company with valid checksums). */
export function clientInput(overrides: Partial<ApiInput<'clients.create'>['client']> = {}): ApiInput<'clients.create'>['client'] {
  return {
    kind: 'legal',
    shortName: 'ООО «Ромашка»',
    fullName: 'Общество с ограниченной ответственностью «Ромашка»',
    inn: '7707083893',
    kpp: '770701001',
    ogrn: '1027700132195',
    legalAddress: '101000, г. Москва, ул. Мясницкая, д. 1',
    region: 'Москва',
    segment: 'Розница',
    phones: [{ value: '+7 495 123-45-67', label: 'офис' }],
    emails: [{ value: 'info@romashka.example', label: '' }],
    accounts: [{ bik: '044525225', bankName: 'ПАО Сбербанк', corrAccount: '30101810400000000225', account: '40702810938000000001', isPrimary: true }],
    ...overrides,
  };
}

/** Adds a person (the director must be signed in) and returns their id. */
export async function addPerson(t: TestApp, login: string, role: Role, fullName = `Сотрудник ${login}`): Promise<number> {
  await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
  return (await t.ok('users.create', { login, fullName, position: '', role, password: 'Stol-Lampa-2026' })).id;
}

/** Signs a person in by login (password "Stol-Lampa-2026"). */
export async function signIn(t: TestApp, login: string): Promise<void> {
  await t.ok('auth.login', { login, password: 'Stol-Lampa-2026' });
}

// Windows-1251 has no encoder in the platform: the table is the decoder's, inverted.
const CP1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return table;
})();

/** Encodes text in Windows-1251 (every character must exist in the code page). */
export function cp1251(text: string): Uint8Array {
  return new Uint8Array([...text].map((ch) => {
    const b = CP1251.get(ch);
    if (b === undefined) throw new Error(`no cp1251 byte for ${ch}`);
    return b;
  }));
}

/** Base64 of bytes or UTF-8 text, as the wizard sends files. */
export function b64(data: Uint8Array | string): string {
  return Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data).toString('base64');
}

/** An XLSX workbook with one sheet of rows, made with exceljs. */
export async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Counts rows of a table directly (for "nothing was written" checks). */
export function countRows(t: TestApp, table: string): number {
  return (t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
