import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import type { EntryName } from '../../src/shared/contract';
import { REPO, tempDir } from '../helpers/temp-app';
import { percentile, type BenchRow } from './bench-row';

// `npm run bench -- push`: two people on the real office host over HTTPS on 127.0.0.1. A saves a deal
// (deals.update) WRITES times, one after another; B is a plain Node subscriber of GET /api/events, as a
// browser's EventSource is. Measured per write: from A's acknowledgement (the answer to the save) to
// B's receiving the pushed event. The goal is ≤ 1 s; reported, never asserted. The host runs in its own
// process (push-bench-host.ts), so its loop is not the one timing A and B.
const WRITES = Number(process.env.SDELKA_BENCH_PUSH_WRITES ?? '') || 100;
const PASSWORD = 'Stol-Lampa-2026';

// The loopback host's certificate is its own (self-signed): a bench on 127.0.0.1 accepts it.
const loopback = new Agent({ connect: { rejectUnauthorized: false } });

/** Signs a person in as a desk does and returns the session value it is given. */
async function signIn(url: string, login: string): Promise<string> {
  const res = await request(`${url}api/auth.login`, {
    method: 'POST',
    dispatcher: loopback,
    headers: { 'content-type': 'application/json', 'x-sdelka-desk': '1' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  await res.body.dump();
  const token = res.headers['x-sdelka-session'];
  if (typeof token !== 'string' || !token) throw new Error(`${login}: no session`);
  return token;
}

/** One write of A over HTTPS: resolves with its envelope once the answer is in. */
async function post(url: string, token: string, name: EntryName, input: unknown): Promise<{ data?: unknown; error?: { message: string } }> {
  const res = await request(`${url}api/${name}`, {
    method: 'POST',
    dispatcher: loopback,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await res.body.json()) as { data?: unknown; error?: { message: string } };
}

/** B's stream: every `data:` line's arrival time, per entry name, in order. */
async function subscribe(url: string, token: string): Promise<{ arrivals: Map<string, number[]>; close(): void }> {
  const controller = new AbortController();
  const res = await request(`${url}api/events`, { method: 'GET', dispatcher: loopback, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
  if (res.statusCode !== 200) throw new Error(`events: HTTP ${res.statusCode}`);
  const arrivals = new Map<string, number[]>();
  let buffered = '';
  res.body.setEncoding('utf8');
  res.body.on('data', (chunk: string) => {
    const at = performance.now();
    buffered += chunk;
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
      if (!message.startsWith('data: ')) continue;
      const event = JSON.parse(message.slice('data: '.length)) as { entry: string };
      const list = arrivals.get(event.entry) ?? [];
      list.push(at);
      arrivals.set(event.entry, list);
    }
  });
  res.body.on('error', () => {});
  return { arrivals, close: () => controller.abort() };
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}

/** Starts the host process on `dir` and reads what it set up. */
async function startHost(dir: string): Promise<{ child: ChildProcess; url: string; dealId: number; version: number; deal: Record<string, unknown> }> {
  const script = fileURLToPath(new URL('./push-bench-host.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`push bench host exited ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; dealId: number; version: number; deal: Record<string, unknown> };
  return { child, ...info };
}

/** The benchmark rows of the pushed changes. */
export async function benchPush(): Promise<BenchRow[]> {
  const dir = tempDir('sdelka-bench-push-');
  const host = await startHost(dir);
  const { url, deal } = host;
  try {
    const a = await signIn(url, 'sidorova');
    const b = await signIn(url, 'ivanov');
    const stream = await subscribe(url, b);
    const afterAck: number[] = [];
    const afterSend: number[] = [];
    let beforeAck = 0;
    let lost = 0;
    let version = host.version;
    for (let i = 0; i < WRITES; i++) {
      const sent = performance.now();
      const res = await post(url, a, 'deals.update', { id: host.dealId, version, deal: { ...deal, title: `Стеллажи, вариант ${i + 1}` } });
      const acked = performance.now();
      if (res.error) throw new Error(`deals.update: ${res.error.message}`);
      version = (res.data as { version: number }).version;
      const seen = () => (stream.arrivals.get('deals.update')?.length ?? 0) > i;
      if (!(await waitFor(seen, 5_000))) {
        lost += 1;
        break;
      }
      const at = stream.arrivals.get('deals.update')?.[i] ?? acked;
      // The event may reach B before A has read its own answer: that counts as 0 after the acknowledgement.
      if (at < acked) beforeAck += 1;
      afterAck.push(Math.max(0, at - acked));
      afterSend.push(at - sent);
    }
    stream.close();
    const note = `${afterAck.length} saves of a deal by A over HTTPS, B a Node SSE subscriber; ${beforeAck} of them reached B before A had its answer${lost ? `; ${lost} never arrived (5 s)` : ''}`;
    return [
      { name: 'pushed change reaches another desk, p50 (A’s ack → B’s event)', value: percentile(afterAck, 50), unit: 'ms', target: '≤ 1 s', note },
      { name: 'pushed change reaches another desk, p95 (A’s ack → B’s event)', value: percentile(afterAck, 95), unit: 'ms', target: '≤ 1 s', peer: `from A’s send: p50 ${percentile(afterSend, 50).toFixed(1)} ms, p95 ${percentile(afterSend, 95).toFixed(1)} ms` },
    ];
  } finally {
    await loopback.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
