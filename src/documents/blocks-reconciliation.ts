// `::reconciliation`: the акт сверки table, our columns and the client's side by side.
import type { BlockContext } from './block-context';
import { rowId } from './blocks-form-lines';
import { cell, gridLayout, headCell } from './pdf-helpers';
import type { PdfContent, PdfTableNode, PdfTextNode } from './pdf-types';
import type { SidesView } from './view-model-types';

/** Width of an amount column (points): «999 999,99» at the body size, longer amounts shrink to fit. */
const AMOUNT_WIDTH = 58;

/** Opening balance, rows, turnovers and closing balance in one table with a repeated header. */
export function reconciliationBlock(ctx: BlockContext): PdfContent {
  const rec = ctx.vm.reconciliation;
  if (rec === false) return '';
  const size = ctx.fontSize - 1.5;
  const head = (text: string, options: { colSpan?: number } = {}): PdfContent => headCell(text, size, { fillColor: '#eeeeee', ...options });
  // An amount never wraps inside the number: a long one (tens of millions) gets a smaller font to fit its column.
  const num = (text: string, bold = false): PdfContent =>
    cell(text, { fontSize: Math.min(size, (AMOUNT_WIDTH - 6) / (Math.max(text.length, 1) * (bold ? 0.62 : 0.6))), alignment: 'right', bold, noWrap: true });
  const text = (value: string, bold = false): PdfTextNode => cell(value, { fontSize: size, bold });
  const summary = (title: string, sides: SidesView, mirrored: boolean): PdfContent[] => [
    { ...text(title, true), colSpan: 2 },
    '',
    num(sides.debit, true),
    num(sides.credit, true),
    { ...text(mirrored ? title : '', true), colSpan: 2 },
    '',
    num(sides.theirDebit, true),
    num(sides.theirCredit, true),
  ];
  const mirrored = rec.rows.some((r) => r.theirDebit !== '' || r.theirCredit !== '') || rec.opening.theirDebit !== '' || rec.opening.theirCredit !== '';
  const body: PdfContent[][] = [
    [head(`По данным ${ctx.vm.seller.shortName}, руб.`, { colSpan: 4 }), '', '', '', head(`По данным ${ctx.vm.buyer.shortGenitive}, руб.`, { colSpan: 4 }), '', '', ''],
    [head('Дата'), head('Документ'), head('Дебет'), head('Кредит'), head('Дата'), head('Документ'), head('Дебет'), head('Кредит')],
    summary('Сальдо начальное', rec.opening, mirrored),
    // Each row's first cell carries its id: render learns the page of every row, so the end never stands alone.
    ...rec.rows.map((r, i) => [
      { ...text(r.date), id: rowId(ctx.part, String(i + 1)) },
      text(r.doc),
      num(r.debit),
      num(r.credit),
      text(mirrored ? r.date : ''),
      text(mirrored ? r.doc : ''),
      num(r.theirDebit),
      num(r.theirCredit),
    ]),
    summary('Обороты за период', rec.turnover, mirrored),
    summary('Сальдо конечное', rec.closing, mirrored),
  ];
  const table: PdfTableNode = {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [44, '*', AMOUNT_WIDTH, AMOUNT_WIDTH, 44, '*', AMOUNT_WIDTH, AMOUNT_WIDTH], body },
    layout: gridLayout(1.5),
    margin: [0, 4, 0, 6],
  };
  return table;
}
