import { describe, expect, it } from 'vitest';
import { runFaultRound } from './fault-round';

// The short fault round of `npm test`; `npm run soak` runs the same round with 20 kills.
const KILLS = Number(process.env.SDELKA_FAULT_KILLS ?? '') || 3;

describe('the office host killed under the desks’ writes', () => {
  it(`loses no acknowledged write, makes nothing twice, numbers without gaps and keeps the base and the audit chain intact (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const totals = await runFaultRound(KILLS, { onKill: (k, t) => console.log(`kill ${k}: restart ${Math.round(t.restartMs.at(-1) ?? 0)} ms`) });
    expect(totals.problems).toEqual([]);
    expect(totals.kills).toBe(KILLS);
    // Every kill fell among the five desks' writes: each came after at least two new acknowledged writes.
    expect(totals.acknowledged).toBeGreaterThanOrEqual(2 * KILLS);
    expect({ lost: totals.lost, duplicates: totals.duplicates, gaps: totals.gaps }).toEqual({ lost: 0, duplicates: 0, gaps: 0 });
    console.log(
      `fault round: ${totals.kills} kills, ${totals.desks} desks, ${totals.acknowledged} acknowledged writes, ${totals.inFlightAtKill} in flight at a kill ` +
        `(${totals.answeredFromStore} answered from the stored answer, ${totals.resent} sent again by a desk), restarts ${totals.restartMs.map((ms) => Math.round(ms)).join('/')} ms, resumed after ${totals.resumeMs.join('/')} ms, ${totals.seconds} s ${JSON.stringify(totals.phases)} ${JSON.stringify(totals.medianMs)}`,
    );
  });
});
