import { z } from '../zod-ru';
import { pickedIdSchema } from '../picked-id';
import type { Role } from '../roles';
import { VAT_RATE_VALUES } from './orgs';

/** Document kinds: the one list the engine (DOCUMENT_KINDS), the schema and the UI use. */
export const DOCUMENT_KIND_VALUES = [
  'commercial_offer',
  'contract_supply',
  'contract_services',
  'invoice',
  'act_services',
  'act_transfer',
  'torg12',
  'upd',
  'invoice_factura',
  'reconciliation_act',
  'free_form',
] as const;

/** A document kind. */
export type DocumentKindKey = (typeof DOCUMENT_KIND_VALUES)[number];

/** Russian names of the kinds, as the app shows them. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKindKey, string>> = {
  commercial_offer: 'Коммерческое предложение',
  contract_supply: 'Договор поставки',
  contract_services: 'Договор оказания услуг',
  invoice: 'Счёт на оплату',
  act_services: 'Акт выполненных работ (оказанных услуг)',
  act_transfer: 'Акт приёма-передачи',
  torg12: 'Товарная накладная (ТОРГ-12)',
  upd: 'УПД',
  invoice_factura: 'Счёт-фактура',
  reconciliation_act: 'Акт сверки взаимных расчётов',
  free_form: 'Произвольный документ',
};

/** Contract kinds: the basis other documents refer to. */
export const CONTRACT_KINDS: readonly DocumentKindKey[] = ['contract_supply', 'contract_services'];

/** Kinds that refer to a contract («Основание: Договор № … от …»). */
export const BASED_ON_CONTRACT: readonly DocumentKindKey[] = ['invoice', 'act_services', 'act_transfer', 'torg12', 'upd', 'invoice_factura', 'reconciliation_act'];

/** Document statuses. */
export const DOCUMENT_STATUS_VALUES = ['draft', 'issued', 'annulled'] as const;

/** A document status. */
export type DocumentStatus = (typeof DOCUMENT_STATUS_VALUES)[number];

/** Russian names of the statuses. */
export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = { draft: 'Черновик', issued: 'Выставлен', annulled: 'Аннулирован' };

/** VAT on top of the prices or included in them. */
export const VAT_MODE_VALUES = ['on_top', 'included'] as const;

/** A VAT mode. */
export type VatModeKey = (typeof VAT_MODE_VALUES)[number];

/** A VAT rate as stored ('none' = «Без налога (НДС)»). */
export type VatRateKey = (typeof VAT_RATE_VALUES)[number];

/** Who makes drafts, issues documents and bundles (a manager only for their own clients). */
export const DOC_WRITERS: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager'];

/** Who annuls issued documents, edits templates, the catalog and the numbering. */
export const DOC_ADMINS: readonly Role[] = ['director', 'head_of_sales', 'office_manager'];

/** Who sees and edits the internal price list and decides on discounts beyond a limit. */
export const DISCOUNT_HEADS: readonly Role[] = ['director', 'head_of_sales'];

/** An id. */
export const idSchema = z.number().int().positive();

/** An ISO date. */
export const isoDateSchema = z.string({ error: 'Укажите дату' }).min(1, { message: 'Укажите дату' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });

/** One line as typed: quantity in thousandths, price in kopecks, discount in basis points (1250 = 12,5 %). */
export const documentLineSchema = z.object({
  catalogItemId: idSchema.nullable().default(null),
  name: z.string().trim().min(1, { message: 'Укажите наименование' }).max(500, { message: 'Наименование — не длиннее 500 знаков' }),
  unit: z.string().trim().min(1, { message: 'Укажите единицу измерения' }).max(20, { message: 'Единица измерения — не длиннее 20 знаков' }),
  okei: z.string().trim().regex(/^\d{0,4}$/, { message: 'Код ОКЕИ — до 4 цифр' }).default(''),
  quantityMilli: z
    .number({ error: 'Количество — число, например 2 или 1,5' })
    .int({ message: 'Количество — не больше трёх знаков после запятой' })
    .positive({ message: 'Количество должно быть больше нуля' })
    .max(1e12, { message: 'Слишком большое количество' }),
  priceKopecks: z
    .number({ error: 'Цена — число в рублях, например 1 250,50' })
    .int({ message: 'Цена — не больше двух знаков после запятой' })
    .min(0, { message: 'Цена не может быть отрицательной' })
    .max(1e13, { message: 'Слишком большая цена' }),
  discountBp: z
    .number({ error: 'Скидка — число процентов, например 5 или 7,5' })
    .int({ message: 'Скидка — не больше двух знаков после запятой' })
    .min(0, { message: 'Скидка не может быть отрицательной' })
    .max(10_000, { message: 'Скидка не больше 100 %' })
    .default(0),
  vatRate: z.enum(VAT_RATE_VALUES),
  /**
   * Cost per unit without VAT (kopecks), null when unknown. Only the heads, the director and the office
   * manager set it; left out (or sent by a manager) the line keeps its cost, or takes the catalog's when new.
   */
  costKopecks: z
    .number({ error: 'Себестоимость — число в рублях, например 1 500' })
    .int({ message: 'Себестоимость — не больше двух знаков после запятой' })
    .min(0, { message: 'Себестоимость не может быть отрицательной' })
    .max(1e13, { message: 'Слишком большая себестоимость' })
    .nullable()
    .optional(),
  /** Imported goods (счёт-фактура / УПД columns 10, 10а, 11): ОКСМ code and short name of the country of origin. */
  countryCode: z.string().trim().regex(/^(\d{3})?$/, { message: 'Код страны по ОКСМ — 3 цифры' }).default(''),
  countryName: z.string().trim().max(60, { message: 'Страна — не длиннее 60 знаков' }).default(''),
  /** Регистрационный номер декларации на товары (ГТД) or РНПТ: «10702070/010126/0001234», РНПТ with «/001». */
  customsDeclaration: z
    .string()
    .trim()
    .regex(/^(\d{8}\/\d{6}\/[0-9A-ZА-Я]{7}(\/\d{3})?)?$/, { message: 'Номер декларации: 8 цифр / ДДММГГ / 7 знаков (РНПТ — ещё / 3 цифры)' })
    .default(''),
  /** Код вида товара по ТН ВЭД ЕАЭС (column 1а / 1б), for goods exported to the EAEU. */
  productKindCode: z.string().trim().regex(/^(\d{10})?$/, { message: 'Код вида товара по ТН ВЭД ЕАЭС — 10 цифр' }).default(''),
}).refine((l) => (l.countryCode === '') === (l.countryName === ''), { message: 'Страна происхождения: укажите и код по ОКСМ, и краткое наименование', path: ['countryName'] });

/** A line as typed. */
export type DocumentLineInput = z.input<typeof documentLineSchema>;

/** A line after validation. */
export type DocumentLineParsed = z.output<typeof documentLineSchema>;

const days = z.number().int({ message: 'Срок — целое число дней' }).min(0, { message: 'Срок не может быть отрицательным' }).max(3650, { message: 'Срок — не больше 3650 дней' }).nullable().default(null);
const text = (max: number) => z.string().trim().max(max, { message: `Не длиннее ${max} знаков` }).default('');

/** The terms a document prints: payment, delivery, validity, the place, notes, УПД status, the buyer's signer. */
export const documentTermsSchema = z.object({
  paymentDays: days,
  deliveryDays: days,
  validDays: days,
  city: text(100),
  subject: text(300),
  notes: text(4000),
  /** УПД статус; null = by the seller's VAT regime (without VAT → 2, a VAT payer → 1), resolved when the draft is saved. */
  updStatus: z.union([z.literal(1), z.literal(2)]).nullable().default(null),
  buyerSignerName: text(200),
  buyerSignerPosition: text(200),
  /** What each signer acts on: «Устава» (empty) or «доверенности № 12 от 01.02.2026». */
  buyerSignerBasis: text(200),
  sellerSignerBasis: text(200),
  /** The template to use (its newest version at issue); null = the kind's default. */
  templateId: idSchema.nullable().default(null),
  /** Акт сверки: the period and the opening balance (positive = the client owes us). */
  periodFrom: isoDateSchema.nullable().default(null),
  periodTo: isoDateSchema.nullable().default(null),
  openingKopecks: z.number().int().min(-1e13).max(1e13).default(0),
  /** Счёт-фактура строка 5а: the issued shipping document (null = the one matching by client, total and date, if any). */
  shippingDocumentId: idSchema.nullable().default(null),
  /** Грузоотправитель / грузополучатель when not the seller / the buyer (another warehouse, a branch): name and address. */
  consignorName: text(500),
  consignorAddress: text(500),
  consigneeName: text(500),
  consigneeAddress: text(500),
  /** ТОРГ-12: «Всего мест», «Масса груза (нетто / брутто)» as printed («125,5 кг»), sheets of attachments (паспорта, сертификаты). */
  places: z.number().int({ message: 'Мест — целое число' }).min(0, { message: 'Мест не может быть меньше нуля' }).max(1_000_000, { message: 'Слишком много мест' }).nullable().default(null),
  massNet: text(60),
  massGross: text(60),
  attachmentSheets: z.number().int({ message: 'Листов — целое число' }).min(0, { message: 'Листов не может быть меньше нуля' }).max(10_000, { message: 'Слишком много листов' }).nullable().default(null),
  /** Prepayment agreed in the deal or the contract, per cent (null = 100 % предоплата). */
  prepaymentPercent: z.number().int().min(0, { message: 'Предоплата — от 0 до 100 %' }).max(100, { message: 'Предоплата — от 0 до 100 %' }).nullable().default(null),
  /** Why a VAT rate not in force on the document's date is used (stored and audited at issue). */
  vatRateReason: text(500),
});

/** Terms as typed. */
export type DocumentTermsInput = z.input<typeof documentTermsSchema>;

/** Terms after validation. */
export type DocumentTerms = z.output<typeof documentTermsSchema>;

/** A draft as the editor sends it. */
export const draftInputSchema = z.object({
  kind: z.enum(DOCUMENT_KIND_VALUES),
  orgId: pickedIdSchema('Выберите организацию'),
  clientId: pickedIdSchema('Выберите клиента'),
  /** The deal; null «без сделки»; left out: the client's only open deal, if there is exactly one. */
  dealId: idSchema.nullable().optional(),
  docDate: isoDateSchema,
  vatMode: z.enum(VAT_MODE_VALUES),
  vatRate: z.enum(VAT_RATE_VALUES),
  basisDocumentId: idSchema.nullable().default(null),
  terms: documentTermsSchema.default(documentTermsSchema.parse({})),
  lines: z.array(documentLineSchema).max(500).default([]),
  /** Lines beyond the caller's discount limit go to the head of sales instead of being refused. */
  requestApproval: z.boolean().default(false),
  approvalReason: text(1000),
});

/** A draft as typed. */
export type DraftInput = z.input<typeof draftInputSchema>;

/** A draft after validation. */
export type DraftParsed = z.output<typeof draftInputSchema>;

/** A stored line with its amounts (kopecks). */
export interface DocumentLineDto extends DocumentLineParsed {
  position: number;
  netKopecks: number;
  vatKopecks: number;
  grossKopecks: number;
}

/** A discount request beyond a limit, and the decision. */
export interface ApprovalDto {
  id: number;
  documentId: number;
  documentKind: DocumentKindKey;
  clientName: string;
  linePosition: number;
  lineName: string;
  requestedBp: number;
  limitBp: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'declined';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string;
}

/** A request in the approvals queue, with what the caller may decide on it. */
export interface ApprovalQueueRow extends ApprovalDto {
  canApprove: boolean;
  canDecline: boolean;
}

/** A document in the list. */
export interface DocumentRow {
  id: number;
  kind: DocumentKindKey;
  status: DocumentStatus;
  number: string;
  docDate: string;
  orgId: number;
  clientId: number;
  clientName: string;
  managerId: number;
  managerName: string;
  dealId: number | null;
  bundleId: number | null;
  netKopecks: number;
  vatKopecks: number;
  grossKopecks: number;
  correctionNumber: number | null;
  pendingApprovals: number;
  issuedAt: string | null;
}

/** A short reference to another document. */
export interface DocumentRef {
  id: number;
  kind: DocumentKindKey;
  status: DocumentStatus;
  number: string;
  docDate: string;
}

/** A document with its lines, terms and history, as its page shows it. */
export interface DocumentDetail extends DocumentRow {
  vatMode: VatModeKey;
  vatRate: VatRateKey;
  terms: DocumentTerms;
  lines: DocumentLineDto[];
  basis: DocumentRef | null;
  /** Documents made with this one (the bundle), and those based on it. */
  related: DocumentRef[];
  correctsDocumentId: number | null;
  correctionDate: string | null;
  templateVersion: { id: number; templateName: string; version: number } | null;
  pdfSha256: string | null;
  issuedByName: string | null;
  annulledAt: string | null;
  annulledByName: string | null;
  annulledReason: string | null;
  approvals: ApprovalDto[];
  updatedAt: string;
  /** The draft's version (sent back with a save) and who saved it last. */
  version: number;
  updatedByName: string | null;
  canEdit: boolean;
  canAnnul: boolean;
}

/** A PDF handed to the window: its file name and base64 bytes. */
export interface PdfFile {
  fileName: string;
  base64: string;
  sha256: string;
}

/** What the bundle action made. */
export interface BundleResult {
  bundleId: number;
  status: 'issued' | 'pending_approval';
  documents: DocumentRef[];
  /** The combined PDF for printing (issued bundles). */
  combined: PdfFile | null;
}
