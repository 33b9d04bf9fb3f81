import { z } from '../zod-ru';
import { entry } from '../entry';
import { versionSchema } from '../record-version';
import { ANY_ROLE } from '../roles';
import { DOC_ADMINS, DOCUMENT_KIND_VALUES, idSchema, type DocumentKindKey, type PdfFile } from './document-types';

/** A template in the list. */
export interface TemplateDto {
  id: number;
  kind: DocumentKindKey;
  name: string;
  isDefault: boolean;
  builtIn: boolean;
  archived: boolean;
  version: number;
  versionId: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A template with its newest text and every version. */
export interface TemplateDetail extends TemplateDto {
  source: string;
  versions: { id: number; version: number; createdAt: string; createdBy: string | null; comment: string }[];
}

/** A problem in a template: 1-based line and column, Russian message. */
export interface TemplateErrorDto {
  line: number;
  column: number;
  message: string;
}

/** What the editor's picker offers: placeholders with Russian descriptions and the block directives. */
export interface TemplateCatalog {
  placeholders: { path: string; description: string; type: 'text' | 'flag' | 'list' | 'object'; itemOf: string | null }[];
  directives: { name: string; description: string }[];
}

const kind = z.enum(DOCUMENT_KIND_VALUES);
const source = z.string().max(200_000);

/** Справочники → Шаблоны: versions of every kind's template, the editor's picker and live preview. */
export const templatesApi = {
  'templates.list': entry<TemplateDto[]>()({ input: z.object({ kind: kind.optional(), includeArchived: z.boolean().default(false) }), access: ANY_ROLE, writes: false }),
  'templates.get': entry<TemplateDetail>()({ input: z.object({ id: idSchema, versionId: idSchema.optional() }), access: ANY_ROLE, writes: false }),
  /** A new template (no id) or a new version of one; refused with line and column when it does not validate. */
  'templates.save': entry<TemplateDetail>()({
    input: z.object({
      id: idSchema.optional(),
      /** The template's version the editor was filled from (its newest text's number); required with an id. */
      version: versionSchema.optional(),
      kind,
      name: z.string().trim().min(1, { message: 'Укажите название шаблона' }).max(200),
      source,
      comment: z.string().trim().max(500).default(''),
    }),
    access: DOC_ADMINS,
    writes: true,
  }),
  'templates.setDefault': entry<TemplateDto>()({ input: z.object({ id: idSchema }), access: DOC_ADMINS, writes: true }),
  'templates.archive': entry<TemplateDto>()({ input: z.object({ id: idSchema, archived: z.boolean() }), access: DOC_ADMINS, writes: true }),
  'templates.catalog': entry<TemplateCatalog>()({ input: z.object({ kind }), access: ANY_ROLE, writes: false }),
  /** Checks the text and renders it with sample data: the PDF, or the errors with line and column. */
  'templates.preview': entry<{ errors: TemplateErrorDto[]; pdf: PdfFile | null }>()({ input: z.object({ kind, source }), access: DOC_ADMINS, writes: false }),
};
