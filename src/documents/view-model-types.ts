// The prepared view-model templates receive: every value is a ready-to-print string or a flag.
import type { PaymentView } from './payment-view';
import type { DocumentKind } from './kinds';

/** Bank requisites, formatted. */
export type BankView = { bik: string; name: string; corrAccount: string; account: string };

/** A person who signs: position, full name and «И.О. Фамилия». */
export type SignerView = {
  position: string;
  name: string;
  initials: string;
  /** The addressee of a letter: «Генеральному директору Громову С. П.». */
  dative: string;
  /** The greeting of a letter to this person: «Уважаемый Сергей Петрович!», or «Уважаемые коллеги!» without a name. */
  salutation: string;
  /** What the signer acts on, after «на основании»: «Устава», «доверенности № 12 от 01.02.2026». */
  basis: string;
};

/** A party, formatted. Empty strings for missing values; flags for sections. */
export type PartyView = {
  isLegal: boolean;
  isIp: boolean;
  isPerson: boolean;
  name: string;
  shortName: string;
  inn: string;
  kpp: string;
  /** «ИНН 7707083893 / КПП 770701001» or «ИНН 500100000015». */
  innKpp: string;
  ogrn: string;
  /** «ОГРН» or «ОГРНИП». */
  ogrnLabel: string;
  legalAddress: string;
  postalAddress: string;
  /** Legal address, or postal when no legal address is known. */
  address: string;
  phone: string;
  email: string;
  /** «тел. …, e-mail …». */
  contacts: string;
  /** Bank requisites, or false when the party has none. */
  bank: BankView | false;
  /** The name after «между … и»: «ООО «Вектор»», «Кузьминой Марией Олеговной» for a person. */
  nameInstrumental: string;
  /** The name after «по данным»: «ООО «Вектор»», «ИП Петрова П. П.», «Кузьминой М. О.». */
  shortGenitive: string;
  /** «ООО «Ромашка», ИНН …, КПП …, адрес, тел. …» — as on an invoice. */
  line: string;
  /** A private person's passport line («паспорт 4510 123456, выдан …»), else empty. */
  passport: string;
  /** A private person's address of registration, else empty. */
  registrationAddress: string;
  /** Who signs for the party; an ИП signs himself as «Индивидуальный предприниматель». */
  director: SignerView;
  /** Chief accountant; for an ИП or when absent, the head. */
  accountant: SignerView;
};

/** One goods line, formatted. */
export type LineView = {
  n: string;
  name: string;
  unit: string;
  okei: string;
  quantity: string;
  /** Unit price as printed: after the discount, rounded to kopecks (net when VAT is on top, gross when included); quantity × price = amount. */
  price: string;
  /** Price without VAT (counted back from the net amount when VAT is included). */
  priceNet: string;
  /** «10%», or empty without a discount. */
  discount: string;
  /** Line amount as priced: net when on top, gross when included. */
  amount: string;
  net: string;
  /** «22%», «Без налога (НДС)» (short «без НДС» in tables). */
  vatRate: string;
  vatRateShort: string;
  /** VAT amount, or «без НДС». */
  vat: string;
  total: string;
  countryCode: string;
  country: string;
  customsDeclaration: string;
  productKindCode: string;
  /** The line's figures for the forms' per-page «Итого» (not a template placeholder). */
  sums: LineSums;
};

/** Quantity (thousandths) and amounts (kopecks) of a line, summed per page on a ТОРГ-12. */
export type LineSums = { quantityMilli: number; net: number; vat: number; gross: number };

/** One printed VAT total: «В том числе НДС (22%)» → «2 200,00». */
export type VatRowView = { label: string; amount: string };

/** Document totals (sums of the lines). */
export type TotalsView = {
  /** Sum of the line amounts as priced (the «Итого» row). */
  amount: string;
  net: string;
  vat: string;
  gross: string;
  /** Gross in words: «Двенадцать тысяч двести рублей 00 копеек». */
  words: string;
  /** Number of lines. */
  count: string;
  /** Sum of the quantities (ТОРГ-12 «Всего по накладной»). */
  quantity: string;
  /** «Всего наименований 3, на сумму 12 200,00 руб.» */
  summary: string;
  /** Discount total, or empty. */
  discount: string;
  vatRows: VatRowView[];
  /** «В том числе НДС (22%) 2 200,00 руб.» or «Без налога (НДС)». */
  vatText: string;
};

/** How VAT is shown. */
export type VatView = {
  /** «В том числе НДС (22%)», «НДС (22%)» or «Без налога (НДС)». */
  label: string;
  /** «22%», «Без налога (НДС)», or empty if the lines mix rates. */
  rate: string;
  none: boolean;
  included: boolean;
  onTop: boolean;
  /** A счёт на оплату dated before 01.01.2026 at 22 % for a shipment after it: the visible note; else empty. */
  note: string;
};

/** A referenced document, formatted. */
export type RefView = { title: string; number: string; date: string; dateContract: string; dateNumeric: string; text: string };

/** One row of the reconciliation act. */
export type ReconciliationRowView = { date: string; doc: string; debit: string; credit: string; theirDebit: string; theirCredit: string };

/** Debit and credit side by side, for balances and turnovers. */
export type SidesView = { debit: string; credit: string; theirDebit: string; theirCredit: string };

/** The акт сверки block. */
export type ReconciliationView = {
  periodFrom: string;
  periodTo: string;
  /** «за период с 01.01.2026 по 31.03.2026». */
  period: string;
  opening: SidesView;
  rows: ReconciliationRowView[];
  turnover: SidesView;
  closing: SidesView;
  /** «на 31.03.2026 задолженность в пользу ООО «Ромашка» 12 200,00 руб. (…)» or «задолженность отсутствует». */
  closingText: string;
};

/** The view-model every template renders against. */
export type DocumentViewModel = {
  kind: DocumentKind;
  /** Dates in the PDF's info dictionary derive from this, never from the clock. */
  dateIso: string;
  doc: {
    /** Kind title: «Счёт на оплату». */
    kindTitle: string;
    number: string;
    /** A draft (not yet issued): printed with a «ЧЕРНОВИК» watermark and «б/н» instead of «№ …». */
    draft: boolean;
    /** «№ 15», or «б/н» on a draft. */
    numberText: string;
    /** «9 января 2026 г.» */
    date: string;
    /** «"9" января 2026 г.» */
    dateContract: string;
    /** «09.01.2026» */
    dateNumeric: string;
    /** «Счёт на оплату № 15 от 9 января 2026 г.» */
    title: string;
    city: string;
    validUntil: string;
    paymentTermsDays: string;
    /** Prepayment, per cent («100»), and what is paid after delivery («50», or empty). */
    prepaymentPercent: string;
    postpaymentPercent: string;
    deliveryTermsDays: string;
    subject: string;
    notes: string;
  };
  /** ТОРГ-12: «Всего мест», «Масса груза (нетто / брутто)», «Приложение … на __ листах» as typed (empty when not). */
  cargo: { places: string; placesWords: string; massNet: string; massGross: string; attachmentSheets: string; attachmentWords: string };
  seller: PartyView;
  buyer: PartyView;
  consignor: PartyView;
  consignee: PartyView;
  /** The consignor is the seller itself / the consignee is the buyer itself («он же»). */
  consignorIsSeller: boolean;
  consigneeIsBuyer: boolean;
  /** Works and services only (no goods): no consignor or consignee (строки 3, 4 «—»), no goods wording. */
  servicesOnly: boolean;
  /** Счёт-фактура строка 5а: «№ п/п 1–3 № 15 от 09.01.2026», or empty. */
  shippingDocument: string;
  /** The contract the document is based on, or false. */
  contract: RefView | false;
  /** «Договор поставки № 12 от 9 января 2026 г.», or empty without a contract. */
  basis: string;
  lines: LineView[];
  totals: TotalsView;
  vat: VatView;
  manager: { name: string; initials: string; phone: string; email: string };
  upd: { status: string; status1: boolean; status2: boolean };
  correction: { number: string; date: string } | false;
  paymentDocument: RefView | false;
  governmentContractId: string;
  currency: string;
  reconciliation: ReconciliationView | false;
  deal: { title: string };
  /** A счёт на оплату's «Назначение платежа» and its payment QR (ГОСТ Р 56042-2014), else false. */
  payment: PaymentView;
  /** The document date again, for letters («today» in a reproducible document). */
  today: string;
};
