import type { RepoDeps } from '../drizzle';
import { createPayrollActsRepo } from './payroll-acts-repo';
import { createPayrollOrdersRepo } from './payroll-orders-repo';
import { createPayrollStatementsRepo } from './payroll-statements-repo';

/** The payroll area's repositories, spread into the store by buildRepos (`store.payroll`). */
export function createPayrollRepos(deps: RepoDeps) {
  return {
    payroll: {
      orders: createPayrollOrdersRepo(deps),
      statements: createPayrollStatementsRepo(deps),
      acts: createPayrollActsRepo(deps),
    },
  };
}
