// Builds the template view-model from raw document data: every value pre-formatted (STYLE.md §9).
import { formatDateContract, formatDateLong, formatDateNumeric, numberInWords, VAT_22_FROM } from '../core/index';
import type { DocumentData, DocumentRef } from './document-data';
import { DOCUMENT_KIND_TITLES, type DocumentKind } from './kinds';
import { buildLines } from './lines-view';
import { buildParty, initialsOf } from './party-view';
import { buildPayment } from './payment-view';
import { buildReconciliation } from './reconciliation-view';
import type { DocumentViewModel, RefView } from './view-model-types';

/** The words a document's own title starts with: «Счёт на оплату № 15 от …». */
const HEADER_TITLES: Readonly<Record<DocumentKind, string>> = {
  commercial_offer: 'Коммерческое предложение',
  contract_supply: 'Договор поставки',
  contract_services: 'Договор оказания услуг',
  invoice: 'Счёт на оплату',
  act_services: 'Акт',
  act_transfer: 'Акт приёма-передачи',
  torg12: 'Товарная накладная',
  upd: 'Универсальный передаточный документ',
  invoice_factura: 'Счёт-фактура',
  reconciliation_act: 'Акт сверки взаимных расчётов',
  free_form: 'Документ',
};

/** What a draft prints where the number goes: «б/н» (без номера), never «№ б/н». */
export const DRAFT_NUMBER_TEXT = 'б/н';

/** The note of a счёт на оплату dated before the change at the new rate, for a shipment after it. */
function vatNoteOf(data: DocumentData): string {
  if (data.kind !== 'invoice' || data.dateIso >= VAT_22_FROM || !data.lines.some((l) => l.vatRate === 22)) return '';
  return `НДС исчислен по ставке 22\u00a0% для отгрузки после ${formatDateNumeric(VAT_22_FROM)} (п. 3 ст. 164 НК РФ в ред. Федерального закона от 28.11.2025 № 425-ФЗ)`;
}

function optionalDate(iso: string | null | undefined): string {
  return iso ? formatDateLong(iso) : '';
}

function optionalNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

function refView(ref: DocumentRef | null | undefined, defaultTitle: string): RefView | false {
  if (!ref || ref.number.trim() === '') return false;
  const title = ref.title?.trim() || defaultTitle;
  const date = formatDateLong(ref.dateIso);
  return { title, number: ref.number, date, dateContract: formatDateContract(ref.dateIso), dateNumeric: formatDateNumeric(ref.dateIso), text: `${title} №\u00a0${ref.number} от ${date}` };
}

/** «№ п/п 1–3 № 15 от 09.01.2026»: the rows of the table a shipping document covers (строка 5а); numberText is «№ 15» or «б/н». */
export function shippingText(rowCount: number, numberText: string, dateNumeric: string): string {
  const rows = rowCount > 1 ? `1–${rowCount}` : '1';
  return `№ п/п ${rows} ${numberText} от ${dateNumeric}`;
}

function cargoView(cargo: DocumentData['cargo']): DocumentViewModel['cargo'] {
  const count = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));
  const words = (n: number | null | undefined): string => (n === null || n === undefined ? '' : numberInWords(n));
  return {
    places: count(cargo?.places),
    placesWords: words(cargo?.places),
    massNet: cargo?.massNet.trim() ?? '',
    massGross: cargo?.massGross.trim() ?? '',
    attachmentSheets: count(cargo?.attachmentSheets),
    attachmentWords: words(cargo?.attachmentSheets),
  };
}

/** Formats raw document data for templates; totals come from core's computeLines (VAT per line). */
export function buildViewModel(data: DocumentData): DocumentViewModel {
  const date = formatDateLong(data.dateIso);
  const headerTitle = HEADER_TITLES[data.kind];
  const seller = buildParty(data.seller);
  const buyer = buildParty(data.buyer);
  const { lines, totals, vat } = buildLines(data.lines, data.vatMode);
  const contract = refView(data.basis, 'Договор');
  const managerName = data.manager?.name.trim() ?? '';
  const status = data.updStatus ?? 1;
  const draft = data.draft === true;
  const numberText = draft ? DRAFT_NUMBER_TEXT : `№\u00a0${data.number}`;
  return {
    kind: data.kind,
    dateIso: data.dateIso,
    doc: {
      kindTitle: DOCUMENT_KIND_TITLES[data.kind],
      number: data.number,
      draft,
      numberText,
      date,
      dateContract: formatDateContract(data.dateIso),
      dateNumeric: formatDateNumeric(data.dateIso),
      title: `${headerTitle} ${numberText} от ${date}`,
      city: data.city?.trim() ?? '',
      validUntil: optionalDate(data.validUntilIso),
      paymentTermsDays: optionalNumber(data.paymentTermsDays),
      prepaymentPercent: String(data.prepaymentPercent ?? 100),
      postpaymentPercent: (data.prepaymentPercent ?? 100) >= 100 ? '' : String(100 - (data.prepaymentPercent ?? 100)),
      deliveryTermsDays: optionalNumber(data.deliveryTermsDays),
      subject: data.subject?.trim() ?? '',
      notes: data.notes?.trim() ?? '',
    },
    cargo: cargoView(data.cargo ?? null),
    seller,
    buyer,
    consignor: data.consignor ? buildParty(data.consignor) : seller,
    consignee: data.consignee ? buildParty(data.consignee) : buyer,
    consignorIsSeller: !data.consignor,
    consigneeIsBuyer: !data.consignee,
    servicesOnly: data.servicesOnly === true,
    shippingDocument: data.shippingDocument ? shippingText(lines.length, `№\u00a0${data.shippingDocument.number}`, formatDateNumeric(data.shippingDocument.dateIso)) : '',
    contract,
    // Without a contract there is no «Основание» (the line is left out), never «Основной договор».
    basis: contract === false ? '' : contract.text,
    lines,
    totals,
    vat: { ...vat, note: vatNoteOf(data) },
    manager: {
      name: managerName,
      initials: initialsOf(managerName),
      phone: data.manager?.phone.trim() ?? '',
      email: data.manager?.email.trim() ?? '',
    },
    upd: { status: String(status), status1: status === 1, status2: status === 2 },
    correction: data.correction ? { number: data.correction.number, date: formatDateNumeric(data.correction.dateIso) } : false,
    paymentDocument: refView(data.paymentDocument, 'Платёжное поручение'),
    governmentContractId: data.governmentContractId?.trim() ?? '',
    currency: 'Российский рубль, 643',
    reconciliation: data.reconciliation ? buildReconciliation(data.reconciliation, seller.shortName, buyer.shortName) : false,
    deal: { title: data.deal?.title.trim() ?? '' },
    payment: buildPayment(data),
    today: date,
  };
}
