import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clientInput } from '../helpers/client-fixtures';
import { openTestApp, REPO, setUpOffice, signInAs, tempDir, type TestApp } from '../helpers/temp-app';

const CHILD = fileURLToPath(new URL('./answer-gap-writer.ts', import.meta.url));
const opened: TestApp[] = [];

afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

/** Closes an app but keeps its folder (the child opens the same base next). */
async function closeKeeping(t: TestApp): Promise<void> {
  t.app.sessions.close();
  await t.app.store.close();
  await t.app.pdf.close();
}

/** Runs the child until it kills itself between the commit and the answer; returns what it printed. */
async function writeAndDie(dir: string, requestId: string, input: unknown): Promise<{ out: string; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, requestId, JSON.stringify(input)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  await once(child, 'close');
  return { out, signal: child.signalCode };
}

describe('a write retried after the host died between its commit and its answer', () => {
  it('gives the first answer and makes no second record', { timeout: 60_000 }, async () => {
    const dir = tempDir('sdelka-answer-gap-');
    try {
      const t = await openTestApp(dir);
      await setUpOffice(t);
      await closeKeeping(t);

      // No INN: nothing but the request id stands between a retry and a second card.
      const shortName = 'ООО «Разрыв»';
      const input = { client: clientInput({ shortName, inn: '', kpp: '', ogrn: '' }) };
      const died = await writeAndDie(dir, 'desk-7-1', input);
      // The child died by SIGKILL right after the commit, before any answer left it.
      expect(died.signal).toBe('SIGKILL');
      const committed = /committed (\[[0-9,]*\])/.exec(died.out);
      expect(committed, died.out).not.toBeNull();
      const [firstId] = JSON.parse(committed?.[1] ?? '[]') as number[];

      // The restarted host: the desk signs in again and sends the same request once more.
      const again = await openTestApp(dir);
      opened.push(again);
      await signInAs(again, 'director');
      const retry = await again.call('clients.create', input, { requestId: 'desk-7-1' });
      expect(retry.error).toBeUndefined();
      expect(retry.data?.id).toBe(firstId);
      const rows = again.app.store.sqlite.prepare('SELECT id FROM clients WHERE short_name = ?').all(shortName);
      expect(rows).toEqual([{ id: firstId }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
