// `npm run soak`: the long crash, office and fuzz rounds. A thousand kills over the crash scenarios,
// the office host SIGKILLed 20 times under five desks' writes, 10 000 generated inputs per fuzz target,
// then one table. Exits non-zero when anything was lost or crashed. SDELKA_SOAK_KILLS,
// SDELKA_SOAK_OFFICE_KILLS and SDELKA_SOAK_FUZZ change the counts (e.g. for a quick look).
import { addTotals, emptyTotals, minimumWrites, runCrashRound, type CrashTotals } from '../crash/harness';
import { CRASH_SCENARIOS } from '../crash/scenarios';
import { runFaultRound } from '../office/fault-round';
import { FUZZ_TARGETS, type FuzzOutcome } from './fuzz-targets';

const KILLS = Number(process.env.SDELKA_SOAK_KILLS ?? '') || 1000;
const OFFICE_KILLS = Number(process.env.SDELKA_SOAK_OFFICE_KILLS ?? '') || 20;
const FUZZ = Number(process.env.SDELKA_SOAK_FUZZ ?? '') || 10_000;
const PARALLEL = 2;

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_h, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

async function crashRounds(): Promise<Map<string, CrashTotals>> {
  const results = new Map<string, CrashTotals>();
  const queue = CRASH_SCENARIOS.map((s, i) => ({ scenario: s, kills: Math.floor(KILLS / CRASH_SCENARIOS.length) + (i < KILLS % CRASH_SCENARIOS.length ? 1 : 0) }));
  const started = Date.now();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { scenario, kills } = job;
      const totals = await runCrashRound(scenario, kills, {
        onKill: (t) => {
          if (t.kills % 50 === 0) console.log(`  ${scenario.name}: ${t.kills}/${kills} kills, ${t.acknowledged} acknowledged, ${Math.round((Date.now() - started) / 1000)} s`);
        },
      });
      results.set(scenario.name, totals);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

console.log(`Soak: ${KILLS} kills over ${CRASH_SCENARIOS.length} crash scenarios, ${OFFICE_KILLS} kills of the office host, ${FUZZ} inputs per fuzz target.`);
const crash = await crashRounds();
console.log(`  office host: ${OFFICE_KILLS} kills under five desks…`);
const office = await runFaultRound(OFFICE_KILLS, { onKill: (k, t) => console.log(`  office host: kill ${k}/${OFFICE_KILLS}, ${t.acknowledged} acknowledged so far, restart ${Math.round(t.restartMs.at(-1) ?? 0)} ms`) });
const fuzz = new Map<string, FuzzOutcome>();
for (const target of FUZZ_TARGETS) {
  console.log(`  fuzz ${target.name}…`);
  fuzz.set(target.name, await target.run(FUZZ));
}

const total = [...crash.values()].reduce(addTotals, emptyTotals());
const fuzzCases = [...fuzz.values()].reduce((n, f) => n + f.cases, 0);
const crashes = [...fuzz.values()].reduce((n, f) => n + f.crashes, 0);
console.log('\nCrash scenarios');
console.log(
  table(
    ['scenario', 'kills', 'acknowledged writes', 'lost', 'gaps', 'integrity failures', 'audit chain failures', 'writer errors'],
    [...crash.entries()].map(([name, t]) => [name, t.kills, t.acknowledged, t.lost, t.gaps, t.integrityFailures, t.auditFailures, t.childErrors]),
  ),
);
console.log('\nOffice host killed under the desks');
console.log(
  table(
    ['kills', 'desks', 'acknowledged writes', 'in flight at a kill', 'answered from the stored answer', 'lost', 'duplicates', 'gaps', 'restart p50 ms', 'seconds'],
    [[office.kills, office.desks, office.acknowledged, office.inFlightAtKill, office.answeredFromStore, office.lost, office.duplicates, office.gaps, Math.round([...office.restartMs].sort((a, b) => a - b)[Math.floor(office.restartMs.length / 2)] ?? 0), office.seconds]],
  ),
);
console.log('\nFuzz targets');
console.log(table(['target', 'cases', 'crashes'], [...fuzz.entries()].map(([name, f]) => [name, f.cases, f.crashes])));
console.log('\nTotal');
console.log(
  table(
    ['kills', 'acknowledged writes', 'lost', 'gaps', 'integrity failures', 'fuzz cases', 'crashes'],
    [[total.kills, total.acknowledged, total.lost, total.gaps, total.integrityFailures + total.auditFailures, fuzzCases, crashes]],
  ),
);
// Each scenario must reach its write at least once per kill planned after a write.
const unreached = [...crash.entries()]
  .filter(([, t]) => t.acknowledged < minimumWrites(t.kills))
  .map(([name, t]) => `${name}: ${t.acknowledged} acknowledged writes in ${t.kills} kills, at least ${minimumWrites(t.kills)} expected`);
const problems = [...total.problems, ...unreached, ...office.problems.map((p) => `office host: ${p}`), ...[...fuzz.entries()].flatMap(([name, f]) => f.examples.map((e) => `${name}: ${e}`))];
if (problems.length > 0) {
  console.log(`\nProblems (${problems.length}):`);
  for (const p of problems.slice(0, 50)) console.log(`  - ${p}`);
  process.exit(1);
}
console.log('\nNothing lost, no gaps, every check passed.');
