import type { CallContext } from '../context';
import { contractsStatsSource, invoicesStatsSource } from '../documents/stats-source';
import { paymentsStatsSource } from '../money/stats-source';

/** A counter another area owns (contracts and invoices: documents; payments: money), per manager and day. */
export interface WorkStatsSource {
  metric: 'contracts' | 'invoices' | 'payments';
  /** Counts in the period (days inclusive), optionally for one manager; days without any may be left out. */
  daily(ctx: CallContext, range: { from: string; to: string; managerId?: number }): Promise<{ managerId: number; day: string; count: number }[]>;
}

/**
 * The connected sources. Documents and money add theirs here when their tables land; until then the
 * statistics show those columns as «—» rather than a zero nobody counted.
 */
export const WORK_STATS_SOURCES: WorkStatsSource[] = [contractsStatsSource, invoicesStatsSource, paymentsStatsSource];
