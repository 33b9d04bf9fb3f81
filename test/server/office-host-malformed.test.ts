import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { RESOURCES, tempDir } from '../helpers/temp-app';

// «No request, however malformed, stops a host»: a battery of broken requests, each followed by a
// check that the host still answers. A crash of the host here would end this test's own process.
const dir = tempDir('sdelka-malformed-');
const rendererDir = join(dir, 'renderer');
let host: WebHost;
const insecure = new Agent({ connect: { rejectUnauthorized: false } });
const BAD = '%E0%A4%A';

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Сделка</title>');
  host = await startWebHost({ dataDir: dir, rendererDir, resourcesDir: RESOURCES, version: '1.4.0', log: () => {} });
}, 60_000);
afterAll(async () => {
  await host.close();
  await insecure.close();
});

/** Sends raw bytes over TLS and resolves with whatever came back (or nothing) once the host closes or goes quiet. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const socket = connect({ host: '127.0.0.1', port: host.port, rejectUnauthorized: false }, () => socket.end(bytes));
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (got += c));
    socket.setTimeout(3_000, () => socket.destroy());
    socket.on('error', () => resolve(got));
    socket.on('close', () => resolve(got));
  });
}

async function stillAnswers(): Promise<void> {
  const res = await request(`${host.url}api/contract`, { dispatcher: insecure });
  expect(res.statusCode).toBe(200);
  expect(((await res.body.json()) as { version: string }).version).toBe('1.4.0');
}

type Probe = { path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };
const json = { 'content-type': 'application/json' };
const PROBES: Probe[] = [
  { path: BAD },
  { path: `api/${BAD}` },
  { path: `api/${BAD}`, method: 'POST', headers: json, body: '{}' },
  { path: 'api/%ZZ', method: 'POST', headers: json, body: '{}' },
  { path: `?q=${BAD}` },
  { path: `index.html/${BAD}` },
  { path: `assets/${BAD}.js` },
  { path: '..%2f..%2f..%2fetc%2fpasswd' },
  { path: 'api/constructor', method: 'POST', headers: json, body: '{}' },
  { path: 'api/__proto__', method: 'POST', headers: json, body: '{}' },
  { path: 'api/auth.status', method: 'POST', headers: { ...json, cookie: `sdelka_session=${BAD}` }, body: '{}' },
  { path: 'api/auth.status', method: 'POST', headers: { ...json, cookie: `sdelka_desk=${BAD}; sdelka_session=%` }, body: '{}' },
  { path: 'api/events', headers: { cookie: `sdelka_session=${BAD}` } },
  { path: 'api/auth.status', method: 'POST', headers: json, body: '{' },
  { path: 'api/auth.status', method: 'POST', headers: json, body: 'null' },
  { path: 'api/auth.login', method: 'POST', headers: json, body: '[1,2]' },
  { path: 'api/auth.login', method: 'POST', headers: json, body: '{"__proto__":{"admin":true},"login":"a","password":"b"}' },
  { path: 'api/auth.status', method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'привет' },
  { path: 'api/auth.status', method: 'POST', headers: { 'content-type': 'application/json; charset=koi8-r' }, body: '{}' },
  { path: 'api/auth.status', method: 'POST', headers: { ...json, 'x-sdelka-computer': BAD, 'x-sdelka-desk': '1' }, body: '{}' },
  { path: 'api/orgs.create', method: 'POST', headers: { ...json, 'x-sdelka-request-id': 'x'.repeat(8_000) }, body: '{}' },
  { path: 'api/auth.status', method: 'POST', headers: { ...json, authorization: 'Bearer' }, body: '{}' },
  { path: 'api/auth.status', method: 'POST', headers: { ...json, authorization: `Bearer ${'a'.repeat(8_000)}` }, body: '{}' },
];

describe('a malformed request', () => {
  it.each(PROBES.map((p) => [`${p.method ?? 'GET'} /${p.path}`, p] as const))('%s is refused for itself; the host goes on', async (_name, p) => {
    const res = await request(`${host.url}${p.path}`, { method: p.method ?? 'GET', headers: p.headers, body: p.body, dispatcher: insecure });
    const text = await res.body.text();
    // Refused or answered, never a crash and never a server error.
    expect(res.statusCode, text).toBeLessThan(500);
    await stillAnswers();
  });

  it.each([
    ['garbage instead of HTTP', 'GARBAGE\r\n\r\n'],
    ['a broken %-escape in the raw request line', `GET /${BAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
    ['an unparsable Host', `GET / HTTP/1.1\r\nHost: %${BAD}\r\nConnection: close\r\n\r\n`],
    ['a length longer than the body', 'POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{}'],
    ['broken chunks', 'POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
    ['a header of 100 KB', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`],
    ['a bearer value that is not text', `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer \u00ff\u00d1${BAD}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`],
    ['bytes that are not text', `GET /\u00ff\u00fe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
  ])('%s does not stop the host', async (_name, bytes) => {
    const answer = await raw(bytes);
    expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d/);
    await stillAnswers();
  });
});
