import fc from 'fast-check';

/** What one fuzz round found. */
export interface FuzzOutcome {
  cases: number;
  /** Inputs that crashed the target or got an answer breaking its promise (a refusal without a Russian message…). */
  crashes: number;
  /** A few of those inputs and what went wrong, for the report. */
  examples: string[];
}

/** One target of the property-based rounds: run it on `n` generated inputs. */
export interface FuzzTarget {
  name: string;
  run(n: number, seed?: number): Promise<FuzzOutcome>;
}

/** A judge: null when the answer keeps the target's promise, else what is wrong. */
export type FuzzJudge<T> = (value: T) => string | null | Promise<string | null>;

/** What a target needing a setup (a test app, prepared files) opens once per run. */
export interface FuzzSetup<T> {
  input: fc.Arbitrary<T>;
  judge: FuzzJudge<T>;
  close(): Promise<void>;
}

/** Cyrillic somewhere in the text: a message meant for a person. */
export const RUSSIAN = /[А-ЯЁа-яё]/;

function describeInput(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)).slice(0, 200);
}

async function runRounds<T>(input: fc.Arbitrary<T>, judge: FuzzJudge<T>, n: number, seed: number | undefined): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = { cases: 0, crashes: 0, examples: [] };
  // Sampled in batches so a 10k round does not hold every input in memory at once.
  for (let done = 0; done < n; done += 1000) {
    const batch = fc.sample(input, { numRuns: Math.min(1000, n - done), seed: seed === undefined ? undefined : seed + done });
    for (const value of batch) {
      outcome.cases += 1;
      let problem: string | null;
      try {
        problem = await judge(value);
      } catch (e) {
        problem = `threw ${(e as Error).name}: ${(e as Error).message}`;
      }
      if (problem === null) continue;
      outcome.crashes += 1;
      if (outcome.examples.length < 3) outcome.examples.push(`${problem} ← ${describeInput(value)}`);
    }
  }
  return outcome;
}

/**
 * Builds a target from an input generator and a judge that returns null when the answer keeps the
 * target's promise, else what is wrong. A throw the judge does not expect counts as a crash.
 */
export function fuzzTarget<T>(name: string, input: fc.Arbitrary<T>, judge: FuzzJudge<T>): FuzzTarget {
  return { name, run: (n, seed) => runRounds(input, judge, n, seed) };
}

/** A target whose generator and judge need a setup (e.g. one temp app) opened once per run and closed after. */
export function fuzzTargetWith<T>(name: string, open: (n: number, seed: number | undefined) => Promise<FuzzSetup<T>>): FuzzTarget {
  return {
    name,
    async run(n, seed) {
      const setup = await open(n, seed);
      try {
        return await runRounds(setup.input, setup.judge, n, seed);
      } finally {
        await setup.close();
      }
    },
  };
}
