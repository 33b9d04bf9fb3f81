import { describe, expect, it } from 'vitest';
import { addTotals, emptyTotals, runCrashRound, seriesGaps } from './harness';
import { CRASH_SCENARIOS } from './scenarios';

// The short round of `npm test`; `npm run soak` runs a thousand kills over the same scenarios.
const KILLS = Number(process.env.SDELKA_CRASH_KILLS ?? '') || 15;

describe('killing the program in the middle of its writes', () => {
  it(`loses no acknowledged write, leaves no gap and keeps the base and the audit chain intact (${KILLS} kills)`, { timeout: 120_000 }, async () => {
    const perScenario = Math.ceil(KILLS / CRASH_SCENARIOS.length);
    const rounds = await Promise.all(CRASH_SCENARIOS.map((s) => runCrashRound(s, perScenario)));
    const totals = rounds.reduce(addTotals, emptyTotals());
    expect(totals.problems).toEqual([]);
    expect(totals.kills).toBe(perScenario * CRASH_SCENARIOS.length);
    // The kills must land among real writes, not only during start-up.
    expect(totals.acknowledged).toBeGreaterThan(totals.kills);
  });

  it('finds gaps in a number series', () => {
    expect(seriesGaps([1, 2, 3, 5, 6, 9])).toEqual([4, 7]);
    expect(seriesGaps([])).toEqual([]);
  });
});
