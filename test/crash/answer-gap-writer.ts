// The child of the answer-gap test: makes one write with a request id and dies by SIGKILL the moment
// the write is committed and announced on the change feed, before the caller has had any answer.
// Usage: node --import tsx test/crash/answer-gap-writer.ts <dataDir> <requestId> <clients.create input as JSON>
import { writeSync } from 'node:fs';
import { createApp } from '../../src/server/app';
import { invoke } from '../../src/server/invoke';
import { RESOURCES } from '../helpers/temp-app';

const [dataDir, requestId, inputJson] = process.argv.slice(2);
setTimeout(() => process.exit(3), 60_000).unref();
const opened = await createApp({ dataDir, resourcesDir: RESOURCES, version: '0.0.0-crash', log: () => {} });
if ('failure' in opened) {
  writeSync(1, `error ${opened.failure.message}\n`);
  process.exit(2);
}
const app = opened.app;
const login = await invoke(app, 'auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
if (login.error) {
  writeSync(1, `error ${login.error.message}\n`);
  process.exit(2);
}
app.changes.subscribe((event) => {
  if (event.entry !== 'clients.create') return;
  // The write is in the base; the answer has not left the process: the host dies here.
  writeSync(1, `committed ${JSON.stringify(event.ids)}\n`);
  process.kill(process.pid, 'SIGKILL');
});
const res = await invoke(app, 'clients.create', JSON.parse(inputJson) as unknown, { ...app.localCaller, requestId });
writeSync(1, `answered ${JSON.stringify(res)}\n`);
