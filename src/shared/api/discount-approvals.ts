import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE } from '../roles';
import { DISCOUNT_HEADS, idSchema, type ApprovalDto, type ApprovalQueueRow } from './document-types';

/** Discounts beyond a limit: the head of sales' queue and decisions (requests are made with the draft). */
export const approvalsApi = {
  /** The heads see every request; others see their own. */
  'approvals.list': entry<ApprovalQueueRow[]>()({ input: z.object({ status: z.enum(['pending', 'approved', 'declined']).optional() }), access: ANY_ROLE, writes: false }),
  'approvals.pendingCount': entry<{ count: number }>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'approvals.decide': entry<ApprovalDto>()({
    input: z.object({ id: idSchema, approve: z.boolean(), comment: z.string().trim().max(1000).default('') }),
    access: DISCOUNT_HEADS,
    writes: true,
  }),
};
