// Reading a long list: CSV (UTF-8 or Windows-1251, detected; comma, semicolon or tab) with
// papaparse, XLSX with exceljs. A file that cannot be read is refused with a Russian reason.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../app-error';

/** The table inside a file: its header row and the data rows with their row numbers. */
export interface ParsedFile {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** More rows than this is not a long list but a mistake. */
export const MAX_IMPORT_ROWS = 200_000;

function refuse(message: string): never {
  throw new AppError('VALIDATION', message, [{ path: 'file', message }]);
}

/** The file's fingerprint: the same bytes give the same hash, so a file is never imported twice. */
export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes.includes(0)) refuse('Файл не похож на текстовую таблицу CSV: загрузите CSV или XLSX');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Excel's «CSV (разделители — точка с запятой)» on a Russian Windows writes Windows-1251.
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'Windows-1251' };
  }
}

function tidy(rows: string[][]): Omit<ParsedFile, 'format' | 'encoding' | 'delimiter'> {
  const numbered = rows.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
  if (numbered.length === 0) refuse('Файл пуст: в нём нет ни одной строки');
  const [head, ...data] = numbered;
  if (data.length === 0) refuse('В файле только строка заголовков — нет ни одного клиента');
  if (data.length > MAX_IMPORT_ROWS) refuse(`В файле ${data.length} строк — больше ${MAX_IMPORT_ROWS}. Разделите список на части`);
  return { headers: head.cells, rows: data };
}

function parseCsv(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') refuse('Файл пуст: в нём нет ни одной строки');
  // Guess on non-empty lines only (blank lines confuse the guess), then parse everything so that
  // row numbers stay those of the spreadsheet.
  const head = text.split(/\r?\n/, 200).join('\n');
  const guess = Papa.parse<string[]>(head, { delimiter: '', delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy', preview: 50 });
  const res = Papa.parse<string[]>(text, { delimiter: guess.meta.delimiter, skipEmptyLines: false });
  const quote = res.errors.find((e) => e.type === 'Quotes');
  if (quote) refuse(`CSV-файл повреждён: незакрытая кавычка${quote.row === undefined ? '' : ` в строке ${quote.row + 1}`}`);
  return { format: 'csv', encoding, delimiter: res.meta.delimiter, ...tidy(res.data) };
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text);
  if ('result' in v) return v.result === undefined ? '' : cellText(v.result);
  if ('formula' in v || 'sharedFormula' in v) return '';
  return '';
}

async function parseXlsx(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  // Loaded on the first XLSX, not at start: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    // read() over a stream: exceljs's own Buffer typing does not accept Node's Buffer in load().
    await wb.xlsx.read(Readable.from([Buffer.from(bytes)]));
  } catch {
    refuse(`Файл «${fileName}» повреждён или не является книгой Excel (XLSX)`);
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) refuse('Файл пуст: в книге нет листа с данными');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { format: 'xlsx', encoding: 'XLSX', delimiter: '', ...tidy(Array.from(rows, (r) => r ?? [])) };
}

/** Reads a long list from its bytes; the extension and the first bytes decide CSV or XLSX. */
export async function parseImportFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.length === 0) refuse('Файл пуст');
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (ext === 'xls' || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    refuse('Файлы старого Excel (XLS) не поддерживаются: сохраните список как XLSX или CSV');
  }
  if (ext === 'xlsx' || isZip) {
    if (!isZip) refuse(`Файл «${fileName}» повреждён или не является книгой Excel (XLSX)`);
    return parseXlsx(bytes, fileName);
  }
  if (!['csv', 'txt', 'tsv', ''].includes(ext)) refuse(`Формат «.${ext}» не поддерживается: загрузите список в CSV или XLSX`);
  return parseCsv(bytes);
}

/** Decodes the wizard's base64 into bytes, refusing what is not base64. */
export function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) refuse('Файл передан повреждённым: перезагрузите его');
  return new Uint8Array(Buffer.from(data, 'base64'));
}
