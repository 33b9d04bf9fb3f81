import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import type { VatRateKey } from '../../src/shared/api/document-types';
import { pdfText } from '../documents/pdf-text';
import { draftInput, openDocumentsOffice, pdfBytesOf } from '../helpers/document-fixtures';
import type { TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeEach(async () => {
  ({ t, clientId } = await openDocumentsOffice());
});
afterEach(() => t.close());

type Kind = ApiInput<'documents.createDraft'>['kind'];

/** One line of 1 × 1 000,00 at the rate, in a draft of the kind dated `docDate`. */
function draftAt(kind: Kind, docDate: string, rate: VatRateKey, vatRateReason = ''): ApiInput<'documents.createDraft'> {
  return draftInput(kind, clientId, {
    docDate,
    vatRate: rate,
    lines: [{ name: 'Стеллаж', unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 100_000, vatRate: rate }],
    terms: { city: 'г. Москва', paymentDays: 5, validDays: 5, vatRateReason },
  });
}

async function tryIssue(input: ApiInput<'documents.createDraft'>) {
  const draft = await t.ok('documents.createDraft', input);
  return t.call('documents.issue', { id: draft.id });
}

describe('the VAT rate follows the shipment date', () => {
  it('a shipping document takes the rate in force on its date: 20 % up to 31.12.2025, 22 % from 01.01.2026', async () => {
    for (const kind of ['upd', 'torg12', 'act_services'] as const) {
      // 10 % is the same on both sides of the change (dates ascend: the УПД is numbered with the счета-фактуры).
      expect((await tryIssue(draftAt(kind, '2025-12-29', '10'))).error, kind).toBeUndefined();
      const late2025 = await tryIssue(draftAt(kind, '2025-12-30', '22'));
      expect(late2025.error?.code, kind).toBe('VALIDATION');
      expect(late2025.error?.message, kind).toContain('ставка 22% не действует на 30.12.2025');
      expect((await tryIssue(draftAt(kind, '2025-12-30', '20'))).error, kind).toBeUndefined();
      expect((await tryIssue(draftAt(kind, '2026-11-20', '20'))).error?.code, kind).toBe('VALIDATION');
      expect((await tryIssue(draftAt(kind, '2026-11-20', '22'))).error, kind).toBeUndefined();
      expect((await tryIssue(draftAt(kind, '2026-11-20', '10'))).error, kind).toBeUndefined();
    }
  });

  it('a счёт-фактура takes its shipment’s rate: 20 % dated up to 5 days into 2026, not later; 22 % never in 2025', async () => {
    expect((await tryIssue(draftAt('invoice_factura', '2025-12-30', '22'))).error?.code).toBe('VALIDATION');
    expect((await tryIssue(draftAt('invoice_factura', '2026-01-05', '20'))).error).toBeUndefined();
    expect((await tryIssue(draftAt('invoice_factura', '2026-01-09', '20'))).error?.code).toBe('VALIDATION');
    expect((await tryIssue(draftAt('invoice_factura', '2026-12-01', '20'))).error?.code).toBe('VALIDATION');
  });

  it('a correction keeps the original’s rate', async () => {
    const original = await tryIssue(draftAt('upd', '2025-12-20', '20'));
    const id = original.data?.id ?? 0;
    const fix = async (rate: VatRateKey) => {
      const draft = await t.ok('documents.correct', { id });
      const saved = await t.ok('documents.updateDraft', { id: draft.id, draft: draftAt('upd', '2025-12-20', rate) });
      return t.call('documents.issue', { id: saved.id });
    };
    const at22 = await fix('22');
    expect(at22.error?.code).toBe('VALIDATION');
    expect(at22.error?.message).toContain('исправление сохраняет ставку оригинала');
    expect((await fix('20')).error).toBeUndefined();
  });

  it('a mismatch with a reason is issued, the reason stored with the document and in the audit', async () => {
    const reason = 'Отгрузка 29.12.2025, счёт-фактура выставлен позже срока по вине бухгалтерии';
    const res = await tryIssue(draftAt('torg12', '2026-02-10', '20', reason));
    expect(res.error).toBeUndefined();
    const id = res.data?.id ?? 0;
    expect((await t.ok('documents.get', { id })).terms.vatRateReason).toBe(reason);
    const audit = t.app.store.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'document' AND action = 'issue' AND entity_id = ?").get(String(id)) as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ vatRateReason: reason });
  });

  it('a счёт на оплату before 01.01.2026 may carry 22 % for a later shipment, with a visible note', async () => {
    const res = await tryIssue(draftAt('invoice', '2025-12-25', '22'));
    expect(res.error).toBeUndefined();
    const text = await pdfText((await pdfBytesOf(t, res.data?.id ?? 0)));
    expect(text).toContain('НДС исчислен по ставке 22 % для отгрузки после 01.01.2026');
    const plain = await tryIssue(draftAt('invoice', '2025-12-26', '20'));
    const plainText = await pdfText((await pdfBytesOf(t, plain.data?.id ?? 0)));
    expect(plainText).not.toContain('НДС исчислен по ставке');
  });
});
