// «Managers find the holes in the order» (the seed): the hole found most often is moving payments
// between months — asking a client to pay a little later (or earlier) so that one month crosses a band
// and the two months together pay more for the same money. This probes a scheme on real months.
import type { Kopecks } from './money';
import { computePayroll } from './payroll';
import type { PayrollScheme } from './payroll-scheme';

/** One month of one manager: plans and facts as the payroll used them. */
export type MonthFigures = {
  month: string;
  planKopecks: Kopecks;
  factKopecks: Kopecks;
  deptPlanKopecks: Kopecks;
  deptFactKopecks: Kopecks;
};

/** A shift of money between two adjacent months that pays the manager more for the same total. */
export type PayrollHole = {
  fromMonth: string;
  toMonth: string;
  shiftKopecks: Kopecks;
  /** Accrued over both months before and after the shift. */
  beforeKopecks: Kopecks;
  afterKopecks: Kopecks;
  gainKopecks: Kopecks;
};

function accrued(scheme: PayrollScheme, m: MonthFigures): Kopecks | null {
  try {
    return computePayroll(scheme, m).accruedKopecks;
  } catch {
    return null;
  }
}

/** The smallest amounts that lift `to` to each band bound it has not reached yet. */
function candidateShifts(scheme: PayrollScheme, to: MonthFigures): bigint[] {
  const out: bigint[] = [];
  const needed = (bp: number, plan: number, fact: number) => {
    // ceil(bp·plan / 10000) − fact: exact, like the band comparison itself.
    const target = (BigInt(bp) * BigInt(plan) + 9_999n) / 10_000n;
    return target - BigInt(fact);
  };
  for (const b of scheme.rateBands) out.push(needed(b.fromBasisPoints, to.planKopecks, to.factKopecks));
  if (scheme.minPersonalBasisPoints > 0) out.push(needed(scheme.minPersonalBasisPoints, to.planKopecks, to.factKopecks));
  for (const b of [...scheme.deptMultiplierBands, ...scheme.deptBonusBands]) {
    out.push(needed(b.fromBasisPoints, to.deptPlanKopecks, to.deptFactKopecks));
  }
  return out.filter((d) => d > 0n);
}

function shifted(m: MonthFigures, delta: number): MonthFigures {
  return { ...m, factKopecks: m.factKopecks + delta, deptFactKopecks: m.deptFactKopecks + delta };
}

function bestShift(scheme: PayrollScheme, from: MonthFigures, to: MonthFigures): PayrollHole | null {
  const a = accrued(scheme, from);
  const b = accrued(scheme, to);
  if (a === null || b === null) return null;
  let best: PayrollHole | null = null;
  for (const d of candidateShifts(scheme, to)) {
    if (d > BigInt(from.factKopecks)) continue;
    const shift = Number(d);
    const a2 = accrued(scheme, shifted(from, -shift));
    const b2 = accrued(scheme, shifted(to, shift));
    if (a2 === null || b2 === null) continue;
    const gain = a2 + b2 - (a + b);
    if (gain > 0 && (best === null || gain > best.gainKopecks)) {
      best = { fromMonth: from.month, toMonth: to.month, shiftKopecks: shift, beforeKopecks: a + b, afterKopecks: a2 + b2, gainKopecks: gain };
    }
  }
  return best;
}

/**
 * For each pair of adjacent months (in the given order), the most profitable shift of payments
 * from one month into the other, when it pays more than leaving the money where it came in.
 */
export function findShiftHoles(scheme: PayrollScheme, months: readonly MonthFigures[]): PayrollHole[] {
  const holes: PayrollHole[] = [];
  for (let i = 0; i + 1 < months.length; i++) {
    for (const [from, to] of [
      [months[i], months[i + 1]],
      [months[i + 1], months[i]],
    ] as const) {
      const hole = bestShift(scheme, from, to);
      if (hole) holes.push(hole);
    }
  }
  return holes;
}
