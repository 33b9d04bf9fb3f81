import type { ReconciliationData, ReconciliationRowData } from '../../documents/index';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey, type DocumentTerms } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';

/** Rows of an акт сверки from one area: shipments (debit) here, payments (credit) from the money area. */
export interface ReconciliationSource {
  rows(ctx: CallContext, q: { orgId: number; clientId: number; from: string; to: string }): Promise<ReconciliationRowData[]>;
}

const SHIPPING: readonly DocumentKindKey[] = ['act_services', 'act_transfer', 'torg12', 'upd'];

/** Our issued acts, ТОРГ-12 and УПД of the period: what the client owes us for. */
const shipments: ReconciliationSource = {
  async rows(ctx, q) {
    const { rows } = await ctx.store.documents.docs.list({ clientId: q.clientId, status: 'issued', from: q.from, to: q.to, offset: 0, limit: 500 });
    return rows
      .filter((d) => d.orgId === q.orgId && SHIPPING.includes(d.kind))
      .map((d) => ({ dateIso: d.docDate, doc: `Реализация (${DOCUMENT_KIND_LABELS[d.kind]} № ${d.number})`, debitKopecks: d.grossKopecks, creditKopecks: 0 }));
  },
};

/** The connected sources; the money area adds its payments here. */
export const RECONCILIATION_SOURCES: ReconciliationSource[] = [shipments];

/** The акт сверки's data for the period in the terms, rows from every source in date order. */
export async function reconciliationData(ctx: CallContext, orgId: number, clientId: number, terms: DocumentTerms): Promise<ReconciliationData> {
  if (terms.periodFrom === null || terms.periodTo === null || terms.periodFrom > terms.periodTo) {
    throw new AppError('VALIDATION', 'Укажите период сверки: дата начала не позже даты окончания', [{ path: 'terms.periodFrom', message: 'Укажите период сверки' }]);
  }
  const q = { orgId, clientId, from: terms.periodFrom, to: terms.periodTo };
  const rows = (await Promise.all(RECONCILIATION_SOURCES.map((s) => s.rows(ctx, q)))).flat();
  rows.sort((a, b) => a.dateIso.localeCompare(b.dateIso));
  return { periodFromIso: q.from, periodToIso: q.to, openingKopecks: terms.openingKopecks, rows };
}
