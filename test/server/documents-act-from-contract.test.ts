import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../documents/pdf-text';
import { draftInput, issueDraft, openDocumentsOffice, pdfBytesOf, SERVICE_LINES } from '../helpers/document-fixtures';
import type { TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  ({ t, clientId } = await openDocumentsOffice());
});
afterAll(() => t.close());

const LINES = [
  ...SERVICE_LINES,
  { name: 'Проектирование склада', unit: 'усл', okei: '', quantityMilli: 1000, priceKopecks: 4_500_000, discountBp: 500, vatRate: '22' as const },
];

describe('an act made from a contract', () => {
  it('copies the contract’s lines, prices, discounts and VAT mode', async () => {
    const contract = await issueDraft(t, draftInput('contract_services', clientId, { vatMode: 'included', lines: LINES }));
    const act = await t.ok('documents.createDraft', draftInput('act_services', clientId, { basisDocumentId: contract.id, lines: [] }));
    // 8 × 2 500,00 = 20 000,00 and 45 000,00 less 5 % = 42 750,00: 62 750,00 with НДС included.
    expect(act.vatMode).toBe('included');
    expect(act.lines.map((l) => [l.name, l.quantityMilli, l.priceKopecks, l.discountBp, l.vatRate, l.grossKopecks])).toEqual([
      ['Монтаж стеллажей', 8000, 250_000, 0, '22', 2_000_000],
      ['Проектирование склада', 1000, 4_500_000, 500, '22', 4_275_000],
    ]);
    expect(act.grossKopecks).toBe(6_275_000);
    const issued = await t.ok('documents.issue', { id: act.id });
    const text = await pdfText((await pdfBytesOf(t, issued.id)));
    expect(text).toContain('Проектирование склада');
    expect(text).toContain('62 750,00');
  });

  it('keeps its own lines when it has some', async () => {
    const contract = await issueDraft(t, draftInput('contract_services', clientId, { lines: LINES }));
    const act = await t.ok('documents.createDraft', draftInput('act_services', clientId, { basisDocumentId: contract.id, lines: SERVICE_LINES }));
    expect(act.lines.map((l) => l.name)).toEqual(['Монтаж стеллажей']);
  });
});
