import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyPdfService } from '../../src/server/pdf-service';
import { sha256Hex } from '../../src/server/documents/snapshot';
import { pdfText } from '../documents/pdf-text';
import { insertClient } from '../helpers/sales-fixtures';
import { countRows, draftInput, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
});
afterAll(async () => {
  await t.close();
});

function seriesLast(key: string): number {
  const r = t.app.store.sqlite.prepare("SELECT last_number AS n FROM number_series WHERE series_key = ? AND year = 2026").get(key) as { n: number } | undefined;
  return r?.n ?? 0;
}

describe('issuing a document', () => {
  it('assigns the next number of the series, stores the snapshot, the PDF and its SHA-256', async () => {
    const before = seriesLast('invoice');
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    expect(draft.status).toBe('draft');
    // 10 × 1 000,00 + 2 × 250,50 = 10 501,00 net, VAT 22 % per line: 2 200,00 + 110,22.
    expect([draft.netKopecks, draft.vatKopecks, draft.grossKopecks]).toEqual([1_050_100, 231_022, 1_281_122]);
    const issued = await t.ok('documents.issue', { id: draft.id });
    expect(issued).toMatchObject({ status: 'issued', number: String(before + 1), canEdit: false, canAnnul: true });
    const frozen = await t.app.store.documents.docs.frozen(issued.id);
    expect(frozen?.pdfSha256).toBe(sha256Hex(frozen?.pdf ?? new Uint8Array()));
    expect(issued.pdfSha256).toBe(frozen?.pdfSha256);
    expect(JSON.parse(frozen?.snapshot ?? '{}')).toMatchObject({ v: 1, data: { number: String(before + 1), dateIso: '2026-11-20', buyer: { inn: '7736207543' } } });
    const pdf = await t.ok('documents.pdf', { id: issued.id });
    expect(pdf.sha256).toBe(issued.pdfSha256);
    const second = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    expect(second.number).toBe(String(before + 2));
    expect(seriesLast('invoice')).toBe(before + 2);
  });

  it('refuses an UPDATE and a DELETE of an issued document made through raw SQL', async () => {
    const { id } = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    const db = t.app.store.sqlite;
    expect(() => db.prepare('UPDATE documents SET gross_kopecks = 1 WHERE id = ?').run(id)).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE documents SET status = 'draft' WHERE id = ?").run(id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM documents WHERE id = ?').run(id)).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE document_lines SET price_kopecks = 1 WHERE document_id = ?').run(id)).toThrow(/issued/);
    expect(() => db.prepare('DELETE FROM document_lines WHERE document_id = ?').run(id)).toThrow(/issued/);
    expect((await t.ok('documents.get', { id })).lines).toHaveLength(2);
  });

  it('annuls an issued document and issues a corrected copy under the next number', async () => {
    const issued = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    const annulled = await t.ok('documents.annul', { id: issued.id, reason: 'Ошибка в количестве' });
    expect(annulled).toMatchObject({ status: 'annulled', number: issued.number, annulledReason: 'Ошибка в количестве', canAnnul: false });
    expect(() => t.app.store.sqlite.prepare("UPDATE documents SET annulled_reason = 'другое' WHERE id = ?").run(issued.id)).toThrow(/frozen/);
    expect((await t.call('documents.annul', { id: issued.id, reason: 'ещё раз' })).error?.code).toBe('CONFLICT');
    const copy = await t.ok('documents.copy', { id: issued.id });
    expect(copy).toMatchObject({ status: 'draft', number: '', grossKopecks: issued.grossKopecks });
    const reissued = await t.ok('documents.issue', { id: copy.id });
    expect(Number(reissued.number)).toBe(Number(issued.number) + 1);
  });

  it('lets only the director, the head of sales and the office manager annul', async () => {
    const issued = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('act_services', clientId))).id });
    await signInAs(t, 'accountant');
    expect((await t.call('documents.annul', { id: issued.id, reason: 'Хочу' })).error?.code).toBe('FORBIDDEN');
    await signInAs(t, 'director');
  });
});

describe('a correction of a счёт-фактура', () => {
  it('keeps the number and date of the original, takes the next correction number and leaves the series alone', async () => {
    const original = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice_factura', clientId, { docDate: '2026-11-20' }))).id });
    const last = seriesLast('factura');
    const draft = await t.ok('documents.correct', { id: original.id });
    expect(draft).toMatchObject({ status: 'draft', kind: 'invoice_factura', correctsDocumentId: original.id, correctionNumber: 1 });
    const fixed = await t.ok('documents.updateDraft', { id: draft.id, version: draft.version, draft: draftInput('invoice_factura', clientId, { docDate: '2026-11-20', lines: [{ name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 9000, priceKopecks: 100_000, vatRate: '22' }] }) });
    const issued = await t.ok('documents.issue', { id: fixed.id });
    expect(issued).toMatchObject({ number: original.number, docDate: original.docDate, correctionNumber: 1, correctionDate: '2026-11-26', grossKopecks: 1_098_000 });
    expect(seriesLast('factura')).toBe(last);
    const text = await pdfText(Buffer.from((await t.ok('documents.pdf', { id: issued.id })).base64, 'base64'));
    expect(text).toMatch(/Исправление № 1 от 26\.11\.2026/);
    expect((await t.ok('documents.correct', { id: original.id })).correctionNumber).toBe(2);
    const invoice = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    expect((await t.call('documents.correct', { id: invoice.id })).error?.code).toBe('VALIDATION');
  });
});

describe('a failure while issuing', () => {
  it('leaves nothing written and the series where it was when the PDF cannot be rendered', async () => {
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    // The built-in templates are stored (and audited) on first use, whichever test comes first: not part of the issue.
    await t.ok('templates.list', {});
    const before = { last: seriesLast('invoice'), audit: countRows(t, 'audit_log'), events: countRows(t, 'client_events') };
    const real = t.app.pdf;
    t.app.pdf = lazyPdfService(() => ({
      ...real.renderer(),
      render: async () => {
        throw new Error('диск переполнен');
      },
    }));
    try {
      expect((await t.call('documents.issue', { id: draft.id })).error?.code).toBe('INTERNAL');
    } finally {
      t.app.pdf = real;
    }
    expect({ last: seriesLast('invoice'), audit: countRows(t, 'audit_log'), events: countRows(t, 'client_events') }).toEqual(before);
    expect((await t.ok('documents.get', { id: draft.id })).status).toBe('draft');
    const issued = await t.ok('documents.issue', { id: draft.id });
    expect(Number(issued.number)).toBe(before.last + 1);
    const numbers = (t.app.store.sqlite.prepare("SELECT number_seq AS n FROM documents WHERE series_key = 'invoice' AND number_seq IS NOT NULL ORDER BY n").all() as { n: number }[]).map((r) => r.n);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
  });

  it('refuses a client with invalid requisites, naming the field', async () => {
    const bad = insertClient(t.app.store.sqlite, 'Без ИНН', null).clientId;
    const draft = await t.ok('documents.createDraft', draftInput('invoice', bad));
    const res = await t.call('documents.issue', { id: draft.id });
    expect(res.error?.code).toBe('INVALID_REQUISITES');
    expect(res.error?.message).toMatch(/клиента «ООО «Без ИНН»».*ИНН: обязательное поле/);
    expect(res.error?.details?.fields?.map((f) => f.path)).toContain('client.inn');
  });

  it('refuses our organisation with an invalid БИК, naming the field', async () => {
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    t.app.store.sqlite.prepare("UPDATE organizations SET bik = '0445' WHERE id = 1").run();
    try {
      const res = await t.call('documents.issue', { id: draft.id });
      expect(res.error?.code).toBe('INVALID_REQUISITES');
      expect(res.error?.message).toMatch(/нашей организации.*БИК/);
    } finally {
      t.app.store.sqlite.prepare("UPDATE organizations SET bik = '044525225' WHERE id = 1").run();
    }
  });

  it('refuses a line with zero quantity or a negative price', async () => {
    const zero = await t.call('documents.createDraft', draftInput('invoice', clientId, { lines: [{ name: 'Пусто', unit: 'шт', quantityMilli: 0, priceKopecks: 100, vatRate: '22' }] }));
    expect(zero.error?.code).toBe('VALIDATION');
    expect(zero.error?.message).toMatch(/Количество должно быть больше нуля/);
    const negative = await t.call('documents.createDraft', draftInput('invoice', clientId, { lines: [{ name: 'Минус', unit: 'шт', quantityMilli: 1000, priceKopecks: -1, vatRate: '22' }] }));
    expect(negative.error?.message).toMatch(/Цена не может быть отрицательной/);
  });
});
