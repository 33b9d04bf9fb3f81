import { z } from '../zod-ru';
import { entry } from '../entry';
import { pickedIdSchema } from '../picked-id';
import { versionSchema } from '../record-version';
import { ANY_ROLE } from '../roles';
import {
  DOC_ADMINS,
  DOC_WRITERS,
  DOCUMENT_KIND_VALUES,
  DOCUMENT_STATUS_VALUES,
  documentLineSchema,
  documentTermsSchema,
  draftInputSchema,
  idSchema,
  isoDateSchema,
  VAT_MODE_VALUES,
  type BundleResult,
  type DocumentDetail,
  type DocumentRow,
  type PdfFile,
} from './document-types';
import { VAT_RATE_VALUES } from './orgs';
import { SIGNING_FILTER_VALUES } from './signing-types';

/** Filters of the document list. */
export const documentFilterSchema = z.object({
  kind: z.enum(DOCUMENT_KIND_VALUES).optional(),
  status: z.enum(DOCUMENT_STATUS_VALUES).optional(),
  clientId: idSchema.optional(),
  managerId: idSchema.optional(),
  dealId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  search: z.string().trim().max(200).optional(),
  /** By signing state, or «waiting» for a signature or an original (the signing area's filter). */
  signing: z.enum(SIGNING_FILTER_VALUES).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Document list filters after validation. */
export type DocumentFilter = z.output<typeof documentFilterSchema>;

/** The bundle: contract + invoice (+ commercial proposal) for a client, issued together. */
export const bundleInputSchema = z.object({
  orgId: pickedIdSchema('Выберите организацию'),
  clientId: pickedIdSchema('Выберите клиента'),
  /** The deal; null «без сделки»; left out: the client's only open deal, if there is exactly one. */
  dealId: idSchema.nullable().optional(),
  docDate: isoDateSchema,
  contractKind: z.enum(['contract_supply', 'contract_services']),
  vatMode: z.enum(VAT_MODE_VALUES),
  vatRate: z.enum(VAT_RATE_VALUES),
  lines: z.array(documentLineSchema).min(1, { message: 'Добавьте хотя бы одну строку' }).max(500),
  terms: documentTermsSchema.default(documentTermsSchema.parse({})),
  include: z.object({ offer: z.boolean().default(false) }).default({ offer: false }),
  requestApproval: z.boolean().default(false),
  approvalReason: z.string().trim().max(1000, { message: 'Не длиннее 1000 знаков' }).default(''),
});

/** The bundle dialog's input. */
export type BundleInput = z.input<typeof bundleInputSchema>;

/** The bundle input after validation. */
export type BundleParsed = z.output<typeof bundleInputSchema>;

/** What «Save as…» and «Print» act on: one document or a bundle's combined PDF. */
export const pdfTargetSchema = z.object({ kind: z.enum(['document', 'bundle']), id: idSchema });

/** A document or a bundle. */
export type PdfTarget = z.output<typeof pdfTargetSchema>;

const byId = z.object({ id: idSchema });

/** How many documents one print file joins. */
export const PRINT_FILE_MAX = 300;

/** Документы: the list, drafts, issue, annulment, corrections, PDFs and the bundle. */
export const documentsApi = {
  'documents.list': entry<{ total: number; rows: DocumentRow[] }>()({ input: documentFilterSchema, access: ANY_ROLE, writes: false }),
  'documents.get': entry<DocumentDetail>()({ input: byId, access: ANY_ROLE, writes: false }),
  'documents.createDraft': entry<DocumentDetail>()({ input: draftInputSchema, access: DOC_WRITERS, writes: true }),
  'documents.updateDraft': entry<DocumentDetail>()({ input: z.object({ id: idSchema, version: versionSchema, draft: draftInputSchema }), access: DOC_WRITERS, writes: true }),
  'documents.deleteDraft': entry<{ deleted: true }>()({ input: byId, access: DOC_WRITERS, writes: true }),
  'documents.issue': entry<DocumentDetail>()({ input: byId, access: DOC_WRITERS, writes: true }),
  'documents.annul': entry<DocumentDetail>()({
    input: z.object({ id: idSchema, reason: z.string().trim().min(3, { message: 'Укажите причину аннулирования' }).max(1000) }),
    access: DOC_ADMINS,
    writes: true,
  }),
  /** Links a document made without a deal to one of its client's deals (once; an issued document stays frozen). */
  'documents.linkDeal': entry<{ linked: true }>()({ input: z.object({ id: idSchema, dealId: idSchema }), access: DOC_WRITERS, writes: true }),
  /** A new draft with the same client, lines and terms (to re-issue after an annulment). */
  'documents.copy': entry<DocumentDetail>()({ input: byId, access: DOC_WRITERS, writes: true }),
  /** A correction draft of a счёт-фактура or УПД: same number and date, the next correction number. */
  'documents.correct': entry<DocumentDetail>()({ input: byId, access: DOC_ADMINS, writes: true }),
  /** The unsaved editor's content rendered (number «черновик»). */
  'documents.preview': entry<PdfFile>()({ input: draftInputSchema, access: DOC_WRITERS, writes: false }),
  /** An issued document's stored bytes, or a saved draft rendered. */
  'documents.pdf': entry<PdfFile>()({ input: byId, access: ANY_ROLE, writes: false }),
  /** One file to print issued documents at once (a month's acts for signature): their stored PDFs in the order given. */
  'documents.printFile': entry<PdfFile>()({
    input: z.object({
      documentIds: z
        .array(idSchema)
        .min(1, { message: 'Отметьте документы для печати' })
        .max(PRINT_FILE_MAX, { message: `В один файл для печати — не больше ${PRINT_FILE_MAX} документов` }),
    }),
    access: ANY_ROLE,
    writes: false,
  }),
  'documents.bundle': entry<BundleResult>()({ input: bundleInputSchema, access: DOC_WRITERS, writes: true }),
  /** Issues a bundle whose drafts waited for discount approval. */
  'documents.issueBundle': entry<BundleResult>()({ input: byId, access: DOC_WRITERS, writes: true }),
  'documents.bundlePdf': entry<PdfFile>()({ input: byId, access: ANY_ROLE, writes: false }),
  /** Main asks where to save through a dialog; the browser host answers `unsupported` (the window downloads). */
  'documents.saveAs': entry<{ saved: boolean; unsupported?: true }>()({ input: pdfTargetSchema, access: ANY_ROLE, writes: false }),
  'documents.print': entry<{ printed: boolean; unsupported?: true }>()({ input: pdfTargetSchema, access: ANY_ROLE, writes: false }),
  'documents.open': entry<{ opened: boolean; unsupported?: true }>()({ input: pdfTargetSchema, access: ANY_ROLE, writes: false }),
};
