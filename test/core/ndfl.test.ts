import { describe, expect, it } from 'vitest';
import { computeMonthPay, ndflForMonth, ndflOnYearIncome, SCHEME_A_EXAMPLE } from '../../src/core';
import { rub, vectors } from './reference';

// Hand-computed from the scale of 376-ФЗ (ru-documents §7): 13 % to 2.4 млн, 15 % to 5 млн, 18 % to 20 млн,
// 20 % to 50 млн, 22 % above; whole roubles (п.6 ст.52 НК).
const YEAR_TABLE: [string, string][] = [
  ['102100', '13273'], // Scheme A's worked example
  ['1003.85', '131'], // 130.5005 ₽ → 131 ₽
  ['100000.50', '13000'], // 13 000.065 ₽ → 13 000 ₽
  ['2400000', '312000'],
  ['2600000', '342000'], // the reference's example: 312 000 + 30 000
  ['5000000', '702000'], // 312 000 + 2 600 000 × 15 %
  ['20000000', '3402000'], // + 15 000 000 × 18 %
  ['50000000', '9402000'], // + 30 000 000 × 20 %
  ['60000000', '11602000'], // + 10 000 000 × 22 %
];

describe('НДФЛ by the progressive scale', () => {
  it.each(YEAR_TABLE)('a year income of %s ₽ carries %s ₽ of tax', (income, tax) => {
    expect(ndflOnYearIncome(rub(income))).toBe(rub(tax));
  });

  it('withholds a month cumulatively: the tax on the year so far minus what earlier months withheld', () => {
    // 2 350 000 before (305 500 withheld) + 100 000 now: 312 000 + 50 000 × 15 % − 305 500 = 14 000.
    const r = ndflForMonth({ earlierIncomeKopecks: rub('2350000'), earlierNdflKopecks: rub('305500'), accruedKopecks: rub('100000') });
    expect(r.ndflKopecks).toBe(rub('14000'));
    expect(r.bracket).toContain('15%');
    expect(r.yearIncomeKopecks).toBe(rub('2450000'));
  });

  it('keeps every worked example of the reference at 13 % in January', () => {
    for (const v of [...vectors.payroll.scheme_A, ...vectors.payroll.scheme_B]) {
      expect(ndflForMonth({ earlierIncomeKopecks: 0, earlierNdflKopecks: 0, accruedKopecks: rub(v.accrued) }).ndflKopecks).toBe(rub(v.ndfl13));
    }
  });

  it('explains the bracket on the statement line and takes the year into account', () => {
    const input = { planKopecks: rub('1500000'), factKopecks: rub('1380000'), deptPlanKopecks: rub('6000000'), deptFactKopecks: rub('5700000'), payments: [], releasedKopecks: 0 };
    const january = computeMonthPay(SCHEME_A_EXAMPLE, input);
    expect(january.ndflKopecks).toBe(rub('13273'));
    // 2 350 000 + 102 100 = 2 452 100: 312 000 + 52 100 × 15 % = 319 815; minus 305 500 withheld = 14 315.
    const late = computeMonthPay(SCHEME_A_EXAMPLE, { ...input, yearToDate: { incomeKopecks: rub('2350000'), ndflKopecks: rub('305500') } });
    expect(late.ndflKopecks).toBe(rub('14315'));
    expect(late.netKopecks).toBe(rub('87785'));
    const line = late.explanation.find((l) => l.label.startsWith('НДФЛ'));
    expect(line?.label).toBe('НДФЛ 15%');
    expect(line?.note).toContain('2\u00a0452\u00a0100,00\u00a0₽');
  });
});
