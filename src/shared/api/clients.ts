import { z } from '../zod-ru';
import { entry } from '../entry';
import { versionSchema } from '../record-version';
import { ANY_ROLE, type Role } from '../roles';
import { clientImportApi } from './client-import';
import { passportSchema, type PassportDto } from './client-passport';
import {
  clientInputSchema,
  contactInputSchema,
  DIVISION_MODE_KEYS,
  FORM_KINDS,
  formFieldSchema,
  LADDER_STEP_KEYS,
  SOURCE_KINDS,
  type ClaimConflict,
  type ClientCard,
  type ClientContact,
  type ClientHit,
  type ClientRow,
  type ClientSource,
  type DivisionView,
  type QuestionnaireAnswer,
  type QuestionnaireForm,
  type Responsible,
  type TimelineEntry,
} from './client-types';

/** Who keeps the base: creates and edits cards (managers only their own — checked by the handler). */
export const CLIENT_EDITORS: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager'];
/** Who sets the division standard, transfers clients and resolves conflicts. */
export const SALES_HEADS: readonly Role[] = ['director', 'head_of_sales'];
/** Who records a client's agreement on a facsimile signature (a contract matter, not a manager's). */
export const FACSIMILE_KEEPERS: readonly Role[] = ['director', 'head_of_sales', 'office_manager'];
/** Who claims clients for themselves. */
export const CLAIMERS: readonly Role[] = ['head_of_sales', 'manager'];

const id = z.number().int().positive();
const clientId = z.object({ clientId: id });

/** The client card, key persons, search and the list. */
const clientCardApi = {
  'clients.list': entry<{ total: number; rows: ClientRow[] }>()({
    input: z.object({
      scope: z.enum(['mine', 'all', 'free']).optional(),
      managerId: id.optional(),
      segment: z.string().max(100).optional(),
      region: z.string().max(100).optional(),
      sourceId: id.optional(),
      step: z.enum(LADDER_STEP_KEYS).optional(),
      query: z.string().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: ANY_ROLE,
    writes: false,
  }),
  'clients.search': entry<ClientHit[]>()({
    input: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(12) }),
    access: ANY_ROLE,
    writes: false,
  }),
  'clients.facets': entry<{ managers: Responsible[]; segments: string[]; regions: string[]; sources: ClientSource[] }>()({
    input: z.object({}),
    access: ANY_ROLE,
    writes: false,
  }),
  'clients.get': entry<ClientCard>()({ input: z.object({ id }), access: ANY_ROLE, writes: false }),
  'clients.create': entry<ClientCard>()({
    input: z.object({ client: clientInputSchema, responsibleId: id.nullable().optional() }),
    access: CLIENT_EDITORS,
    writes: true,
  }),
  'clients.update': entry<ClientCard>()({ input: z.object({ id, version: versionSchema, client: clientInputSchema }), access: CLIENT_EDITORS, writes: true }),
  'clients.saveContact': entry<ClientContact>()({
    input: z.object({ clientId: id, id: id.nullable().default(null), version: versionSchema.optional(), contact: contactInputSchema }),
    access: CLIENT_EDITORS,
    writes: true,
  }),
  'clients.deleteContact': entry<null>()({ input: z.object({ clientId: id, id }), access: CLIENT_EDITORS, writes: true }),
  /** The client's written agreement on a facsimile signature (ГК ст.160 п.2): only the heads and the office manager record it. */
  'clients.setFacsimileAgreement': entry<ClientCard>()({ input: z.object({ clientId: id, agreed: z.boolean() }), access: FACSIMILE_KEEPERS, writes: true }),
};

/** The dossier: the history timeline, notes and questionnaires. */
const clientDossierApi = {
  'clients.timeline': entry<TimelineEntry[]>()({ input: clientId, access: ANY_ROLE, writes: false }),
  'clients.addNote': entry<TimelineEntry>()({
    input: z.object({ clientId: id, text: z.string().trim().min(1, { message: 'Напишите текст заметки' }).max(8000) }),
    access: CLIENT_EDITORS,
    writes: true,
  }),
  'clients.forms': entry<QuestionnaireForm[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    access: ANY_ROLE,
    writes: false,
  }),
  'clients.saveForm': entry<QuestionnaireForm>()({
    input: z.object({
      id: id.nullable().default(null),
      kind: z.enum(FORM_KINDS),
      title: z.string().trim().min(1, { message: 'Укажите название анкеты' }).max(200),
      fields: z.array(formFieldSchema).min(1, { message: 'Добавьте хотя бы одно поле' }).max(100),
      active: z.boolean().default(true),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'clients.answers': entry<QuestionnaireAnswer[]>()({ input: clientId, access: ANY_ROLE, writes: false }),
  'clients.saveAnswer': entry<QuestionnaireAnswer>()({
    input: z.object({
      clientId: id,
      id: id.nullable().default(null),
      version: versionSchema.optional(),
      formId: id,
      filledOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' }),
      answers: z.record(z.string(), z.union([z.string().max(8000), z.number(), z.boolean(), z.null()])),
    }),
    access: CLIENT_EDITORS,
    writes: true,
  }),
  'clients.sources': entry<ClientSource[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'clients.saveSource': entry<ClientSource>()({
    input: z.object({
      id: id.nullable().default(null),
      name: z.string().trim().min(1, { message: 'Укажите название источника' }).max(200),
      kind: z.enum(SOURCE_KINDS),
      active: z.boolean().default(true),
    }),
    access: [...SALES_HEADS, 'office_manager'],
    writes: true,
  }),
};

/** Division of the base: the standard, transfers, claims and their conflicts. */
const clientDivisionApi = {
  'clients.division': entry<DivisionView>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'clients.saveDivision': entry<DivisionView>()({
    input: z.object({
      mode: z.enum(DIVISION_MODE_KEYS),
      lapseDays: z.number().int().min(0).max(3650),
      shareBase: z.boolean(),
      rules: z.array(z.object({ value: z.string().trim().min(1).max(100), managerId: id })).max(500),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'clients.applyDivision': entry<{ assigned: number; left: number }>()({ input: z.object({}), access: SALES_HEADS, writes: true }),
  'clients.transfer': entry<ClientCard>()({
    input: z.object({
      clientId: id,
      toUserId: id.nullable(),
      reason: z.string().trim().min(1, { message: 'Укажите причину передачи' }).max(1000),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'clients.claim': entry<{ outcome: 'assigned' | 'already' | 'lapsed' | 'conflict'; card: ClientCard | null }>()({
    input: z.object({ clientId: id, reason: z.string().trim().max(1000).default('') }),
    access: CLAIMERS,
    writes: true,
  }),
  'clients.conflicts': entry<ClaimConflict[]>()({
    input: z.object({ status: z.enum(['open', 'all']).default('open') }),
    access: SALES_HEADS,
    writes: false,
  }),
  'clients.resolveConflict': entry<ClaimConflict>()({
    input: z.object({ id, winnerId: id, note: z.string().trim().max(1000).default('') }),
    access: SALES_HEADS,
    writes: true,
  }),
};

/** A private person's passport data (read with the card's rights; printed only on their own documents). */
const clientPassportApi = {
  'clients.passport': entry<PassportDto>()({ input: z.object({ clientId: id }), access: ANY_ROLE, writes: false }),
  'clients.savePassport': entry<PassportDto>()({ input: z.object({ clientId: id, passport: passportSchema }), access: CLIENT_EDITORS, writes: true }),
};

/** Every clients entry. */
export const clientsApi = { ...clientCardApi, ...clientDossierApi, ...clientDivisionApi, ...clientImportApi, ...clientPassportApi };
