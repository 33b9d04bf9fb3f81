import { formatNumber } from '../../core/index';
import type { DocumentKindKey } from '../../shared/api/document-types';

/** Which numbering series each kind takes its number from (per organisation and year). */
export const SERIES_OF: Readonly<Record<DocumentKindKey, string>> = {
  commercial_offer: 'offer',
  contract_supply: 'contract',
  contract_services: 'contract',
  invoice: 'invoice',
  act_services: 'act',
  act_transfer: 'act',
  torg12: 'torg12',
  // A УПД with status 1 is a счёт-фактура: both are numbered in one chronological sequence.
  upd: 'factura',
  invoice_factura: 'factura',
  reconciliation_act: 'reconciliation',
  free_form: 'free',
};

/**
 * The series a document takes its number from. A УПД статус 2 is a передаточный документ only: it
 * never takes a счёт-фактура number, it has its own series.
 */
export function seriesOf(kind: DocumentKindKey, updStatus: 1 | 2 | null): string {
  return kind === 'upd' && updStatus === 2 ? 'upd_transfer' : SERIES_OF[kind];
}

/**
 * A УПД's default status follows the seller's VAT regime, not its tax system: without VAT (exempt
 * under ст.145, «Без налога (НДС)») статус 2; a VAT payer — УСН at 5 / 7 % included — статус 1.
 */
export function defaultUpdStatus(sellerVatRate: string): 1 | 2 {
  return sellerVatRate === 'none' ? 2 : 1;
}

/** Russian names of the series. */
export const SERIES_TITLES: Readonly<Record<string, string>> = {
  offer: 'Коммерческие предложения',
  contract: 'Договоры',
  invoice: 'Счета на оплату',
  act: 'Акты',
  torg12: 'Товарные накладные',
  factura: 'Счета-фактуры и УПД (статус 1)',
  upd_transfer: 'УПД со статусом 2 (передаточные документы)',
  reconciliation: 'Акты сверки',
  free: 'Прочие документы',
};

/** Every series key, in the order the numbering page lists them. */
export const SERIES_KEYS: readonly string[] = Object.keys(SERIES_TITLES);

/** The mask a series starts with. */
export const DEFAULT_MASK = '{N}';

/** Series whose documents must be numbered in date order (счёт-фактура: ст.169 НК). */
export const CHRONOLOGICAL_SERIES: readonly string[] = ['factura'];

/** The year a document's number belongs to. */
export function seriesYearOf(docDate: string): number {
  return Number(docDate.slice(0, 4));
}

/** The number as printed for sequence n. */
export function printedNumber(mask: string, n: number, docDate: string): string {
  return formatNumber(mask, { n, date: docDate });
}
