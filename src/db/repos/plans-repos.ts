import type { RepoDeps } from '../drizzle';
import { createDashboardRepo } from './dashboard-repo';
import { createForecastRepo } from './forecast-repo';
import { createInboundRepo } from './inbound-repo';
import { createPlanFactsRepo } from './plan-facts-repo';
import { createPlansRepo } from './plans-repo';
import { createVipRepo } from './vip-repo';
import { createVipVisitsRepo } from './vip-visits-repo';

/** The plans area's repositories, spread into the store by buildRepos (`store.plans`, `store.forecast`, …). */
export function createPlansRepos(deps: RepoDeps) {
  return {
    plans: createPlansRepo(deps),
    planFacts: createPlanFactsRepo(deps),
    forecast: createForecastRepo(deps),
    inbound: createInboundRepo(deps),
    vip: createVipRepo(deps),
    vipVisits: createVipVisitsRepo(deps),
    dashboard: createDashboardRepo(deps),
  };
}
