import { describe, expect, it } from 'vitest';
import {
  computePayroll,
  SCHEME_A_EXAMPLE,
  SCHEME_B_EXAMPLE,
  validatePayrollScheme,
  type PayrollScheme,
} from '../../src/core';
import { rub, vectors } from './reference';

/** "0.05" → 500 basis points, "0.9" → 9000 (fixture rates and K are plain decimals). */
function basisPoints(decimal: string): number {
  return rub(decimal) * 100;
}

describe('Scheme A: rate by personal plan × department multiplier', () => {
  it.each(vectors.payroll.scheme_A)('pays fact $fact of plan $plan with department at $dept_pct%', (v) => {
    const result = computePayroll(SCHEME_A_EXAMPLE, {
      planKopecks: rub(String(v.plan)),
      factKopecks: rub(String(v.fact)),
      deptPlanKopecks: rub(String(v.dept_plan)),
      deptFactKopecks: rub(String(v.dept_fact)),
    });
    expect(SCHEME_A_EXAMPLE.baseSalaryKopecks).toBe(rub(v.oklad));
    expect(result.personalPercent).toBe(v.personal_pct);
    expect(result.deptPercent).toBe(v.dept_pct);
    expect(result.rate).toBe(basisPoints(v.rate));
    expect(result.multiplier).toBe(basisPoints(v.K));
    expect(result.bonusKopecks).toBe(rub(v.bonus));
    expect(result.accruedKopecks).toBe(rub(v.accrued));
    expect(result.ndflKopecks).toBe(rub(v.ndfl13));
    expect(result.netKopecks).toBe(rub(v.net));
  });
  it('compares percentages unrounded: 1 049 999 of 1 500 000 is below 70 %', () => {
    const input = { planKopecks: 150_000_000, deptPlanKopecks: 600_000_000, deptFactKopecks: 600_000_000 };
    expect(computePayroll(SCHEME_A_EXAMPLE, { ...input, factKopecks: 104_999_999 }).rate).toBe(200);
    expect(computePayroll(SCHEME_A_EXAMPLE, { ...input, factKopecks: 105_000_000 }).rate).toBe(400);
  });
  it('prints the calculation with Russian labels', () => {
    const result = computePayroll(SCHEME_A_EXAMPLE, {
      planKopecks: 150_000_000,
      factKopecks: 138_000_000,
      deptPlanKopecks: 600_000_000,
      deptFactKopecks: 570_000_000,
      heldKopecks: 1_000_000,
    });
    const byLabel = Object.fromEntries(result.lines.map((l) => [l.label, l.value]));
    expect(byLabel).toMatchObject({
      'Оклад': '40\u00a0000,00\u00a0₽',
      'Процент выполнения личного плана': '92,00%',
      'Процент выполнения плана отдела': '95,00%',
      'Ставка': '5%',
      'Коэффициент отдела': '0,9',
      'Премия': '62\u00a0100,00\u00a0₽',
      'НДФЛ 13%': '13\u00a0273,00\u00a0₽',
      'Удержано до подписания актов': '10\u00a0000,00\u00a0₽',
    });
    expect(result.payableNowKopecks).toBe(result.netKopecks - 1_000_000);
  });
});

describe('Scheme B: percentage of margin, higher above plan', () => {
  it.each(vectors.payroll.scheme_B)('pays margin $fact_margin of plan $plan_margin', (v) => {
    const result = computePayroll(SCHEME_B_EXAMPLE, {
      planKopecks: rub(String(v.plan_margin)),
      factKopecks: rub(String(v.fact_margin)),
      deptPlanKopecks: rub(String(v.dept_plan)),
      deptFactKopecks: rub(String(v.dept_fact)),
    });
    expect(SCHEME_B_EXAMPLE.baseSalaryKopecks).toBe(rub(v.oklad));
    expect(result.personalPercent).toBe(v.personal_pct);
    expect(result.commissionKopecks).toBe(rub(v.commission));
    expect(result.fixedBonusKopecks).toBe(rub(v.team_bonus));
    expect(result.accruedKopecks).toBe(rub(v.accrued));
    expect(result.ndflKopecks).toBe(rub(v.ndfl13));
    expect(result.netKopecks).toBe(rub(v.net));
    expect(result.netKopecks).toBe(result.accruedKopecks - result.ndflKopecks);
  });
  it('says when the minimum for a commission was not reached', () => {
    const result = computePayroll(SCHEME_B_EXAMPLE, {
      planKopecks: 40_000_000, factKopecks: 19_999_900, deptPlanKopecks: 1, deptFactKopecks: 0,
    });
    expect(result.rate).toBe(0);
    expect(result.lines.find((l) => l.label === 'Порог начисления премии')?.value).toBe('50% плана не достигнут');
    expect(result.lines.find((l) => l.label === 'Ставка')?.value).toBe('10% от 0% до 100% плана; 15% от 100% плана');
  });
});

describe('scheme and input checks', () => {
  const broken: PayrollScheme = {
    ...SCHEME_A_EXAMPLE,
    rateBands: [{ fromBasisPoints: 100, rateBasisPoints: 200 }, { fromBasisPoints: 50, rateBasisPoints: 300 }],
  };
  it('lists what is wrong with a scheme in Russian', () => {
    expect(validatePayrollScheme(SCHEME_A_EXAMPLE)).toEqual([]);
    expect(validatePayrollScheme(SCHEME_B_EXAMPLE)).toEqual([]);
    expect(validatePayrollScheme(broken)).toEqual([
      'Шкала ставок: первая ступень должна начинаться с 0 %',
      'Шкала ставок: ступени должны идти по возрастанию процента',
    ]);
  });
  it('refuses to compute with an invalid scheme or a zero plan', () => {
    const input = { planKopecks: 100, factKopecks: 100, deptPlanKopecks: 100, deptFactKopecks: 100 };
    expect(() => computePayroll(broken, input)).toThrow(/Шкала ставок/);
    expect(() => computePayroll(SCHEME_A_EXAMPLE, { ...input, planKopecks: 0 })).toThrow('План должен быть больше нуля');
    expect(() => computePayroll(SCHEME_A_EXAMPLE, { ...input, deptPlanKopecks: 0 })).toThrow('План отдела должен быть больше нуля');
  });
  it('does not need a department plan when the scheme ignores the department', () => {
    const personalOnly: PayrollScheme = { ...SCHEME_B_EXAMPLE, deptBonusBands: [] };
    const result = computePayroll(personalOnly, { planKopecks: 100, factKopecks: 100, deptPlanKopecks: 0, deptFactKopecks: 0 });
    expect(result.deptPercent).toBeNull();
    expect(result.commissionKopecks).toBe(10);
  });
});
