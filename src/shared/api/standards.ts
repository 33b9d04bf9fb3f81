import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE } from '../roles';
import { SALES_HEADS, SALES_ROLES } from './sales';

/** Kinds of sales standards: call scripts, letter templates, presentation, competitors, incoming calls, the sales book's own text. */
export const STANDARD_KIND_VALUES = ['script', 'letter', 'presentation', 'competitor', 'incoming', 'book'] as const;

/** One kind of standard. */
export type StandardKind = (typeof STANDARD_KIND_VALUES)[number];

/** Russian names of the kinds. */
export const STANDARD_KIND_LABELS: Record<StandardKind, string> = {
  script: 'Сценарии звонков',
  letter: 'Шаблоны писем',
  presentation: 'Стандарт презентации',
  competitor: 'Стандарт отстройки от конкурентов',
  incoming: 'Стандарт входящего звонка',
  book: 'Книга продаж',
};

const id = z.number().int().positive();

/** A standard as listed: its current version. */
export interface StandardSummary {
  id: number;
  kind: StandardKind;
  code: string;
  title: string;
  version: number;
  versionId: number;
  updatedAt: string;
  archived: boolean;
}

/** A link from one script branch to another standard. */
export interface StandardLinkDto {
  targetId: number;
  targetCode: string;
  targetTitle: string;
  targetKind: StandardKind;
  label: string;
}

/** An attached file (a competitor's price list), without its bytes. */
export interface StandardFileDto {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** A standard opened at one version, with its history. */
export interface StandardDetail extends StandardSummary {
  body: string;
  stronger: string;
  weaker: string;
  offer: string;
  note: string;
  authorName: string | null;
  links: StandardLinkDto[];
  versions: { id: number; version: number; createdAt: string; authorName: string | null; note: string }[];
  files: StandardFileDto[];
}

/** An answer of the objection standard, with how many times it worked. */
export interface ObjectionAnswerDto {
  id: number;
  product: string;
  answer: string;
  archived: boolean;
  worked: number;
  workedByMe: number;
}

/** An objection and its answers by product. */
export interface ObjectionDto {
  id: number;
  text: string;
  archived: boolean;
  /** Proposed by a manager from the call form, waiting for the head of sales. */
  proposed: boolean;
  proposedByName: string | null;
  answers: ObjectionAnswerDto[];
}

/** A new version of a standard as typed. */
export const standardInputSchema = z.object({
  kind: z.enum(STANDARD_KIND_VALUES),
  code: z.string().trim().max(30).default(''),
  title: z.string().trim().min(1, { message: 'Укажите название' }).max(300),
  body: z.string().max(200_000).default(''),
  stronger: z.string().max(20_000).default(''),
  weaker: z.string().max(20_000).default(''),
  offer: z.string().max(20_000).default(''),
  note: z.string().trim().max(500).default(''),
  links: z.array(z.object({ targetId: id, label: z.string().trim().min(1).max(200) })).max(50).default([]),
});

/** Input of the standard editor. */
export type StandardInput = z.input<typeof standardInputSchema>;

/** A standard after validation (defaults applied). */
export type StandardParsed = z.infer<typeof standardInputSchema>;

/** The whole sales book in one read: every current standard and the objection standard. */
export interface SalesBook {
  standards: StandardDetail[];
  objections: ObjectionDto[];
}

/** Справочники → Стандарты продаж: readable by everyone, edited by the head of sales and the director. */
export const standardsApi = {
  'standards.list': entry<StandardSummary[]>()({
    input: z.object({ kind: z.enum(STANDARD_KIND_VALUES).optional(), includeArchived: z.boolean().default(false) }),
    access: ANY_ROLE,
    writes: false,
  }),
  'standards.get': entry<StandardDetail>()({
    input: z.object({ id, version: z.number().int().positive().optional() }),
    access: ANY_ROLE,
    writes: false,
  }),
  'standards.create': entry<StandardDetail>()({ input: standardInputSchema, access: SALES_HEADS, writes: true }),
  'standards.saveVersion': entry<StandardDetail>()({
    input: z.object({ id, standard: standardInputSchema }),
    access: SALES_HEADS,
    writes: true,
  }),
  'standards.archive': entry<StandardSummary>()({
    input: z.object({ id, archived: z.boolean() }),
    access: SALES_HEADS,
    writes: true,
  }),
  'standards.attach': entry<StandardFileDto>()({
    input: z.object({
      standardId: id,
      fileName: z.string().trim().min(1).max(255),
      mime: z.string().max(200).default('application/octet-stream'),
      base64: z.string().min(1).max(28_000_000, { message: 'Файл больше 20 МБ' }),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'standards.file': entry<{ fileName: string; mime: string; base64: string }>()({
    input: z.object({ id }),
    access: ANY_ROLE,
    writes: false,
  }),
  'standards.detach': entry<null>()({ input: z.object({ id }), access: SALES_HEADS, writes: true }),
  'standards.book': entry<SalesBook>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'objections.list': entry<ObjectionDto[]>()({
    input: z.object({ includeArchived: z.boolean().default(false) }),
    access: ANY_ROLE,
    writes: false,
  }),
  'objections.save': entry<ObjectionDto>()({
    input: z.object({
      id: id.optional(),
      text: z.string().trim().min(1, { message: 'Укажите возражение' }).max(500),
      archived: z.boolean().default(false),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  'objections.saveAnswer': entry<ObjectionDto>()({
    input: z.object({
      id: id.optional(),
      objectionId: id,
      product: z.string().trim().max(200).default(''),
      answer: z.string().trim().min(1, { message: 'Напишите ответ' }).max(10_000),
      archived: z.boolean().default(false),
    }),
    access: SALES_HEADS,
    writes: true,
  }),
  /** A manager proposes a new objection (and an answer that worked) from the call form; the head of sales accepts it. */
  'objections.propose': entry<ObjectionDto>()({
    input: z.object({
      text: z.string().trim().min(1, { message: 'Укажите возражение' }).max(500),
      answer: z.string().trim().max(10_000).default(''),
    }),
    access: SALES_ROLES,
    writes: true,
  }),
  'objections.accept': entry<ObjectionDto>()({ input: z.object({ id }), access: SALES_HEADS, writes: true }),
  'objections.worked': entry<ObjectionAnswerDto>()({
    input: z.object({ answerId: id, activityId: id.nullable().default(null) }),
    access: SALES_ROLES,
    writes: true,
  }),
};
