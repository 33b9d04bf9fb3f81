import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import { normalize } from '../documents/pdf-text';
import { draftInput, GOODS_LINES, inn10, issueDraft, makeClient, pdfBytesOf, saveFirstPage } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
// Each test on its own office: they run alone and in any order (issue numbers and dates never collide).
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

/** Lines of each page as the extractor reads them (not joined), so a wrapped amount shows as two lines. */
async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.pages.flatMap((p) => p.text.split('\n').map((l) => l.replace(/[\u00a0\s]+/g, ' ').trim()));
  } finally {
    await parser.destroy();
  }
}

const issue = (input: ApiInput<'documents.createDraft'>) => issueDraft(t, input);

async function actPdf(clientId: number, overrides: Partial<ApiInput<'documents.createDraft'>> = {}, name = ''): Promise<{ text: string; lines: string[] }> {
  const act = await issue(draftInput('reconciliation_act', clientId, { docDate: '2026-11-26', ...overrides }));
  const bytes = (await pdfBytesOf(t, act.id));
  if (name !== '') saveFirstPage(name, bytes);
  const lines = await pdfLines(bytes);
  return { text: normalize(lines.join(' ')), lines };
}

const pay = (clientId: number, date: string, amountKopecks: number, docNumber: string) =>
  t.ok('payments.create', { orgId: 1, clientId, payerName: 'ООО «Клиент»', date, amountKopecks, docNumber, purpose: 'Оплата по договору', allocations: [] });

describe('the акт сверки', () => {
  it('counts the client’s payments: 2 × 305 000,00 with no shipments is 610 000,00 in the client’s favour', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Плательщик»', inn: '7707083893', kpp: '770701001', ogrn: '1027700132195' });
    await pay(clientId, '2026-11-05', 30_500_000, '101');
    await pay(clientId, '2026-11-12', 30_500_000, '102');
    const { text } = await actPdf(clientId, {}, 'reconciliation-payments');
    expect(text).toContain('Оплата (п/п № 101)');
    expect(text).toContain('Оплата (п/п № 102)');
    expect(text).toMatch(/Обороты за период 0,00 610 000,00/);
    expect(text).toMatch(/Сальдо конечное 610 000,00/);
    expect(text).toContain('задолженность в пользу ООО «Плательщик» составляет 610 000,00 руб. (Шестьсот десять тысяч рублей 00 копеек)');
    expect(text).not.toContain('задолженность отсутствует');
  });

  it('opens with the balance at the period start: shipments and payments before it', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Старый»', inn: '7702235133', kpp: '770201001', ogrn: '1037700013020' });
    // October: shipped 12 811,22 (10 × 1 000,00 + 2 × 250,50 = 10 501,00, НДС 22 % 2 310,22), paid 2 811,22.
    await issue(draftInput('upd', clientId, { docDate: '2026-10-10' }));
    await pay(clientId, '2026-10-20', 281_122, '7');
    // November: paid 4 000,00 more.
    await pay(clientId, '2026-11-03', 400_000, '8');
    const { text } = await actPdf(clientId);
    expect(text).toMatch(/Сальдо начальное 10 000,00/);
    expect(text).toMatch(/Обороты за период 0,00 4 000,00/);
    expect(text).toContain('задолженность в пользу');
    expect(text).toMatch(/составляет 6 000,00 руб\. \(Шесть тысяч рублей 00 копеек\)/);
  });

  it('counts a corrected УПД once, at the correction’s amount', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Исправленный»', inn: '7734567893' });
    const original = await issue(draftInput('upd', clientId, { docDate: '2026-11-10' }));
    const draft = await t.ok('documents.correct', { id: original.id });
    // 9 × 1 000,00 = 9 000,00 + НДС 22 % 1 980,00 = 10 980,00.
    const one = [{ name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 9000, priceKopecks: 100_000, vatRate: '22' as const }];
    await t.ok('documents.issue', { id: (await t.ok('documents.updateDraft', { id: draft.id, version: draft.version, draft: draftInput('upd', clientId, { docDate: '2026-11-10', lines: one }) })).id });
    const { text } = await actPdf(clientId);
    expect(text).toContain(`УПД № ${original.number}, испр. № 1`);
    expect(text.match(/Реализация/g)?.length).toBe(1);
    expect(text).toMatch(/Обороты за период 10 980,00 0,00/);
    expect(text).toContain('составляет 10 980,00 руб.');
  });

  it('by one contract lists only that contract’s rows; without one it says «по всем договорам»', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Два договора»', inn: '7712345671' });
    const a = await issue(draftInput('contract_supply', clientId, { docDate: '2026-11-02' }));
    const b = await issue(draftInput('contract_supply', clientId, { docDate: '2026-11-02' }));
    const upd = await issue(draftInput('upd', clientId, { docDate: '2026-11-10', basisDocumentId: a.id }));
    const torg = await issue(draftInput('torg12', clientId, { docDate: '2026-11-11', basisDocumentId: b.id, lines: [{ ...GOODS_LINES[0], quantityMilli: 1000 }] }));
    const byA = await actPdf(clientId, { basisDocumentId: a.id });
    expect(byA.text).toContain(`по договору № ${a.number}`);
    expect(byA.text).toContain(`УПД № ${upd.number}`);
    // The other contract's ТОРГ-12 is not among the rows (each series numbers from 1 on a new office).
    expect(byA.text).not.toContain('ТОРГ-12');
    expect(byA.text.match(/Реализация/g)?.length).toBe(1);
    expect(byA.text).not.toContain('по всем договорам');
    const all = await actPdf(clientId);
    expect(all.text).toContain('по всем договорам');
    expect(all.text).toContain(`УПД № ${upd.number}`);
    expect(all.text).toContain(`(ТОРГ-12) № ${torg.number}`);
  });

  it('by one contract counts only what paid that contract’s invoices', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Две оплаты»', inn: inn10('770987654') });
    const a = await issue(draftInput('contract_supply', clientId, { docDate: '2026-11-02' }));
    const b = await issue(draftInput('contract_supply', clientId, { docDate: '2026-11-02' }));
    const invoiceA = await issue(draftInput('invoice', clientId, { docDate: '2026-11-03', basisDocumentId: a.id }));
    const invoiceB = await issue(draftInput('invoice', clientId, { docDate: '2026-11-03', basisDocumentId: b.id }));
    // One payment of 20 000,00: 7 000,00 for contract A's invoice, 13 000,00 for contract B's.
    await t.ok('payments.create', {
      orgId: 1,
      clientId,
      payerName: 'ООО «Две оплаты»',
      date: '2026-11-05',
      amountKopecks: 2_000_000,
      docNumber: '301',
      purpose: 'Оплата по счетам',
      allocations: [
        { documentId: invoiceA.id, amountKopecks: 700_000 },
        { documentId: invoiceB.id, amountKopecks: 1_300_000 },
      ],
    });
    const byA = await actPdf(clientId, { basisDocumentId: a.id });
    expect(byA.text).toMatch(/Обороты за период 0,00 7 000,00/);
    expect(byA.text).toContain('составляет 7 000,00 руб.');
    const all = await actPdf(clientId);
    expect(all.text).toMatch(/Обороты за период 0,00 20 000,00/);
  });

  it('is not dated before the end of its period: «на 30.11.2026» from 26.11.2026 is refused, nothing issued', async () => {
    const clientId = await makeClient(t);
    const draft = await t.ok('documents.createDraft', draftInput('reconciliation_act', clientId, { docDate: '2026-11-26', terms: { periodFrom: '2026-11-01', periodTo: '2026-11-30' } }));
    const res = await t.call('documents.issue', { id: draft.id });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toBe('Акт сверки датируется не раньше конца периода сверки (30.11.2026), а дата документа — 26.11.2026');
    expect(res.error?.details?.fields).toEqual([{ path: 'docDate', message: 'Не раньше 30.11.2026 — конца периода сверки' }]);
    expect((await t.ok('documents.get', { id: draft.id })).status).toBe('draft');
  });

  it('never wraps an amount of tens of millions inside the number', async () => {
    const clientId = await makeClient(t, { shortName: 'ООО «Крупный»', inn: '7723456782' });
    // 1 × 98 765 432,10 + НДС 22 % 21 728 395,06 = 120 493 827,16; paid 99 999 999,99.
    await issue(draftInput('upd', clientId, { docDate: '2026-11-10', lines: [{ name: 'Склад под ключ', unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 9_876_543_210, vatRate: '22' }] }));
    await pay(clientId, '2026-11-20', 9_999_999_999, '55');
    const { lines } = await actPdf(clientId, {}, 'reconciliation-tens-of-millions');
    for (const amount of ['120 493 827,16', '99 999 999,99', '20 493 827,17']) {
      expect(lines.some((l) => l.includes(amount)), amount).toBe(true);
    }
  });
});
