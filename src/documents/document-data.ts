// Raw domain data a document is built from (integer kopecks, ISO dates), before formatting.
import type { VatMode, VatRate } from '../core/index';
import type { DocumentKind } from './kinds';

/** Bank requisites of a party. */
export type BankData = {
  bik: string;
  name: string;
  corrAccount: string;
  account: string;
};

/** A party of a document: our organisation, a client, a consignor or consignee. */
export type PartyData = {
  /** Юрлицо, ИП or a private person. */
  kind: 'legal' | 'ip' | 'person';
  /** «Общество с ограниченной ответственностью «Ромашка»», «Индивидуальный предприниматель Петров Пётр Петрович». */
  fullName: string;
  /** «ООО «Ромашка»», «ИП Петров П.П.». */
  shortName: string;
  inn: string;
  /** Empty for an ИП or a person. */
  kpp: string;
  /** ОГРН, or ОГРНИП for an ИП. */
  ogrn: string;
  legalAddress: string;
  postalAddress: string;
  bank: BankData | null;
  /** «Генеральный директор»; ignored for an ИП. */
  directorPosition: string;
  /** Full name «Фамилия Имя Отчество» of the signer (the ИП himself for an ИП). */
  directorName: string;
  /** Full name of the chief accountant; empty when the head keeps the books. */
  accountantName: string;
  /** What the signer acts on: «доверенности № 12 от 01.02.2026»; empty = «Устава». */
  signerBasis?: string;
  phone: string;
  email: string;
  /** A private person's identity, printed only on their own documents: «паспорт 4510 123456, выдан …». */
  passport?: string;
  /** A private person's address of registration. */
  registrationAddress?: string;
};

/** One goods or services line. */
export type LineData = {
  name: string;
  /** Unit as printed: «шт», «усл. ед.», «кг». */
  unit: string;
  /** ОКЕИ code of the unit: 796 for «шт», 166 for «кг»; empty if unknown. */
  okei: string;
  /** Quantity in thousandths: 1500 = 1,5. */
  quantityMilli: number;
  /** Price per unit in kopecks, net or gross according to the document's VAT mode. */
  priceKopecks: number;
  /** Discount in basis points: 1250 = 12,5 %. */
  discountBp?: number;
  vatRate: VatRate;
  /** Country of origin for imported goods: ОКСМ code and short name (счёт-фактура columns 10, 10а). */
  countryCode?: string;
  country?: string;
  /** Customs declaration number for imported goods (column 11). */
  customsDeclaration?: string;
  /** Код вида товара по ТН ВЭД ЕАЭС (счёт-фактура column 1а, УПД 1б). */
  productKindCode?: string;
};

/** A reference to another document: the contract a document is based on, a payment order. */
export type DocumentRef = {
  /** «Договор поставки»; defaults to «Договор». */
  title?: string;
  number: string;
  dateIso: string;
};

/** One row of a reconciliation act, from our side. */
export type ReconciliationRowData = {
  dateIso: string;
  /** «Реализация (акт, накладная) № 12 от 15.01.2026», «Оплата (п/п № 45)». */
  doc: string;
  debitKopecks: number;
  creditKopecks: number;
};

/** Data of an акт сверки: balances are from our side, positive = the client owes us. */
export type ReconciliationData = {
  periodFromIso: string;
  periodToIso: string;
  openingKopecks: number;
  rows: ReconciliationRowData[];
  /** Also fill the client's columns as the mirror of ours (usually left for them to fill). */
  fillCounterparty?: boolean;
};

/** Everything a document needs, as stored; buildViewModel formats it. */
export type DocumentData = {
  kind: DocumentKind;
  number: string;
  /** A draft or preview: «ЧЕРНОВИК» across every page, «б/н» for the number, never a stamp or facsimile. */
  draft?: boolean;
  dateIso: string;
  /** Our organisation. */
  seller: PartyData;
  /** The client. */
  buyer: PartyData;
  /** Грузоотправитель (defaults to the seller) and грузополучатель (defaults to the buyer). */
  consignor?: PartyData | null;
  consignee?: PartyData | null;
  lines: LineData[];
  vatMode: VatMode;
  /** The contract the document is based on. */
  basis?: DocumentRef | null;
  manager?: { name: string; phone: string; email: string } | null;
  /** Place of signing for contracts: «г. Москва». */
  city?: string;
  validUntilIso?: string | null;
  paymentTermsDays?: number | null;
  /** The prepayment agreed in the deal or the contract, per cent (100 when not set). */
  prepaymentPercent?: number | null;
  deliveryTermsDays?: number | null;
  /** Free text printed where the template asks for {{notes}}. */
  notes?: string;
  /** Subject line for letters and free-form documents. */
  subject?: string;
  /** УПД status: 1 = счёт-фактура and передаточный документ, 2 = передаточный документ only. */
  updStatus?: 1 | 2;
  /** Исправление счёта-фактуры / УПД: its number and date. */
  correction?: { number: string; dateIso: string } | null;
  /** The shipping document a счёт-фактура covers (строка 5а: «№ п/п 1–3 № 15 от 09.01.2026»). */
  shippingDocument?: { number: string; dateIso: string } | null;
  /** Works and services only: no consignor or consignee (счёт-фактура строки 3 и 4 «—»), no goods wording. */
  servicesOnly?: boolean;
  /** ТОРГ-12: places, net and gross mass as typed («125,5 кг»), the number of attachment sheets. */
  cargo?: { places: number | null; massNet: string; massGross: string; attachmentSheets: number | null } | null;
  /** Платёжно-расчётный документ for advances (счёт-фактура line 5). */
  paymentDocument?: DocumentRef | null;
  /** Идентификатор государственного контракта (line 8). */
  governmentContractId?: string;
  reconciliation?: ReconciliationData | null;
  /** Deal the document belongs to, for letters and offers. */
  deal?: { title: string } | null;
};
