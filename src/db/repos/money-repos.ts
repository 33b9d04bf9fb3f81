import type { RepoDeps } from '../drizzle';
import { createMoneyBaseRepo } from './money-base-repo';
import { createMoneyLookupsRepo } from './money-lookups-repo';
import { createMonthCloseRepo } from './month-close-repo';
import { createPaymentsRepo } from './payments-repo';
import { createReconciliationPaymentsRepo } from './reconciliation-repo';
import { createStatementImportRepo } from './statement-import-repo';

/** The money area's repositories as one object (`store.money`): payroll reads managerBase / departmentBase / isMonthClosed. */
export function createMoneyRepos(deps: RepoDeps) {
  return {
    money: {
      ...createMoneyBaseRepo(deps),
      ...createMoneyLookupsRepo(deps),
      ...createPaymentsRepo(deps),
      ...createStatementImportRepo(deps),
      ...createMonthCloseRepo(deps),
      ...createReconciliationPaymentsRepo(deps),
    },
  };
}
