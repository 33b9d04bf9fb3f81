// Shapes the money area hands out: payments, the commission base payroll reads, month closes.

/** A payment's direction relative to our accounts. */
export type PaymentDirectionDto = 'in' | 'out';

/** What a payment is: a client's money, the bank's own fee, our outgoing payment, anything else. */
export const PAYMENT_KINDS = ['client', 'bank_fee', 'outgoing', 'other'] as const;

/** A payment's kind. */
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

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
}

/** A manager's commission base for a month: money received without VAT from their own clients. */
export interface ManagerBaseDto {
  month: string;
  managerId: number;
  revenueNetKopecks: number;
  revenueGrossKopecks: number;
  vatKopecks: number;
  payments: BasePaymentDto[];
  /** True when the month is closed (the figures are final). */
  closed: boolean;
}

/** The department's base for a month: the managers' sums and the money no manager owns. */
export interface DepartmentBaseDto {
  month: string;
  revenueNetKopecks: number;
  revenueGrossKopecks: number;
  managers: { managerId: number; managerName: string; revenueNetKopecks: number; revenueGrossKopecks: number; paymentCount: number }[];
  /** Client money whose payer is not (yet) a client with a manager: waits in the matching queue. */
  unassignedNetKopecks: number;
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
