import { useIdle, useInterval } from '@mantine/hooks';
import { useEffect } from 'react';
import { call } from '../../api/call';

/**
 * Locks the program after the idle time set in Настройки: the renderer signs out when the user is
 * idle, and while they are active it pings the main process, which enforces the same limit itself.
 */
export function useIdleLock(minutes: number, onLock: () => void): void {
  const idle = useIdle(minutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle) void call('auth.logout', {}).then(onLock);
  }, [idle, onLock]);
  const ping = useInterval(() => {
    if (!idle) void call('auth.ping', {});
  }, 60_000);
  useEffect(() => {
    ping.start();
    return ping.stop;
  }, [ping]);
}
