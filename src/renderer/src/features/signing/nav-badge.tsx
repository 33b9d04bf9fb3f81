import { Badge } from '@mantine/core';
import { useEntry } from '../../api/call';

/** The count on the «Подписи» navigation item: documents waiting, red when some are overdue (kept true by pushed changes). */
export function SigningNavBadge() {
  const { data: count } = useEntry('signing.badge', {}, { quiet: true });
  if (!count || count.waiting === 0) return null;
  return (
    <Badge size="sm" circle={count.waiting < 10} color={count.overdue > 0 ? 'red' : 'gray'} variant={count.overdue > 0 ? 'filled' : 'light'} data-testid="signing-nav-badge" title={`Ждут подписи: ${count.waiting}, просрочено: ${count.overdue}`}>
      {count.waiting}
    </Badge>
  );
}
