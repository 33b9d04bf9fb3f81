// PDFs of the payroll area: the order with acquaintance sheets, and the month's statement. Built as
// pdfmake definitions from prepared print data; the creation date is fixed, so same data → same bytes.
import { formatDateContract, formatDateNumeric } from '../core/index';
import { FONT_FAMILY, preparePdfmake } from './fonts';
import type { PdfContent, PdfDocDefinition, PdfSectionNode, PdfTableNode } from './pdf-types';
import type { PayrollOrderPrint, PayrollPrintPerson, PayrollPrintTable, PayrollStatementPrint } from './payroll-print-types';

const PORTRAIT: [number, number, number, number] = [56, 34, 40, 34];
const LANDSCAPE: [number, number, number, number] = [28, 28, 28, 28];

function section(content: PdfContent[], orientation: 'portrait' | 'landscape'): PdfSectionNode {
  return { section: content, pageOrientation: orientation, pageMargins: orientation === 'portrait' ? PORTRAIT : LANDSCAPE, footer: () => null, background: () => null };
}

function fixedDate(iso: string | null): Date {
  const d = new Date(`${iso ?? '2000-01-01'}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

function definition(title: string, dateIso: string | null, sections: PdfSectionNode[], fontSize: number): PdfDocDefinition {
  const date = fixedDate(dateIso);
  return {
    info: { title, author: 'Sdelka', subject: title, creator: 'Sdelka', producer: 'Sdelka (pdfmake)', creationDate: date, modDate: date },
    pageSize: 'A4',
    pageOrientation: sections[0]?.pageOrientation ?? 'portrait',
    pageMargins: sections[0]?.pageMargins ?? PORTRAIT,
    defaultStyle: { font: FONT_FAMILY, fontSize, lineHeight: 1.15 },
    images: {},
    content: sections,
    pageBreakBefore: () => false,
  };
}

async function toBytes(def: PdfDocDefinition): Promise<Uint8Array> {
  const bytes = await (await preparePdfmake()).createPdf(def).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function signatureLine(position: string, name: string): PdfContent {
  return {
    margin: [0, 22, 0, 0],
    columns: [
      { text: position, width: '*' },
      { text: '____________________', width: 130, alignment: 'center' },
      { text: `/ ${name} /`, width: 'auto' },
    ],
  };
}

function bandTable(t: PayrollPrintTable): PdfContent {
  const table: PdfTableNode = {
    margin: [0, 2, 0, 0],
    table: { headerRows: 1, widths: ['*', 60], body: [t.head.map((h) => ({ text: h, bold: true })), ...t.rows.map((r) => [r[0], { text: r[1], alignment: 'right' as const }])] },
    layout: 'lightHorizontalLines',
  };
  return { stack: [{ text: t.title }, table], unbreakable: true };
}

/** The band tables side by side, two to a row, so the order keeps to one page. */
function bandTables(tables: readonly PayrollPrintTable[]): PdfContent[] {
  const rows: PdfContent[] = [];
  for (let i = 0; i < tables.length; i += 2) {
    const pair = tables.slice(i, i + 2).map(bandTable);
    if (pair.length === 1) pair.push({ text: '' });
    rows.push({ columns: pair, columnGap: 24, margin: [14, 2, 0, 6] });
  }
  return rows;
}

function orderSection(o: PayrollOrderPrint): PdfSectionNode {
  const heading = o.number === '' ? 'ПРОЕКТ ПРИКАЗА' : `ПРИКАЗ № ${o.number}`;
  const content: PdfContent[] = [
    { text: o.orgName, alignment: 'center', bold: true, fontSize: 11 },
    { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 499, y2: 2, lineWidth: 0.6 }], margin: [0, 2, 0, 14] },
    { text: heading, alignment: 'center', bold: true, fontSize: 13 },
    { text: o.dateIso ? formatDateContract(o.dateIso) : '«___» __________ 20__ г.', margin: [0, 8, 0, 10] },
    { text: o.title, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      text: 'В соответствии со статьями 57 и 135 Трудового кодекса Российской Федерации, в целях связать оплату труда менеджеров по продажам с выполнением планов продаж',
      alignment: 'justify',
    },
    { text: 'ПРИКАЗЫВАЮ:', bold: true, margin: [0, 8, 0, 6] },
  ];
  const points: PdfContent[] = o.points.map((p, i) => ({ text: `${i + 1}. ${p.text}`, alignment: 'justify' as const, margin: [0, 0, 0, 3] as [number, number, number, number] }));
  o.points.forEach((p, i) => {
    content.push(points[i] ?? '');
    content.push(...bandTables(p.tables ?? []));
  });
  // The last point stays on the page of the signature: a signature line never stands alone.
  const closing: PdfContent[] = [content.pop() ?? ''];
  if (o.conditions.trim() !== '') {
    closing.push({ text: `${o.points.length + 1}. Дополнительные условия:`, margin: [0, 3, 0, 2] });
    closing.push({ text: o.conditions.trim(), alignment: 'justify', margin: [14, 0, 0, 3] });
  }
  closing.push(signatureLine(o.directorPosition, o.directorName));
  if (o.approvedNote) closing.push({ text: o.approvedNote, fontSize: 7.5, color: '#555555', margin: [0, 6, 0, 0] });
  content.push({ stack: closing, unbreakable: true });
  return section(content, 'portrait');
}

function acquaintanceSheet(o: PayrollOrderPrint, p: PayrollPrintPerson): PdfSectionNode {
  const ref = o.number === '' ? `проектом приказа «${o.title}»` : `приказом № ${o.number} от ${o.dateIso ? formatDateNumeric(o.dateIso) : ''} «${o.title}»`;
  return section(
    [
      { text: o.orgName, alignment: 'center', bold: true },
      { text: 'ЛИСТ ОЗНАКОМЛЕНИЯ', alignment: 'center', bold: true, fontSize: 13, margin: [0, 18, 0, 12] },
      { text: `С ${ref} ознакомлен(а). Экземпляр Положения о мотивации получил(а).`, alignment: 'justify' },
      {
        margin: [0, 16, 0, 0],
        table: {
          widths: [150, '*'],
          body: [
            ['Работник', { text: p.fullName, bold: true }],
            ['Должность', p.position || '—'],
            ['Действует', o.validity],
            ['Подпись', '\n____________________'],
            ['Дата', '\n«___» __________ 20__ г.'],
          ],
        },
        layout: 'noBorders',
      },
      p.acknowledgedAt
        ? { text: `Ознакомление отмечено в программе «Сделка»: ${formatDateNumeric(p.acknowledgedAt.slice(0, 10))}`, fontSize: 8, color: '#555555', margin: [0, 18, 0, 0] }
        : { text: ' ' },
    ],
    'portrait',
  );
}

/** The order with the director's signature line, then one «С приказом ознакомлен(а)» sheet per covered person. */
export async function renderPayrollOrderPdf(o: PayrollOrderPrint): Promise<Uint8Array> {
  const sections = [orderSection(o), ...o.people.map((p) => acquaintanceSheet(o, p))];
  return toBytes(definition(o.number === '' ? `Проект приказа: ${o.title}` : `Приказ № ${o.number}`, o.dateIso, sections, 9.5));
}

/** The month's statement: a table of accruals with totals and the director's «Утверждаю», then each person's calculation. */
export async function renderPayrollStatementPdf(s: PayrollStatementPrint): Promise<Uint8Array> {
  // Fixed widths fit A4 landscape: the name, then plan, fact, %, rate, K, then eight money columns.
  const FIXED = [88, 52, 52, 32, 26, 22, 48, 44, 44, 40, 46, 52, 46, 52];
  const widths = s.head.map((_, i) => FIXED[i] ?? 50);
  const body: PdfContent[][] = [
    s.head.map((h) => ({ text: h, bold: true, fontSize: 7, alignment: 'center' as const })),
    ...s.rows.map((r) => [{ text: r.fullName }, ...r.cells.map((c) => ({ text: c, alignment: 'right' as const }))]),
    [{ text: 'Итого', bold: true }, ...s.totals.map((c) => ({ text: c, bold: true, alignment: 'right' as const }))],
  ];
  const first: PdfContent[] = [
    {
      columns: [
        { text: s.orgName, bold: true, width: '*' },
        { stack: ['УТВЕРЖДАЮ', s.directorPosition, `____________ / ${s.directorName} /`, s.approvedNote ?? '«___» __________ 20__ г.'], width: 220, fontSize: 8 },
      ],
    },
    { text: `Расчётная ведомость начисления заработной платы за ${s.monthTitle}`, bold: true, fontSize: 12, alignment: 'center', margin: [0, 12, 0, 2] },
    { text: s.status, alignment: 'center', color: '#555555', margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths, body }, fontSize: 7.5 },
  ];
  const problems = s.rows.filter((r) => r.problem !== null);
  if (problems.length > 0) {
    first.push({ text: problems.map((r) => `${r.fullName}: ${r.problem ?? ''}`).join('\n'), color: '#a00000', margin: [0, 6, 0, 0] });
  }
  const details: PdfContent[] = [{ text: 'Расчёт по каждому работнику', bold: true, fontSize: 11, margin: [0, 0, 0, 6] }];
  for (const r of s.rows) {
    details.push({ text: r.fullName, bold: true, margin: [0, 6, 0, 2] });
    details.push({
      table: { widths: [220, '*'], body: r.explanation.map((l) => [l.label, { text: l.value, alignment: 'left' as const }]) },
      layout: { hLineWidth: (i) => (i === 0 ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => '#bbbbbb' },
      fontSize: 8,
      unbreakable: true,
    });
  }
  const sections = [section(first, 'landscape'), section(details, 'portrait')];
  return toBytes(definition(`Расчётная ведомость за ${s.monthTitle}`, s.dateIso, sections, 9));
}
