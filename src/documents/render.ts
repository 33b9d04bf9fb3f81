// Renders view-models through templates into PDF bytes with pdfmake, reproducibly (same input → same bytes).
import Mustache from 'mustache';
import type { BlockContext, PartLayout } from './block-context';
import { configureDocuments, disableFontCache, FONT_FAMILY, preparePdfmake } from './fonts';
import { rowOfId } from './blocks-form-lines';
import { partOfEndId } from './keep-end';
import { pageOrientationOf } from './kinds';
import { assertPngImage } from './image-check';
import { buildContent } from './layout-blocks';
import { escapeMarkupValue, parseMarkup } from './markup';
import type { Facsimile } from './pdf-helpers';
import type { PdfContent, PdfDocDefinition, PdfInfo, PdfNodeInfo, PdfPageBreakHelpers, PdfSectionNode, PdfWatermark } from './pdf-types';
import { estimateOutputSize, MAX_OUTPUT_CHARS, outputLimitMessage, RenderLimitError } from './render-limits';
import { TemplateInvalidError, validateTemplate } from './template-validate';
import type { DocumentViewModel } from './view-model-types';

/** A template's text, as stored (built-in or edited in the app). */
export type DocumentTemplate = { source: string };

/** Images the office uploaded: PNG bytes of the stamp and of the head's facsimile signature. */
export type DocumentAssets = { stampPng?: Uint8Array; signaturePng?: Uint8Array; logoImage?: Uint8Array };

/** Rendering options. */
export type RenderOptions = {
  /** Where fonts live (the packaged app passes its resources path); defaults to the configured one. */
  resourcesDir?: string;
};

/** One document of a bundle. */
export type RenderPart = { viewModel: DocumentViewModel; template: DocumentTemplate; assets?: DocumentAssets };

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const PORTRAIT_MARGINS: [number, number, number, number] = [48, 34, 34, 40];
// About 7 mm at the sides and 5 mm on top: inside what office printers print, as 1C and Kontur lay the forms out.
const LANDSCAPE_MARGINS: [number, number, number, number] = [20, 14, 20, 22];

function baseFontSize(vm: DocumentViewModel): number {
  if (pageOrientationOf(vm.kind) === 'landscape') return 8;
  return vm.kind === 'contract_supply' || vm.kind === 'contract_services' ? 9.5 : 9;
}

function pngDataUrl(bytes: Uint8Array, what: string): string {
  assertPngImage(bytes, what);
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

/**
 * A facsimile signature is never printed on a счёт-фактура or a УПД статус 1 (п.6 ст.169 НК asks for a
 * handwritten or qualified electronic signature), whatever the caller passed.
 */
export function facsimileAllowedOn(vm: DocumentViewModel): boolean {
  return vm.kind !== 'invoice_factura' && !(vm.kind === 'upd' && vm.upd.status1);
}

/** Registers the uploaded images (only those a template asks for get embedded). */
function registerFacsimile(vm: DocumentViewModel, assets: DocumentAssets, index: number, images: Record<string, string>): Facsimile | undefined {
  const facsimile: Facsimile = {};
  if (assets.stampPng) {
    facsimile.stamp = `stamp-${index}`;
    images[facsimile.stamp] = pngDataUrl(assets.stampPng, 'Печать');
  }
  if (assets.signaturePng && facsimileAllowedOn(vm)) {
    facsimile.signature = `signature-${index}`;
    images[facsimile.signature] = pngDataUrl(assets.signaturePng, 'Подпись');
  }
  return facsimile.stamp === undefined && facsimile.signature === undefined ? undefined : facsimile;
}

/** «№ б/н» in a filled draft: the sign goes, «б/н» is not a number (templates write `№ {{doc.number}}`). */
const DRAFT_NUMBER_SIGN = /№[\s\u00a0]*б\/н/g;

/** Our logo (PNG or JPEG) as an image of the definition, when uploaded and the template places it. */
function registerLogo(assets: DocumentAssets, index: number, images: Record<string, string>): string | undefined {
  const bytes = assets.logoImage;
  if (bytes === undefined) return undefined;
  const jpeg = bytes.length > 2 && bytes[0] === 0xff && bytes[1] === 0xd8;
  const key = `logo-${index}`;
  images[key] = jpeg ? `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}` : pngDataUrl(bytes, 'Логотип');
  return key;
}

/** The template filled with the view-model (values escaped so they never act as markup). */
function fillTemplate(part: RenderPart): string {
  const errors = validateTemplate(part.template.source, part.viewModel.kind);
  if (errors.length > 0) throw new TemplateInvalidError(errors);
  // Counted before filling: a template that multiplies its sections is refused without building the text.
  if (estimateOutputSize(Mustache.parse(part.template.source), part.viewModel) > MAX_OUTPUT_CHARS) {
    throw new RenderLimitError(outputLimitMessage(MAX_OUTPUT_CHARS));
  }
  const filled = Mustache.render(part.template.source, part.viewModel, {}, { escape: escapeMarkupValue });
  return part.viewModel.doc.draft ? filled.replace(DRAFT_NUMBER_SIGN, 'б/н') : filled;
}

/** Across every page of a draft: it is not a document yet. */
const DRAFT_WATERMARK: PdfWatermark = { text: 'ЧЕРНОВИК', color: '#c00000', opacity: 0.14, bold: true };

/** A section per part; page numbers restart per part and print only on multi-page parts. */
function buildSection(part: RenderPart, index: number, images: Record<string, string>, partOfPage: Map<number, number>, layout: PartLayout): PdfSectionNode {
  const vm = part.viewModel;
  const orientation = pageOrientationOf(vm.kind);
  const margins = orientation === 'landscape' ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS;
  const pageWidth = orientation === 'landscape' ? A4_HEIGHT : A4_WIDTH;
  const blocks = parseMarkup(fillTemplate(part));
  const uses = (name: string): boolean => blocks.some((b) => b.type === 'directive' && b.name === name);
  const ctx: BlockContext = {
    vm,
    kind: vm.kind,
    contentWidth: pageWidth - margins[0] - margins[2],
    fontSize: baseFontSize(vm),
    // A draft never carries our stamp or a facsimile signature.
    facsimile: uses('stamp') && !vm.doc.draft ? registerFacsimile(vm, part.assets ?? {}, index, images) : undefined,
    hasSignatures: uses('signatures'),
    logo: uses('logo') ? registerLogo(part.assets ?? {}, index, images) : undefined,
    part: index,
    layout,
  };
  const content = buildContent(blocks, ctx);
  return {
    section: content.length > 0 ? content : [' '],
    pageOrientation: orientation,
    pageMargins: margins,
    ...(vm.doc.draft ? { watermark: DRAFT_WATERMARK } : {}),
    // Backgrounds are requested while pages are laid out, so they tell us which pages each part got
    // (a repeated layout overwrites the map); footers come after layout and number pages within the part.
    background: (page) => {
      partOfPage.set(page, index);
      return null;
    },
    footer: (page, pageCount): PdfContent | null => {
      const pages = [...partOfPage].filter(([p, part]) => part === index && p <= pageCount).map(([p]) => p);
      if (pages.length < 2) return null;
      return {
        id: FOOTER_ID,
        text: `Страница ${pages.indexOf(page) + 1} из ${pages.length}`,
        fontSize: 7,
        color: '#444444',
        alignment: 'right',
        margin: [margins[0], 12, margins[2], 0],
      };
    },
  };
}

/** The PDF's creation date: midnight UTC of the document date, so re-rendering gives the same bytes. */
function documentDate(dateIso: string): Date {
  const date = new Date(`${dateIso}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** The info dictionary of a PDF holding these documents: a bundle's title names them all; dated by the first. */
export function pdfInfoOf(documents: readonly DocumentViewModel[]): PdfInfo {
  const first = documents[0];
  const date = documentDate(first.dateIso);
  const title = documents.length === 1 ? first.doc.title : `Комплект документов: ${documents.map((d) => d.doc.title).join('; ')}`;
  return {
    title,
    author: 'Sdelka',
    subject: documents.map((d) => d.doc.kindTitle).join('; '),
    creator: 'Sdelka',
    producer: 'Sdelka (pdfmake)',
    creationDate: date,
    modDate: date,
  };
}

/** What one rendering pass saw: the part of every page, and which parts' end blocks started a page alone. */
type LayoutProbe = { partOfPage: Map<number, number>; endPage: Map<number, number>; rowPages: Map<number, number[]> };

function buildDefinition(parts: readonly RenderPart[], layouts: readonly PartLayout[], probe: LayoutProbe): PdfDocDefinition {
  const images: Record<string, string> = {};
  const sections = parts.map((part, i) => buildSection(part, i, images, probe.partOfPage, layouts[i]));
  const first = parts[0].viewModel;
  return {
    info: pdfInfoOf(parts.map((p) => p.viewModel)),
    pageSize: 'A4',
    pageOrientation: pageOrientationOf(first.kind),
    pageMargins: sections[0].pageMargins,
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1.12 },
    images,
    content: sections,
    pageBreakBefore: (node, helpers) => {
      noteLoneEnd(node, probe);
      return headingWouldEndPage(node, helpers);
    },
  };
}

/**
 * Records a part whose end block (totals, signatures) starts a page with nothing of the part before
 * it, and the page of every ТОРГ-12 line.
 */
function noteLoneEnd(node: PdfNodeInfo, probe: LayoutProbe): void {
  const row = rowOfId(node.id);
  const page = node.pageNumbers?.[0];
  if (row !== null && page !== undefined) {
    const pages = probe.rowPages.get(row.part) ?? [];
    pages[row.index] = page;
    probe.rowPages.set(row.part, pages);
    return;
  }
  const part = partOfEndId(node.id);
  if (part !== null && page !== undefined) probe.endPage.set(part, page);
}

/** The end of a part stood alone: none of its table lines is on the page its end block starts on. */
function endStoodAlone(probe: LayoutProbe, part: number): boolean {
  const page = probe.endPage.get(part);
  const rows = probe.rowPages.get(part);
  return page !== undefined && rows !== undefined && !rows.includes(page);
}

/** Page footers are laid out like content, so they must not count as text following a heading. */
const FOOTER_ID = 'sdelka-page-footer';

/** Text or an image; containers (tables, stacks) count through their cells, which are nodes too. */
function isVisible(node: PdfNodeInfo): boolean {
  if (node.id === FOOTER_ID) return false;
  if (node.image !== undefined) return true;
  if (typeof node.text === 'string') return node.text.trim() !== '';
  return Array.isArray(node.text) && node.text.length > 0;
}

/** Room a heading needs below it: itself, a table's header row and a first line. */
const HEADING_KEEP = 64;

/**
 * A heading moves to the next page when nothing follows it on its page, or when it starts within
 * the last few lines of the page (pdfmake reports a table that moved on as if it had stayed, so the
 * room left is the reliable signal before a table).
 */
function headingWouldEndPage(node: PdfNodeInfo, helpers: PdfPageBreakHelpers): boolean {
  if (node.headlineLevel === undefined) return false;
  const start = node.startPosition;
  if (start !== undefined) {
    const top = start.pageOrientation === 'landscape' ? LANDSCAPE_MARGINS[1] : PORTRAIT_MARGINS[1];
    if (top + start.pageInnerHeight - start.top < HEADING_KEEP) return true;
  }
  return !helpers.getFollowingNodesOnPage().some(isVisible);
}

async function renderOnce(parts: readonly RenderPart[], layouts: readonly PartLayout[], probe: LayoutProbe): Promise<Uint8Array> {
  try {
    return await (await preparePdfmake()).createPdf(buildDefinition(parts, layouts, probe)).getBuffer();
  } catch (error) {
    const fontkitMismatch = error instanceof Error && /font format/i.test(error.message);
    if (!fontkitMismatch || !disableFontCache()) throw error;
    return (await preparePdfmake()).createPdf(buildDefinition(parts, layouts, probe)).getBuffer();
  }
}

function emptyProbe(): LayoutProbe {
  return { partOfPage: new Map(), endPage: new Map(), rowPages: new Map() };
}

function pagesOfPart(probe: LayoutProbe, part: number): number {
  return [...probe.partOfPage.values()].filter((p) => p === part).length;
}

/**
 * Renders several documents into one PDF (a bundle to print): each starts on a new page, with its own
 * numbering. A second pass runs only when the first one shows it is needed: a part's end (totals,
 * signatures) stood alone on a page — it then takes the last table lines along — or a form states its
 * page count («Документ составлен на N листах») and has more than one page.
 */
export async function renderCombinedPdf(parts: readonly RenderPart[], options: RenderOptions = {}): Promise<Uint8Array> {
  if (parts.length === 0) throw new Error('Нет документов для печати');
  if (options.resourcesDir !== undefined) configureDocuments({ resourcesDir: options.resourcesDir });
  const first = emptyProbe();
  let bytes = await renderOnce(
    parts,
    parts.map(() => ({ sheets: null, endAlone: false, rowPages: null })),
    first,
  );
  const layouts = parts.map((part, i): PartLayout => ({ sheets: pagesOfPart(first, i), endAlone: endStoodAlone(first, i), rowPages: first.rowPages.get(i) ?? null }));
  const again = layouts.some((l, i) => l.endAlone || (statesSheets(parts[i].viewModel) && l.sheets !== 1) || (parts[i].viewModel.kind === 'torg12' && new Set(l.rowPages ?? []).size > 1));
  if (again) bytes = await renderOnce(parts, layouts, emptyProbe());
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Forms that print their own page count. */
function statesSheets(vm: DocumentViewModel): boolean {
  return vm.kind === 'upd';
}

/** Renders one document to PDF bytes; throws TemplateInvalidError if the template does not validate. */
export async function renderPdf(
  viewModel: DocumentViewModel,
  template: DocumentTemplate,
  assets: DocumentAssets = {},
  options: RenderOptions = {},
): Promise<Uint8Array> {
  return renderCombinedPdf([{ viewModel, template, assets }], options);
}
