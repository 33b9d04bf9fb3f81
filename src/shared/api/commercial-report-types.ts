// The commercial report: per month, every deal won and every payment received per manager, their
// plan and fulfilment, the department's, and the commission each payment earns; the month's close.
import type { MonthCloseDto } from './money-types';

/** A deal won in the month. */
export interface ReportDealDto {
  dealId: number;
  title: string;
  clientName: string;
  amountKopecks: number;
  closedAt: string;
}

/** A payment received in the month from one of the manager's clients. */
export interface ReportPaymentDto {
  paymentId: number;
  date: string;
  clientId: number | null;
  clientName: string;
  docNumber: string;
  /** The invoices it pays, printed: «№ 15 от 09.01.2026». */
  invoices: string[];
  grossKopecks: number;
  vatKopecks: number;
  netKopecks: number;
  /** Under the payroll order in force; null when no order gives it (shown as «—»). */
  commissionKopecks: number | null;
  /** Held until the client signs the acts (paid later). */
  commissionHeld: boolean;
}

/** One manager's line of the report. */
export interface ReportManagerDto {
  managerId: number;
  managerName: string;
  deals: ReportDealDto[];
  dealsKopecks: number;
  payments: ReportPaymentDto[];
  grossKopecks: number;
  /** Money received without VAT: the fact against the plan. */
  factKopecks: number;
  /** The approved personal plan (revenue without VAT), or null. */
  planKopecks: number | null;
  /** Fulfilment in basis points (9200 = 92 %), null without a plan. */
  percentBp: number | null;
  commissionKopecks: number | null;
  /** The order the commission follows («по приказу № 3-ЗП от 01.01.2026»), or why there is none. */
  commissionNote: string;
}

/** The department's line; a manager gets only its counts and fulfilment (null money: not shown to him). */
export interface ReportDepartmentDto {
  dealsCount: number;
  dealsKopecks: number | null;
  grossKopecks: number | null;
  factKopecks: number | null;
  planKopecks: number | null;
  percentBp: number | null;
  commissionKopecks: number | null;
}

/** Where the commission column comes from. */
export interface ReportCommissionInfo {
  available: boolean;
  /** «По приказу № 3-ЗП от …», or why the column shows «—». */
  note: string;
}

/** The commercial report of a month. */
export interface CommercialReportDto {
  month: string;
  /** The month is not over yet: the figures are live. */
  live: boolean;
  closed: boolean;
  managers: ReportManagerDto[];
  department: ReportDepartmentDto;
  /** Client money no manager owns yet (an unknown payer): waits in the matching queue. */
  unassigned: { count: number; grossKopecks: number; netKopecks: number };
  commission: ReportCommissionInfo;
  /** A manager sees their own line and the department's only. */
  scopedToManagerId: number | null;
}

/** One reason the month cannot be confirmed yet: the Russian text and the screen that fixes it (an app path). */
export interface MonthCloseBlocker {
  text: string;
  link: string | null;
}

/** Why the month cannot be confirmed yet; empty when it can. */
export type MonthCloseBlockers = MonthCloseBlocker[];

/** What closing the month freezes: its payments and the documents dated in it, counted and summed. */
export interface MonthFreezeSummary {
  /** Money that came in. */
  paymentsCount: number;
  paymentsKopecks: number;
  /** Our own payments (списания). */
  outgoingCount: number;
  outgoingKopecks: number;
  documentsCount: number;
  documentsKopecks: number;
}

/** The close panel: where the month stands, what the caller may do, and the history. */
export interface MonthClosePanelDto {
  month: string;
  closed: boolean;
  current: MonthCloseDto | null;
  history: MonthCloseDto[];
  /** The confirmation of the other side was given on different figures (they changed since). */
  headOfSalesStale: boolean;
  accountantStale: boolean;
  blockers: MonthCloseBlockers;
  canConfirm: boolean;
  canReopen: boolean;
  /** Who gives the second confirmation here: «Бухгалтер Кузнецова А. И.», or the director / the person named in Настройки. */
  secondConfirmer: string;
  /** The office has an active accountant, who gives the second confirmation (otherwise the director or the named person). */
  secondIsAccountant: boolean;
  /** The caller's confirmation would close the month (the other one stands on the same figures): ask once more. */
  closesOnConfirm: boolean;
  freezes: MonthFreezeSummary;
  /** Active people the director may name as the second confirmer (when the office has no accountant); empty otherwise. */
  confirmerChoices: { id: number; fullName: string }[];
  confirmerId: number | null;
}
