import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import { pdfText } from '../documents/pdf-text';
import { draftInput, issueDraft, openDocumentsOffice, pdfBytesOf } from '../helpers/document-fixtures';
import type { TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  ({ t, clientId } = await openDocumentsOffice());
});
afterAll(() => t.close());

async function issuedText(input: ApiInput<'documents.createDraft'>): Promise<{ text: string; gross: number; vat: number }> {
  const doc = await issueDraft(t, input);
  const text = await pdfText((await pdfBytesOf(t, doc.id)));
  return { text, gross: doc.grossKopecks, vat: doc.vatKopecks };
}

describe('the printed kopecks', () => {
  it('with a discount print quantity × the discounted price rounded once: 12,345 × 5,55 = 68,51', async () => {
    // Price 5,55 less 0,02 % = 5,54889 → 5,55 printed; 12,345 × 5,55 = 68,51475 → 68,51 (before: 5,55 × 12,345 × 0,9998 = 68,5013 → 68,50).
    // НДС 22 % of 68,51 = 15,0722 → 15,07; total 83,58.
    const line = { name: 'Скоба монтажная', unit: 'кг', okei: '166', quantityMilli: 12_345, priceKopecks: 555, discountBp: 2, vatRate: '22' as const };
    for (const kind of ['invoice', 'act_transfer', 'torg12'] as const) {
      const { text, gross, vat } = await issuedText(draftInput(kind, clientId, { lines: [line] }));
      expect(text, kind).toContain('12,345');
      expect(text, kind).toContain('5,55');
      expect(text, kind).toContain('68,51');
      expect(text, kind).not.toContain('68,50');
      expect(text, kind).toContain('83,58');
      expect({ gross, vat }, kind).toEqual({ gross: 8358, vat: 1507 });
    }
  });

  it('with a discount print the discounted price itself: 3 × 1 000,00 less 33,33 % is 3 × 666,70 = 2 000,10', async () => {
    // 1 000,00 × 0,6667 = 666,70 printed; 3 × 666,70 = 2 000,10 (one rounding of 3 × 1 000 × 0,6667 gives the same here; the price column differs).
    const line = { name: 'Стеллаж', unit: 'шт', okei: '796', quantityMilli: 3000, priceKopecks: 100_000, discountBp: 3333, vatRate: '22' as const };
    const { text } = await issuedText(draftInput('invoice', clientId, { lines: [line] }));
    expect(text).toContain('Цена со скидкой');
    expect(text).toMatch(/3 шт 33,33% 666,70 2 000,10/);
  });

  it('with VAT included print the gross price and extract VAT from the line’s gross amount: 3 × 10 246,17 = 30 738,51', async () => {
    // 30 738,51 × 22 / 122 = 5 543,0101… → 5 543,01; net 25 195,50.
    const line = { name: 'Монтаж', unit: 'шт', okei: '796', quantityMilli: 3000, priceKopecks: 1_024_617, vatRate: '22' as const };
    const { text, gross, vat } = await issuedText(draftInput('invoice', clientId, { vatMode: 'included', lines: [line] }));
    expect(text).toMatch(/3 шт 10 246,17 30 738,51/);
    expect(text).toContain('В том числе НДС (22%): 5 543,01');
    expect(text).not.toContain('30 738,52');
    expect({ gross, vat }).toEqual({ gross: 3_073_851, vat: 554_301 });
  });
});
