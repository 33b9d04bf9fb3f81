// `::lines` and `::totals` for invoices, offers, acts, contract specifications and letters.
import type { BlockContext } from './block-context';
import { formLinesTable, rowId } from './blocks-form-lines';
import { borderlessTable, cell, gridLayout, headCell } from './pdf-helpers';
import type { PdfContent, PdfTableNode, PdfWidth } from './pdf-types';
import type { LineView } from './view-model-types';

type Column = {
  title: string;
  width: PdfWidth;
  align: 'left' | 'right' | 'center';
  value: (line: LineView) => string;
};

function nameTitle(ctx: BlockContext): string {
  switch (ctx.kind) {
    case 'invoice':
      return 'Товары (работы, услуги)';
    case 'act_services':
    case 'contract_services':
      return 'Наименование работ, услуг';
    case 'contract_supply':
    case 'act_transfer':
      return 'Наименование товара';
    default:
      return 'Наименование';
  }
}

function simpleColumns(ctx: BlockContext): Column[] {
  const hasDiscount = ctx.vm.lines.some((l) => l.discount !== '');
  const columns: Column[] = [
    { title: '№', width: 18, align: 'center', value: (l) => l.n },
    { title: nameTitle(ctx), width: '*', align: 'left', value: (l) => l.name },
    { title: 'Кол-во', width: 44, align: 'right', value: (l) => l.quantity },
    { title: 'Ед.', width: 38, align: 'center', value: (l) => l.unit },
  ];
  // With a discount the price printed is the discounted one, so that quantity × price = amount.
  if (hasDiscount) columns.push({ title: 'Скидка', width: 38, align: 'right', value: (l) => l.discount });
  columns.push({ title: hasDiscount ? 'Цена со скидкой' : 'Цена', width: 62, align: 'right', value: (l) => l.price });
  columns.push({ title: 'Сумма', width: 68, align: 'right', value: (l) => l.amount });
  return columns;
}

/** The goods/services table; unified forms get their own column sets. */
export function linesBlock(ctx: BlockContext): PdfContent {
  if (ctx.kind === 'torg12' || ctx.kind === 'upd' || ctx.kind === 'invoice_factura') return formLinesTable(ctx);
  const size = ctx.fontSize - 0.5;
  const columns = simpleColumns(ctx);
  const header = columns.map((c) => headCell(c.title, size, { fillColor: '#eeeeee' }));
  const body: PdfContent[][] = ctx.vm.lines.map((line) =>
    // The font size is set once on the table; cells inherit it. The first cell's id tells render the line's page.
    columns.map((c, i) => (i === 0 ? cell(c.value(line), { alignment: c.align, id: rowId(ctx.part, line.n) }) : c.align === 'left' ? c.value(line) : cell(c.value(line), { alignment: c.align }))),
  );
  const table: PdfTableNode = {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body: [header, ...body] },
    layout: gridLayout(2),
    fontSize: size,
    margin: [0, 4, 0, 2],
  };
  return table;
}

/** «Итого», VAT rows (or «Без налога (НДС)») and «Всего к оплате», right-aligned under the table. */
export function totalsBlock(ctx: BlockContext): PdfContent {
  const { totals } = ctx.vm;
  const size = ctx.fontSize;
  const row = (label: string, value: string): PdfContent[] => [
    cell(`${label}:`, { bold: true, alignment: 'right', fontSize: size, margin: [0, 0, 6, 0] }),
    cell(value, { bold: true, alignment: 'right', fontSize: size }),
  ];
  const rows: PdfContent[][] = [];
  if (totals.discount !== '') rows.push(row('Скидка', totals.discount));
  rows.push(row('Итого', totals.amount));
  for (const vatRow of totals.vatRows) rows.push(row(vatRow.label, vatRow.amount));
  const payable = ctx.kind === 'invoice' || ctx.kind === 'commercial_offer' ? 'Всего к оплате' : 'Всего';
  rows.push(row(payable, totals.gross));
  const table: PdfContent = { ...borderlessTable(['*', 80], rows, { paddingY: 1 }), margin: [0, 2, 0, 4], unbreakable: true };
  const note = ctx.vm.vat.note;
  if (note === '') return table;
  return { stack: [table, cell(note, { italics: true, fontSize: size - 1, alignment: 'right', margin: [0, 0, 0, 4] })], unbreakable: true };
}
