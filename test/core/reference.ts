// Loads the reference fixtures (test/fixtures, copied from the reference pack) for the tests,
// validating their shape with zod so that the tests never work with untyped JSON.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** URL of a file in test/fixtures. */
export function referenceUrl(name: string): URL {
  return new URL(`../fixtures/${name}`, import.meta.url);
}

/** Raw bytes of a reference file. */
export function referenceBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(referenceUrl(name)));
}

/** How many runs each property test makes: 1000 by default, SDELKA_FUZZ_RUNS for a soak run. */
export const FUZZ_RUNS = Number(process.env.SDELKA_FUZZ_RUNS ?? '') || 1000;

const ksPair = z.object({ bik: z.string(), ks: z.string() });
const rsPair = z.object({ bik: z.string(), rs: z.string() });

const vatVector = z.object({
  mode: z.enum(['on_top', 'included']),
  rate: z.number(),
  input: z.string(),
  net: z.string(),
  vat: z.string(),
  gross: z.string(),
});

const schemeAVector = z.object({
  plan: z.number(), fact: z.number(), dept_plan: z.number(), dept_fact: z.number(), oklad: z.string(),
  personal_pct: z.string(), rate: z.string(), dept_pct: z.string(), K: z.string(), bonus: z.string(),
  accrued: z.string(), ndfl13: z.string(), net: z.string(),
});

const schemeBVector = z.object({
  plan_margin: z.number(), fact_margin: z.number(), dept_plan: z.number(), dept_fact: z.number(),
  oklad: z.string(), personal_pct: z.string(), commission: z.string(), team_bonus: z.string(),
  accrued: z.string(), ndfl13: z.string(), net: z.string(),
});

const testVectorsSchema = z.object({
  requisites: z.object({
    inn10_valid: z.array(z.string()),
    inn10_invalid: z.array(z.string()),
    inn12_valid: z.array(z.string()),
    inn12_invalid: z.array(z.string()),
    ogrn_valid: z.array(z.string()),
    ogrn_invalid: z.array(z.string()),
    ogrn_valid_remainder10: z.string(),
    ogrnip_valid: z.array(z.string()),
    ogrnip_invalid: z.array(z.string()),
    kpp_valid: z.array(z.string()),
    kpp_invalid: z.array(z.string()),
    ks_valid: z.array(ksPair),
    ks_invalid: z.array(ksPair),
    rs_valid: z.array(rsPair),
    rs_invalid: z.array(rsPair),
    snils_valid: z.array(z.string()),
    snils_invalid: z.array(z.string()),
  }),
  propis: z.object({
    cases: z.record(z.string(), z.string()),
    float_trap: z.object({ input_number: z.string(), expected: z.string() }),
  }),
  vat: z.object({
    vectors: z.array(vatVector),
    per_line_vs_total: z.object({
      lines: z.array(z.string()),
      rate: z.number(),
      mode: z.enum(['on_top', 'included']),
      vat_sum_of_rounded_lines: z.string(),
      vat_on_rounded_total: z.string(),
    }),
  }),
  vat_float_trap: z.array(
    z.object({ net: z.string(), rate: z.number(), expected_vat: z.string(), naive_js_Math_round: z.string() }),
  ),
  dates: z.array(z.object({ iso: z.string(), long: z.string(), contract: z.string(), numeric: z.string() })),
  number_format: z.object({ input: z.string(), expected: z.string() }),
  payroll: z.object({ scheme_A: z.array(schemeAVector), scheme_B: z.array(schemeBVector) }),
});

/** The parsed test-vectors.json. */
export type TestVectors = z.infer<typeof testVectorsSchema>;

/** test-vectors.json, parsed and shape-checked. */
export const vectors: TestVectors = testVectorsSchema.parse(
  JSON.parse(readFileSync(referenceUrl('test-vectors.json'), 'utf8')),
);

const expectedDocument = z.object({
  docType: z.string(), number: z.string(), date: z.string(), amount: z.string(),
  direction: z.enum(['in', 'out']), bookedDate: z.string(), bookedDateKey: z.enum(['ДатаПоступило', 'ДатаСписано']),
  payerInn: z.string(), payerName: z.string(), payerAccount: z.string(),
  payeeInn: z.string(), payeeName: z.string(), payeeAccount: z.string(),
  purpose: z.string(),
  referencedInvoice: z.object({ number: z.string(), date: z.string() }).nullable(),
});

const statementExpectationSchema = z.object({
  file: z.string(),
  encoding: z.string(),
  lineEnding: z.string(),
  header: z.record(z.string(), z.string()),
  accountSection: z.record(z.string(), z.string()),
  ourCompany: z.object({ name: z.string(), inn: z.string(), kpp: z.string(), account: z.string(), bik: z.string() }),
  documents: z.array(expectedDocument),
});

/** 1c-statement-sample.expected.json, parsed and shape-checked. */
export const statementExpectation = statementExpectationSchema.parse(
  JSON.parse(readFileSync(referenceUrl('1c-statement-sample.expected.json'), 'utf8')),
);

/** Rubles written as a plain decimal in the fixtures ("1234.5", "-0.01") to integer kopecks. */
export function rub(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a fixture amount: ${text}`);
  const kopecks = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -kopecks : kopecks;
}

/** dd.mm.yyyy from the fixtures to ISO. */
export function isoOf(ruDate: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(ruDate);
  if (!m) throw new Error(`not a fixture date: ${ruDate}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}
