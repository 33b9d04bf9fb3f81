// Fuzz targets for the clients' long-list import: generated CSV and XLSX files go through the real
// `clients.importPreview` handler of one temp app. The promise: no crash (an INTERNAL error counts as
// one), every refusal a VALIDATION error in Russian, and the preview writes nothing.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { b64, clientInput, countRows } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';
import { fuzzTargetWith, RUSSIAN, type FuzzJudge } from './fuzz-core';

/** One generated file as the wizard would send it. */
interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

const HEADERS = ['Наименование', 'Название', 'ИНН', 'КПП', 'ОГРН', 'Телефон', 'E-mail', 'Почта', 'Город', 'Регион', 'Контактное лицо', 'Комментарий', 'Name', 'INN', ''];
const VALUES = [
  'ООО «Ромашка»', 'Общество с ограниченной ответственностью "Бета Системс"', 'ИП Сидоров', 'Вектор', 'АО «Вектор»', 'ООО «Новая Заря»',
  '7707083893', '7810990038', '500100000015', '1234567894', '7707083894', '770701001', '1027700132195', '0', '-1', '1e308',
  '+7 495 111-22-33', '8 (812) 600-45-67', 'zakaz@zarya.example', 'not an email', 'Москва', 'Санкт-Петербург', 'Орлов Денис', '', ' ',
];
const TRICKY = ['"', '""', ';', ',', '\t', '\n', '\r\n', '\r', '|', '\u0000', '\ufeff', '«»', 'ё', '€'];
const cellText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom(...VALUES)), { maxLength: 4 }).map((p) => p.join('')) },
);
// Mostly a header with a name column, so that most tables get as far as the reconcile.
const header = fc.tuple(fc.constantFrom('Наименование', 'Название', 'Name', 'ИНН'), fc.array(fc.constantFrom(...HEADERS), { maxLength: 7 })).map(([name, rest]) => [name, ...rest]);
const table = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: header }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HEADERS), cellText), { maxLength: 8 }) }),
  fc.array(fc.array(cellText, { maxLength: 9 }), { maxLength: 25 }),
);

// Windows-1251 has no encoder in the platform: the decoder's table inverted; what it lacks becomes «?».
const CP1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(decoder.decode(new Uint8Array([b])), b);
  return map;
})();
function encode1251(text: string): Uint8Array {
  return new Uint8Array(Array.from(text, (ch) => CP1251.get(ch) ?? 0x3f));
}

function withEdits(bytes: Uint8Array, edits: [number, number][]): Uint8Array {
  const out = bytes.slice();
  if (out.length === 0) return out;
  for (const [at, value] of edits) out[at % out.length] = value;
  return out;
}

const byteEdits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 });
const csvName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('список.csv', 'clients.CSV', 'list.txt', 'list.tsv', 'clients') }, { weight: 1, arbitrary: fc.constantFrom('list.xlsx', 'old.xls', 'scan.pdf', '.csv', 'a.b.c') });

/** CSV as people save it — every delimiter, quoted or not, CRLF or LF, BOM or not, UTF-8 or Windows-1251, sometimes damaged. */
const csvInput: fc.Arbitrary<ImportInput> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        fileName: csvName,
        table,
        delimiter: fc.constantFrom(';', ',', '\t'),
        newline: fc.constantFrom('\r\n', '\n'),
        quoting: fc.constantFrom('never', 'always', 'sometimes'),
        bom: fc.boolean(),
        encoding: fc.constantFrom('utf-8', 'windows-1251'),
        edits: fc.oneof({ weight: 4, arbitrary: fc.constant<[number, number][]>([]) }, { weight: 1, arbitrary: byteEdits }),
        cut: fc.option(fc.nat(), { freq: 8 }),
      })
      .map(({ fileName, table: [head, rows], delimiter, newline, quoting, bom, encoding, edits, cut }) => {
        const quote = (c: string, i: number) => (quoting === 'always' || (quoting === 'sometimes' && i % 2 === 0) ? `"${c.replaceAll('"', '""')}"` : c);
        const text = [head, ...rows].map((r) => r.map(quote).join(delimiter)).join(newline);
        const body = encoding === 'utf-8' ? new TextEncoder().encode(text) : encode1251(text);
        const bytes = withEdits(bom && encoding === 'utf-8' ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body, edits);
        return { fileName, bytes: cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)) };
      }),
  },
  { weight: 1, arbitrary: fc.record({ fileName: csvName, bytes: fc.uint8Array({ maxLength: 400 }) }) },
);

const xlsxValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 6, arbitrary: cellText },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<ExcelJS.CellValue>({ formula: 'A1+1', result: 3 }, { formula: 'B2', date1904: false }, { richText: [{ text: 'ООО ' }, { text: '«Жирный»', font: { bold: true } }] }, { text: 'сайт', hyperlink: 'https://example.ru' }) },
);
const workbookShape = fc.record({
  emptyFirstSheet: fc.boolean(),
  header: fc.oneof({ weight: 3, arbitrary: header }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...HEADERS), { maxLength: 8 }) }),
  rows: fc.array(fc.array(xlsxValue, { maxLength: 9 }), { maxLength: 20 }),
  gap: fc.nat(3),
});

type WorkbookShape = typeof workbookShape extends fc.Arbitrary<infer S> ? S : never;

async function buildWorkbook({ emptyFirstSheet, header, rows, gap }: WorkbookShape): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (emptyFirstSheet) wb.addWorksheet('Пустой');
  const ws = wb.addWorksheet('Клиенты');
  ws.addRow(header);
  for (let i = 0; i < gap; i++) ws.addRow([]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const TABLES = ['clients', 'import_batches', 'import_rows', 'audit_log'];
function footprint(t: TestApp): string {
  const changes = (t.app.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return [changes, ...TABLES.map((name) => countRows(t, name))].join(',');
}

/** Opens one app with a few clients in the base (for the reconcile to find), signed in as the director. */
async function openImportApp(): Promise<TestApp> {
  const t = await openTestApp();
  await setUpOffice(t);
  await t.ok('clients.create', { client: clientInput() });
  await t.ok('clients.create', { client: clientInput({ shortName: 'ООО «Бета Системс»', fullName: '', inn: '7810990038', kpp: '781001001', ogrn: '', phones: [], emails: [], accounts: [] }) });
  return t;
}

/** The judge: the preview answers a table or a Russian VALIDATION refusal, and writes nothing. */
function previewJudge(t: TestApp): FuzzJudge<ImportInput> {
  return async ({ fileName, bytes }) => {
    const before = footprint(t);
    const res = await t.call('clients.importPreview', { fileName, dataBase64: b64(bytes) });
    const after = footprint(t);
    if (after !== before) return `the preview wrote: ${before} → ${after}`;
    if (res.error) return res.error.code === 'VALIDATION' && RUSSIAN.test(res.error.message) ? null : `refused with ${res.error.code}: ${res.error.message}`;
    const p = res.data;
    if (p.totalRows < 1) return 'a table without rows';
    if (p.rows) {
      const counted = Object.values(p.counts).reduce((s, n) => s + n, 0);
      if (counted !== p.rows.length || p.rows.length !== p.totalRows) return `${p.rows.length} rows, ${counted} counted, ${p.totalRows} in the file`;
      if (p.rows.some((r) => r.reason !== '' && !RUSSIAN.test(r.reason))) return 'a row reason not in Russian';
    }
    return null;
  };
}

/** Generated CSV files through the real preview. */
export const clientImportCsvTarget = fuzzTargetWith('clientImport CSV', async () => {
  const t = await openImportApp();
  return { input: csvInput, judge: previewJudge(t), close: () => t.close() };
});

/**
 * XLSX through the real preview: a pool of workbooks made with exceljs (building 10 000 would take
 * minutes), each sent whole, truncated, with bytes changed or replaced by noise after a zip signature.
 */
export const clientImportXlsxTarget = fuzzTargetWith('clientImport XLSX', async (n, seed) => {
  const t = await openImportApp();
  const shapes = fc.sample(workbookShape, { numRuns: Math.min(200, Math.max(20, Math.ceil(n / 50))), seed });
  const pool: Uint8Array[] = [];
  for (const shape of shapes) pool.push(await buildWorkbook(shape));
  const book = fc.nat(pool.length - 1).map((i) => pool[i]);
  const name = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('клиенты.xlsx', 'LIST.XLSX') }, { weight: 1, arbitrary: fc.constantFrom('clients.csv', 'list', 'old.xls') });
  const input: fc.Arbitrary<ImportInput> = fc.record({
    fileName: name,
    bytes: fc.oneof(
      { weight: 3, arbitrary: book },
      { weight: 2, arbitrary: fc.tuple(book, fc.nat()).map(([b, cut]) => b.subarray(0, cut % b.length)) },
      { weight: 3, arbitrary: fc.tuple(book, byteEdits).map(([b, edits]) => withEdits(b, edits)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
    ),
  });
  return { input, judge: previewJudge(t), close: () => t.close() };
});
