// Goods tables of the unified forms (ТОРГ-12, УПД, счёт-фактура): grouped headers, numbered columns, total rows.
import { formatMoney, formatQuantity } from '../core/index';
import type { BlockContext } from './block-context';
import { fitHeaderText } from './hyphenate';
import { KEPT_LINES } from './keep-end';
import { cell, gridLayout, headCell } from './pdf-helpers';
import type { PdfContent, PdfTableNode } from './pdf-types';
import type { LineView } from './view-model-types';

type FormColumn = {
  /** The column number printed under the header: «1», «1а», «А». */
  num: string;
  title: string;
  /** Shared upper header over consecutive columns. */
  group?: string;
  width: number | '*';
  align: 'left' | 'right' | 'center';
  value: (line: LineView) => string;
};

const HEAD_SIZE = 5;
const BODY_SIZE = 7;
const DASH = '—';

/** A declaration number «10702070/150126/0001234» may wrap after a slash, never inside a part. */
function breakAtSlashes(value: string): string {
  return value.replace(/\//g, '/\u200b');
}

function orDash(value: string): string {
  return value.trim() === '' ? DASH : value;
}

/** Cell padding of the goods tables, each side. */
const CELL_PADDING = 1.2;

/** A header title laid out in its cell: narrow columns divide words with a visible hyphen (item 13). */
function headerText(title: string, widths: ReadonlyArray<number | '*'>): string {
  let inner = -CELL_PADDING * 2;
  for (const w of widths) {
    if (w === '*') return title;
    inner += w + CELL_PADDING * 2;
  }
  return fitHeaderText(title, inner - CELL_PADDING * 2, HEAD_SIZE);
}

function headerRows(columns: readonly FormColumn[]): PdfContent[][] {
  const top: PdfContent[] = [];
  const sub: PdfContent[] = [];
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i];
    if (col.group === undefined) {
      top.push(headCell(headerText(col.title, [col.width]), HEAD_SIZE, { rowSpan: 2, bold: false, fillColor: '#f2f2f2' }));
      sub.push('');
      continue;
    }
    let span = 1;
    while (i + span < columns.length && columns[i + span].group === col.group) span++;
    const spanned = columns.slice(i, i + span).map((c) => c.width);
    top.push(headCell(headerText(col.group, spanned), HEAD_SIZE, { colSpan: span, bold: false, fillColor: '#f2f2f2' }));
    for (let j = 0; j < span; j++) {
      if (j > 0) top.push('');
      sub.push(headCell(headerText(columns[i + j].title, [columns[i + j].width]), HEAD_SIZE, { bold: false, fillColor: '#f2f2f2' }));
    }
    i += span - 1;
  }
  const numbers = columns.map((c) => headCell(c.num, HEAD_SIZE, { bold: false }));
  return [top, sub, numbers];
}

/** A bold total row: a label spanning the leading columns, then values by column number. */
function totalRow(columns: readonly FormColumn[], label: string, spanTo: string, values: Record<string, string>): PdfContent[] {
  const spanCount = columns.findIndex((c) => c.num === spanTo);
  const row: PdfContent[] = [cell(label, { colSpan: spanCount, bold: true, fontSize: BODY_SIZE, alignment: 'right' })];
  for (let i = 1; i < spanCount; i++) row.push('');
  for (const col of columns.slice(spanCount)) {
    row.push(cell(values[col.num] ?? '', { bold: true, fontSize: BODY_SIZE, alignment: col.align === 'left' ? 'center' : col.align }));
  }
  return row;
}

function formTable(columns: readonly FormColumn[], lines: readonly LineView[], totals: PdfContent[][], part: number): PdfTableNode {
  // The first filled cell's id tells render which page the line landed on (pdfmake skips empty text).
  const body = lines.map((line) => {
    const idAt = Math.max(0, columns.findIndex((c) => c.value(line) !== ''));
    return columns.map((c, i) => cell(c.value(line), { fontSize: BODY_SIZE, alignment: c.align, ...(i === idAt ? { id: rowId(part, line.n) } : {}) }));
  });
  return {
    table: { headerRows: 3, keepWithHeaderRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body: [...headerRows(columns), ...body, ...totals] },
    layout: gridLayout(CELL_PADDING, CELL_PADDING),
    // Single line spacing: a short УПД or ТОРГ-12 has to fit one landscape page with its signatures.
    lineHeight: 1,
    margin: [0, 3, 0, 3],
  };
}

const UNIT = 'Единица измерения';
const NET_TITLE = 'Стоимость товаров (работ, услуг), имущественных прав без налога — всего';
const GROSS_TITLE = 'Стоимость товаров (работ, услуг), имущественных прав с налогом — всего';

function torg12Columns(): FormColumn[] {
  return [
    { num: '1', title: 'Номер по порядку', width: 26, align: 'center', value: (l) => l.n },
    { num: '2', group: 'Товар', title: 'наименование, характеристика, сорт, артикул товара', width: '*', align: 'left', value: (l) => l.name },
    { num: '3', group: 'Товар', title: 'код', width: 34, align: 'center', value: () => '' },
    { num: '4', group: UNIT, title: 'наименование', width: 46, align: 'center', value: (l) => l.unit },
    { num: '5', group: UNIT, title: 'код по ОКЕИ', width: 30, align: 'center', value: (l) => l.okei },
    { num: '6', title: 'Вид упаковки', width: 34, align: 'center', value: () => '' },
    { num: '7', group: 'Количество', title: 'в одном месте', width: 34, align: 'right', value: () => '' },
    { num: '8', group: 'Количество', title: 'мест, штук', width: 34, align: 'right', value: () => '' },
    { num: '9', title: 'Масса брутто', width: 38, align: 'right', value: () => '' },
    { num: '10', title: 'Количество (масса нетто)', width: 48, align: 'right', value: (l) => l.quantity },
    { num: '11', title: 'Цена, руб. коп.', width: 56, align: 'right', value: (l) => l.priceNet },
    { num: '12', title: 'Сумма без учёта НДС, руб. коп.', width: 62, align: 'right', value: (l) => l.net },
    { num: '13', group: 'НДС', title: 'ставка, %', width: 40, align: 'center', value: (l) => l.vatRateShort },
    { num: '14', group: 'НДС', title: 'сумма, руб. коп.', width: 56, align: 'right', value: (l) => l.vat },
    { num: '15', title: 'Сумма с учётом НДС, руб. коп.', width: 62, align: 'right', value: (l) => l.total },
  ];
}

/** Columns 1…11 of the счёт-фактура (Постановление № 1137), shared by the УПД. */
function invoiceColumns(withTraceability: boolean, withKindCodes: boolean): FormColumn[] {
  const columns: FormColumn[] = [
    { num: '1', title: 'Наименование товара (описание выполненных работ, оказанных услуг), имущественного права', width: '*', align: 'left', value: (l) => l.name },
    // Wide enough for a 10-digit ТН ВЭД code only when a line has one: the name keeps its room otherwise.
    { num: '1а', title: 'Код вида товара', width: withKindCodes ? 46 : 24, align: 'center', value: (l) => orDash(l.productKindCode) },
    { num: '2', group: UNIT, title: 'код', width: 22, align: 'center', value: (l) => orDash(l.okei) },
    { num: '2а', group: UNIT, title: 'условное обозначение (национальное)', width: 38, align: 'center', value: (l) => orDash(l.unit) },
    { num: '3', title: 'Количество (объём)', width: 36, align: 'right', value: (l) => l.quantity },
    { num: '4', title: 'Цена (тариф) за единицу измерения', width: 48, align: 'right', value: (l) => l.priceNet },
    { num: '5', title: NET_TITLE, width: 56, align: 'right', value: (l) => l.net },
    { num: '6', title: 'В том числе сумма акциза', width: 30, align: 'center', value: () => 'без акциза' },
    { num: '7', title: 'Налоговая ставка', width: 32, align: 'center', value: (l) => l.vatRateShort },
    { num: '8', title: 'Сумма налога, предъявляемая покупателю', width: 50, align: 'right', value: (l) => l.vat },
    { num: '9', title: GROSS_TITLE, width: 56, align: 'right', value: (l) => l.total },
    { num: '10', group: 'Страна происхождения товара', title: 'цифровой код', width: 30, align: 'center', value: (l) => orDash(l.countryCode) },
    { num: '10а', group: 'Страна происхождения товара', title: 'краткое наименование', width: 44, align: 'center', value: (l) => orDash(l.country) },
    { num: '11', title: 'Регистрационный номер декларации на товары или партии товара, подлежащего прослеживаемости', width: 56, align: 'center', value: (l) => orDash(breakAtSlashes(l.customsDeclaration)) },
  ];
  if (!withTraceability) return columns;
  const traced = 'Количественная единица измерения товара, используемая в целях прослеживаемости';
  return [
    ...columns,
    { num: '12', group: traced, title: 'код', width: 22, align: 'center', value: () => DASH },
    { num: '12а', group: traced, title: 'условное обозначение', width: 34, align: 'center', value: () => DASH },
    { num: '13', title: 'Количество товара, подлежащего прослеживаемости, в количественной единице измерения', width: 52, align: 'center', value: () => DASH },
  ];
}

/** The УПД carries the счёт-фактура's table in full (columns 1а…13), narrowed to leave the name room. */
const UPD_WIDTHS: Readonly<Record<string, number>> = { '2а': 36, '4': 44, '5': 50, '6': 28, '7': 28, '8': 44, '9': 50, '10': 26, '10а': 38, '11': 54, '12': 20, '12а': 34, '13': 62 };
const UPD_NUMBERS: Readonly<Record<string, string>> = { '1': '1а', '1а': '1б' };

function updColumns(withKindCodes: boolean): FormColumn[] {
  return [
    { num: 'А', title: 'Код товара/ работ, услуг', width: 26, align: 'center', value: () => '' },
    { num: '1', title: '№ п/п', width: 16, align: 'center', value: (l) => l.n },
    ...invoiceColumns(true, withKindCodes).map((c) => ({ ...c, num: UPD_NUMBERS[c.num] ?? c.num, width: UPD_WIDTHS[c.num] ?? c.width })),
  ];
}

function factureColumns(withKindCodes: boolean): FormColumn[] {
  return [{ num: '№ п/п', title: '№ п/п', width: 16, align: 'center', value: (l) => l.n }, ...invoiceColumns(true, withKindCodes)];
}

/** Total rows a kind's lines table ends with (they move with its last lines). */
export function trailingTotalRows(kind: BlockContext['kind']): number {
  // ТОРГ-12: «Итого» and «Всего по накладной»; акт сверки: «Обороты за период» and «Сальдо конечное».
  if (kind === 'torg12' || kind === 'reconciliation_act') return 2;
  return kind === 'upd' || kind === 'invoice_factura' ? 1 : 0;
}

/** The id of a ТОРГ-12 line's first cell, which tells render which page the line landed on. */
export function rowId(part: number, n: string): string {
  return `sdelka-row-${part}-${n}`;
}

/** The part and line index (0-based) of a row id, or null. */
export function rowOfId(id: string | undefined): { part: number; index: number } | null {
  const m = id === undefined ? null : /^sdelka-row-(\d+)-(\d+)$/.exec(id);
  return m ? { part: Number(m[1]), index: Number(m[2]) - 1 } : null;
}

function sumOf(lines: readonly LineView[], vatNone: boolean): Record<string, string> {
  const add = (pick: (l: LineView) => number): number => lines.reduce((acc, l) => acc + pick(l), 0);
  return {
    '10': formatQuantity(add((l) => l.sums.quantityMilli)),
    '12': formatMoney(add((l) => l.sums.net)),
    '13': 'X',
    '14': vatNone ? 'без НДС' : formatMoney(add((l) => l.sums.vat)),
    '15': formatMoney(add((l) => l.sums.gross)),
  };
}

/**
 * Group sizes for a ТОРГ-12 laid out page by page: every full page of the first pass gives up one
 * line to make room for its «Итого»; the last page keeps no more lines than fitted there with the
 * signatures (at least two), the lines pushed over in between fill pages of their own.
 */
export function pageGroupSizes(pages: readonly number[], lineCount: number, endWasAlone: boolean): number[] {
  const perPage: number[] = [];
  pages.forEach((page, i) => {
    if (i === 0 || page !== pages[i - 1]) perPage.push(0);
    perPage[perPage.length - 1]++;
  });
  const full = endWasAlone ? perPage : perPage.slice(0, -1);
  const sizes = full.map((c) => Math.max(1, c - 1));
  const lastFits = endWasAlone ? KEPT_LINES : Math.max(KEPT_LINES, perPage[perPage.length - 1]);
  const pageFits = Math.max(1, Math.max(...perPage) - 1);
  let rest = lineCount - sizes.reduce((a, b) => a + b, 0);
  while (rest > lastFits) {
    const next = Math.min(pageFits, rest - lastFits);
    // A page of one or two lines looks like a mistake; they go to the last page instead, which has
    // room for them (the ТОРГ-12's end block takes well under half a page).
    if (next <= KEPT_LINES) break;
    sizes.push(next);
    rest -= next;
  }
  if (rest > 0) sizes.push(rest);
  return sizes;
}

function pageGroups(lines: readonly LineView[], sizes: readonly number[]): LineView[][] {
  const groups: LineView[][] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(lines.slice(at, at + size));
    at += size;
  }
  return groups.filter((g) => g.length > 0);
}

/** ТОРГ-12: one table, or (a page count known from the first pass) one per page, each ending with its «Итого». */
function torg12Tables(ctx: BlockContext): PdfContent {
  const { totals, vat, lines } = ctx.vm;
  const columns = torg12Columns();
  const all = { '10': totals.quantity, '12': totals.net, '13': 'X', '14': vat.none ? 'без НДС' : totals.vat, '15': totals.gross };
  const pages = ctx.layout.rowPages;
  if (pages === null || new Set(pages).size < 2) {
    return formTable(columns, lines, [totalRow(columns, 'Итого', '7', sumOf(lines, vat.none)), totalRow(columns, 'Всего по накладной', '7', all)], ctx.part);
  }
  const groups = pageGroups(lines, pageGroupSizes(pages, lines.length, ctx.layout.endAlone));
  const tables = groups.map((group, g): PdfTableNode => {
    const rows = [totalRow(columns, 'Итого', '7', sumOf(group, vat.none))];
    if (g === groups.length - 1) rows.push(totalRow(columns, 'Всего по накладной', '7', all));
    const table = formTable(columns, group, rows, ctx.part);
    return g === 0 ? table : { ...table, pageBreak: 'before' };
  });
  return { stack: tables };
}

/** The goods table of ТОРГ-12, УПД or счёт-фактура. */
export function formLinesTable(ctx: BlockContext): PdfContent {
  const { totals, vat } = ctx.vm;
  const vatTotal = vat.none ? 'без НДС' : totals.vat;
  if (ctx.kind === 'torg12') return torg12Tables(ctx);
  const withKindCodes = ctx.vm.lines.some((l) => l.productKindCode !== '');
  const columns = ctx.kind === 'upd' ? updColumns(withKindCodes) : factureColumns(withKindCodes);
  const sums = { '5': totals.net, '6': 'X', '7': 'X', '8': vatTotal, '9': totals.gross };
  return formTable(columns, ctx.vm.lines, [totalRow(columns, 'Всего к оплате (9)', '5', sums)], ctx.part);
}
