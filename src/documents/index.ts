// The public face of the document engine: data → view-model → template → PDF bytes.
export { DOCUMENT_KINDS, DOCUMENT_KIND_TITLES, DIRECTIVES, DIRECTIVE_DESCRIPTIONS, DIRECTIVES_BY_KIND, isDocumentKind, pageOrientationOf } from './kinds';
export type { DocumentKind, DirectiveName } from './kinds';
export type {
  DocumentData,
  PartyData,
  LineData,
  BankData,
  DocumentRef,
  ReconciliationData,
  ReconciliationRowData,
} from './document-data';
export type { DocumentViewModel, PartyView, LineView, TotalsView, VatView, RefView } from './view-model-types';
export { buildViewModel } from './view-model';
export { initialsOf } from './party-view';
export { PLACEHOLDERS, findPlaceholder, placeholdersFor } from './placeholders';
export type { Placeholder, PlaceholderType } from './placeholders';
export { validateTemplate, TemplateInvalidError } from './template-validate';
export type { TemplateError } from './template-validate';
export { renderPdf, renderCombinedPdf, pdfInfoOf } from './render';
export { mergePdfs } from './merge-pdfs';
export { ImageInvalidError, MAX_IMAGE_SIDE, pngProblem } from './image-check';
export type { PdfInfo } from './pdf-types';
export type { DocumentTemplate, DocumentAssets, RenderOptions, RenderPart } from './render';
export { configureDocuments, getResourcesDir, fontFilePaths, FONT_FILES } from './fonts';
export { loadBuiltInTemplate, loadBuiltInConsumerTemplate, builtInTemplatePath, CONSUMER_TEMPLATE_KINDS } from './templates';
export { createPdfRenderer } from './pdf-renderer';
export type { PdfRenderer, PdfRendererOptions } from './pdf-renderer';
export type { PayrollOrderPrint, PayrollPrintPerson, PayrollPrintTable, PayrollStatementPrint, PayrollStatementPrintRow } from './payroll-print-types';
export type { PrintJob } from './print-jobs';
export type { TransferRegisterPrint, RegisterParty, RegisterLine } from './register-pdf';
export { RenderLimitError, MAX_SECTION_DEPTH, MAX_OUTPUT_CHARS, RENDER_TIME_LIMIT_MS, RENDER_HEAP_LIMIT_MB } from './render-limits';
export type { PdfPoolOptions } from './pdf-pool';
