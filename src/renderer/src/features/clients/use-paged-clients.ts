import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientRow } from '../../../../shared/api/client-types';
import type { ApiInput } from '../../../../shared/contract';
import { call } from '../../api/call';

const PAGE = 200;

/** The list's filters (everything but the paging). */
export type ClientFilters = Omit<ApiInput<'clients.list'>, 'offset' | 'limit'>;

/**
 * Loads the client list page by page as rows come into view: the total first, then only the
 * pages the virtual list shows. Changing the filters starts over.
 */
export function usePagedClients(filters: ClientFilters) {
  const key = JSON.stringify(filters);
  const latest = useRef(filters);
  latest.current = filters;
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, ClientRow[]>>(new Map());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    async (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      const res = await call('clients.list', { ...latest.current, offset: page * PAGE, limit: PAGE });
      if (gen !== generation.current || !res) return;
      setTotal(res.total);
      setPages((old) => new Map(old).set(page, res.rows));
    },
    // The key stands for the filters: a new key is a new list.
    [key],
  );

  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    void load(0);
  }, [load]);

  const onRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) if (!pages.has(p)) void load(p);
    },
    [pages, load],
  );

  const rowAt = (i: number): ClientRow | null => pages.get(Math.floor(i / PAGE))?.[i % PAGE] ?? null;
  const reload = () => {
    generation.current++;
    loading.current = new Set();
    setPages(new Map());
    void load(0);
  };
  return { total, rowAt, onRange, reload };
}
