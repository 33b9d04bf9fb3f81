import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiResult, EntryName } from '../../../shared/contract';
import { ERROR_MESSAGES, type ApiError, type Envelope } from '../../../shared/errors';
import { api } from './client';

/** Shows an API error as a Mantine notification — the one place errors become visible. */
export function showError(error: ApiError): void {
  notifications.show({ color: 'red', title: ERROR_MESSAGES[error.code] ?? 'Ошибка', message: error.message });
}

/** Shows a success message. */
export function showSuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

/** Listeners told when the main process says the session ended (idle lock). */
const sessionListeners = new Set<() => void>();

/** Subscribes to "session ended" (returns the unsubscribe function). */
export function onSessionEnded(fn: () => void): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

/** Calls an entry and returns the raw envelope (for forms that place field errors themselves). */
export async function request<K extends EntryName>(name: K, input: ApiInput<K>): Promise<Envelope<ApiResult<K>>> {
  const res = await api[name](input);
  if (res.error && (res.error.code === 'SESSION_EXPIRED' || res.error.code === 'UNAUTHENTICATED')) {
    sessionListeners.forEach((fn) => fn());
  }
  return res;
}

/** Calls an entry; on error shows it and resolves to null. */
export async function call<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K> | null> {
  const res = await request(name, input);
  if (res.error) {
    showError(res.error);
    return null;
  }
  return res.data;
}

/** Loads an entry's data for a component and reloads when `deps` change. */
export function useApi<K extends EntryName>(name: K, input: ApiInput<K>, deps: unknown[] = []) {
  const [data, setData] = useState<ApiResult<K> | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(input);
  latest.current = input;
  const key = JSON.stringify([input, deps]);
  const reload = useCallback(async () => {
    setLoading(true);
    setData(await call(name, latest.current));
    setLoading(false);
  }, [name, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, reload };
}
