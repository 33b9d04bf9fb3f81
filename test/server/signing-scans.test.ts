import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/server/backup/files';
import { openTestApp, type TestApp } from '../helpers/temp-app';
import { pdfText } from '../documents/pdf-text';
import { freshClient, issueDocumentDirect, signingAuditCount, signingOffice, travelTo, type SigningOffice } from '../helpers/signing-fixtures';
import { recordPrints } from '../helpers/pdf-prints';

let t: TestApp;
let o: SigningOffice;
let client: number;
beforeAll(async () => {
  t = await openTestApp();
  o = await signingOffice(t);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await travelTo(t, '2026-11-26T09:00:00Z');
  client = freshClient(t, o.managerId);
});

const act = (kind = 'act_services', number?: string) => issueDocumentDirect(t.app.store.sqlite, { kind, clientId: client, managerId: o.managerId, grossKopecks: 123_456_78, number });
const files = () => walkFiles(join(t.dir, 'files'));
const rows = (table: string) => (t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const pdf = Buffer.from('%PDF-1.4\n% скан акта, подписанный клиентом\n');

describe('scans', () => {
  it('stores the same file once by its hash, lists it on each document and opens it', async () => {
    const a = act();
    const b = act();
    const filesBefore = files().length;
    const first = await t.ok('signing.attachScan', { documentId: a, fileName: 'акт-подписан.pdf', base64: pdf.toString('base64') });
    expect(first.stored).toBe('new');
    expect(first.scans).toMatchObject([{ name: 'акт-подписан.pdf', mime: 'application/pdf', sizeBytes: pdf.length, attachedBy: 'Петров Пётр Петрович' }]);
    const again = await t.ok('signing.attachScan', { documentId: a, fileName: 'акт-подписан.pdf', base64: pdf.toString('base64') });
    expect(again).toMatchObject({ stored: 'existing', scans: [{ name: 'акт-подписан.pdf' }] });
    const other = await t.ok('signing.attachScan', { documentId: b, fileName: 'копия.pdf', base64: pdf.toString('base64') });
    expect(other.stored).toBe('existing');
    expect(files().length - filesBefore).toBe(1);
    expect(files().some((f) => f.startsWith('scans/') && f.endsWith(`${first.scans[0].sha256}.pdf`))).toBe(true);
    const opened = await t.ok('signing.scan', { documentId: b, sha256: first.scans[0].sha256 });
    expect(opened).toMatchObject({ fileName: 'копия.pdf', mime: 'application/pdf' });
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
    expect((await t.ok('signing.document', { documentId: a }))?.scans).toHaveLength(1);
  });

  it('refuses a program with a clear message and changes nothing', async () => {
    const a = act();
    const before = { files: files().length, scans: rows('scans'), links: rows('document_scans'), audit: signingAuditCount(t.app.store.sqlite, 'document_scan') };
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500)]);
    const res = await t.call('signing.attachScan', { documentId: a, fileName: 'акт.pdf.exe', base64: exe.toString('base64') });
    expect(res.error).toEqual({ code: 'VALIDATION', message: 'Файл «акт.pdf.exe» не похож на PDF, JPG или PNG: прикрепите скан в одном из этих форматов' });
    expect({ files: files().length, scans: rows('scans'), links: rows('document_scans'), audit: signingAuditCount(t.app.store.sqlite, 'document_scan') }).toEqual(before);
  });

  it('refuses a scan over 20 MB, naming its size', async () => {
    const a = act();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    big.write('%PDF-1.4');
    const before = files().length;
    const res = await t.call('signing.attachScan', { documentId: a, fileName: 'огромный.pdf', base64: big.toString('base64') });
    expect(res.error?.message).toBe('Файл «огромный.pdf» весит 20,0 МБ, а можно не больше 20 МБ: уменьшите разрешение скана или разделите его');
    expect(files().length).toBe(before);
  });

  it('accepts JPEG and PNG, and keeps scans where backups copy them', async () => {
    const a = act();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
    await t.ok('signing.attachScan', { documentId: a, fileName: 'стр1.jpg', base64: jpeg.toString('base64') });
    const res = await t.ok('signing.attachScan', { documentId: a, fileName: 'стр2.png', base64: png.toString('base64') });
    expect(res.scans.map((s) => s.mime).sort()).toEqual(['image/jpeg', 'image/png']);
    for (const s of res.scans) expect(existsSync(join(t.dir, 'files', 'scans', s.sha256.slice(0, 2)))).toBe(true);
  });
});

describe('the register and the export', () => {
  it('prints a transfer register of one client’s documents with both sides’ signature lines', async () => {
    const ids = [act('act_services', 'А-101'), act('torg12', 'ТН-55')];
    // Laid out in the PDF service (the worker pool in the program), not on the thread serving the desks.
    const prints = recordPrints(t);
    const file = await t.ok('signing.registerPdf', { documentIds: ids });
    expect(prints).toEqual(['transferRegister']);
    expect(file.fileName).toMatch(/^Реестр передачи документов — ООО «Клиент \d+» — 2026-11-26\.pdf$/);
    const text = await pdfText(Buffer.from(file.base64, 'base64'));
    for (const part of ['РЕЕСТР ПЕРЕДАЧИ ДОКУМЕНТОВ', 'от 26 ноября 2026 г.', 'А-101', 'ТН-55', 'Товарная накладная ТОРГ-12', 'Всего передано документов: 2 (два)', '246 913,56', 'Передал', 'Принял', 'ООО «Ромашка»', 'Петров Пётр Петрович']) {
      expect(text).toContain(part);
    }
    const other = freshClient(t, o.managerId);
    const foreign = issueDocumentDirect(t.app.store.sqlite, { kind: 'act_services', clientId: other, managerId: o.managerId, grossKopecks: 1 });
    expect((await t.call('signing.registerPdf', { documentIds: [ids[0], foreign] })).error?.message).toBe('Реестр составляется для одного клиента: отметьте документы одного клиента');
  });

  it('exports the documents unsigned on a past date, read back from the history', async () => {
    const a = act('act_services', 'ЭКС-1');
    act('invoice_factura', 'СФ-1');
    await travelTo(t, '2026-12-01T09:00:00Z');
    await t.ok('signing.transition', { documentId: a, to: 'signed_by_client' });
    const xlsx = async (date: string) => {
      const file = await t.ok('signing.exportUnsigned', { date });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
      const sheet = wb.worksheets[0];
      const out: string[] = [];
      sheet.eachRow((row) => out.push(row.values instanceof Array ? row.values.slice(1).map((v) => String(v ?? '')).join(' | ') : ''));
      return out.join('\n');
    };
    const onNov30 = await xlsx('2026-11-30');
    expect(onNov30).toContain('Акт выполненных работ № ЭКС-1 от 26.11.2026 | 123456.78');
    expect(onNov30).toContain('Выставлен');
    expect(onNov30).not.toContain('СФ-1');
    const onDec1 = await xlsx('2026-12-01');
    expect(onDec1).toMatch(/ЭКС-1.*Подписан клиентом/);
  });
});
