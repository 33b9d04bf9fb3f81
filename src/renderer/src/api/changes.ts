import type { ChangeEvent } from '../../../shared/changes';

/** Told of every committed write: pushed by the host and announced by this window's own writes. */
export type ChangeListener = (event: ChangeEvent) => void;

/** Told when the pushed stream reconnects (changes may have been missed meanwhile). */
export type ResyncListener = () => void;

const listeners = new Set<ChangeListener>();
const resyncListeners = new Set<ResyncListener>();

function deliver(event: ChangeEvent): void {
  for (const l of listeners) l(event);
}

/** Whether a value parsed from the stream has the shape of a change event. */
export function isChangeEvent(v: unknown): v is ChangeEvent {
  if (!v || typeof v !== 'object') return false;
  return 'entry' in v && typeof v.entry === 'string' && 'area' in v && typeof v.area === 'string' && 'ids' in v && Array.isArray(v.ids);
}

/** The preload's `onChange(listener)` inside the Electron window, when main offers one. */
function bridgeSource(): ((listener: (event: unknown) => void) => unknown) | null {
  const bridge: object | undefined = window.sdelka;
  if (!bridge || !('onChange' in bridge)) return null;
  const onChange: unknown = bridge.onChange;
  if (typeof onChange !== 'function') return null;
  return (listener) => Reflect.apply(onChange, bridge, [listener]);
}

/** How long a stream the host refused or ended waits before it asks again (while a person is signed in). */
export const REOPEN_MS = 3_000;

/** Server-Sent Events in a browser; a stream the host closed (a refusal the browser gives up on) is reopened. */
function openEventStream(): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dropped = false;
  let stopped = false;
  const connect = () => {
    const s = new EventSource('./api/events');
    source = s;
    s.onmessage = (m: MessageEvent<string>) => {
      try {
        const e: unknown = JSON.parse(m.data);
        if (isChangeEvent(e)) deliver(e);
      } catch {
        // A malformed line is skipped; the next change still arrives.
      }
    };
    s.onerror = () => {
      dropped = true;
      // A network drop reconnects by itself; a refused answer (401, 5xx) closes the stream for good.
      if (s.readyState !== EventSource.CLOSED || stopped) return;
      s.close();
      timer = setTimeout(connect, REOPEN_MS);
    };
    s.onopen = () => {
      if (!dropped) return;
      dropped = false;
      for (const l of resyncListeners) l();
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}

/**
 * Opens the host's push channel (the window's bridge, or Server-Sent Events in a browser) and returns
 * its closing function. The stream belongs to a session: open it once a person is signed in.
 */
export function openPushedChanges(): () => void {
  const subscribe = bridgeSource();
  if (subscribe) {
    const off = subscribe((e) => {
      if (isChangeEvent(e)) deliver(e);
    });
    return () => {
      if (typeof off === 'function') Reflect.apply(off, undefined, []);
    };
  }
  if (window.sdelka || typeof EventSource === 'undefined') return () => {};
  return openEventStream();
}

/** Subscribes to committed writes (pushed and local alike); returns the unsubscribe function. */
export function subscribeChanges(listener: ChangeListener, onResync?: ResyncListener): () => void {
  listeners.add(listener);
  if (onResync) resyncListeners.add(onResync);
  return () => {
    listeners.delete(listener);
    if (onResync) resyncListeners.delete(onResync);
  };
}

/** Announces a write this window made, through the same path as pushed changes. */
export function announceChange(event: ChangeEvent): void {
  deliver(event);
}
