import { z } from '../zod-ru';
import { entry } from '../entry';

/** Records whose open screens are shown to the others: a deal and a draft document. */
export const PRESENCE_RECORDS = ['deal', 'document'] as const;

/** Someone else who has the same record open right now. */
export interface PresenceDto {
  userId: number;
  fullName: string;
}

/** Soft presence: informative, never a lock. */
export const presenceApi = {
  // Says "I have this record open" (or "I left it") and returns who else has it open; stores nothing in the base.
  'presence.here': entry<PresenceDto[]>()({
    input: z.object({ record: z.enum(PRESENCE_RECORDS), id: z.number().int().positive(), leaving: z.boolean().default(false) }),
    access: 'signed_in',
    writes: false,
  }),
};
