// The statement's columns, shared by the PDF and the XLSX.
import { formatDateNumeric, formatDecimal, formatMoney, formatPercent, periodDays } from '../../core/index';
import type { PayrollStatementPrint } from '../../documents/index';
import type { PayrollLineDto, PayrollStatementDto } from '../../shared/api/payroll-types';
import type { Org } from '../../shared/api/orgs';
import { monthTitle } from './statement-view';

/** Column titles after the name. */
export const STATEMENT_HEAD = ['План', 'Факт', '% плана', 'Ставка', 'K', 'Премия', 'Удержано', 'Выплата удерж.', 'Бонус', 'Оклад', 'Начислено', 'НДФЛ', 'К выплате'];

/** Money columns of a line as kopecks (null where the column is not money). */
export function lineNumbers(l: PayrollLineDto): (number | null)[] {
  return [l.planKopecks, l.factKopecks, null, null, null, l.commissionKopecks, l.heldKopecks, l.releasedKopecks, l.bonusKopecks, l.salaryKopecks, l.accruedKopecks, l.ndflKopecks, l.netKopecks];
}

/** A line's cells as printed. */
export function lineCells(l: PayrollLineDto): string[] {
  const money = (k: number | null) => (k === null ? '—' : formatMoney(k));
  if (l.problem !== null) return [money(l.planKopecks), money(l.factKopecks), ...STATEMENT_HEAD.slice(2).map(() => '—')];
  return [
    money(l.planKopecks),
    money(l.factKopecks),
    `${l.personalPercent.replace('.', ',')}%`,
    formatPercent(l.rateBasisPoints),
    formatDecimal(l.multiplierBasisPoints, 4),
    money(l.commissionKopecks),
    l.heldKopecks > 0 ? `−${formatMoney(l.heldKopecks)}` : '—',
    l.releasedKopecks > 0 ? formatMoney(l.releasedKopecks) : '—',
    l.bonusKopecks > 0 ? formatMoney(l.bonusKopecks) : '—',
    money(l.salaryKopecks),
    money(l.accruedKopecks),
    money(l.ndflKopecks),
    money(l.netKopecks),
  ];
}

/** The statement prepared for the PDF. */
export function statementPrint(s: PayrollStatementDto, org: Org | null): PayrollStatementPrint {
  const sum = (i: number) => s.lines.reduce((acc, l) => acc + (l.problem === null ? (lineNumbers(l)[i] ?? 0) : 0), 0);
  const totals = STATEMENT_HEAD.map((_, i) => ([5, 6, 7, 8, 9, 10, 11, 12].includes(i) ? formatMoney(sum(i)) : ''));
  const approved = s.statement?.status === 'approved' && s.statement.approvedAt;
  return {
    orgName: org?.fullName ?? '',
    monthTitle: monthTitle(s.month),
    dateIso: periodDays(s.month).to,
    status: approved ? 'Утверждена' : 'Черновик — не утверждена директором',
    head: ['Работник', ...STATEMENT_HEAD],
    rows: s.lines.map((l) => ({ fullName: l.fullName, cells: lineCells(l), problem: l.problem, explanation: l.explanation.map((e) => ({ label: e.label, value: e.note ? `${e.value} (${e.note})` : e.value })) })),
    totals,
    approvedNote: approved && s.statement?.approvedAt ? `${formatDateNumeric(s.statement.approvedAt.slice(0, 10))} (${s.statement.approvedByName ?? ''})` : null,
    directorPosition: org?.directorPosition ?? 'Директор',
    directorName: org?.directorName ?? '',
  };
}
