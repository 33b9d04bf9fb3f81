import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { callOptionsFrom } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { AppContext, Caller, CallOrigin } from '../server/context';
import { contractHash } from '../server/contract-hash';
import { invoke } from '../server/invoke';
import { connectionString } from '../server/office/connection-string';
import type { HostCertificate } from './certificate';
import { serveEvents } from './events';

/** The session cookie of browsers (HttpOnly, Secure, SameSite=Strict). */
export const SESSION_COOKIE = 'sdelka_session';

/** Scans and PDFs travel with the same limit as before the office (40 MB a call). */
export const MAX_BODY = 40 * 1024 * 1024;

/** Options of the office host. */
export interface OfficeHostOptions {
  app: AppContext;
  certificate: HostCertificate;
  /** The built renderer served to browsers (absent: the API only). */
  rendererDir?: string;
  port: number;
  /** 127.0.0.1 for the loopback test host, 0.0.0.0 (or one address) for the office. */
  listen: string;
  /**
   * The loopback test host: a browser holding this value in its `sdelka_desk` cookie acts as the app's
   * own desk (the e2e tests drive the same session with direct calls). Others are ordinary browsers.
   */
  sharedDeskKey?: string;
  /** Requests a minute per session (or address) before the flood guard answers 429. */
  floodLimit?: number;
}

/** A running office host. */
export interface OfficeHost {
  url: string;
  port: number;
  /** The address desks use (the listening one, or this computer's LAN address for 0.0.0.0). */
  address: string;
  connection: string;
  close(): Promise<void>;
}

/** This computer's first LAN IPv4 address, or 127.0.0.1. */
export async function lanAddress(): Promise<string> {
  const { networkInterfaces } = await import('node:os');
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice('Bearer '.length).trim() || null : null;
}

/** The name a desk reports for itself (printable, short), or its address. */
function computerOf(req: FastifyRequest): string {
  const raw = req.headers['x-sdelka-computer'];
  const name = typeof raw === 'string' ? decodeURIComponentSafe(raw).replace(/[^\p{L}\p{N} ._()-]/gu, '').trim().slice(0, 60) : '';
  return name || req.ip;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

/** Only our own names: an IP literal, localhost or this computer's name (a guard against DNS rebinding). */
function hostAllowed(req: FastifyRequest, port: number, listen: string): boolean {
  const host = req.headers.host ?? '';
  const m = /^(\[[0-9a-fA-F:]+\]|[^:[\]]+):(\d+)$/.exec(host);
  if (!m || Number(m[2]) !== port) return false;
  const name = (m[1] ?? '').replace(/^\[|\]$/g, '').toLowerCase();
  if (listen === '127.0.0.1') return name === '127.0.0.1' || name === 'localhost';
  const me = hostname().toLowerCase();
  return isIP(name) !== 0 || name === 'localhost' || name === me || name === `${me}.local`;
}

/** A cross-site page may not call us: an Origin, when sent, must be our own. */
function originAllowed(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `https://${req.headers.host ?? ''}`;
}

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ error: { code: 'UNTRUSTED_SENDER', message } });
}

/**
 * The office host: HTTPS (the certificate made on first start), the built renderer for browsers and
 * every contract call at POST /api/<entry> through the one `invoke`. Browsers carry the session in an
 * HttpOnly cookie, desks as a bearer value; neither ever travels in a URL.
 */
export async function startOfficeHost(opts: OfficeHostOptions): Promise<OfficeHost> {
  const { app } = opts;
  let port = opts.port;
  const server = Fastify({
    https: { key: opts.certificate.key, cert: opts.certificate.cert },
    bodyLimit: MAX_BODY,
    logger: false,
    trustProxy: false,
    requestTimeout: 120_000,
    // A malformed path (a broken %-escape) is a 400 for that request; the host goes on.
    routerOptions: { ignoreDuplicateSlashes: true },
  });
  await server.register(fastifyCookie);
  await server.register(fastifyRateLimit, {
    max: opts.floodLimit ?? 3000,
    timeWindow: 60_000,
    keyGenerator: (req) => bearerOf(req) ?? req.cookies[SESSION_COOKIE] ?? req.ip,
    errorResponseBuilder: () => ({ statusCode: 429, error: { code: 'BUSY', message: 'Слишком много запросов с этого компьютера — подождите минуту' } }),
  });

  server.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('strict-transport-security', 'max-age=31536000');
    if (!hostAllowed(req, port, opts.listen)) return refuse(reply, 403, 'Запрос отклонён: чужое имя сервера');
    if (!originAllowed(req)) return refuse(reply, 403, 'Запрос отклонён: чужой сайт');
  });

  server.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const message = status === 413 ? 'Слишком большой запрос (больше 40 МБ)' : status === 429 ? 'Слишком много запросов — подождите минуту' : 'Неверный запрос';
    if (status >= 500) app.log('Ошибка офисного сервера', err);
    return reply.code(status).send({ error: { code: status === 429 ? 'BUSY' : 'VALIDATION', message } });
  });

  const callerOf = (req: FastifyRequest): { caller: Caller; bearer: boolean; shared: boolean } => {
    const origin: CallOrigin = { address: req.ip, computer: computerOf(req) };
    const options = callOptionsFrom({ background: req.headers['x-sdelka-background'] === '1', requestId: req.headers['x-sdelka-request-id'] });
    if (opts.sharedDeskKey && req.cookies.sdelka_desk === opts.sharedDeskKey) {
      return { caller: { ...app.localCaller, ...options, origin, credential: app.localCaller.credential }, bearer: false, shared: true };
    }
    const bearer = bearerOf(req);
    const token = bearer ?? req.cookies[SESSION_COOKIE] ?? null;
    return { caller: { origin, ...options, credential: { token } }, bearer: bearer !== null || req.headers['x-sdelka-desk'] === '1', shared: false };
  };

  server.get('/api/contract', async () => ({ contract: contractHash(), version: app.version }));

  // Open event streams never finish by themselves: the host ends them when it closes (desks reconnect).
  const streams = new Set<() => void>();
  server.addHook('preClose', async () => {
    for (const end of streams) end();
    streams.clear();
  });
  server.get('/api/events', async (req, reply) => {
    const { caller } = callerOf(req);
    const session = app.sessions.find(caller.credential.token);
    if (!session) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'Войдите в программу' } });
    const end = serveEvents(app, reply, caller.credential.token ?? '');
    streams.add(end);
    reply.raw.on('close', () => streams.delete(end));
  });

  server.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const { caller, bearer, shared } = callerOf(req);
    const before = caller.credential.token;
    const envelope = await invoke(app, req.params.name, req.body ?? {}, caller);
    const after = caller.credential.token;
    if (after !== before && !shared) {
      if (bearer) reply.header('x-sdelka-session', after ?? '');
      else if (after) reply.setCookie(SESSION_COOKIE, after, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
      else reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    }
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(envelope));
  });

  if (opts.rendererDir) {
    await server.register(fastifyStatic, { root: opts.rendererDir, index: 'index.html', wildcard: true });
  }
  server.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'Не найдено' } }));

  await server.listen({ port: opts.port, host: opts.listen });
  const bound = server.server.address();
  port = typeof bound === 'object' && bound ? bound.port : opts.port;
  const address = opts.listen === '0.0.0.0' || opts.listen === '::' ? await lanAddress() : opts.listen;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `https://${shown}:${port}/`,
    port,
    address,
    connection: connectionString(address, port, opts.certificate.fingerprint),
    async close() {
      await server.close();
    },
  };
}
