import type { RepoDeps } from '../drizzle';

/** The counts the «Первые шаги» checklist is ticked from. */
export interface FirstStepsCounts {
  orgsWithBank: number;
  otherStaff: number;
  discountLimits: number;
  approvedPlans: number;
  objections: number;
  clients: number;
  issuedBundles: number;
  bankStatements: number;
  accountants: number;
  closerNamed: boolean;
}

/** Reads what a new office has done so far (store.firstSteps). */
export function createFirstStepsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const count = (sql: string): number => (sqlite.prepare(sql).get() as { n: number }).n;
  return {
    /** The counts behind each step, in one read. */
    async counts(): Promise<FirstStepsCounts> {
      return {
        orgsWithBank: count("SELECT COUNT(*) AS n FROM organizations WHERE account <> '' AND bik <> ''"),
        otherStaff: count("SELECT COUNT(*) AS n FROM users WHERE active = 1 AND role <> 'director'"),
        discountLimits: count('SELECT COUNT(*) AS n FROM discount_limits'),
        approvedPlans: count("SELECT COUNT(*) AS n FROM plans WHERE status = 'approved'"),
        objections: count('SELECT COUNT(*) AS n FROM objections WHERE archived = 0'),
        clients: count('SELECT COUNT(*) AS n FROM clients'),
        issuedBundles: count("SELECT COUNT(*) AS n FROM bundles WHERE status = 'issued'"),
        bankStatements: count('SELECT COUNT(*) AS n FROM bank_statements'),
        accountants: count("SELECT COUNT(*) AS n FROM users WHERE active = 1 AND role = 'accountant'"),
        closerNamed: count("SELECT COUNT(*) AS n FROM settings WHERE key = 'monthCloseConfirmerId'") > 0,
      };
    },
  };
}

/** The first-steps repository. */
export type FirstStepsRepo = ReturnType<typeof createFirstStepsRepo>;
