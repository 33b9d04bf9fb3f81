import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, fuzzTarget } from './fuzz-targets';
import fc from 'fast-check';

// A short round of every registered target; `npm run soak` runs 10 000 inputs each.
const CASES = Number(process.env.SDELKA_FUZZ_CASES ?? '') || 300;

describe('the fuzz targets of the soak run', () => {
  for (const target of FUZZ_TARGETS) {
    it(`${target.name}: no crash and a Russian message for every refusal (${CASES} inputs)`, async () => {
      const outcome = await target.run(CASES);
      expect(outcome.examples).toEqual([]);
      expect(outcome).toMatchObject({ cases: CASES, crashes: 0 });
      // Spreadsheet targets go through exceljs' streaming reader and the real import handler: slower per case.
    }, 120_000);
  }

  it('counts a target that throws as a crash', async () => {
    const broken = fuzzTarget('broken', fc.integer(), (n) => {
      if (n % 2 === 0) throw new TypeError('boom');
      return null;
    });
    const outcome = await broken.run(200, 42);
    expect(outcome.crashes).toBeGreaterThan(0);
    expect(outcome.examples[0]).toMatch(/^threw TypeError: boom/);
  });
});
