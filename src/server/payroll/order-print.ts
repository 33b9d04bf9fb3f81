// The order's printable text: its points in the structure of the «Положение о мотивации» (ru-documents §6).
import { formatDateNumeric, formatDecimal, formatMoneyRub, formatPercent } from '../../core/index';
import type { PayrollOrderPrint, PayrollPrintTable } from '../../documents/index';
import type { PayrollOrderDto, PayrollSchemeDto } from '../../shared/api/payroll-types';
import type { Org } from '../../shared/api/orgs';

function bandRange(from: number, next: number | undefined): string {
  if (next === undefined) return `${formatPercent(from)} и выше`;
  if (from === 0) return `ниже ${formatPercent(next)}`;
  return `от ${formatPercent(from)} до ${formatPercent(next)}`;
}

function tables(s: PayrollSchemeDto): PayrollPrintTable[] {
  const out: PayrollPrintTable[] = [
    {
      title: s.rateMode === 'whole' ? 'Ставка премии (на весь факт) по выполнению личного плана:' : 'Ставка премии по частям факта (каждая часть — по своей ставке):',
      head: ['Выполнение личного плана', 'Ставка'],
      rows: s.rateBands.map((b, i) => [bandRange(b.fromBasisPoints, s.rateBands[i + 1]?.fromBasisPoints), formatPercent(b.rateBasisPoints)]),
    },
  ];
  if (s.deptMultiplierBands.length > 0) {
    out.push({
      title: 'Коэффициент K по выполнению плана отдела:',
      head: ['Выполнение плана отдела', 'K'],
      rows: s.deptMultiplierBands.map((b, i) => [bandRange(b.fromBasisPoints, s.deptMultiplierBands[i + 1]?.fromBasisPoints), formatDecimal(b.multiplierBasisPoints, 4)]),
    });
  }
  if (s.deptBonusBands.length > 0) {
    out.push({
      title: 'Фиксированный бонус за выполнение плана отдела:',
      head: ['Выполнение плана отдела', 'Бонус'],
      rows: s.deptBonusBands.map((b) => [`от ${formatPercent(b.fromBasisPoints)}`, formatMoneyRub(b.amountKopecks)]),
    });
  }
  return out;
}

/** The validity in words: «с 01.12.2026 по 31.05.2027» or «с 01.12.2026 до замены новым приказом». */
export function validityText(o: Pick<PayrollOrderDto, 'validFrom' | 'validTo'>): string {
  return o.validTo ? `с ${formatDateNumeric(o.validFrom)} по ${formatDateNumeric(o.validTo)}` : `с ${formatDateNumeric(o.validFrom)} до замены новым приказом`;
}

function coveredText(o: PayrollOrderDto): string {
  const names = o.people.map((p) => p.fullName).join(', ');
  return names === '' ? o.coverage : `${o.coverage} — ${names}`;
}

/** Prepares the order for printing (numbers and words only; the PDF builder formats nothing). */
export function orderPrint(o: PayrollOrderDto, org: Org | null): PayrollOrderPrint {
  const s = o.scheme;
  const base =
    s.commissionBase === 'revenue_net'
      ? 'денежные средства без НДС, поступившие в отчётном месяце на расчётный счёт от клиентов, закреплённых за работником на дату оплаты'
      : 'валовая маржа по сделкам работника, оплаченным в отчётном месяце';
  const formula =
    s.deptMultiplierBands.length > 0 ? 'Премия = База × Ставка(выполнение личного плана) × K(выполнение плана отдела).' : 'Премия = База × Ставка(выполнение личного плана).';
  const points: PayrollOrderPrint['points'] = [
    { text: `Утвердить Положение о мотивации и ввести его в действие ${validityText(o)} для работников: ${coveredText(o)}.` },
    { text: `Заработная плата работника состоит из оклада и переменной части (премии). Оклад — ${formatMoneyRub(s.baseSalaryKopecks)} в месяц.` },
    { text: `База премии — ${base}. План продаж — личный план работника и план отдела на месяц, утверждённые приказом до начала месяца. Период — календарный месяц.` },
    {
      text: `${formula} Процент выполнения плана сравнивается со ступенями шкалы без округления.${s.minPersonalBasisPoints > 0 ? ` При выполнении личного плана менее ${formatPercent(s.minPersonalBasisPoints)} премия не начисляется.` : ''}`,
      tables: tables(s),
    },
  ];
  if (o.holdUnsigned) {
    const grace = o.holdGraceDays > 0 ? ` с учётом ${o.holdGraceDays} дн. сверх срока` : '';
    points.push({
      text: `Премия с оплаты не начисляется, пока акты (накладные, УПД) по договору или сделке этой оплаты не подписаны клиентом в установленный срок${grace}. Удержанная премия начисляется в расчёте за месяц, в котором акты подписаны.`,
    });
  }
  points.push(
    { text: `Расчёт производится после закрытия месяца по утверждённому коммерческому отчёту. Из начисленной суммы удерживается НДФЛ по ставке ${formatPercent(s.ndflBasisPoints)}.` },
    { text: 'Заработная плата выплачивается не реже чем каждые полмесяца, не позднее 15-го числа месяца, следующего за отчётным (ст. 136 ТК РФ).' },
    { text: 'Ознакомить работников с настоящим приказом под подпись. Контроль за исполнением приказа оставляю за собой.' },
  );
  return {
    orgName: org?.fullName ?? '',
    number: o.status === 'approved' || o.status === 'superseded' ? o.number : '',
    dateIso: o.orderDate,
    title: o.title,
    validity: validityText(o),
    coverage: o.coverage,
    points,
    conditions: o.conditions,
    directorPosition: org?.directorPosition ?? 'Директор',
    directorName: org?.directorName ?? '',
    approvedNote: o.approvedAt && o.approvedByName ? `Утверждён в программе «Сделка»: ${o.approvedByName}, ${formatDateNumeric(o.approvedAt.slice(0, 10))}` : null,
    people: o.people.map((p) => ({ fullName: p.fullName, position: p.position, acknowledgedAt: p.acknowledgedAt })),
  };
}
