import { contract, ENTRY_NAMES, type ApiClient, type CallOptions, type EntryName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

declare global {
  interface Window {
    /** The preload bridge, present inside the Electron window. */
    sdelka?: ApiClient;
  }
}

/** A fresh id for one write: a retry of the same action sends the same id. */
function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * The office host over HTTPS from a browser: the session is an HttpOnly cookie the page never sees;
 * background refreshes say so, and every write carries its own request id.
 */
function httpClient(): ApiClient {
  const call = async (name: EntryName, input: unknown, opts: CallOptions = {}): Promise<Envelope<unknown>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.background) headers['x-sdelka-background'] = '1';
    if (contract[name].writes) headers['x-sdelka-request-id'] = opts.requestId ?? newRequestId();
    try {
      const res = await fetch(`./api/${encodeURIComponent(name)}`, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(input ?? {}) });
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { error: { code: 'NO_CONNECTION', message: 'Нет связи с главным компьютером офиса. Проверьте, что он включён и программа на нём запущена; введённые данные остались в форме.' } };
    }
  };
  // Built from the same list of names as the preload bridge.
  return Object.fromEntries(ENTRY_NAMES.map((n) => [n, (input: unknown, opts?: CallOptions) => call(n, input, opts)])) as unknown as ApiClient;
}

/** The typed API: the preload bridge inside Electron, otherwise the office host in a browser. */
export const api: ApiClient = window.sdelka ?? httpClient();
