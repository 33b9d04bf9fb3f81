import type { RepoDeps } from '../drizzle';
import { createMoneyBaseRepo } from './money-base-repo';

/** The money area's repositories, spread into the store by buildRepos (`store.money`). */
export function createMoneyRepos(deps: RepoDeps) {
  const base = createMoneyBaseRepo(deps);
  return {
    money: {
      ...base,
    },
  };
}
