// Shapes the money area hands out: payments, the commission base payroll reads, month closes.

/** A payment's direction relative to our accounts. */
export type PaymentDirectionDto = 'in' | 'out';

/** What a payment is: a client's money, the bank's own fee, our outgoing payment, anything else, or not yet sorted (an unknown payer). */
export const PAYMENT_KINDS = ['client', 'bank_fee', 'outgoing', 'other', 'unsorted'] as const;

/** A payment's kind. */
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** What a payment is, in words (the screens and the journal). */
export const PAYMENT_KIND_LABELS: Readonly<Record<PaymentKind, string>> = {
  client: 'Оплата клиента',
  unsorted: 'Не разобрано',
  bank_fee: 'Комиссия банка',
  outgoing: 'Наш платёж',
  other: 'Прочее',
};

/** How a payment's invoices were found. */
export const MATCH_RULES = ['number_date', 'inn_amount', 'inn_open', 'manual', 'none'] as const;

/** A match rule. */
export type MatchRule = (typeof MATCH_RULES)[number];

/** One invoice a payment pays, and how much of it. */
export interface AllocationDto {
  documentId: number;
  number: string;
  docDate: string;
  amountKopecks: number;
  vatKopecks: number;
  rule: Exclude<MatchRule, 'none'>;
}

/** One payment in the commission base: money received from a manager's own client, with the invoices it pays. */
export interface BasePaymentDto {
  id: number;
  date: string;
  clientId: number | null;
  clientName: string;
  amountKopecks: number;
  vatKopecks: number;
  amountNetKopecks: number;
  docNumber: string;
  purpose: string;
  /** The invoices it pays (ids of `documents`). */
  documentIds: number[];
  allocations: AllocationDto[];
  /** Gross margin: each allocation's money without VAT × the invoice's margin ÷ its net (a line without cost counts 0). */
  grossMarginKopecks: number;
  /** Lines of the paid invoices without a cost price («у N строк не указана себестоимость»). */
  marginUnknownLines: number;
}

/** A manager's commission base for a month: money received without VAT from their own clients. */
export interface ManagerBaseDto {
  month: string;
  managerId: number;
  revenueNetKopecks: number;
  revenueGrossKopecks: number;
  vatKopecks: number;
  /** Σ of the payments' gross margin. */
  grossMarginKopecks: number;
  /** Lines without a cost price among the invoices paid (each invoice counted once). */
  marginUnknownLines: number;
  payments: BasePaymentDto[];
  /** True when the month is closed (the figures are final). */
  closed: boolean;
}

/** The department's base for a month: the managers' sums and the money no manager owns. */
export interface DepartmentBaseDto {
  month: string;
  revenueNetKopecks: number;
  revenueGrossKopecks: number;
  /** The managers' gross margin (client money with no manager is not the department's). */
  grossMarginKopecks: number;
  marginUnknownLines: number;
  managers: { managerId: number; managerName: string; revenueNetKopecks: number; revenueGrossKopecks: number; grossMarginKopecks: number; paymentCount: number }[];
  /** Client money whose payer is not (yet) a client with a manager: waits in the matching queue. */
  unassignedNetKopecks: number;
  unassignedGrossKopecks: number;
  unassignedCount: number;
  closed: boolean;
}

/** One cycle of a month's close. */
export interface MonthCloseDto {
  id: number;
  month: string;
  headOfSalesConfirmedAt: string | null;
  headOfSalesConfirmedBy: string | null;
  accountantConfirmedAt: string | null;
  accountantConfirmedBy: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

/** Where a month stands: open, partly confirmed, closed; with its close history (oldest first). */
export interface MonthStateDto {
  month: string;
  closed: boolean;
  current: MonthCloseDto | null;
  history: MonthCloseDto[];
}

/** A payment as the list and its card show it. */
export interface PaymentDto {
  id: number;
  direction: PaymentDirectionDto;
  kind: PaymentKind;
  date: string;
  month: string;
  amountKopecks: number;
  vatKopecks: number;
  amountNetKopecks: number;
  vatSource: 'invoices' | 'purpose' | 'none';
  orgId: number;
  ourAccount: string;
  payerInn: string;
  payerName: string;
  payerAccount: string;
  payeeInn: string;
  payeeName: string;
  payeeAccount: string;
  purpose: string;
  docNumber: string;
  docType: string;
  docDate: string | null;
  statementId: number | null;
  clientId: number | null;
  clientName: string | null;
  managerId: number | null;
  managerName: string | null;
  matchRule: MatchRule;
  allocations: AllocationDto[];
  /** 'matched' (all of it on invoices), 'unmatched' (client money on no invoice), 'not_applicable' (fees, outgoing, other). */
  state: 'matched' | 'unmatched' | 'not_applicable';
  monthClosed: boolean;
  comment: string;
  createdAt: string;
  createdByName: string | null;
}

/** An invoice that can take money: what it asks, what it has received. */
export interface OpenInvoiceDto {
  documentId: number;
  number: string;
  docDate: string;
  clientId: number;
  clientName: string;
  clientInn: string;
  managerName: string;
  grossKopecks: number;
  vatKopecks: number;
  paidKopecks: number;
  outstandingKopecks: number;
}

/** An invoice's payment state for the documents list and the deal page. */
export interface InvoiceStatusDto {
  documentId: number;
  state: 'unpaid' | 'partly' | 'paid';
  grossKopecks: number;
  paidKopecks: number;
  /** Received beyond the invoice's amount. */
  overpaidKopecks: number;
  lastPaymentDate: string | null;
}

/** One invoice a statement line would pay (preview). */
export interface ImportAllocationDto {
  documentId: number;
  number: string;
  docDate: string;
  clientName: string;
  grossKopecks: number;
  outstandingKopecks: number;
  amountKopecks: number;
}

/** One statement line as the import preview shows it. */
export interface ImportRowDto {
  /** The dedupe key: names the row in overrides. */
  key: string;
  line: number;
  docType: string;
  number: string;
  docDate: string;
  /** The day the money arrived or left. */
  date: string;
  amountKopecks: number;
  direction: PaymentDirectionDto;
  kind: PaymentKind;
  /** Already stored (from a statement, or entered by hand), or a second copy in this file (paymentId 0). */
  duplicate: { paymentId: number; source: 'statement' | 'manual' | 'file' } | null;
  counterpartyName: string;
  counterpartyInn: string;
  counterpartyAccount: string;
  purpose: string;
  clientId: number | null;
  clientName: string | null;
  managerName: string | null;
  rule: MatchRule;
  reference: { number: string; date: string | null } | null;
  allocations: ImportAllocationDto[];
  partial: boolean;
  overpaidKopecks: number;
  vatKopecks: number;
  netKopecks: number;
  vatSource: 'invoices' | 'purpose' | 'none';
  /** The person's choice was applied to this row. */
  overridden: boolean;
  /** Why the row is not written (a zero amount, skipped by the person), or null. */
  skipped: string | null;
}

/** Counts of a statement's lines. */
export interface ImportCountsDto {
  documents: number;
  new: number;
  duplicates: number;
  incoming: number;
  outgoing: number;
  fees: number;
  other: number;
  matched: number;
  partial: number;
  overpaid: number;
  unmatched: number;
  skipped: number;
  /** The non-zero counts in words with the right plural: «2 документа», «5 поступлений». */
  phrases: { key: ImportCountKey; text: string }[];
}

/** Which count a phrase tells. */
export type ImportCountKey = 'documents' | 'new' | 'duplicates' | 'incoming' | 'matched' | 'partial' | 'overpaid' | 'unmatched' | 'outgoing' | 'fees';

/** What an import would do: nothing is written by the preview. */
export interface ImportPreviewDto {
  fileName: string;
  fileSha256: string;
  version: string;
  encoding: string;
  sender: string;
  org: { id: number; shortName: string };
  accounts: string[];
  dateFrom: string | null;
  dateTo: string | null;
  openingBalanceKopecks: number | null;
  closingBalanceKopecks: number | null;
  /** The same file was imported before: importing it again adds nothing. */
  alreadyImported: { statementId: number; importedAt: string; importedByName: string | null } | null;
  /** Months of new rows that are closed: the import would be refused. */
  closedMonths: string[];
  rows: ImportRowDto[];
  counts: ImportCountsDto;
}

/** What an import wrote. */
export interface ImportResultDto {
  statementId: number | null;
  alreadyImported: boolean;
  counts: ImportCountsDto;
  /** A Russian summary for the person. */
  message: string;
}
