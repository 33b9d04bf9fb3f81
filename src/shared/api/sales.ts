import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, type Role } from '../roles';
import { versionSchema } from '../record-version';

/** Roles that work deals and log calls: a manager their own, the head of sales and the director everyone's. */
export const SALES_ROLES: readonly Role[] = ['director', 'head_of_sales', 'manager'];

/** Roles that see every manager's work and edit the office's sales lists. */
export const SALES_HEADS: readonly Role[] = ['director', 'head_of_sales'];

/** Stage keys in order (the same list as DEAL_STAGES in src/core/deal-stages; the server checks they agree). */
export const DEAL_STAGE_VALUES = [
  'first_contact',
  'meeting',
  'needs',
  'proposal',
  'objections',
  'closing',
  'signing_payment',
  'fulfilment',
  'repeat_sales',
] as const;

/** A stage key. */
export type DealStageKey = (typeof DEAL_STAGE_VALUES)[number];

/** Outcome keys. */
export const DEAL_OUTCOME_VALUES = ['open', 'won', 'lost'] as const;

/** An outcome key. */
export type DealOutcomeKey = (typeof DEAL_OUTCOME_VALUES)[number];

const id = z.number().int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Месяц в формате ГГГГ-ММ' });

/** One line of a deal as typed: from the price list (catalogItemId) or free text. */
export const dealLineSchema = z.object({
  name: z.string().trim().min(1, { message: 'Укажите наименование' }).max(500),
  unit: z.string().trim().max(20).default('шт'),
  quantityMilli: z.number().int().positive({ message: 'Количество больше нуля' }).max(1e12),
  priceKopecks: z.number().int().min(0).max(1e13),
  catalogItemId: id.nullable().default(null),
});

/** A deal line as typed. */
export type DealLineInput = z.infer<typeof dealLineSchema>;

/** A deal as typed in its form; with lines, the amount is their sum. */
export const dealInputSchema = z.object({
  clientId: id,
  contactId: id.nullable().default(null),
  managerId: id,
  title: z.string().trim().min(1, { message: 'Укажите, что продаём' }).max(300),
  amountKopecks: z.number().int().min(0).max(1e13).default(0),
  closeMonth: month,
  probability: z.number().int().min(0).max(100),
  source: z.string().trim().max(200).default(''),
  stage: z.enum(DEAL_STAGE_VALUES).default('first_contact'),
  lines: z.array(dealLineSchema).max(200).default([]),
});

/** Input of the deal form. */
export type DealInput = z.input<typeof dealInputSchema>;

/** A deal form after validation (defaults applied). */
export type DealParsed = z.infer<typeof dealInputSchema>;

/** A deal line as stored. */
export interface DealLineDto {
  id: number;
  name: string;
  unit: string;
  quantityMilli: number;
  priceKopecks: number;
  amountKopecks: number;
  catalogItemId: number | null;
}

/** A deal in lists, the kanban and on its page. */
export interface DealDto {
  id: number;
  clientId: number;
  clientName: string;
  contactId: number | null;
  contactName: string | null;
  managerId: number;
  managerName: string;
  title: string;
  amountKopecks: number;
  closeMonth: string;
  probability: number;
  /** The person set the probability: stage moves keep it; otherwise it is the stage's default and follows the stage. */
  probabilityTyped: boolean;
  source: string;
  stage: DealStageKey;
  outcome: DealOutcomeKey;
  lossReasonId: number | null;
  lossReason: string | null;
  lossNote: string;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lineCount: number;
  /** The record's version (sent back with a save) and who saved it last. */
  version: number;
  updatedByName: string | null;
}

/** One stage or outcome change. */
export interface DealHistoryDto {
  id: number;
  at: string;
  userName: string | null;
  fromStage: DealStageKey | null;
  toStage: DealStageKey;
  fromOutcome: DealOutcomeKey | null;
  toOutcome: DealOutcomeKey;
  note: string;
}

/** The deal page: the deal, its lines and its history. */
export interface DealDetail extends DealDto {
  lines: DealLineDto[];
  history: DealHistoryDto[];
}

/** A reason a deal was lost. */
export interface LossReasonDto {
  id: number;
  title: string;
  archived: boolean;
}

/** A person who sells: for filters and the "responsible" select. */
export interface SalesPersonDto {
  id: number;
  fullName: string;
  position: string;
  role: Role;
}

/** A client as the deal and call forms pick it, with its key persons. */
export interface SalesClientOption {
  id: number;
  name: string;
  managerId: number | null;
  contacts: { id: number; name: string; position: string }[];
}

/** Filters of the deal kanban and table. */
export const dealFilterSchema = z.object({
  managerId: id.optional(),
  stage: z.enum(DEAL_STAGE_VALUES).optional(),
  outcome: z.enum(DEAL_OUTCOME_VALUES).optional(),
  clientId: id.optional(),
  fromMonth: month.optional(),
  toMonth: month.optional(),
  search: z.string().trim().max(200).optional(),
});

/** Deal filters. */
export type DealFilter = z.infer<typeof dealFilterSchema>;

/** Сделки: deals by stage, won and lost with a reason, the editable list of reasons. */
export const salesApi = {
  'deals.list': entry<DealDto[]>()({ input: dealFilterSchema, access: ANY_ROLE, writes: false }),
  'deals.get': entry<DealDetail>()({ input: z.object({ id }), access: ANY_ROLE, writes: false }),
  'deals.create': entry<DealDetail>()({ input: dealInputSchema, access: SALES_ROLES, writes: true }),
  'deals.update': entry<DealDetail>()({ input: z.object({ id, version: versionSchema, deal: dealInputSchema }), access: SALES_ROLES, writes: true }),
  'deals.move': entry<DealDetail>()({
    input: z.object({ id, stage: z.enum(DEAL_STAGE_VALUES), note: z.string().trim().max(500).default('') }),
    access: SALES_ROLES,
    writes: true,
  }),
  'deals.win': entry<DealDetail>()({ input: z.object({ id }), access: SALES_ROLES, writes: true }),
  'deals.lose': entry<DealDetail>()({
    input: z.object({ id, reasonId: id, note: z.string().trim().max(1000).default('') }),
    access: SALES_ROLES,
    writes: true,
  }),
  'deals.reopen': entry<DealDetail>()({ input: z.object({ id }), access: SALES_ROLES, writes: true }),
  'lossReasons.list': entry<LossReasonDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'lossReasons.save': entry<LossReasonDto>()({
    input: z.object({
      id: id.optional(),
      title: z.string().trim().min(1, { message: 'Укажите причину' }).max(200),
      archived: z.boolean().default(false),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'sales.people': entry<SalesPersonDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'sales.clients': entry<SalesClientOption[]>()({
    input: z.object({ search: z.string().trim().max(200).default(''), ids: z.array(id).max(200).optional() }),
    access: ANY_ROLE,
    writes: false,
  }),
};
