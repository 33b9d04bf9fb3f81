// The child process of the crash tests: drives one scenario's real write path through invoke() in a
// loop and acknowledges each write on stdout only after the call has returned its data. The parent
// kills it with SIGKILL at a random moment.
// Usage: node --import tsx test/crash/writer.ts <dataDir> <scenario> <run> [resourcesDir]
import { writeSync } from 'node:fs';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/errors';
import { createApp } from '../../src/server/app';
import { invoke } from '../../src/server/invoke';
import { RESOURCES } from '../helpers/temp-app';
import { CRASH_DIRECTOR, scenarioNamed, type Call } from './scenarios';

/** Writes a line to fd 1 synchronously: once this returns, the parent can read it even if we die next. */
function say(line: string): void {
  let rest = Buffer.from(`${line}\n`);
  // stdout is a non-blocking pipe: when the parent is slow to read, a write may take only part of
  // the line or answer EAGAIN (seen once in a thousand-kill soak); write until the whole line is in.
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(1, rest));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

const [dataDir, name, runText, resourcesDir = RESOURCES] = process.argv.slice(2);
const scenario = scenarioNamed(name);
const run = Number(runText);
// A child whose parent vanished must not loop forever.
setTimeout(() => process.exit(3), 60_000).unref();

const opened = await createApp({ dataDir, resourcesDir, version: '0.0.0-crash', log: () => {} });
if ('failure' in opened) {
  say(`error ${opened.failure.message}`);
  process.exit(2);
}
const app = opened.app;
async function callEntry<K extends EntryName>(entry: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  // The same typing as test/helpers/temp-app.ts: invoke's envelope carries entry K's result.
  const res = (await invoke(app, entry, input)) as Envelope<ApiResult<K>>;
  if (res.error) throw new Error(`${entry}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const call: Call = callEntry;
try {
  await call('auth.login', CRASH_DIRECTOR);
  say('ready');
  for (let i = 0; ; i++) say(`ack ${await scenario.step(call, { run, i })}`);
} catch (e) {
  say(`error ${(e as Error).message}`);
  process.exit(1);
}
