import type { PayrollStatementDto } from '../../shared/api/payroll-types';
import { lineNumbers, STATEMENT_HEAD } from './statement-print';
import { monthTitle } from './statement-view';

const RUB = '#,##0.00';

/** The statement as an XLSX workbook: the table in rubles (numbers, not text) and each person's calculation. */
export async function statementWorkbook(s: PayrollStatementDto): Promise<Buffer> {
  // Loaded here, not at the top: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Сделка';
  const sheet = wb.addWorksheet('Ведомость');
  sheet.addRow([`Расчётная ведомость за ${monthTitle(s.month)}`]).font = { bold: true, size: 13 };
  sheet.addRow([s.statement?.status === 'approved' ? `Утверждена: ${s.statement.approvedByName ?? ''}, ${s.statement.approvedAt?.slice(0, 10) ?? ''}` : 'Черновик — не утверждена директором']);
  sheet.addRow([]);
  sheet.addRow(['Работник', ...STATEMENT_HEAD, 'Примечание']).font = { bold: true };
  for (const l of s.lines) {
    const nums = lineNumbers(l).map((k) => (k === null ? null : k / 100));
    const row = sheet.addRow([
      l.fullName,
      nums[0],
      nums[1],
      l.problem === null ? Number(l.personalPercent) / 100 : null,
      l.problem === null ? l.rateBasisPoints / 10_000 : null,
      l.problem === null ? l.multiplierBasisPoints / 10_000 : null,
      ...nums.slice(5),
      l.problem ?? '',
    ]);
    for (const i of [2, 3, 7, 8, 9, 10, 11, 12, 13, 14]) row.getCell(i).numFmt = RUB;
    row.getCell(4).numFmt = '0.00%';
    row.getCell(5).numFmt = '0.00%';
  }
  const first = 5;
  const last = first + s.lines.length - 1;
  const total = sheet.addRow(['Итого', null, null, null, null, null]);
  total.font = { bold: true };
  for (let c = 7; c <= 14; c++) {
    const col = sheet.getColumn(c).letter;
    total.getCell(c).value = s.lines.length > 0 ? { formula: `SUM(${col}${first}:${col}${last})` } : 0;
    total.getCell(c).numFmt = RUB;
  }
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= 14; c++) sheet.getColumn(c).width = 14;
  sheet.getColumn(15).width = 50;

  const details = wb.addWorksheet('Расчёт');
  for (const l of s.lines) {
    details.addRow([l.fullName]).font = { bold: true };
    for (const e of l.explanation) details.addRow([e.label, e.value, e.note ?? '']);
    details.addRow([]);
  }
  details.getColumn(1).width = 40;
  details.getColumn(2).width = 40;
  details.getColumn(3).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
