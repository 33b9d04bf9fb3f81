// The order editor's state as typed (strings) and its conversion to and from the contract's shape.
import { periodDays, SCHEME_A_EXAMPLE, type PayrollScheme } from '../../../../core/index';
import type { PayrollOrderDto, PayrollOrderInput, PayrollSchemeDto } from '../../../../shared/api/payroll-types';
import type { Role } from '../../../../shared/roles';
import { parseRoubles, parseScaled, roublesInput, scaledInput } from './format';
import { Z } from './strings';

/** One band as typed: from what % of plan, and the value (rate %, K, or roubles). */
export type BandRow = { from: string; value: string };

/** The scheme as typed. */
export type SchemeForm = {
  name: string;
  salary: string;
  base: 'revenue_net' | 'gross_margin';
  rateMode: 'whole' | 'progressive';
  rates: BandRow[];
  ks: BandRow[];
  bonuses: BandRow[];
  minPersonal: string;
  ndfl: string;
};

/** The whole order as typed. */
export type OrderForm = {
  title: string;
  fromMonth: string;
  toMonth: string;
  roles: Role[];
  userIds: string[];
  scheme: SchemeForm;
  holdUnsigned: boolean;
  holdGraceDays: string;
  conditions: string;
};

/** A scheme as typed rows. */
export function schemeToForm(s: PayrollScheme | PayrollSchemeDto): SchemeForm {
  return {
    name: s.name,
    salary: roublesInput(s.baseSalaryKopecks),
    base: s.commissionBase,
    rateMode: s.rateMode,
    rates: s.rateBands.map((b) => ({ from: scaledInput(b.fromBasisPoints, 2), value: scaledInput(b.rateBasisPoints, 2) })),
    ks: s.deptMultiplierBands.map((b) => ({ from: scaledInput(b.fromBasisPoints, 2), value: scaledInput(b.multiplierBasisPoints, 4) })),
    bonuses: s.deptBonusBands.map((b) => ({ from: scaledInput(b.fromBasisPoints, 2), value: roublesInput(b.amountKopecks) })),
    minPersonal: scaledInput(s.minPersonalBasisPoints, 2),
    ndfl: scaledInput(s.ndflBasisPoints, 2),
  };
}

/** A new order: Scheme A for all managers from next month. */
export function newOrderForm(today: string): OrderForm {
  const [y, m] = today.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    title: Z.defaultTitle,
    fromMonth: next,
    toMonth: '',
    roles: ['manager'],
    userIds: [],
    scheme: schemeToForm(SCHEME_A_EXAMPLE),
    holdUnsigned: true,
    holdGraceDays: '0',
    conditions: '',
  };
}

/** A saved order as typed. */
export function orderToForm(o: PayrollOrderDto): OrderForm {
  return {
    title: o.title,
    fromMonth: o.validFrom.slice(0, 7),
    toMonth: o.validTo ? o.validTo.slice(0, 7) : '',
    roles: o.roles,
    userIds: o.userIds.map(String),
    scheme: schemeToForm(o.scheme),
    holdUnsigned: o.holdUnsigned,
    holdGraceDays: String(o.holdGraceDays),
    conditions: o.conditions,
  };
}

function bands<T>(rows: BandRow[], what: string, value: (v: string) => number | null, make: (from: number, v: number) => T): T[] {
  return rows.map((r, i) => {
    const from = parseScaled(r.from, 2);
    const v = value(r.value);
    if (from === null || v === null) throw new Error(`${what}: проверьте ступень ${i + 1}`);
    return make(from, v);
  });
}

/** The typed order for the contract; throws an Error with a Russian message on a bad number. */
export function formToInput(f: OrderForm): PayrollOrderInput {
  const salary = parseRoubles(f.scheme.salary);
  if (salary === null) throw new Error('Оклад: укажите сумму в рублях');
  const minPersonal = parseScaled(f.scheme.minPersonal || '0', 2);
  const ndfl = parseScaled(f.scheme.ndfl, 2);
  if (minPersonal === null || ndfl === null) throw new Error('Порог и НДФЛ: укажите проценты числом');
  if (!/^\d{4}-\d{2}$/.test(f.fromMonth)) throw new Error('Укажите месяц начала действия');
  if (f.toMonth !== '' && !/^\d{4}-\d{2}$/.test(f.toMonth)) throw new Error('Месяц окончания: ГГГГ-ММ или пусто');
  const grace = Number(f.holdGraceDays || '0');
  if (!Number.isInteger(grace) || grace < 0) throw new Error('Дни сверх срока: целое число');
  return {
    title: f.title,
    validFrom: `${f.fromMonth}-01`,
    validTo: f.toMonth === '' ? null : periodDays(f.toMonth).to,
    roles: f.roles,
    userIds: f.userIds.map(Number),
    scheme: {
      name: f.scheme.name,
      baseSalaryKopecks: salary,
      commissionBase: f.scheme.base,
      rateMode: f.scheme.rateMode,
      rateBands: bands(f.scheme.rates, 'Шкала ставок', (v) => parseScaled(v, 2), (from, v) => ({ fromBasisPoints: from, rateBasisPoints: v })),
      minPersonalBasisPoints: minPersonal,
      deptMultiplierBands: bands(f.scheme.ks, 'Коэффициент отдела', (v) => parseScaled(v, 4), (from, v) => ({ fromBasisPoints: from, multiplierBasisPoints: v })),
      deptBonusBands: bands(f.scheme.bonuses, 'Бонус отдела', parseRoubles, (from, v) => ({ fromBasisPoints: from, amountKopecks: v })),
      ndflBasisPoints: ndfl,
    },
    holdUnsigned: f.holdUnsigned,
    holdGraceDays: grace,
    conditions: f.conditions,
  };
}
