// Reading a long list: CSV (UTF-8 or Windows-1251, detected; comma, semicolon or tab) with
// papaparse, XLSX with exceljs's streaming reader. Both stop at the row limit without reading the
// rest. A file that cannot be read is refused with a Russian reason.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { guardStalls } from './stall-guard';
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

/** Parser options: a lower limit, and a place where the parser counts the rows it read (blank ones included). */
export interface ParseOptions {
  maxRows?: number;
  stats?: { rowsRead: number };
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

function tooManyRows(maxRows: number): never {
  refuse(`В файле больше ${maxRows.toLocaleString('ru-RU').replace(/\s/g, ' ')} строк — разделите список на части`);
}

/**
 * Collects non-blank rows (trimmed, with their row numbers) and says when to stop: once the data
 * rows (all but the first, the header) pass the limit, the rest of the file is never read.
 */
class RowCollector {
  readonly rows: { row: number; cells: string[] }[] = [];
  read = 0;
  constructor(
    private readonly maxRows: number,
    private readonly stats: { rowsRead: number } = { rowsRead: 0 },
  ) {}

  /** Adds a row; false when the limit is passed and reading must stop. */
  add(row: number, cells: string[]): boolean {
    this.read++;
    this.stats.rowsRead++;
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.some((c) => c !== '')) this.rows.push({ row, cells: trimmed });
    return this.rows.length - 1 <= this.maxRows;
  }

  result(): Omit<ParsedFile, 'format' | 'encoding' | 'delimiter'> {
    if (this.rows.length - 1 > this.maxRows) tooManyRows(this.maxRows);
    const [head, ...data] = this.rows;
    if (head === undefined) refuse('Файл пуст: в нём нет ни одной строки');
    if (data.length === 0) refuse('В файле только строка заголовков — нет ни одного клиента');
    return { headers: head.cells, rows: data };
  }
}

function parseCsv(bytes: Uint8Array, maxRows: number, stats?: { rowsRead: number }): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') refuse('Файл пуст: в нём нет ни одной строки');
  // Guess on non-empty lines only (blank lines confuse the guess), then parse everything so that
  // row numbers stay those of the spreadsheet.
  const head = text.split(/\r?\n/, 200).join('\n');
  const guess = Papa.parse<string[]>(head, { delimiter: '', delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy', preview: 50 });
  const rows = new RowCollector(maxRows, stats);
  let quoteRow: number | null | undefined;
  Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        quoteRow = rows.read;
        parser.abort();
        return;
      }
      if (!rows.add(rows.read + 1, result.data)) parser.abort();
    },
  });
  if (quoteRow !== undefined) refuse(`CSV-файл повреждён: незакрытая кавычка в строке ${(quoteRow ?? 0) + 1}`);
  return { format: 'csv', encoding, delimiter: guess.meta.delimiter, ...rows.result() };
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

/** How long one step of reading an XLSX may make no progress before the file is taken as damaged. */
const XLSX_STALL_MS = 3000;

async function parseXlsx(bytes: Uint8Array, fileName: string, maxRows: number, stats?: { rowsRead: number }): Promise<ParsedFile> {
  // Loaded on the first XLSX, not at start: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  // The streaming reader: rows arrive one by one as the sheet is unzipped, so memory follows the
  // rows kept (at most the limit), not the size of the sheet, and reading stops at the limit.
  const input = Readable.from([Buffer.from(bytes)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let collected: RowCollector | null = null;
  try {
    const release = () => input.destroy();
    for await (const sheet of guardStalls(reader, XLSX_STALL_MS, release)) {
      const rows = new RowCollector(maxRows, stats);
      let open = true;
      for await (const row of guardStalls(sheet, XLSX_STALL_MS, release)) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cellText(cell.value);
        });
        if (!rows.add(row.number, Array.from(cells, (c) => c ?? ''))) {
          open = false;
          break;
        }
      }
      // The first sheet with any data is the list.
      if (rows.rows.length > 0 || !open) {
        collected = rows;
        break;
      }
    }
  } catch {
    refuse(`Файл «${fileName}» повреждён или не является книгой Excel (XLSX)`);
  }
  if (collected === null) refuse('Файл пуст: в книге нет листа с данными');
  return { format: 'xlsx', encoding: 'XLSX', delimiter: '', ...collected.result() };
}

/** Reads a long list from its bytes; the extension and the first bytes decide CSV or XLSX. */
export async function parseImportFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  if (bytes.length === 0) refuse('Файл пуст');
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (ext === 'xls' || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    refuse('Файлы старого Excel (XLS) не поддерживаются: сохраните список как XLSX или CSV');
  }
  if (ext === 'xlsx' || isZip) {
    if (!isZip) refuse(`Файл «${fileName}» повреждён или не является книгой Excel (XLSX)`);
    return parseXlsx(bytes, fileName, maxRows, options.stats);
  }
  if (!['csv', 'txt', 'tsv', ''].includes(ext)) refuse(`Формат «.${ext}» не поддерживается: загрузите список в CSV или XLSX`);
  return parseCsv(bytes, maxRows, options.stats);
}

/** Decodes the wizard's base64 into bytes, refusing what is not base64. */
export function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) refuse('Файл передан повреждённым: перезагрузите его');
  return new Uint8Array(Buffer.from(data, 'base64'));
}
