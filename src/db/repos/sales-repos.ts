import { inTransaction, type RepoDeps } from '../drizzle';
import { createSalesActivitiesRepo } from './sales-activities-repo';
import { createSalesDealsRepo } from './sales-deals-repo';
import { createSalesListsRepo } from './sales-lists-repo';
import { createSalesObjectionsRepo } from './sales-objections-repo';
import { createSalesStandardsRepo } from './sales-standards-repo';
import { createSalesStatsRepo } from './sales-stats-repo';

/** The sales area's repositories: deals, activities, statistics, the standards library, small lists. */
export function createSalesRepos(deps: RepoDeps) {
  return {
    deals: createSalesDealsRepo(deps),
    activities: createSalesActivitiesRepo(deps),
    stats: createSalesStatsRepo(deps),
    standards: createSalesStandardsRepo(deps),
    objections: createSalesObjectionsRepo(deps),
    lists: createSalesListsRepo(deps),
    /** Runs the repositories' *Sync writes in one transaction (demo data, bulk loads). */
    async batch<T>(fn: () => T): Promise<T> {
      return inTransaction(deps, fn);
    },
  };
}

/** The sales area's repositories as one object (`store.sales`). */
export type SalesRepos = ReturnType<typeof createSalesRepos>;
