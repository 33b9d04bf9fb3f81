import { ENTRY_NAMES, type ApiClient, type EntryName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

declare global {
  interface Window {
    /** The preload bridge, present inside the Electron window. */
    sdelka?: ApiClient;
  }
}

const TOKEN_KEY = 'sdelka-host-token';

/** The browser test host's per-run token, from `?token=` (kept for reloads in sessionStorage). */
function hostToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): ApiClient {
  const token = hostToken();
  const call = async (name: EntryName, input: unknown): Promise<Envelope<unknown>> => {
    try {
      const res = await fetch(`./api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sdelka-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { error: { code: 'INTERNAL', message: 'Нет связи с программой' } };
    }
  };
  // Built from the same list of names as the preload bridge.
  return Object.fromEntries(ENTRY_NAMES.map((n) => [n, (input: unknown) => call(n, input)])) as unknown as ApiClient;
}

/** The typed API: the preload bridge inside Electron, otherwise the loopback test host. */
export const api: ApiClient = window.sdelka ?? httpClient();
