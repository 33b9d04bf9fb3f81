import { useIdle, useInterval } from '@mantine/hooks';
import { useEffect } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { call, request } from '../../api/call';

/**
 * Locks the program after the idle time set in Настройки: the renderer signs out when the user is
 * idle, and while they are active it pings the main process, which enforces the same limit itself.
 */
export function useIdleLock(minutes: number, onLock: (failure: ApiError | null) => void): void {
  const idle = useIdle(minutes * 60_000, { initialState: false });
  useEffect(() => {
    // A sign-out the host did not hear is handed on, so the window still locks instead of asking the host again.
    if (idle) void request('auth.logout', {}).then((res) => onLock(res.error ?? null));
  }, [idle, onLock]);
  const ping = useInterval(() => {
    if (!idle) void call('auth.ping', {});
  }, 60_000);
  useEffect(() => {
    ping.start();
    return ping.stop;
  }, [ping]);
}
