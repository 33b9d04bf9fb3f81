import { useQueries } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ClientRow } from '../../../../shared/api/client-types';
import type { ApiInput } from '../../../../shared/contract';
import { call, entryKey } from '../../api/call';

const PAGE = 200;

/** The list's filters (everything but the paging). */
export type ClientFilters = Omit<ApiInput<'clients.list'>, 'offset' | 'limit'>;

/**
 * Loads the client list page by page as rows come into view: the total first, then only the
 * pages the virtual list shows (a page scrolled back to comes from the cache at once). Each page
 * is a query of the cache, so a change anyone makes to the clients refreshes the pages on screen;
 * changing the filters starts over.
 */
export function usePagedClients(filters: ClientFilters) {
  const key = JSON.stringify(filters);
  // The pages in view, per filters (a new filter set starts from the first page).
  const [wanted, setWanted] = useState<{ key: string; pages: ReadonlySet<number> }>({ key, pages: new Set([0]) });
  const pages = wanted.key === key ? wanted.pages : new Set([0]);
  const numbers = [...pages].sort((x, y) => x - y);
  const results = useQueries({
    queries: numbers.map((page) => {
      const input = { ...filters, offset: page * PAGE, limit: PAGE };
      return { queryKey: entryKey('clients.list', input), queryFn: () => call('clients.list', input) };
    }),
  });
  const loaded = new Map<number, ClientRow[]>();
  let total: number | null = null;
  for (const [i, r] of results.entries()) {
    const page = numbers[i];
    if (!r.data || page === undefined) continue;
    loaded.set(page, r.data.rows);
    total ??= r.data.total;
  }
  // While a page scrolled to is on its way, the list keeps its length (it would collapse and jump to the top).
  const known = useRef<{ key: string; total: number | null }>({ key, total: null });
  if (total !== null) known.current = { key, total };
  else if (known.current.key === key) total = known.current.total;

  // Only the pages in view are watched (one or two): a change refreshes those, not every page scrolled past.
  const onRange = useCallback(
    (first: number, last: number) => {
      const inView = new Set<number>();
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) inView.add(p);
      setWanted((w) => (w.key === key && w.pages.size === inView.size && [...inView].every((p) => w.pages.has(p)) ? w : { key, pages: inView }));
    },
    [key],
  );

  const rowAt = (i: number): ClientRow | null => loaded.get(Math.floor(i / PAGE))?.[i % PAGE] ?? null;
  return { total, rowAt, onRange };
}
