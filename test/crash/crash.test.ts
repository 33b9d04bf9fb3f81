import { describe, expect, it } from 'vitest';
import { addTotals, emptyTotals, minimumWrites, runCrashRound, seriesGaps } from './harness';
import { CRASH_SCENARIOS } from './scenarios';

// The short round of `npm test`; `npm run soak` runs a thousand kills over the same scenarios.
const KILLS = Number(process.env.SDELKA_CRASH_KILLS ?? '') || 15;

describe('killing the program in the middle of its writes', () => {
  it(`loses no acknowledged write, leaves no gap and keeps the base and the audit chain intact (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const perScenario = Math.max(2, Math.ceil(KILLS / CRASH_SCENARIOS.length));
    const rounds = await Promise.all(CRASH_SCENARIOS.map((s) => runCrashRound(s, perScenario)));
    const totals = rounds.reduce(addTotals, emptyTotals());
    expect(totals.problems).toEqual([]);
    expect(totals.kills).toBe(perScenario * CRASH_SCENARIOS.length);
    // Every scenario's kills land among its real writes, not only during start-up: each reached its
    // write at least once per kill planned after a write.
    const reached = Object.fromEntries(CRASH_SCENARIOS.map((s, i) => [s.name, rounds[i].acknowledged >= minimumWrites(perScenario)]));
    expect(reached).toEqual(Object.fromEntries(CRASH_SCENARIOS.map((s) => [s.name, true])));
  });

  it('plans half the kills after a write, so that slow scenarios reach theirs', () => {
    expect(minimumWrites(2)).toBe(1);
    expect(minimumWrites(4)).toBe(2);
    expect(minimumWrites(1000)).toBe(500);
  });

  it('finds gaps in a number series', () => {
    expect(seriesGaps([1, 2, 3, 5, 6, 9])).toEqual([4, 7]);
    expect(seriesGaps([])).toEqual([]);
  });
});
