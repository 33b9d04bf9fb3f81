// Small builders for pdfmake nodes shared by the layout blocks: cells, grids, captioned fields, signature lines.
import type { MarkupInline } from './markup';
import type { PdfAlignment, PdfColumnsNode, PdfContent, PdfInline, PdfTableLayout, PdfTableNode, PdfTextNode, PdfWidth } from './pdf-types';

/** Font size of captions under lines («подпись», «расшифровка подписи»). */
export const CAPTION_SIZE = 5.5;

/**
 * Words joined by a hyphen («Вектор-Строй», «1-ЗП», with a leading «№»): a line never breaks inside
 * them. They are kept together rather than rewritten with U+2011 (which DejaVu has): the printed text
 * stays the same characters, so a name copied from the PDF or searched in it still matches.
 */
// The whole word around the hyphen (quotes and punctuation included), so justification never opens a gap inside it.
const HYPHENATED = /(?:№[ \u00a0])?[^\s]*[\p{L}\p{N}]-[\p{L}\p{N}][^\s]*/gu;

function keepHyphenated(run: MarkupInline): PdfInline[] {
  const style = run.bold || run.italics ? { bold: run.bold, italics: run.italics } : {};
  const out: PdfInline[] = [];
  let at = 0;
  // Most runs have no hyphen at all: the Unicode-class pattern is not run over them.
  const matches = run.text.includes('-') ? run.text.matchAll(HYPHENATED) : [];
  for (const m of matches) {
    const start = m.index;
    if (start > at) out.push({ text: run.text.slice(at, start), ...style });
    out.push({ text: m[0], noWrap: true, ...style });
    at = start + m[0].length;
  }
  if (at === 0) return [run.bold || run.italics ? { text: run.text, ...style } : run.text];
  if (at < run.text.length) out.push({ text: run.text.slice(at), ...style });
  return out;
}

/** Markup runs as pdfmake inlines. */
export function toPdfInlines(inlines: readonly MarkupInline[]): PdfInline[] {
  return inlines.flatMap(keepHyphenated);
}

/** A thin full grid with a slightly heavier outer frame. */
export function gridLayout(padding = 2, paddingX = padding + 1): PdfTableLayout {
  return {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
    vLineWidth: (i, node) => (i === 0 || i === node.table.widths.length ? 0.8 : 0.4),
    paddingLeft: () => paddingX,
    paddingRight: () => paddingX,
    paddingTop: () => padding,
    paddingBottom: () => padding,
  };
}

/** No lines at all; cells may still draw their own borders via `border`. */
export function plainLayout(paddingX = 0, paddingY = 1): PdfTableLayout {
  return {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    paddingLeft: () => paddingX,
    paddingRight: () => paddingX,
    paddingTop: () => paddingY,
    paddingBottom: () => paddingY,
  };
}

/** Only the cells' own `border` flags draw (all default to none). */
export const NONE: [boolean, boolean, boolean, boolean] = [false, false, false, false];
/** A bottom rule only: the line a value is written on. */
export const UNDERLINE: [boolean, boolean, boolean, boolean] = [false, false, false, true];
/** All four sides. */
export const BOX: [boolean, boolean, boolean, boolean] = [true, true, true, true];

/** A text cell. */
export function cell(text: string | PdfInline[], options: Omit<PdfTextNode, 'text'> = {}): PdfTextNode {
  return { text, ...options };
}

/** A header cell of a goods table: bold, centered, small. */
export function headCell(text: string, fontSize: number, options: Omit<PdfTextNode, 'text'> = {}): PdfTextNode {
  return { text, bold: true, alignment: 'center', fontSize, ...options };
}

/** A table without lines except those the cells ask for. */
export function borderlessTable(widths: PdfWidth[], body: PdfContent[][], options: { paddingX?: number; paddingY?: number } = {}): PdfTableNode {
  const rows = body.map((row) => row.map((c) => withDefaultBorder(c)));
  return { table: { widths, body: rows }, layout: plainLayout(options.paddingX ?? 0, options.paddingY ?? 1) };
}

function withDefaultBorder(content: PdfContent): PdfContent {
  if (typeof content === 'string') return { text: content, border: NONE };
  return content.border ? content : { ...content, border: NONE };
}

/** A value written on a line with a small caption under it: the building block of unified forms. */
export function captionedField(value: string, caption: string, fontSize: number, alignment: PdfAlignment = 'center', facsimile?: Facsimile): PdfTableNode {
  const rows: PdfContent[][] = [[withFacsimile(cell(value === '' ? ' ' : value, { border: UNDERLINE, fontSize, alignment }), facsimile)]];
  if (caption !== '') rows.push([cell(caption, { fontSize: CAPTION_SIZE, alignment: 'center', color: '#333333' })]);
  return borderlessTable(['*'], rows, { paddingY: 0.3 });
}

/** Uploaded images to lay over a signature: image keys of the definition's `images` map (and the signature's largest width). */
export type Facsimile = { signature?: string; stamp?: string; signatureWidth?: number };

/**
 * A signature cell with the facsimile signature drawn over it: a detached image (relativePosition)
 * takes no room and sits on the line itself. The stamp never goes here (see stampMark).
 */
export function withFacsimile(content: PdfTextNode, facsimile: Facsimile | undefined): PdfContent {
  if (facsimile?.signature === undefined) return content;
  const { border, ...inner } = content;
  const image: PdfContent = { image: facsimile.signature, fit: [facsimile.signatureWidth ?? 72, 22], relativePosition: { x: 2, y: -17 } };
  return { stack: [inner, image], ...(border ? { border } : {}) };
}

/** Room the stamp takes beside «М.П.», in points. */
export const STAMP_SIZE = 70;

/**
 * «М.П.» with our stamp beside it when one was uploaded. The stamp is laid out in the flow, so it
 * takes its own room and can never cover the text around it.
 */
export function stampMark(facsimile: Facsimile | undefined, fontSize: number, label = 'М.П.'): PdfTextNode | PdfColumnsNode {
  const text: PdfTextNode = { text: label, fontSize, bold: true, margin: [0, 2, 6, 0] };
  if (facsimile?.stamp === undefined) return text;
  return { columns: [{ ...text, width: 'auto' }, { image: facsimile.stamp, fit: [STAMP_SIZE, STAMP_SIZE], width: STAMP_SIZE }], columnGap: 0 };
}

/** «Должность ____ / И.О. Фамилия /» with «подпись» and «расшифровка подписи» captions. */
export function signatureLine(
  position: string,
  initials: string,
  fontSize: number,
  options: { positionWidth?: PdfWidth; facsimile?: Facsimile } = {},
): PdfTableNode {
  return borderlessTable(
    [options.positionWidth ?? 'auto', 80, 6, '*'],
    [
      [
        cell(position, { fontSize, bold: true, margin: [0, 0, 4, 0] }),
        withFacsimile(cell(' ', { border: UNDERLINE, fontSize }), options.facsimile),
        cell('/', { fontSize, alignment: 'center' }),
        cell(initials === '' ? ' ' : `${initials} /`, { border: UNDERLINE, fontSize }),
      ],
      [
        cell(''),
        cell('подпись', { fontSize: CAPTION_SIZE, alignment: 'center' }),
        cell(''),
        cell('расшифровка подписи', { fontSize: CAPTION_SIZE, alignment: 'center' }),
      ],
    ],
    { paddingY: 0.5 },
  );
}

/** A horizontal rule across the text width. */
export function rule(width: number, lineWidth = 1, margin: [number, number, number, number] = [0, 4, 0, 4]): PdfContent {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth }], margin };
}
