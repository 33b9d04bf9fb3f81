import { activitiesHandlers } from './activities-handlers';
import { dealsHandlers } from './deals-handlers';
import { standardsHandlers } from './standards-handlers';
import { statsHandlers } from './stats-handlers';

/** Every handler of the sales area: deals, activities, statistics, the standards library. */
export const salesHandlers = {
  ...dealsHandlers,
  ...activitiesHandlers,
  ...statsHandlers,
  ...standardsHandlers,
};
