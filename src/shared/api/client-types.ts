import type { DivisionMode, ImportField, Ladder, LadderStep, RowCategory, RowDecision } from '../../core/index';
import { z } from '../zod-ru';

// The core owns these lists; shared may import only its types, so the values are repeated here
// and `satisfies` keeps them honest.
/** Ladder steps, for input schemas. */
export const LADDER_STEP_KEYS = ['potential', 'contact', 'meeting', 'proposal', 'contract', 'payment', 'closed', 'repeat'] as const satisfies readonly LadderStep[];
/** Division modes, for input schemas. */
export const DIVISION_MODE_KEYS = ['region', 'segment', 'source', 'claims'] as const satisfies readonly DivisionMode[];
/** Mappable import fields, for input schemas. */
export const IMPORT_FIELD_KEYS = [
  'name', 'fullName', 'inn', 'kpp', 'ogrn', 'phone', 'email', 'website', 'address', 'region', 'segment', 'source', 'contactName', 'contactPosition', 'note',
] as const satisfies readonly ImportField[];
/** Row decisions, for input schemas. */
export const ROW_DECISION_KEYS = ['create', 'merge', 'claim', 'skip'] as const satisfies readonly RowDecision[];

/** Who a client is. */
export const CLIENT_KINDS = ['legal', 'ip', 'person'] as const;
/** Kinds of client sources. */
export const SOURCE_KINDS = ['directory', 'database', 'website', 'media', 'referral', 'inbound', 'event', 'other'] as const;
/** A key person's part in the decision. */
export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'initiator', 'other'] as const;

/** A key person's part in the client's decision, in words (the card and the journal). */
export const DECISION_ROLE_LABELS: Readonly<Record<(typeof DECISION_ROLES)[number], string>> = {
  decision_maker: 'Принимает решение',
  influencer: 'Влияет на решение',
  user: 'Пользователь',
  gatekeeper: 'Секретарь / «привратник»',
  initiator: 'Инициатор',
  other: 'Другое',
};
/** Kinds of questionnaires. */
export const FORM_KINDS = ['client_profile', 'object_passport', 'outlet_passport', 'tech_spec', 'other'] as const;
/** Types of questionnaire fields. */
export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'checkbox'] as const;

const text = (max: number) => z.string().trim().max(max, { message: `Не длиннее ${max} символов` }).default('');
const required = (label: string, max: number) =>
  z.string().trim().min(1, { message: `Заполните поле «${label}»` }).max(max, { message: `Не длиннее ${max} символов` });
const isoDateOrEmpty = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'Дата в формате ГГГГ-ММ-ДД' })
  .default('');

/** A phone as typed, with an optional label («мобильный», «офис»). */
export const phoneInputSchema = z.object({ value: required('Телефон', 60), label: text(60) });
/** An e-mail as typed, with an optional label. */
export const emailInputSchema = z.object({ value: required('E-mail', 200), label: text(60) });
/** A bank account as typed (БИК and account keys are checked by the handler). */
export const bankAccountInputSchema = z.object({
  bik: required('БИК', 9),
  bankName: text(300),
  corrAccount: text(20),
  account: required('Расчётный счёт', 20),
  isPrimary: z.boolean().default(false),
});

/** The client card's editable part. */
export const clientInputSchema = z.object({
  kind: z.enum(CLIENT_KINDS),
  shortName: required('Наименование', 300),
  fullName: text(500),
  inn: text(12),
  kpp: text(9),
  ogrn: text(15),
  legalAddress: text(500),
  postalAddress: text(500),
  actualAddress: text(500),
  website: text(300),
  segment: text(100),
  region: text(100),
  sourceId: z.number().int().positive().nullable().default(null),
  comment: text(4000),
  phones: z.array(phoneInputSchema).max(20).default([]),
  emails: z.array(emailInputSchema).max(20).default([]),
  accounts: z.array(bankAccountInputSchema).max(10).default([]),
});

/** Input of the client card as the handler receives it. */
export type ClientInput = z.output<typeof clientInputSchema>;

/** A key person as typed. */
export const contactInputSchema = z.object({
  fullName: required('ФИО', 200),
  position: text(200),
  decisionRole: z.enum(DECISION_ROLES).default('other'),
  phones: z.array(phoneInputSchema).max(10).default([]),
  emails: z.array(emailInputSchema).max(10).default([]),
  notes: text(8000),
  birthday: isoDateOrEmpty,
});

/** Input of a key person. */
export type ContactInput = z.output<typeof contactInputSchema>;

/** A questionnaire field as the office defines it. */
export const formFieldSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Код поля — латинские буквы, цифры и _' }),
  label: required('Название поля', 200),
  type: z.enum(FIELD_TYPES),
  options: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  required: z.boolean().default(false),
});

/** One questionnaire field. */
export type FormField = z.output<typeof formFieldSchema>;

/** A value of a questionnaire answer. */
export type AnswerValue = string | number | boolean | null;

/** A person who may be responsible for clients. */
export interface Responsible {
  id: number;
  fullName: string;
}

/** A row of the client list. */
export interface ClientRow {
  id: number;
  kind: (typeof CLIENT_KINDS)[number];
  name: string;
  inn: string;
  responsibleId: number | null;
  responsibleName: string | null;
  region: string;
  segment: string;
  sourceName: string | null;
  ladderStep: LadderStep;
}

/** A search hit: enough to tell whose client a company is before calling. */
export interface ClientHit {
  id: number;
  name: string;
  inn: string;
  region: string;
  phone: string;
  responsibleName: string | null;
  canOpen: boolean;
}

/** A key person as saved. */
export interface ClientContact extends ContactInput {
  id: number;
  clientId: number;
  /** The version a save of this person must carry (concurrent edits). */
  version: number;
}

/** One change of the responsible manager. */
export interface OwnerChange {
  id: number;
  kind: 'assign' | 'transfer' | 'claim' | 'lapse' | 'resolve' | 'import' | 'rule';
  at: string;
  fromName: string | null;
  toName: string | null;
  byName: string | null;
  reason: string;
}

/** The client card as shown. */
export interface ClientCard extends ClientInput {
  id: number;
  /** A written agreement that our documents may carry a facsimile signature (ГК ст.160 п.2). */
  facsimileAgreement: boolean;
  responsible: Responsible | null;
  claimedAt: string | null;
  lastActivityAt: string;
  /** The day an idle claim lapses (claims mode), or null. */
  lapsesOn: string | null;
  sourceName: string | null;
  ladder: Ladder;
  contacts: ClientContact[];
  openConflict: { id: number; claimantName: string } | null;
  /** Who held the client and why it changed, newest first. */
  ownerHistory: OwnerChange[];
  canEdit: boolean;
  canTransfer: boolean;
  canClaim: boolean;
  createdAt: string;
  updatedAt: string;
  /** The card's version (sent back with a save) and who saved it last. */
  version: number;
  updatedByName: string | null;
}

/** One entry of the client's history. */
export interface TimelineEntry {
  id: string;
  kind: string;
  at: string;
  userName: string | null;
  text: string;
}

/** A source of the client base. */
export interface ClientSource {
  id: number;
  name: string;
  kind: (typeof SOURCE_KINDS)[number];
  active: boolean;
  clientCount: number;
}

/** A questionnaire form. */
export interface QuestionnaireForm {
  id: number;
  kind: (typeof FORM_KINDS)[number];
  title: string;
  fields: FormField[];
  active: boolean;
}

/** A filled questionnaire of a client. */
export interface QuestionnaireAnswer {
  id: number;
  clientId: number;
  formId: number;
  title: string;
  filledOn: string;
  fields: FormField[];
  answers: Record<string, AnswerValue>;
  userName: string | null;
  updatedAt: string;
  /** The version a save of these answers must carry (concurrent edits). */
  version: number;
}

/** Two managers claiming one client. */
export interface ClaimConflict {
  id: number;
  clientId: number;
  clientName: string;
  claimant: Responsible;
  holder: Responsible | null;
  reason: string;
  status: 'open' | 'resolved';
  createdAt: string;
  resolvedAt: string | null;
  winnerName: string | null;
  resolution: string;
}

/** The division standard with what its editor needs. */
export interface DivisionView {
  mode: DivisionMode;
  lapseDays: number;
  shareBase: boolean;
  rules: { value: string; managerId: number }[];
  managers: Responsible[];
  freeCount: number;
}

/** Import: one reconciled row as the wizard shows it. */
export interface ImportRowView {
  row: number;
  category: RowCategory;
  reason: string;
  warnings: string[];
  name: string;
  inn: string;
  phone: string;
  email: string;
  region: string;
  matchId: number | null;
  decisions: RowDecision[];
}

/** Import: what the file is and how its rows reconcile (nothing is written). */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  fileHash: string;
  headers: string[];
  sample: string[][];
  totalRows: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
  mapping: Partial<Record<ImportField, number>>;
  ownerId: number | null;
  alreadyImported: { batchId: number; at: string; fileName: string } | null;
  /** Null until a name column is mapped. */
  rows: ImportRowView[] | null;
  counts: Record<RowCategory, number>;
}

/** Import: what was written, or why nothing was. */
export interface ImportReport {
  batchId: number | null;
  duplicateOf: { batchId: number; at: string; fileName: string } | null;
  fileName: string;
  totalRows: number;
  created: number;
  merged: number;
  claimed: number;
  skipped: number;
  counts: Record<RowCategory, number>;
  /** Rows whose decision no longer fitted when the base was checked again, with why. */
  refused: { row: number; reason: string }[];
}

/** A committed import, in the history. */
export interface ImportBatchDto {
  id: number;
  fileName: string;
  at: string;
  userName: string | null;
  ownerName: string | null;
  created: number;
  merged: number;
  claimed: number;
  skipped: number;
  totalRows: number;
}
