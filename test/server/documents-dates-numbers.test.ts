import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import { draftInput, openDocumentsOffice } from '../helpers/document-fixtures';
import type { TestApp } from '../helpers/temp-app';

// The test app's clock stands at 26.11.2026.
let t: TestApp;
let clientId: number;
beforeEach(async () => {
  ({ t, clientId } = await openDocumentsOffice());
});
afterEach(() => t.close());

type Kind = ApiInput<'documents.createDraft'>['kind'];

async function tryIssue(kind: Kind, docDate: string) {
  const draft = await t.ok('documents.createDraft', draftInput(kind, clientId, { docDate }));
  return t.call('documents.issue', { id: draft.id });
}

describe('document dates', () => {
  it('refuses a shipping document dated after today, an invoice or proposal more than 30 days ahead', async () => {
    for (const kind of ['act_transfer', 'torg12', 'upd', 'invoice_factura'] as const) {
      const ahead = await tryIssue(kind, '2026-11-27');
      expect(ahead.error?.code, kind).toBe('VALIDATION');
      expect(ahead.error?.message, kind).toContain('позже сегодняшнего дня');
    }
    expect((await tryIssue('act_transfer', '2026-11-26')).error).toBeUndefined();
    for (const kind of ['invoice', 'commercial_offer'] as const) {
      // 26.11.2026 + 30 days = 26.12.2026.
      expect((await tryIssue(kind, '2026-12-26')).error, kind).toBeUndefined();
      const far = await tryIssue(kind, '2026-12-27');
      expect(far.error?.code, kind).toBe('VALIDATION');
      expect(far.error?.message, kind).toContain('более чем на 30 дн. вперёд');
    }
  });

  it('takes the limit a person set per series, stated in Справочники with each series’ rule', async () => {
    await t.ok('numberSeries.saveRule', { seriesKey: 'act', maxDaysAhead: 3 });
    expect((await tryIssue('act_transfer', '2026-11-29')).error).toBeUndefined();
    expect((await tryIssue('act_transfer', '2026-11-30')).error?.code).toBe('VALIDATION');
    const series = await t.ok('numberSeries.list', {});
    const rule = (key: string) => series.find((s) => s.seriesKey === key)?.rule ?? '';
    expect(rule('act')).toBe('Следующий номер серии, какой бы ни была дата документа; дата не позже чем через 3 дн. от сегодняшней.');
    expect(rule('invoice')).toBe('Следующий номер серии, какой бы ни была дата документа; дата не позже чем через 30 дн. от сегодняшней.');
    expect(rule('torg12')).toBe('Следующий номер серии, какой бы ни была дата документа; дата не позже сегодняшней.');
    expect(rule('factura')).toBe('Номера в хронологическом порядке: дата не раньше последнего выставленного (аннулированные не в счёт); дата не позже сегодняшней.');
    const audit = t.app.store.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'series_rule' AND entity_id = 'act'").get() as { after: string };
    expect(JSON.parse(audit.after)).toEqual({ maxDaysAhead: 3 });
  });
});

describe('document numbers', () => {
  it('gives acts, invoices and waybills the next number of their series whatever their date', async () => {
    for (const kind of ['act_transfer', 'invoice', 'torg12'] as const) {
      const later = await tryIssue(kind, '2026-11-20');
      const earlier = await tryIssue(kind, '2026-11-05');
      expect(earlier.error, kind).toBeUndefined();
      expect(Number(earlier.data?.number), kind).toBe(Number(later.data?.number) + 1);
    }
  });

  it('keeps счета-фактуры chronological, but an annulled one no longer decides the order', async () => {
    const typo = await tryIssue('invoice_factura', '2026-11-25');
    expect((await tryIssue('invoice_factura', '2026-11-10')).error?.code).toBe('CONFLICT');
    await t.ok('documents.annul', { id: typo.data?.id ?? 0, reason: 'Опечатка в дате' });
    const fixed = await tryIssue('invoice_factura', '2026-11-10');
    expect(fixed.error).toBeUndefined();
    expect(Number(fixed.data?.number)).toBe(Number(typo.data?.number) + 1);
  });
});
