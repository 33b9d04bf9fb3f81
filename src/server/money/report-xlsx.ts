import { formatDateNumeric, formatPercent } from '../../core/index';
import type { CommercialReportDto } from '../../shared/api/commercial-report-types';
import { monthLabel } from './errors';

const rubles = (k: number | null) => (k === null ? '—' : k / 100);
const percent = (bp: number | null) => (bp === null ? '—' : formatPercent(bp));
const MONEY = '#,##0.00';

/** The commercial report as an XLSX workbook: the summary per manager and the department, then every payment and deal. */
export async function commercialReportWorkbook(r: CommercialReportDto): Promise<Buffer> {
  // Loaded here, not at the top: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Сделка';
  const sum = wb.addWorksheet('Итоги');
  sum.addRow([`Коммерческий отчёт за ${monthLabel(r.month)}`]).font = { bold: true, size: 13 };
  sum.addRow([r.closed ? 'Месяц закрыт: цифры окончательные.' : r.live ? 'Месяц идёт: цифры обновляются с каждым платежом.' : 'Месяц не закрыт.']);
  sum.addRow([r.commission.note]);
  sum.addRow([]);
  sum.addRow(['Менеджер', 'Сделок', 'Сумма сделок, ₽', 'Поступило, ₽', 'Без НДС (факт), ₽', 'План, ₽', 'Выполнение', 'Комиссия, ₽']).font = { bold: true };
  for (const m of r.managers) {
    sum.addRow([m.managerName, m.deals.length, rubles(m.dealsKopecks), rubles(m.grossKopecks), rubles(m.factKopecks), rubles(m.planKopecks), percent(m.percentBp), rubles(m.commissionKopecks)]);
  }
  const d = r.department;
  sum.addRow(['Отдел', d.dealsCount, rubles(d.dealsKopecks), rubles(d.grossKopecks), rubles(d.factKopecks), rubles(d.planKopecks), percent(d.percentBp), rubles(d.commissionKopecks)]).font = { bold: true };
  if (r.unassigned.count > 0) sum.addRow([`Не отнесено к менеджеру (${r.unassigned.count})`, '', '', rubles(r.unassigned.grossKopecks), rubles(r.unassigned.netKopecks)]);
  sum.getColumn(1).width = 36;
  for (let i = 2; i <= 8; i++) {
    sum.getColumn(i).width = 18;
    sum.getColumn(i).numFmt = MONEY;
  }
  sum.getColumn(2).numFmt = '0';

  const pays = wb.addWorksheet('Платежи');
  pays.addRow(['Менеджер', 'Дата', 'Клиент', '№ п/п', 'Счета', 'Сумма, ₽', 'НДС, ₽', 'Без НДС, ₽', 'Комиссия, ₽']).font = { bold: true };
  for (const m of r.managers) {
    for (const p of m.payments) {
      pays.addRow([m.managerName, formatDateNumeric(p.date), p.clientName, p.docNumber, p.invoices.join(', '), rubles(p.grossKopecks), rubles(p.vatKopecks), rubles(p.netKopecks), rubles(p.commissionKopecks)]);
    }
  }
  [30, 12, 30, 10, 34, 16, 14, 16, 14].forEach((w, i) => (pays.getColumn(i + 1).width = w));
  for (let i = 6; i <= 9; i++) pays.getColumn(i).numFmt = MONEY;

  const deals = wb.addWorksheet('Сделки');
  deals.addRow(['Менеджер', 'Закрыта', 'Клиент', 'Сделка', 'Сумма, ₽']).font = { bold: true };
  for (const m of r.managers) for (const x of m.deals) deals.addRow([m.managerName, formatDateNumeric(x.closedAt.slice(0, 10)), x.clientName, x.title, rubles(x.amountKopecks)]);
  [30, 12, 30, 40, 16].forEach((w, i) => (deals.getColumn(i + 1).width = w));
  deals.getColumn(5).numFmt = MONEY;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
