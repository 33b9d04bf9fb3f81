// Document kinds, their Russian titles, page orientation and the block directives each allows.
import { DOCUMENT_KIND_LABELS, DOCUMENT_KIND_VALUES } from '../shared/api/document-types';

/** Every document the app can print (the list lives in the shared contract). */
export const DOCUMENT_KINDS = DOCUMENT_KIND_VALUES;

/** A document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Russian titles of the kinds as printed: the app's labels, with the УПД written out in full. */
export const DOCUMENT_KIND_TITLES: Readonly<Record<DocumentKind, string>> = {
  ...DOCUMENT_KIND_LABELS,
  upd: 'Универсальный передаточный документ',
};

/** True for a known kind. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return DOCUMENT_KINDS.some((k) => k === value);
}

/** Unified forms with wide tables are printed on landscape A4. */
export function pageOrientationOf(kind: DocumentKind): 'portrait' | 'landscape' {
  return kind === 'torg12' || kind === 'upd' || kind === 'invoice_factura' ? 'landscape' : 'portrait';
}

/** The block directives of the template markup. */
export const DIRECTIVES = [
  'requisites',
  'form-header',
  'lines',
  'totals',
  'reconciliation',
  'party-details',
  'signatures',
  'stamp',
  'logo',
  'pagebreak',
] as const;

/** A block directive name (written `::name` on its own line). */
export type DirectiveName = (typeof DIRECTIVES)[number];

/** True for a known directive. */
export function isDirectiveName(value: string): value is DirectiveName {
  return DIRECTIVES.some((d) => d === value);
}

/** Russian one-line descriptions of the directives, for the editor's help. */
export const DIRECTIVE_DESCRIPTIONS: Readonly<Record<DirectiveName, string>> = {
  requisites: 'Банковские реквизиты получателя платежа (шапка счёта)',
  'form-header': 'Шапка унифицированной формы (ТОРГ-12, УПД, счёт-фактура)',
  lines: 'Таблица товаров/услуг; колонки зависят от вида документа',
  totals: 'Итоги: сумма, НДС или «Без налога (НДС)», всего к оплате',
  reconciliation: 'Таблица акта сверки: сальдо, обороты, конечное сальдо',
  'party-details': 'Реквизиты обеих сторон в две колонки с подписями (для договоров)',
  signatures: 'Подписи сторон: должность, ____, расшифровка подписи',
  stamp: 'Печать и факсимильная подпись, если загружены',
  logo: 'Логотип нашей организации, если загружен (на его месте, слева)',
  pagebreak: 'Разрыв страницы',
};

const WITHOUT_LINES: readonly DirectiveName[] = ['party-details', 'signatures', 'stamp', 'logo', 'pagebreak'];
const WITH_LINES: readonly DirectiveName[] = ['lines', 'totals', ...WITHOUT_LINES];
const FORMS: readonly DirectiveName[] = ['form-header', ...WITH_LINES];

/** Which directives a kind's template may use. */
export const DIRECTIVES_BY_KIND: Readonly<Record<DocumentKind, readonly DirectiveName[]>> = {
  commercial_offer: ['requisites', ...WITH_LINES],
  contract_supply: WITH_LINES,
  contract_services: WITH_LINES,
  invoice: ['requisites', ...WITH_LINES],
  act_services: WITH_LINES,
  act_transfer: WITH_LINES,
  torg12: FORMS,
  upd: FORMS,
  invoice_factura: FORMS,
  reconciliation_act: ['reconciliation', ...WITHOUT_LINES],
  free_form: ['requisites', ...WITH_LINES],
};
