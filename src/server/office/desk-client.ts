import { TLSSocket } from 'node:tls';
import { Agent, buildConnector, request } from 'undici';
import type { ChangeEvent } from '../../shared/changes';
import { contract, isEntryName, type CallOptions, type EntryName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { contractHash } from '../contract-hash';
import { ChangeStream, type ChangeStreamState } from './change-stream';
import { parseConnectionString } from './connection-string';

/** Options of a desk's connection to the office host. */
export interface DeskClientOptions {
  /** `sdelka://ADDR:PORT#sha256=<fingerprint>` from the host. */
  connection: string;
  /** This computer's name, shown in «Сеансы» and the audit trail. */
  computer: string;
  /** This program's release (named in the «update» messages). */
  version: string;
  /** This program's contract hash (tests pass another to simulate an older desk). */
  contract?: string;
  /** How long a call keeps retrying an unreachable host before it reports «Нет связи…» (ms). */
  retryForMs?: number;
  now?: () => Date;
}

/** What the host says about itself at connect. */
interface HostContract {
  contract: string;
  version: string;
}

/** The host's certificate is not the one the connection string names. */
export class WrongCertificateError extends Error {}

function newerThan(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  }
  return false;
}

function formatTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** How long a new connection to the host may take (its TLS handshake waits for the host's event loop). */
const CONNECT_TIMEOUT_MS = 30_000;

/** The host's stream says it is alive every 25 s; one silent for this long is taken as cut and reopened. */
const STREAM_SILENCE_MS = 60_000;

const WRONG_CERTIFICATE = 'Сертификат главного компьютера не совпадает с отпечатком из строки подключения. Соединение не установлено: попросите у директора новую строку подключения (Настройки → Офис)';

/**
 * A TLS connector that accepts exactly the pinned certificate: never another one, never on first sight.
 * `checked` hears each verdict.
 */
function pinnedConnector(fingerprint: string, checked: (pinned: boolean) => void): buildConnector.connector {
  // No TLS session resumption: every connection shows its certificate, and every one is checked.
  // A host busy with a long write answers a new connection late, not never: 30 s before «Нет связи»
  // (with undici's 10 s, 33 of 540 card opens of 50 bench desks failed while long writes ran).
  const base = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0, timeout: CONNECT_TIMEOUT_MS });
  return (options, callback) => {
    base(options, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const cert = socket instanceof TLSSocket ? socket.getPeerX509Certificate() : undefined;
      const got = cert?.fingerprint256.replace(/:/g, '').toLowerCase();
      checked(got === fingerprint);
      if (got !== fingerprint) {
        socket.destroy();
        return callback(new WrongCertificateError('certificate fingerprint mismatch'), null);
      }
      callback(null, socket);
    });
  };
}

/**
 * A desk's connection to the office host (plain Node, used by Electron's main process): HTTPS with
 * the host's certificate pinned, the session as a bearer value held here only, the contract checked
 * at connect, and calls retried with backoff (writes keep their request id) while the host is away.
 */
export class DeskClient {
  /** When the host last answered, or null. */
  lastContact: Date | null = null;
  private readonly base: string;
  private readonly agent: Agent;
  /** The change stream's own connection (a long-lived response with its own silence limit). */
  private readonly streamAgent: Agent;
  private readonly now: () => Date;
  private session: string | null = null;
  private certificateRefused = false;
  private readonly streams = new Set<ChangeStream>();

  constructor(private readonly opts: DeskClientOptions) {
    const parsed = parseConnectionString(opts.connection);
    if ('error' in parsed) throw new Error(parsed.error);
    const host = parsed.address.includes(':') ? `[${parsed.address}]` : parsed.address;
    this.base = `https://${host}:${parsed.port}`;
    const checked = (pinned: boolean) => {
      this.certificateRefused = !pinned;
    };
    this.agent = new Agent({ connect: pinnedConnector(parsed.fingerprint, checked), keepAliveTimeout: 10_000 });
    this.streamAgent = new Agent({ connect: pinnedConnector(parsed.fingerprint, checked), bodyTimeout: STREAM_SILENCE_MS, headersTimeout: STREAM_SILENCE_MS });
    this.now = opts.now ?? (() => new Date());
  }

  /** The session token (null: signed out). Never handed to the renderer. A change reopens the change streams. */
  get token(): string | null {
    return this.session;
  }

  set token(value: string | null) {
    if (value === this.session) return;
    this.session = value;
    for (const s of this.streams) s.restart();
  }

  /**
   * Subscribes to the host's committed writes (what Electron's main forwards to the window). Follows
   * sign-in and sign-out, reconnects by itself; `onProblem` hears a refused certificate (the stream then
   * stops). Returns the unsubscribe function.
   */
  subscribeChanges(listener: (event: ChangeEvent) => void, onProblem: (message: string) => void = () => {}): () => void {
    const stream = new ChangeStream(
      { url: `${this.base}/api/events`, dispatcher: this.streamAgent, token: () => this.session, certificateProblem: () => (this.certificateRefused ? WRONG_CERTIFICATE : null) },
      listener,
      onProblem,
    );
    this.streams.add(stream);
    stream.restart();
    return () => {
      stream.stop();
      this.streams.delete(stream);
    };
  }

  /** Where the change subscription stands (the first one's; for the tests and the status line). */
  changesState(): ChangeStreamState {
    const [first] = this.streams;
    return first ? first.state : 'stopped';
  }

  /** Resolves once every change subscription is open. */
  async changesOpen(): Promise<void> {
    await Promise.all([...this.streams].map((s) => s.opened()));
  }

  /** Checks the host is ours and speaks our contract; null when it does, else the Russian reason. */
  async connect(): Promise<string | null> {
    let res: { status: number; body: unknown };
    try {
      res = await this.send('GET', '/api/contract', undefined, {});
    } catch (e) {
      return this.failure(e);
    }
    const host = res.body as HostContract;
    const mine = this.opts.contract ?? contractHash();
    if (host.contract === mine) return null;
    if (newerThan(this.opts.version, host.version)) return 'Обновите программу на главном компьютере офиса';
    return `Обновите программу на этом компьютере до версии ${host.version}`;
  }

  /** Calls an entry on the host as this desk's session. Never throws. */
  async call(name: string, input: unknown, options: CallOptions = {}): Promise<Envelope<unknown>> {
    if (!isEntryName(name)) return { error: { code: 'UNKNOWN_ENTRY', message: 'Неизвестная операция' } };
    if (name !== 'auth.logout') return this.callHost(name, input, options);
    // A sign-out the host did not hear still ends the session here: the desk forgets its token, so the
    // person is never let back in when the host answers again (the host's copy runs out by the idle limit).
    const res = await this.callHost(name, input, options);
    this.token = null;
    return res;
  }

  private async callHost(name: EntryName, input: unknown, options: CallOptions): Promise<Envelope<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-sdelka-desk': '1', 'x-sdelka-computer': encodeURIComponent(this.opts.computer) };
    if (options.background) headers['x-sdelka-background'] = '1';
    // A write keeps one request id through every retry: the host answers a repeat with the first result.
    if (contract[name].writes) headers['x-sdelka-request-id'] = options.requestId ?? crypto.randomUUID();
    const body = JSON.stringify(input ?? {});
    const until = this.now().getTime() + (this.opts.retryForMs ?? 15_000);
    let delay = 200;
    for (;;) {
      try {
        if (this.token) headers.authorization = `Bearer ${this.token}`;
        const res = await this.send('POST', `/api/${encodeURIComponent(name)}`, body, headers);
        return res.body as Envelope<unknown>;
      } catch (e) {
        if (e instanceof WrongCertificateError || this.now().getTime() + delay > until) {
          const message = this.failure(e);
          return { error: { code: message === WRONG_CERTIFICATE ? 'INTERNAL' : 'NO_CONNECTION', message } };
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 3000);
      }
    }
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    for (const s of this.streams) s.stop();
    this.streams.clear();
    await Promise.all([this.agent.close(), this.streamAgent.close()]);
  }

  private failure(e: unknown): string {
    if (e instanceof WrongCertificateError || (e instanceof Error && e.cause instanceof WrongCertificateError)) return WRONG_CERTIFICATE;
    const last = this.lastContact ? ` Последняя связь: ${formatTime(this.lastContact)}.` : '';
    return `Нет связи с главным компьютером офиса.${last} Проверьте, что он включён и программа на нём запущена; введённые данные сохранены в форме.`;
  }

  private async send(method: 'GET' | 'POST', path: string, body: string | undefined, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const res = await request(`${this.base}${path}`, { method, headers, body, dispatcher: this.agent, headersTimeout: 120_000, bodyTimeout: 120_000 });
    const text = await res.body.text();
    this.lastContact = this.now();
    const session = res.headers['x-sdelka-session'];
    if (typeof session === 'string') this.token = session || null;
    if (res.statusCode >= 500 && !text.startsWith('{')) throw new Error(`HTTP ${res.statusCode}`);
    try {
      return { status: res.statusCode, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.statusCode, body: { error: { code: 'INTERNAL', message: `Главный компьютер ответил непонятно (HTTP ${res.statusCode})` } } };
    }
  }
}
