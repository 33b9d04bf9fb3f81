import type { WorkStatsSource } from '../sales/stats-sources';

/** The work statistics' «Оплаты»: incoming client payments per manager (at payment time) and day. */
export const paymentsStatsSource: WorkStatsSource = {
  metric: 'payments',
  async daily(ctx, range) {
    return ctx.store.money.paymentsDaily(range);
  },
};
