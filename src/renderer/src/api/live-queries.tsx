import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { subscribeChanges } from './changes';
import { invalidateFor, newQueryClient } from './query-client';

/** The app's query cache, kept true by every change (this window's writes and the host's pushes alike). */
export function LiveQueries({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  useEffect(
    () =>
      subscribeChanges(
        (e) => void invalidateFor(client, e),
        () => void client.invalidateQueries(),
      ),
    [client],
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
