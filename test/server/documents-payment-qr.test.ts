import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import { pdfText } from '../documents/pdf-text';
import { draftInput, issueDraft, openDocumentsOffice, pdfBytesOf, saveFirstPage } from '../helpers/document-fixtures';
import { VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  ({ t, clientId } = await openDocumentsOffice());
});
afterAll(() => t.close());

/** The first page rendered by pdfjs (through pdf-parse) and the QR on it decoded by jsQR. */
async function decodeQr(bytes: Uint8Array): Promise<string | null> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const shot = await parser.getScreenshot({ partial: [1], scale: 3, imageDataUrl: false, imageBuffer: true });
    const page = shot.pages[0];
    if (!page) return null;
    const png = PNG.sync.read(Buffer.from(page.data));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  } finally {
    await parser.destroy();
  }
}

/** Key → value of a ГОСТ Р 56042-2014 payload after its header. */
function fields(payload: string): { header: string; keys: string[]; values: Record<string, string> } {
  const [header = '', ...pairs] = payload.split('|');
  const values: Record<string, string> = {};
  const keys: string[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    keys.push(pair.slice(0, at));
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { header, keys, values };
}

async function issuedInvoice(input: ApiInput<'documents.createDraft'>, name: string) {
  const doc = await issueDraft(t, input);
  const bytes = (await pdfBytesOf(t, doc.id));
  saveFirstPage(name, bytes);
  return { doc, bytes, text: await pdfText(bytes) };
}

describe('the payment QR on a счёт на оплату', () => {
  it('carries the seller’s bank requisites, the total in kopecks and the printed «Назначение платежа»', { timeout: 60_000 }, async () => {
    // 10 × 1 000,00 + 2 × 250,50 = 10 501,00; НДС 22 % = 2 310,22; total 12 811,22 = 1 281 122 kopecks.
    const { doc, bytes, text } = await issuedInvoice(draftInput('invoice', clientId), 'invoice-payment-qr');
    const payload = await decodeQr(bytes);
    expect(payload).not.toBeNull();
    const { header, keys, values } = fields(payload ?? '');
    expect(header).toBe('ST00012');
    expect(keys.slice(0, 5)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']);
    expect(values).toEqual({
      Name: VALID_ORG.shortName,
      PersonalAcc: VALID_ORG.account,
      BankName: VALID_ORG.bankName,
      BIC: VALID_ORG.bik,
      CorrespAcc: VALID_ORG.corrAccount,
      PayeeINN: VALID_ORG.inn,
      KPP: VALID_ORG.kpp,
      Sum: '1281122',
      Purpose: `Оплата по счёту № ${doc.number} от 20.11.2026, в т.ч. НДС (22 %) 2 310,22 руб.`,
    });
    expect(doc.grossKopecks).toBe(1_281_122);
    expect(text).toContain(`Назначение платежа: ${values.Purpose}`);
  });

  it('says «НДС не облагается» for a seller without VAT and fits within the standard’s 210 characters', { timeout: 60_000 }, async () => {
    const lines = [{ name: 'Консультация', unit: 'час', okei: '356', quantityMilli: 2000, priceKopecks: 150_000, vatRate: 'none' as const }];
    const { doc, bytes, text } = await issuedInvoice(draftInput('invoice', clientId, { vatRate: 'none', lines }), 'invoice-payment-qr-no-vat');
    const { values } = fields((await decodeQr(bytes)) ?? '');
    expect(values.Sum).toBe('300000');
    expect((values.Purpose ?? '').length).toBeLessThanOrEqual(210);
    expect(values.Purpose).toBe(`Оплата по счёту № ${doc.number} от 20.11.2026, НДС не облагается`);
    expect(text).toContain(`Назначение платежа: ${values.Purpose}`);
  });
});
