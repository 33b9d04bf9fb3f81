import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SigningBadge } from '../../../../shared/api/signing-types';
import { request } from '../../api/call';

/** The count on the «Подписи» navigation item: documents waiting, red when some are overdue (checked every minute). */
export function SigningNavBadge() {
  const [count, setCount] = useState<SigningBadge | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      const res = await request('signing.badge', {});
      if (alive && res.data) setCount(res.data);
    };
    void check();
    const timer = setInterval(() => void check(), 60_000);
    // A step on the board or the panel asks for a fresh count at once.
    window.addEventListener('sdelka-signing-changed', check);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('sdelka-signing-changed', check);
    };
  }, []);
  if (!count || count.waiting === 0) return null;
  return (
    <Badge size="sm" circle={count.waiting < 10} color={count.overdue > 0 ? 'red' : 'gray'} variant={count.overdue > 0 ? 'filled' : 'light'} data-testid="signing-nav-badge" title={`Ждут подписи: ${count.waiting}, просрочено: ${count.overdue}`}>
      {count.waiting}
    </Badge>
  );
}

/** Tells the navigation badge that something moved. */
export function signingChanged(): void {
  window.dispatchEvent(new Event('sdelka-signing-changed'));
}
