// Renders view-models through templates into PDF bytes with pdfmake, reproducibly (same input → same bytes).
import Mustache from 'mustache';
import type { BlockContext } from './block-context';
import { configureDocuments, disableFontCache, FONT_FAMILY, preparePdfmake } from './fonts';
import { pageOrientationOf } from './kinds';
import { buildContent } from './layout-blocks';
import { escapeMarkupValue, parseMarkup } from './markup';
import type { Facsimile } from './pdf-helpers';
import type { PdfContent, PdfDocDefinition, PdfNodeInfo, PdfPageBreakHelpers, PdfSectionNode } from './pdf-types';
import { estimateOutputSize, MAX_OUTPUT_CHARS, outputLimitMessage, RenderLimitError } from './render-limits';
import { TemplateInvalidError, validateTemplate } from './template-validate';
import type { DocumentViewModel } from './view-model-types';

/** A template's text, as stored (built-in or edited in the app). */
export type DocumentTemplate = { source: string };

/** Images the office uploaded: PNG bytes of the stamp and of the head's facsimile signature. */
export type DocumentAssets = { stampPng?: Uint8Array; signaturePng?: Uint8Array };

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
const LANDSCAPE_MARGINS: [number, number, number, number] = [24, 18, 24, 26];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function baseFontSize(vm: DocumentViewModel): number {
  if (pageOrientationOf(vm.kind) === 'landscape') return 8;
  return vm.kind === 'contract_supply' || vm.kind === 'contract_services' ? 9.5 : 9;
}

function pngDataUrl(bytes: Uint8Array, what: string): string {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new Error(`${what}: ожидается изображение в формате PNG`);
  }
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Registers the uploaded images (only those a template asks for get embedded). */
function registerFacsimile(assets: DocumentAssets, index: number, images: Record<string, string>): Facsimile | undefined {
  const facsimile: Facsimile = {};
  if (assets.stampPng) {
    facsimile.stamp = `stamp-${index}`;
    images[facsimile.stamp] = pngDataUrl(assets.stampPng, 'Печать');
  }
  if (assets.signaturePng) {
    facsimile.signature = `signature-${index}`;
    images[facsimile.signature] = pngDataUrl(assets.signaturePng, 'Подпись');
  }
  return facsimile.stamp === undefined && facsimile.signature === undefined ? undefined : facsimile;
}

/** The template filled with the view-model (values escaped so they never act as markup). */
function fillTemplate(part: RenderPart): string {
  const errors = validateTemplate(part.template.source, part.viewModel.kind);
  if (errors.length > 0) throw new TemplateInvalidError(errors);
  // Counted before filling: a template that multiplies its sections is refused without building the text.
  if (estimateOutputSize(Mustache.parse(part.template.source), part.viewModel) > MAX_OUTPUT_CHARS) {
    throw new RenderLimitError(outputLimitMessage(MAX_OUTPUT_CHARS));
  }
  return Mustache.render(part.template.source, part.viewModel, {}, { escape: escapeMarkupValue });
}

/** A section per part; page numbers restart per part and print only on multi-page parts. */
function buildSection(part: RenderPart, index: number, images: Record<string, string>, partOfPage: Map<number, number>): PdfSectionNode {
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
    facsimile: uses('stamp') ? registerFacsimile(part.assets ?? {}, index, images) : undefined,
    hasSignatures: uses('signatures'),
  };
  const content = buildContent(blocks, ctx);
  return {
    section: content.length > 0 ? content : [' '],
    pageOrientation: orientation,
    pageMargins: margins,
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

function buildDefinition(parts: readonly RenderPart[]): PdfDocDefinition {
  const images: Record<string, string> = {};
  const partOfPage = new Map<number, number>();
  const sections = parts.map((part, i) => buildSection(part, i, images, partOfPage));
  const first = parts[0].viewModel;
  const date = documentDate(first.dateIso);
  const title = parts.length === 1 ? first.doc.title : `Комплект документов: ${parts.map((p) => p.viewModel.doc.title).join('; ')}`;
  return {
    info: {
      title,
      author: 'Sdelka',
      subject: parts.map((p) => p.viewModel.doc.kindTitle).join('; '),
      creator: 'Sdelka',
      producer: 'Sdelka (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    pageSize: 'A4',
    pageOrientation: pageOrientationOf(first.kind),
    pageMargins: sections[0].pageMargins,
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1.12 },
    images,
    content: sections,
    pageBreakBefore: headingWouldEndPage,
  };
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

/** Renders several documents into one PDF (a bundle to print): each starts on a new page, with its own numbering. */
export async function renderCombinedPdf(parts: readonly RenderPart[], options: RenderOptions = {}): Promise<Uint8Array> {
  if (parts.length === 0) throw new Error('Нет документов для печати');
  if (options.resourcesDir !== undefined) configureDocuments({ resourcesDir: options.resourcesDir });
  let bytes: Uint8Array;
  try {
    bytes = await (await preparePdfmake()).createPdf(buildDefinition(parts)).getBuffer();
  } catch (error) {
    const fontkitMismatch = error instanceof Error && /font format/i.test(error.message);
    if (!fontkitMismatch || !disableFontCache()) throw error;
    bytes = await (await preparePdfmake()).createPdf(buildDefinition(parts)).getBuffer();
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
