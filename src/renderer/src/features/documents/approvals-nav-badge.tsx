import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { request } from '../../api/call';

/** The count on the «Документы» navigation item for the heads: discounts waiting for their decision (checked every minute). */
export function ApprovalsNavBadge() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      const res = await request('approvals.pendingCount', {});
      if (alive && res.data) setCount(res.data.count);
    };
    void check();
    const timer = setInterval(() => void check(), 60_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10} color="orange" data-testid="approvals-nav-badge" title={`Скидок ждут согласования: ${count}`}>
      {count}
    </Badge>
  );
}
