import type { AppContext } from '../context';

/**
 * What the «held until signed» rule asks about acts: the signing area answers (store.signing —
 * waiting for the client's signature past the deadline, or refused; signed by the client).
 */
export interface ActSigning {
  /** Acts among `actIds` unsigned by the client with their deadline before `asOfIso`. */
  unsignedPastDeadline(actIds: readonly number[], asOfIso: string): Promise<number[]>;
  /** Acts among `actIds` the client has signed. */
  signed(actIds: readonly number[]): Promise<number[]>;
  /** Acts among `actIds` unsigned on `asOfDay` with the scan due before `deadlineBefore` (or refused by then). */
  unsignedPastDeadlineAsOf(actIds: readonly number[], asOfDay: string, deadlineBefore: string): Promise<number[]>;
  /** Acts among `actIds` the client had signed on or before `asOfDay`. */
  signedBy(actIds: readonly number[], asOfDay: string): Promise<number[]>;
}

/** The signing answers payroll uses. */
export function actSigning(ctx: AppContext): ActSigning {
  return ctx.store.signing;
}
