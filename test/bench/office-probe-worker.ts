import { parentPort, workerData } from 'node:worker_threads';
import { DeskClient } from '../../src/server/office/desk-client';
import { DEMO_PASSWORD } from '../../src/shared/demo';

// The office bench's probe: a desk of its own in its own thread (so the busy bench loop does not
// delay it) that opens one card every 50 ms and reports when each call started and ended.
const { connection, clientId } = workerData as { connection: string; clientId: number };
let running = true;
parentPort?.on('message', () => {
  running = false;
});
const probe = new DeskClient({ connection, computer: 'Зонд', version: '0.0.0-bench', retryForMs: 0 });
const signed = await probe.call('auth.login', { login: 'director', password: DEMO_PASSWORD });
if (signed.error) throw new Error(signed.error.message);
parentPort?.postMessage({ ready: true });
const calls: { start: number; end: number }[] = [];
while (running) {
  const start = performance.timeOrigin + performance.now();
  await probe.call('clients.get', { id: clientId });
  calls.push({ start, end: performance.timeOrigin + performance.now() });
  await new Promise((r) => setTimeout(r, 50));
}
await probe.close();
parentPort?.postMessage({ calls });
