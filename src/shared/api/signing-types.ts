import type { Role } from '../roles';

/** Signing states (the same list as SIGNING_STATES in src/core/signing). */
export const SIGNING_STATE_VALUES = ['issued', 'sent', 'signed_by_us', 'signed_by_client', 'original_received', 'refused', 'annulled'] as const;

/** A signing state. */
export type SigningStateKey = (typeof SIGNING_STATE_VALUES)[number];

/** How a document went to the client (the same list as SENDING_METHODS in src/core/signing). */
export const SENDING_METHOD_VALUES = ['in_person', 'courier', 'post', 'email', 'edo'] as const;

/** A sending method. */
export type SendingMethodKey = (typeof SENDING_METHOD_VALUES)[number];

/** What a document on the board waits for: the client's signature, the original, or a decision after a refusal. */
export type WaitingFor = 'signature' | 'original' | 'refusal';

/** Who moves documents along their signing (a manager only their own clients' documents). */
export const SIGNING_WRITERS: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager'];

/** Who edits the deadlines per kind and the production calendar. */
export const SIGNING_ADMINS: readonly Role[] = ['director', 'head_of_sales'];

/** Short Russian names of document kinds for the board, the register and messages. */
export const SIGNING_KIND_LABELS: Readonly<Record<string, string>> = {
  commercial_offer: 'Коммерческое предложение',
  contract_supply: 'Договор поставки',
  contract_services: 'Договор оказания услуг',
  invoice: 'Счёт на оплату',
  act_services: 'Акт выполненных работ',
  act_transfer: 'Акт приёма-передачи',
  torg12: 'Товарная накладная ТОРГ-12',
  upd: 'УПД',
  invoice_factura: 'Счёт-фактура',
  reconciliation_act: 'Акт сверки',
  free_form: 'Произвольный документ',
};

/** Kinds in the order the directory lists them: what needs signatures first. */
export const SIGNING_KIND_ORDER: readonly string[] = [
  'contract_supply',
  'contract_services',
  'act_services',
  'act_transfer',
  'torg12',
  'upd',
  'reconciliation_act',
  'invoice_factura',
  'invoice',
  'commercial_offer',
  'free_form',
];

/** «Акт выполненных работ № 12 от 01.11.2026». */
export function signingDocTitle(d: { kind: string; number: string; docDate: string }): string {
  const date = `${d.docDate.slice(8, 10)}.${d.docDate.slice(5, 7)}.${d.docDate.slice(0, 4)}`;
  return `${SIGNING_KIND_LABELS[d.kind] ?? d.kind} № ${d.number} от ${date}`;
}

/** One document on the board (its client's and manager's names are on their groups). */
export interface BoardRow {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  clientId: number;
  managerId: number;
  state: SigningStateKey;
  waitingFor: WaitingFor;
  amountKopecks: number;
  /** The amount; for a contract, the sum of its fulfilment documents the client has not signed. */
  riskKopecks: number;
  /** True for a contract, whose risk is already counted through its acts (left out of totals). */
  riskFromActs: boolean;
  dueDate: string | null;
  daysOverdue: number;
}

/** A client's documents on the board. */
export interface BoardClientGroup {
  clientId: number;
  clientName: string;
  riskKopecks: number;
  overdue: number;
  rows: BoardRow[];
}

/** A manager's clients on the board. */
export interface BoardManagerGroup {
  managerId: number;
  managerName: string;
  riskKopecks: number;
  count: number;
  overdue: number;
  clients: BoardClientGroup[];
}

/** The «Подписи» board: every waiting document, grouped by manager and client, the largest money at risk first. */
export interface BoardResult {
  today: string;
  count: number;
  overdue: number;
  riskKopecks: number;
  groups: BoardManagerGroup[];
}

/** One step of a document's signing history. */
export interface SigningEventDto {
  id: number;
  state: SigningStateKey;
  method: SendingMethodKey | null;
  at: string;
  trackingNumber: string;
  filedWhere: string;
  reason: string;
  comment: string;
  userName: string | null;
  recordedAt: string;
}

/** A scan attached to a document. */
export interface ScanDto {
  sha256: string;
  name: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  attachedBy: string | null;
  attachedAt: string;
}

/** What one document kind needs and how long the client has. */
export interface SigningRuleDto {
  kind: string;
  needsClientSignature: boolean;
  needsOriginal: boolean;
  confirmsFulfilment: boolean;
  riskFromActs: boolean;
  scanWorkingDays: number;
  originalDays: number;
  note: string;
}

/** Every kind's signing rules, edited and saved together, with the version a save must carry (0 until anyone saved them). */
export interface SigningRuleSet {
  version: number;
  rules: SigningRuleDto[];
}

/** The signature panel of one issued document. */
export interface DocumentSigning {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  clientId: number;
  clientName: string;
  managerName: string;
  amountKopecks: number;
  riskKopecks: number;
  state: SigningStateKey;
  stateAt: string;
  /** The day it was issued (the first step). */
  issuedOn: string;
  waitingFor: WaitingFor | null;
  sentOn: string | null;
  sentMethod: SendingMethodKey | null;
  trackingNumber: string;
  filedWhere: string;
  scanDue: string | null;
  originalDue: string | null;
  dueDate: string | null;
  daysOverdue: number;
  rule: SigningRuleDto;
  /** The states the caller may move it to now (annulment is done in «Документы»). */
  next: SigningStateKey[];
  history: SigningEventDto[];
  scans: ScanDto[];
  canWrite: boolean;
}

/** A document's signing state in a list (the documents list, the client card). */
export interface SigningStateBrief {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  amountKopecks: number;
  state: SigningStateKey;
  waitingFor: WaitingFor | null;
  dueDate: string | null;
  daysOverdue: number;
}

/** A day of the production calendar: a holiday (or transferred day off), or a weekend made working. */
export interface HolidayDto {
  day: string;
  kind: 'holiday' | 'working';
  note: string;
}

/** What the start-up reminder shows: what became overdue since the last check, and everything overdue. */
export interface OverdueSummary {
  today: string;
  newlyOverdue: number;
  overdue: number;
  riskKopecks: number;
  /** The largest newly overdue documents (up to five). */
  items: { documentId: number; title: string; clientName: string; daysOverdue: number; riskKopecks: number }[];
}

/** A file handed to the window: its name and base64 bytes. */
export interface SigningFile {
  fileName: string;
  mime: string;
  base64: string;
}

/** Filter values of the documents list by signing: a state, or «waiting» (on the «Подписи» board). */
export const SIGNING_FILTER_VALUES = [...SIGNING_STATE_VALUES, 'waiting'] as const;

/** A documents-list filter value by signing. */
export type SigningFilterKey = (typeof SIGNING_FILTER_VALUES)[number];

/** The navigation badge and the home page's cards: documents waiting, overdue, and the money at risk in each. */
export interface SigningBadge {
  waiting: number;
  overdue: number;
  riskKopecks: number;
  overdueRiskKopecks: number;
}
