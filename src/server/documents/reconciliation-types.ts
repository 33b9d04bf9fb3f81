import type { ReconciliationRowData } from '../../documents/index';
import type { CallContext } from '../context';

/** What an акт сверки asks each area: one client of one organisation up to a day, maybe one contract. */
export interface ReconciliationQuery {
  orgId: number;
  clientId: number;
  to: string;
  /** Only this contract's rows; null = every contract. */
  contractId: number | null;
}

/** Rows of an акт сверки from one area, all history up to `to`: the opening balance sums those before the period. */
export interface ReconciliationSource {
  rows(ctx: CallContext, q: ReconciliationQuery): Promise<ReconciliationRowData[]>;
}
