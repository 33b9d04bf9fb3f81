import { found } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { ordersHandlers } from './orders-handlers';
import { statementsHandlers } from './statements-handlers';
import { whatIf } from './what-if';

const whatIfHandlers: HandlerMap<'payroll.orders.whatIf'> = {
  async 'payroll.orders.whatIf'(input, ctx) {
    const order = found(await ctx.store.payroll.orders.get(input.id), 'Приказ не найден');
    return whatIf(ctx, order, input.months);
  },
};

/** Every handler of the payroll area: orders, what-if, statements, the per-payment commission. */
export const payrollHandlers = {
  ...ordersHandlers,
  ...whatIfHandlers,
  ...statementsHandlers,
};
