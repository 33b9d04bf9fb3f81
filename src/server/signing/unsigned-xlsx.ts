import { formatDateNumeric, SENDING_METHOD_LABELS, signatureDeadlines, SIGNING_STATE_LABELS, daysOverdue } from '../../core/index';
import type { UnsignedOnDate } from '../../db/repos/signing-export-repo';
import type { SigningRuleDto } from '../../shared/api/signing-types';
import { signingDocTitle } from '../../shared/api/signing-types';

/** What the workbook needs besides the rows: the day, the rules and the calendar in force. */
export interface UnsignedExportContext {
  day: string;
  rules: readonly SigningRuleDto[];
  holidays: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

const rub = (kopecks: number) => kopecks / 100;

/** The deadline that stood on `day` for a row (the scan's while unsigned, else the original's), or null. */
function dueOn(r: UnsignedOnDate, c: UnsignedExportContext): string | null {
  const rule = c.rules.find((x) => x.kind === r.kind);
  if (!rule || r.stateOn === 'refused') return null;
  const d = signatureDeadlines({ sentAt: r.sentOn ?? r.issuedOn, rules: rule }, c.holidays, c.workingWeekends);
  const unsigned = r.needsClientSignature && ['issued', 'sent', 'signed_by_us'].includes(r.stateOn);
  return unsigned ? d.scanDue : r.needsOriginal ? d.originalDue : null;
}

/** «Неподписанные документы на дату» as an XLSX workbook: one row per document, totals at the end. */
export async function unsignedWorkbook(rows: readonly UnsignedOnDate[], c: UnsignedExportContext): Promise<Buffer> {
  // Loaded here, not at the top: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Сделка';
  const ws = wb.addWorksheet('Неподписанные');
  ws.addRow([`Неподписанные документы на ${formatDateNumeric(c.day)}`]).font = { bold: true, size: 13 };
  ws.addRow(['Документы, которые на эту дату ждали подписи клиента или возврата оригинала. Счёт-фактура исполнение обязательств не подтверждает и здесь не учитывается.']);
  ws.addRow([]);
  const head = ['Менеджер', 'Клиент', 'Документ', 'Сумма, руб.', 'Риск по договору, руб.', 'Состояние на дату', 'Отправлен', 'Способ', 'Срок', 'Дней просрочки'];
  ws.addRow(head).font = { bold: true };
  let total = 0;
  for (const r of rows) {
    const due = dueOn(r, c);
    const overdue = due ? daysOverdue(due, c.day) : 0;
    if (!r.riskFromActs) total += r.amountKopecks;
    ws.addRow([
      r.managerName,
      r.clientName,
      signingDocTitle(r),
      rub(r.amountKopecks),
      r.riskFromActs ? rub(r.riskKopecks) : '',
      SIGNING_STATE_LABELS[r.stateOn],
      r.sentOn ? formatDateNumeric(r.sentOn) : '',
      r.sentMethod ? SENDING_METHOD_LABELS[r.sentMethod] : '',
      due ? formatDateNumeric(due) : '',
      overdue > 0 ? overdue : '',
    ]);
  }
  ws.addRow([]);
  ws.addRow(['Итого документов', '', rows.length, rub(total)]).font = { bold: true };
  ws.getColumn(4).numFmt = '#,##0.00';
  ws.getColumn(5).numFmt = '#,##0.00';
  const widths = [26, 30, 44, 16, 18, 20, 12, 12, 12, 10];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
