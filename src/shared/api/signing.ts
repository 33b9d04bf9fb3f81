import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE } from '../roles';
import { setVersionSchema } from '../record-version';
import {
  SENDING_METHOD_VALUES,
  SIGNING_ADMINS,
  SIGNING_WRITERS,
  type BoardResult,
  type DocumentSigning,
  type HolidayDto,
  type OverdueSummary,
  type ScanDto,
  type SigningBadge,
  type SigningFile,
  type SigningRuleSet,
  type SigningStateBrief,
} from './signing-types';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });
const text = (max: number) => z.string().trim().max(max).default('');

/** Filters of the board. */
export const boardFilterSchema = z.object({
  managerId: id.optional(),
  clientId: id.optional(),
  kind: z.string().max(40).optional(),
  waitingFor: z.enum(['signature', 'original', 'refusal']).optional(),
  overdueOnly: z.boolean().default(false),
});

/** Board filters after validation. */
export type BoardFilter = z.output<typeof boardFilterSchema>;

/** The states a person may move a document to by hand (annulment is done in «Документы»). */
export const MOVABLE_STATES = ['sent', 'signed_by_us', 'signed_by_client', 'original_received', 'refused'] as const;

/** A move's details: the day it happened (today by default) and what the step carries. */
const stepFields = {
  at: day.optional(),
  method: z.enum(SENDING_METHOD_VALUES).nullable().default(null),
  trackingNumber: text(100),
  filedWhere: text(300),
  reason: text(1000),
  comment: text(1000),
};

/** Moving one document. */
export const transitionSchema = z.object({ documentId: id, to: z.enum(MOVABLE_STATES), ...stepFields });

/** A move as typed. */
export type TransitionInput = z.input<typeof transitionSchema>;

/** A move after validation. */
export type TransitionParsed = z.output<typeof transitionSchema>;

/** Moving several documents at once: all of them move, or none does. */
export const transitionManySchema = z.object({
  documentIds: z.array(id).min(1, { message: 'Отметьте хотя бы один документ' }).max(500),
  to: z.enum(['sent', 'signed_by_us', 'signed_by_client', 'original_received']),
  ...stepFields,
});

/** A bulk move after validation. */
export type TransitionManyParsed = z.output<typeof transitionManySchema>;

/** Base64 of 20 MB is about 27.3 million characters; a little more is let through so the size check can name the size. */
const MAX_BASE64 = 30_000_000;

/** A scan to attach: the file's name and its bytes in base64. */
export const attachScanSchema = z.object({
  documentId: id,
  fileName: z.string().trim().min(1, { message: 'Нет имени файла' }).max(255),
  base64: z.string().max(MAX_BASE64, { message: 'Файл больше 20 МБ: уменьшите разрешение скана или разделите его' }),
});

/** One kind's rule as edited. */
export const signingRuleSchema = z.object({
  kind: z.string().min(1).max(40),
  needsClientSignature: z.boolean(),
  needsOriginal: z.boolean(),
  confirmsFulfilment: z.boolean(),
  riskFromActs: z.boolean(),
  scanWorkingDays: z.number().int().min(1, { message: 'Не меньше 1 рабочего дня' }).max(120, { message: 'Не больше 120 рабочих дней' }),
  originalDays: z.number().int().min(0, { message: 'Не меньше 0 дней' }).max(365, { message: 'Не больше 365 дней' }),
  note: text(1000),
});

/** One day of the calendar as edited. */
export const holidaySchema = z.object({ day, kind: z.enum(['holiday', 'working']), note: text(200) });

/** Подписи: the board, moves, history, scans, deadlines per kind, the calendar, the register and the export. */
export const signingApi = {
  'signing.board': entry<BoardResult>()({ input: boardFilterSchema, access: ANY_ROLE, writes: false }),
  /** The navigation badge and the home cards: documents waiting, overdue, money at risk (polled every minute). */
  'signing.badge': entry<SigningBadge>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  /** What became overdue after `since` (the window's last check; null = everything overdue). */
  'signing.overdueSince': entry<OverdueSummary>()({ input: z.object({ since: day.nullable().default(null) }), access: ANY_ROLE, writes: false }),
  /** One document's state, history, scans and the moves allowed; null while it is a draft. */
  'signing.document': entry<DocumentSigning | null>()({ input: z.object({ documentId: id }), access: ANY_ROLE, writes: false }),
  /** Signing states of listed documents (the documents list, the client card). */
  'signing.states': entry<SigningStateBrief[]>()({ input: z.object({ documentIds: z.array(id).max(1000) }), access: ANY_ROLE, writes: false }),
  /** A client's issued documents that need signatures, with their states (the client card). */
  'signing.clientDocuments': entry<SigningStateBrief[]>()({ input: z.object({ clientId: id }), access: ANY_ROLE, writes: false }),
  'signing.transition': entry<DocumentSigning>()({ input: transitionSchema, access: SIGNING_WRITERS, writes: true }),
  'signing.transitionMany': entry<{ moved: number }>()({ input: transitionManySchema, access: SIGNING_WRITERS, writes: true }),
  'signing.attachScan': entry<{ stored: 'new' | 'existing'; scans: ScanDto[] }>()({ input: attachScanSchema, access: SIGNING_WRITERS, writes: true }),
  'signing.scan': entry<SigningFile>()({ input: z.object({ documentId: id, sha256: z.string().regex(/^[0-9a-f]{64}$/) }), access: ANY_ROLE, writes: false }),
  'signing.rules': entry<SigningRuleSet>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'signing.updateRules': entry<SigningRuleSet>()({
    input: z.object({ version: setVersionSchema, rules: z.array(signingRuleSchema).min(1).max(50) }),
    access: SIGNING_ADMINS,
    writes: true,
  }),
  'signing.holidays': entry<HolidayDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'signing.updateHolidays': entry<HolidayDto[]>()({ input: z.object({ days: z.array(holidaySchema).max(2000) }), access: SIGNING_ADMINS, writes: true }),
  /** «Реестр передачи документов» for chosen documents of one client, with signature lines for both sides. */
  'signing.registerPdf': entry<SigningFile>()({
    input: z.object({ documentIds: z.array(id).min(1, { message: 'Отметьте документы для реестра' }).max(300) }),
    access: ANY_ROLE,
    writes: false,
  }),
  /** «Неподписанные документы на дату» as XLSX. */
  'signing.exportUnsigned': entry<SigningFile>()({ input: z.object({ date: day }), access: ANY_ROLE, writes: false }),
};
