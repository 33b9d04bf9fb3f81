import type { RepoDeps } from '../drizzle';
import { createPlansRepo } from './plans-repo';

/** The plans area's repositories, spread into the store by buildRepos (`store.plans`, …). */
export function createPlansRepos(deps: RepoDeps) {
  return {
    plans: createPlansRepo(deps),
  };
}
