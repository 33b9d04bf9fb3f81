import { Badge } from '@mantine/core';
import { useEntry } from '../../api/call';

/** The count on the «Документы» navigation item for the heads: discounts waiting for their decision (kept true by pushed changes). */
export function ApprovalsNavBadge() {
  const { data } = useEntry('approvals.pendingCount', {}, { quiet: true });
  const count = data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10} color="orange" data-testid="approvals-nav-badge" title={`Скидок ждут согласования: ${count}`}>
      {count}
    </Badge>
  );
}
