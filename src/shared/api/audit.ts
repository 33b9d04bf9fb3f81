import { z } from '../zod-ru';
import { entry } from '../entry';
import { DIRECTOR_ONLY } from '../roles';

/** The result of walking the audit chain. */
export interface AuditVerification {
  ok: boolean;
  /** The first entry whose link or hash is wrong, or null. */
  firstBadId: number | null;
  entries: number;
  checkedAt: string;
}

/** What the audit view can filter by: the people and record types that appear in the journal. */
export interface AuditFilters {
  people: { userId: number | null; userName: string }[];
  entities: string[];
}

/** Журнал изменений: checking the chain on demand and the choices of its filters (the list is `audit.list`). */
export const auditApi = {
  'audit.verify': entry<AuditVerification>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  'audit.filters': entry<AuditFilters>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
};
