import { formatDateNumeric } from '../../core/index';
import type { ShipmentFact } from '../../db/repos/reconciliation-repo';
import type { ReconciliationData, ReconciliationRowData } from '../../documents/index';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey, type DocumentTerms } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { paymentsReconciliationSource } from '../money/reconciliation-source';
import type { ReconciliationSource } from './reconciliation-types';

const SHIPPING: readonly DocumentKindKey[] = ['act_services', 'act_transfer', 'torg12', 'upd'];

/** Each shipment once: a correction replaces its original (the newest correction wins), keeping the original's date and contract. */
export function latestVersions(facts: readonly ShipmentFact[]): { root: ShipmentFact; current: ShipmentFact }[] {
  const byRoot = new Map<number, { root: ShipmentFact | null; current: ShipmentFact | null }>();
  for (const f of facts) {
    const rootId = f.correctsDocumentId ?? f.id;
    const entry = byRoot.get(rootId) ?? { root: null, current: null };
    if (f.correctsDocumentId === null) entry.root = f;
    if (entry.current === null || (f.correctionNumber ?? 0) > (entry.current.correctionNumber ?? 0)) entry.current = f;
    byRoot.set(rootId, entry);
  }
  const out: { root: ShipmentFact; current: ShipmentFact }[] = [];
  for (const e of byRoot.values()) if (e.current !== null) out.push({ root: e.root ?? e.current, current: e.current });
  return out;
}

/** Our issued acts, ТОРГ-12 and УПД (debit): what the client owes us for. */
const shipmentsSource: ReconciliationSource = {
  async rows(ctx, q) {
    const facts = await ctx.store.documents.reconciliation.shipmentsUpTo({ orgId: q.orgId, clientId: q.clientId, to: q.to, kinds: SHIPPING });
    return latestVersions(facts)
      .filter(({ root }) => q.contractId === null || root.basisDocumentId === q.contractId)
      .map(({ root, current }) => {
        const fix = current.correctionNumber === null ? '' : `, испр.\u00a0№\u00a0${current.correctionNumber}${current.correctionDate ? ` от ${formatDateNumeric(current.correctionDate)}` : ''}`;
        return { dateIso: root.docDate, doc: `Реализация (${DOCUMENT_KIND_LABELS[root.kind]} №\u00a0${root.number}${fix})`, debitKopecks: current.grossKopecks, creditKopecks: 0 };
      });
  },
};

/** The connected sources: shipments from the documents area, payments from the money area. */
export const RECONCILIATION_SOURCES: readonly ReconciliationSource[] = [shipmentsSource, paymentsReconciliationSource];

/**
 * The акт сверки's data for the period in the terms: rows of the period in date order; the opening
 * balance is the typed one (what was owed before the app's records) plus every row before the period.
 */
export async function reconciliationData(ctx: CallContext, orgId: number, clientId: number, terms: DocumentTerms, contractId: number | null): Promise<ReconciliationData> {
  if (terms.periodFrom === null || terms.periodTo === null || terms.periodFrom > terms.periodTo) {
    throw new AppError('VALIDATION', 'Укажите период сверки: дата начала не позже даты окончания', [{ path: 'terms.periodFrom', message: 'Укажите период сверки' }]);
  }
  const from = terms.periodFrom;
  const all: ReconciliationRowData[] = (await Promise.all(RECONCILIATION_SOURCES.map((s) => s.rows(ctx, { orgId, clientId, to: terms.periodTo ?? from, contractId })))).flat();
  const before = all.filter((r) => r.dateIso < from);
  const rows = all.filter((r) => r.dateIso >= from).sort((a, b) => a.dateIso.localeCompare(b.dateIso) || b.debitKopecks - a.debitKopecks);
  const openingKopecks = before.reduce((s, r) => s + r.debitKopecks - r.creditKopecks, terms.openingKopecks);
  return { periodFromIso: from, periodToIso: terms.periodTo, openingKopecks, rows };
}
