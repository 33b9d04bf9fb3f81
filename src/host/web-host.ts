import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { createApp, type AppOptions } from '../server/app';
import { startBackupSchedule } from '../server/backup/schedule';
import type { AppContext } from '../server/context';
import { invoke } from '../server/invoke';
import { workerPdfService } from '../server/pdf-service';
import { startWeeklySnapshots } from '../server/plans/weekly-snapshot';

/** Options of the browser test host. */
export interface WebHostOptions extends AppOptions {
  rendererDir: string;
  port?: number;
}

/** A running host: where to open it, and how to stop it. */
export interface WebHost {
  url: string;
  token: string;
  port: number;
  app: AppContext;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 40 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
  res.end(body);
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/**
 * A small loopback-only HTTP host for tests and demos: serves the built renderer and routes each
 * contract call (POST /api/<name>, with the per-run token) to the same handlers as Electron's IPC.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  // PDFs are rendered in a worker thread: the loop answering the window never waits for one.
  const opened = await createApp({ ...opts, pdf: opts.pdf ?? workerPdfService(opts.resourcesDir) });
  if ('failure' in opened) throw new Error(opened.failure.message);
  const app = opened.app;
  const stopSchedule = startBackupSchedule(app);
  const stopSnapshots = startWeeklySnapshots(app);
  const token = randomBytes(24).toString('hex');
  const root = normalize(opts.rendererDir + sep);
  let port = 0;

  const server = createServer((req, res) => {
    void (async () => {
      // Only requests addressed to our loopback origin (a guard against DNS rebinding).
      if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
        return send(res, 403, 'text/plain', 'forbidden');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST' || !sameToken(req.headers['x-sdelka-token'], token)) {
          return send(res, 403, 'application/json', JSON.stringify({ error: { code: 'UNTRUSTED_SENDER', message: 'Запрос отклонён' } }));
        }
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ error: { code: 'VALIDATION', message: 'Неверный запрос' } }));
        }
        const envelope = await invoke(app, decodeURIComponent(url.pathname.slice('/api/'.length)), input);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
      }
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = normalize(join(root, rel));
      if (!file.startsWith(root)) return send(res, 404, 'text/plain', 'not found');
      try {
        return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        return send(res, 404, 'text/plain', 'not found');
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    app,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      stopSchedule();
      stopSnapshots();
      await Promise.resolve(app.backup.running).catch(() => null);
      await app.store.close();
      await app.pdf.close();
    },
  };
}
