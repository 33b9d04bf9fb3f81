import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { contract, type ApiInput, type ApiResult, type CallOptions, type EntryName } from '../../../shared/contract';
import { ERROR_MESSAGES, type ApiError, type Envelope } from '../../../shared/errors';
import { announceChange } from './changes';
import { areaOf, CHANGES_WITHOUT_WRITING } from './invalidation';
import { api } from './client';

/** Error messages still on screen: a success after them means they are out of date. */
const shownErrors = new Set<string>();
let errorCount = 0;

/** Shows an API error as a Mantine notification — the one place errors become visible. */
export function showError(error: ApiError): void {
  errorCount += 1;
  const id = `error-${errorCount}`;
  shownErrors.add(id);
  notifications.show({ id, color: 'red', title: ERROR_MESSAGES[error.code] ?? 'Ошибка', message: error.message, onClose: () => shownErrors.delete(id) });
}

/** Shows a success message; the error messages still shown (about what has now gone through) close. */
export function showSuccess(message: string): void {
  for (const id of shownErrors) notifications.hide(id);
  shownErrors.clear();
  notifications.show({ color: 'teal', message });
}

/** Listeners told when the main process says the session ended (idle lock). */
const sessionListeners = new Set<() => void>();

/** Subscribes to "session ended" (returns the unsubscribe function). */
export function onSessionEnded(fn: () => void): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

/**
 * A background read whose failure says nothing about the session: a progress poll during a restore, which
 * ends every session as it swaps the base (the restore's own answer then says so). Nothing is announced.
 */
export async function peek<K extends EntryName>(name: K, input: ApiInput<K>): Promise<Envelope<ApiResult<K>>> {
  return api[name](input, { background: true });
}

/** Calls an entry and returns the raw envelope (for forms that place field errors themselves). */
export async function request<K extends EntryName>(name: K, input: ApiInput<K>, opts?: CallOptions): Promise<Envelope<ApiResult<K>>> {
  // A background call (a heartbeat, a badge) never extends the person's idle time on the host.
  const res = await api[name](input, opts);
  if (res.error && (res.error.code === 'SESSION_EXPIRED' || res.error.code === 'UNAUTHENTICATED')) {
    sessionListeners.forEach((fn) => fn());
  }
  // This window's own write refreshes what shows it through the same path as a pushed change. A restore is
  // the exception: it ends every session and the window reloads after its own message, so nothing refetches.
  const def = contract[name];
  if (!res.error && !def.replacesBase && (def.writes || CHANGES_WITHOUT_WRITING.includes(name))) {
    announceChange({ entry: name, area: areaOf(name), ids: [], by: { userId: null, userName: null }, at: new Date().toISOString() });
  }
  return res;
}

/** Calls an entry; on error shows it and resolves to null. */
export async function call<K extends EntryName>(name: K, input: ApiInput<K>, opts?: CallOptions): Promise<ApiResult<K> | null> {
  const res = await request(name, input, opts);
  if (res.error) {
    showError(res.error);
    return null;
  }
  return res.data;
}

/** The query key of entry `name` read with `input`: one per entry and input. */
export function entryKey<K extends EntryName>(name: K, input: ApiInput<K>): readonly [K, ApiInput<K>] {
  return [name, input];
}

/** How a screen reads an entry. */
export interface EntryOptions {
  /** False holds the query (e.g. until an id is known). */
  enabled?: boolean;
  /** Keeps showing the previous input's data while the next loads (lists and filters, never a record's file). */
  keepPrevious?: boolean;
  /** A background read (a badge): its error is not shown. */
  quiet?: boolean;
  /** Reads again every so many milliseconds while enabled (a long write's count). */
  pollMs?: number;
}

/**
 * Whether reading this key now is the window's own doing rather than the person's: a read of what is
 * already shown (a refetch after a pushed change, a poll). Such a read is background on the host: it never
 * extends the person's idle time, so the host's lock holds however long an unattended window keeps reading.
 */
export function readsAgain(client: QueryClient, queryKey: readonly unknown[]): boolean {
  return client.getQueryState(queryKey)?.data !== undefined;
}

/** The query of `useEntry`: the first read of a screen is the person's, every later one background. */
export function entryQuery<K extends EntryName>(client: QueryClient, name: K, input: ApiInput<K>, options: EntryOptions = {}) {
  const queryKey = entryKey(name, input);
  return {
    queryKey,
    queryFn: async () => {
      const background = options.quiet === true || readsAgain(client, queryKey);
      return options.quiet ? ((await request(name, input, { background })).data ?? null) : call(name, input, { background });
    },
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.pollMs,
  };
}

/** Reads an entry through the query cache; the data stays true as changes arrive (null until loaded or on error). */
export function useEntry<K extends EntryName>(name: K, input: ApiInput<K>, options: EntryOptions = {}) {
  const q = useQuery(entryQuery(useQueryClient(), name, input, options));
  return { data: q.data ?? null, loading: q.isPending, fetching: q.isFetching };
}

/** Reads an entry keeping its refusal (for pages that show «Недостаточно прав» or «не найдена» in place). */
export function useEntryEnvelope<K extends EntryName>(name: K, input: ApiInput<K>) {
  const client = useQueryClient();
  const queryKey = [...entryKey(name, input), 'envelope'];
  const q = useQuery({ queryKey, queryFn: () => request(name, input, { background: readsAgain(client, queryKey) }) });
  return { data: q.data?.data ?? null, error: q.data?.error ?? null, loading: q.isPending };
}

/** A write through one helper: shows its error, refreshes what shows its data, and tells whether it is running. */
export function useWrite<K extends EntryName>(name: K) {
  const m = useMutation({ mutationFn: (input: ApiInput<K>) => request(name, input) });
  return {
    /** Runs the write; resolves to its result, or null after showing the error. */
    run: async (input: ApiInput<K>): Promise<ApiResult<K> | null> => {
      const res = await m.mutateAsync(input);
      if (res.error) {
        showError(res.error);
        return null;
      }
      return res.data;
    },
    /** Runs the write and returns the envelope (for forms that place field errors themselves). */
    send: (input: ApiInput<K>): Promise<Envelope<ApiResult<K>>> => m.mutateAsync(input),
    pending: m.isPending,
  };
}
