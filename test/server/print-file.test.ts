// One file to print many issued documents: the stored PDFs in the order chosen, page for page; only what
// the person may open, only issued documents; a count while it works, seen by that person only; a second
// request of theirs refused while another person's goes through.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { draftInput, issueDraft, makeClient, pdfBytesOf, saveFirstPage } from '../helpers/document-fixtures';
import { appsPerTest } from '../helpers/apps-per-test';
import { watchLongWrite } from '../helpers/long-writes';
import { openDesk, setUpOffice, type TestApp } from '../helpers/temp-app';

const openApp = appsPerTest();

/** The text of each page of a PDF (pdftotext, pages split at form feeds). */
function pagesOf(bytes: Uint8Array, name: string): string[] {
  const dir = join(process.cwd(), 'test-output', 'print-file');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
}

/** An office with two managers, a client each, and issued invoices of each manager. */
async function office(invoices = 3): Promise<{ t: TestApp; ivanovDocs: number[]; petrovaDocs: number[]; draft: number }> {
  const t = await openApp();
  await setUpOffice(t);
  const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
  const petrova = await addPerson(t, 'petrova', 'manager', 'Петрова Анна Сергеевна');
  const ivanovClient = await makeClient(t, {}, ivanov);
  const petrovaClient = await makeClient(t, { shortName: 'ООО «Берег»', fullName: 'Общество с ограниченной ответственностью «Берег»', inn: '7728168971' }, petrova);
  await signIn(t, 'ivanov');
  const ivanovDocs: number[] = [];
  for (let day = 1; day <= invoices; day++) ivanovDocs.push((await issueDraft(t, draftInput('invoice', ivanovClient, { docDate: `2026-11-${String(day).padStart(2, '0')}` }))).id);
  const draft = (await t.ok('documents.createDraft', draftInput('invoice', ivanovClient))).id;
  await signIn(t, 'petrova');
  const petrovaDocs = [(await issueDraft(t, draftInput('invoice', petrovaClient))).id];
  return { t, ivanovDocs, petrovaDocs, draft };
}

describe('a file to print many documents', () => {
  it('joins the stored PDFs in the order chosen, each page as in its own file, a repeat once', async () => {
    const { t, ivanovDocs } = await office();
    await signIn(t, 'ivanov');
    const order = [ivanovDocs[2], ivanovDocs[0], ivanovDocs[1], ivanovDocs[0]];
    const file = await t.ok('documents.printFile', { documentIds: order });
    expect(file.fileName).toBe('Документы для печати (3 документа) от 26.11.2026.pdf');
    const bytes = Buffer.from(file.base64, 'base64');
    const own = await Promise.all([ivanovDocs[2], ivanovDocs[0], ivanovDocs[1]].map(async (id, i) => pagesOf(await pdfBytesOf(t, id), `own-${i}`)));
    const joined = pagesOf(bytes, 'joined');
    expect(joined).toEqual(own.flat());
    // The invoices' own dates say the order: 03, 01, 02 November.
    expect(joined.map((p) => /от (\d\d)\.11\.2026/.exec(p)?.[1])).toEqual(['03', '01', '02']);
    saveFirstPage('print-file', bytes);
  });

  it('takes only what the person may open, and only issued documents', async () => {
    const { t, ivanovDocs, petrovaDocs, draft } = await office();
    await signIn(t, 'ivanov');
    // Another manager's document is not there for Иванов, not even as a name in the refusal.
    const foreign = await t.call('documents.printFile', { documentIds: [ivanovDocs[0], petrovaDocs[0]] });
    expect(foreign.error).toMatchObject({ code: 'NOT_FOUND', message: 'Документ не найден' });
    const drafted = await t.call('documents.printFile', { documentIds: [ivanovDocs[0], draft] });
    expect(drafted.error).toMatchObject({ code: 'VALIDATION', message: 'Счёт на оплату от 20.11.2026 — черновик: в файл для печати попадают только выставленные документы' });
    expect((await t.call('documents.printFile', { documentIds: [] })).error?.message).toContain('Отметьте документы для печати');
    const many = Array.from({ length: 301 }, (_, i) => i + 1);
    expect((await t.call('documents.printFile', { documentIds: many })).error?.message).toContain('не больше 300 документов');
    // The director annuls one: it is not printed for signature any more.
    await signIn(t, 'director');
    await t.ok('documents.annul', { id: ivanovDocs[1], reason: 'Ошибка в сумме' });
    const annulled = await t.call('documents.printFile', { documentIds: [ivanovDocs[1]] });
    expect(annulled.error?.message).toMatch(/^Счёт на оплату № .+ от 02\.11\.2026 аннулирован — его не печатают для подписи$/);
    // The director sees every manager's documents.
    const both = await t.ok('documents.printFile', { documentIds: [petrovaDocs[0], ivanovDocs[0]] });
    expect(pagesOf(Buffer.from(both.base64, 'base64'), 'both')[0]).toContain('Берег');
  });

  it('shows its count to its person only, refuses their second request meanwhile, lets another person print', async () => {
    // 22 invoices: joined 20 and 2, then the two joins joined; the count moves in between.
    const { t, ivanovDocs } = await office(22);
    await signIn(t, 'ivanov');
    const ids = [...ivanovDocs, ...ivanovDocs];
    const same = openDesk(t);
    await same.ok('auth.login', { login: 'ivanov', password: 'Stol-Lampa-2026' });
    const other = openDesk(t);
    await other.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    let refused: string | undefined;
    let otherSees: unknown[] = [];
    let otherPrinted = 0;
    const first = t.call('documents.printFile', { documentIds: ids });
    const seen = await watchLongWrite(same, 'documents.printFile', async () => {
      refused = (await same.call('documents.printFile', { documentIds: ids })).error?.message;
      otherSees = await other.ok('system.longWrites', {});
      otherPrinted = (await other.ok('documents.printFile', { documentIds: [ivanovDocs[0]] })).base64.length;
    });
    const out = await first;
    if (out.error) throw new Error(out.error.message);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.total === 22)).toBe(true);
    expect(seen.some((s) => s.done === 20)).toBe(true);
    expect(pagesOf(Buffer.from(out.data.base64, 'base64'), 'twenty-two')).toHaveLength(22);
    expect(refused).toBe('Подготовка файла для печати уже выполняется — дождитесь окончания');
    expect(otherSees).toEqual([]);
    expect(otherPrinted).toBeGreaterThan(1000);
    expect(await same.ok('system.longWrites', {})).toEqual([]);
  });
});
