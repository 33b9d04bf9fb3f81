/**
 * What one committed write changed, as pushed to every desk and browser (the live screens read it);
 * also someone opening or leaving a deal or a draft (`presence.here`, soft presence, nothing stored).
 */
export interface ChangeEvent {
  /** The contract entry that wrote, e.g. `clients.create`. */
  entry: string;
  /** The entry's area: the part of its name before the dot (`clients`). */
  area: string;
  /** Record ids the write named in its input or returned (may be empty). */
  ids: number[];
  /** Who wrote: the person's id and name, or null for the system. */
  by: { userId: number | null; userName: string | null };
  /** When it was committed (ISO time). */
  at: string;
}

/**
 * The entry of the event a desk's stream delivers after it reconnected (the host restarted, the network
 * dropped): changes may have been missed meanwhile, so every screen refetches. Not an area of the
 * contract, so the invalidation map treats it as «everything is stale».
 */
export const RESYNC_ENTRY = '*';
