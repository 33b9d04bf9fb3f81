import { QueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from '../../../shared/changes';
import { queryIsStaleAfter } from './invalidation';

/** The renderer's one query cache; screens refetch when a change makes them stale, never on a timer. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Errors are shown as notifications by `call`; a refused call is not retried behind the person's back.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

/** Marks stale every query showing data that `event` changed; the visible ones refetch at once. */
export async function invalidateFor(client: QueryClient, event: Pick<ChangeEvent, 'entry'>): Promise<void> {
  const predicate = (q: { queryKey: readonly unknown[] }) => queryIsStaleAfter(event.entry, q.queryKey);
  // A read already on its way may predate the change: drop it (even a first load) so the refetch wins.
  await client.cancelQueries({ predicate, fetchStatus: 'fetching' }, { silent: true });
  await client.invalidateQueries({ predicate });
}
