import { dashboardHandlers } from './dashboard';
import { forecastHandlers } from './forecast-handlers';
import { inboundHandlers } from './inbound-handlers';
import { plansHandlers } from './plans-handlers';
import { vipHandlers } from './vip-handlers';

/** Every handler of the plans area: plans, forecast, inbound flow, VIP programme, the home dashboard. */
export const plansAreaHandlers = {
  ...plansHandlers,
  ...forecastHandlers,
  ...inboundHandlers,
  ...vipHandlers,
  ...dashboardHandlers,
};
