import { EventSource, type Dispatcher } from 'undici';
import { z } from 'zod';
import { RESYNC_ENTRY, type ChangeEvent } from '../../shared/changes';

/** Where a desk's subscription to the host's changes stands. */
export type ChangeStreamState = 'signed-out' | 'connecting' | 'open' | 'refused' | 'stopped';

/** Options of a desk's change stream. */
export interface ChangeStreamOptions {
  /** `https://host:port/api/events`. */
  url: string;
  /** The pinned dispatcher the stream connects through (the bearer value is added here). */
  dispatcher: Dispatcher;
  /** The desk's current session token (null: signed out, nothing to listen to). */
  token: () => string | null;
  /** Non-null when the host's certificate was refused: the Russian reason; the stream then stops. */
  certificateProblem: () => string | null;
}

/** The first wait before reconnecting, and the longest (the host restarted: back within seconds). */
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;

/** Exactly the fields of a change event: anything else the stream carried is dropped, never forwarded. */
const changeEventSchema = z.object({
  entry: z.string(),
  area: z.string(),
  ids: z.array(z.number().int()),
  by: z.object({ userId: z.number().int().nullable(), userName: z.string().nullable() }),
  at: z.string(),
});

/** The event that tells the window it may have missed changes while the stream was down. */
function resyncEvent(at: Date): ChangeEvent {
  return { entry: RESYNC_ENTRY, area: RESYNC_ENTRY, ids: [], by: { userId: null, userName: null }, at: at.toISOString() };
}

type Headers = Dispatcher.DispatchOptions['headers'];

/** The request's headers with `authorization` set (fetch hands a plain record; arrays and iterables too). */
function withAuthorization(headers: Headers, value: string): Headers {
  if (!headers) return { authorization: value };
  if (Array.isArray(headers)) return [...headers, 'authorization', value];
  if (Symbol.iterator in headers) return [...headers, ['authorization', value]];
  return { ...headers, authorization: value };
}

/**
 * A desk's subscription to the host's Server-Sent Events (undici's EventSource parses the stream): each
 * committed write arrives as a ChangeEvent. The stream carries the session as a bearer value, follows
 * the desk's sign-in and sign-out, reconnects with backoff while the host is away (and then announces
 * the gap with a RESYNC_ENTRY event), and stops for good when the host's certificate is not the pinned one.
 */
export class ChangeStream {
  private source: EventSource | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay = FIRST_DELAY_MS;
  /** True once the stream has been open: a later open follows a gap. */
  private wasOpen = false;
  private current: ChangeStreamState = 'signed-out';
  private readonly dispatcher: Dispatcher;
  private readonly openWaiters: (() => void)[] = [];

  constructor(
    private readonly opts: ChangeStreamOptions,
    private readonly listener: (event: ChangeEvent) => void,
    private readonly onProblem: (message: string) => void,
  ) {
    this.dispatcher = opts.dispatcher.compose((dispatch) => (options, handler) => {
      const token = opts.token();
      return dispatch(token ? { ...options, headers: withAuthorization(options.headers, `Bearer ${token}`) } : options, handler);
    });
  }

  get state(): ChangeStreamState {
    return this.current;
  }

  /** Resolves once the stream is open (the host then delivers every later write). */
  opened(): Promise<void> {
    if (this.current === 'open') return Promise.resolve();
    return new Promise((resolve) => this.openWaiters.push(resolve));
  }

  /** (Re)opens with the current token: at start and whenever the desk signs in, out or as another person. */
  restart(): void {
    if (this.current === 'stopped' || this.current === 'refused') return;
    this.drop();
    this.delay = FIRST_DELAY_MS;
    this.open();
  }

  /** Ends the subscription. */
  stop(): void {
    this.drop();
    this.current = 'stopped';
  }

  private open(): void {
    this.timer = null;
    if (!this.opts.token()) {
      this.current = 'signed-out';
      return;
    }
    this.current = 'connecting';
    const source = new EventSource(this.opts.url, { node: { dispatcher: this.dispatcher, reconnectionTime: MAX_DELAY_MS } });
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.current = 'open';
      this.delay = FIRST_DELAY_MS;
      if (this.wasOpen) this.listener(resyncEvent(new Date()));
      this.wasOpen = true;
      for (const w of this.openWaiters.splice(0)) w();
    };
    source.onmessage = (m) => {
      if (this.source !== source) return;
      const parsed = changeEventSchema.safeParse(typeof m.data === 'string' ? safeJson(m.data) : null);
      if (parsed.success) this.listener(parsed.data);
    };
    // Any failure (host away, stream cut, session refused): close this source and try again with backoff,
    // unless the host is not the pinned one.
    source.onerror = () => {
      if (this.source !== source) return;
      this.drop();
      const problem = this.opts.certificateProblem();
      if (problem) {
        this.current = 'refused';
        this.onProblem(problem);
        return;
      }
      this.current = 'connecting';
      this.timer = setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    };
  }

  private drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.source?.close();
    this.source = null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
