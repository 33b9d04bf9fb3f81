import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { openPushedChanges, subscribeChanges } from './changes';
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

/**
 * Receives the host's pushed changes while a person is signed in. The host's stream belongs to a
 * session: opened before sign-in it is refused, so it opens here, and each person gets their own.
 */
export function usePushedChanges(userId: number): void {
  // A new person (a new session) gets a new stream.
  useEffect(() => openPushedChanges(), [userId]);
}
