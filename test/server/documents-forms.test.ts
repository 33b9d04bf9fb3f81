// Issue 15: forms an accountant, a tax inspector and a lawyer accept — drafts, stamps, счёт-фактура lines, УПД, ТОРГ-12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfFile } from '../../src/shared/api/document-types';
import { pdfPages, pdfText } from '../documents/pdf-text';
import { signaturePng, stampPng } from '../documents/png';
import { draftInput, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
  await t.ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(stampPng()).toString('base64') });
  await t.ok('orgAssets.upload', { orgId: 1, kind: 'signature', pngBase64: Buffer.from(signaturePng()).toString('base64') });
});
afterAll(async () => {
  await t.close();
});

function bytesOf(file: PdfFile): Uint8Array {
  return new Uint8Array(Buffer.from(file.base64, 'base64'));
}

/** Image XObjects drawn in the PDF (dictionaries are not compressed by pdfkit). */
function imageCount(bytes: Uint8Array): number {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/Subtype \/Image/g)].length;
}

const MANY_LINES = Array.from({ length: 45 }, (_, i) => ({ name: `Стеллаж секционный, позиция ${i + 1}`, unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 100_000 + i, vatRate: '22' as const }));

describe('a draft looks like a draft (item 5)', () => {
  it('prints «ЧЕРНОВИК» across every page of a preview, «б/н» without «№», and no stamp or facsimile', async () => {
    const bytes = bytesOf(await t.ok('documents.preview', draftInput('invoice', clientId, { lines: MANY_LINES })));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('ЧЕРНОВИК');
    expect(pages[0]).toContain('Счёт на оплату б/н от 20 ноября 2026 г.');
    expect(pages.join(' ')).not.toMatch(/№ б\/н/);
    expect(imageCount(bytes)).toBe(0);
  });

  it('prints a saved draft of a счёт-фактура the same way, and the issued one without the watermark', async () => {
    const draft = await t.ok('documents.createDraft', draftInput('invoice_factura', clientId));
    const text = await pdfText(bytesOf(await t.ok('documents.pdf', { id: draft.id })));
    expect(text).toContain('ЧЕРНОВИК');
    expect(text).toContain('СЧЁТ-ФАКТУРА б/н от 20 ноября 2026 г.');
    const issued = await t.ok('documents.issue', { id: draft.id });
    const final = await pdfText(bytesOf(await t.ok('documents.pdf', { id: issued.id })));
    expect(final).not.toContain('ЧЕРНОВИК');
    expect(final).toContain(`СЧЁТ-ФАКТУРА № ${issued.number} от 20 ноября 2026 г.`);
  });

  it('refuses a document with no lines or a zero total at preview and at issue, in Russian', async () => {
    const empty = await t.call('documents.preview', draftInput('act_services', clientId, { lines: [] }));
    expect(empty.error?.code).toBe('VALIDATION');
    expect(empty.error?.message).toMatch(/добавьте хотя бы одну строку/);
    const free = [{ name: 'Монтаж стеллажей', unit: 'час', okei: '356', quantityMilli: 1000, priceKopecks: 0, vatRate: '22' as const }];
    const zero = await t.call('documents.preview', draftInput('act_services', clientId, { lines: free }));
    expect(zero.error?.message).toMatch(/сумма документа равна нулю/);
    const draft = await t.ok('documents.createDraft', draftInput('act_services', clientId, { lines: free }));
    const issued = await t.call('documents.issue', { id: draft.id });
    expect(issued.error?.code).toBe('VALIDATION');
    expect(issued.error?.message).toMatch(/сумма документа равна нулю/);
  });
});
