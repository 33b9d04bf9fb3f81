import type { WorkStatsSource } from '../sales/stats-sources';

/** Contracts issued (not annulled) per manager and day, for the statistics of commercial work. */
export const contractsStatsSource: WorkStatsSource = {
  metric: 'contracts',
  daily: (ctx, range) => ctx.store.documents.docs.dailyIssued(['contract_supply', 'contract_services'], range),
};

/** Invoices issued (not annulled) per manager and day. */
export const invoicesStatsSource: WorkStatsSource = {
  metric: 'invoices',
  daily: (ctx, range) => ctx.store.documents.docs.dailyIssued(['invoice'], range),
};
