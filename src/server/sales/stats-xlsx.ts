import { formatDateNumeric, WORK_CONVERSIONS, WORK_METRIC_LABELS, WORK_METRICS } from '../../core/index';
import type { WorkStatsResult, WorkStatsRow } from '../../shared/api/sales-stats';

const GRANULARITY: Record<WorkStatsResult['granularity'], string> = { day: 'День', week: 'Неделя с', month: 'Месяц' };

function counts(r: WorkStatsRow): (number | string)[] {
  return WORK_METRICS.map((m) => r.counts[m] ?? '—');
}

function conversionCells(r: WorkStatsRow): string[] {
  return r.conversions.map((c) => c.percent ?? '—');
}

/** The statistics as an XLSX workbook: totals with conversions, the time series, the objections. */
export async function workStatsWorkbook(s: WorkStatsResult): Promise<Buffer> {
  // Loaded here, not at the top: exceljs adds about 0.4 s to every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Сделка';
  const period = `${formatDateNumeric(s.from)} — ${formatDateNumeric(s.to)}`;

  const totals = wb.addWorksheet('Статистика');
  totals.addRow([`Статистика коммерческой работы за ${period}`]).font = { bold: true, size: 13 };
  totals.addRow(['Счёт ведётся по журналу звонков и встреч; «—» — источник (документы, платежи) ещё не подключён.']);
  totals.addRow([]);
  const conversionTitles = WORK_CONVERSIONS.map((c) => `${WORK_METRIC_LABELS[c.from]} → ${WORK_METRIC_LABELS[c.to]}`);
  totals.addRow(['Менеджер', ...WORK_METRICS.map((m) => WORK_METRIC_LABELS[m]), ...conversionTitles]).font = { bold: true };
  for (const r of s.rows) totals.addRow([r.name, ...counts(r), ...conversionCells(r)]);
  totals.addRow([s.department.name, ...counts(s.department), ...conversionCells(s.department)]).font = { bold: true };
  totals.getColumn(1).width = 34;
  for (let i = 2; i <= 1 + WORK_METRICS.length + conversionTitles.length; i++) totals.getColumn(i).width = 14;

  const series = wb.addWorksheet('По периодам');
  series.addRow([GRANULARITY[s.granularity], 'Менеджер', ...WORK_METRICS.map((m) => WORK_METRIC_LABELS[m])]).font = { bold: true };
  const names = new Map(s.rows.map((r) => [String(r.managerId), r.name]));
  for (const p of s.series) {
    for (const [id, c] of Object.entries(p.byManager)) {
      series.addRow([formatDateNumeric(p.bucket), names.get(id) ?? id, ...WORK_METRICS.map((m) => c[m] ?? '—')]);
    }
  }
  series.getColumn(1).width = 14;
  series.getColumn(2).width = 34;

  const objections = wb.addWorksheet('Возражения');
  objections.addRow(['Возражение', 'Сколько раз прозвучало']).font = { bold: true };
  for (const o of s.topObjections) objections.addRow([o.text, o.count]);
  objections.getColumn(1).width = 60;
  objections.getColumn(2).width = 22;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
