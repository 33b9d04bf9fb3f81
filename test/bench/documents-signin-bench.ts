// The first bundle after the app starts, through the real handlers and the worker pool: the office is
// set up once, the app is started again on its data folder (as a person opens the program), someone
// signs in, and the contract + invoice + proposal bundle is issued; timed from the click to the bytes.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../src/server/app';
import type { AppContext } from '../../src/server/context';
import { invoke } from '../../src/server/invoke';
import { workerPdfService } from '../../src/server/pdf-service';
import { bundleInputFor, makeClient } from '../helpers/document-fixtures';
import { openTestApp, RESOURCES, setUpOffice, tempDir } from '../helpers/temp-app';
import type { BenchRow } from './bench-row';

const PASSWORD = 'Stol-Lampa-2026';
const NOW = new Date('2026-11-26T09:00:00Z');

async function must(app: AppContext, name: string, input: unknown): Promise<unknown> {
  const res = await invoke(app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data;
}

/** An office with one client, left on disk for the timed starts. */
async function preparedOffice(dir: string): Promise<number> {
  const t = await openTestApp(dir, NOW);
  await setUpOffice(t);
  const clientId = await makeClient(t);
  t.app.sessions.close();
  await t.app.store.close();
  await t.app.pdf.close();
  return clientId;
}

type FirstBundle = { signIn: number; click: number; clickCpu: number; warmAfterSignIn: number };

/** Starts the app on `dir`, signs in and issues the bundle; with `waitWarm` the click comes once the pool is warm. */
async function startSignInAndClick(dir: string, clientId: number, workerUrl: URL | undefined, waitWarm: boolean): Promise<FirstBundle> {
  const opened = await createApp({ dataDir: dir, resourcesDir: RESOURCES, version: 'bench', now: () => NOW, log: () => {}, pdf: workerPdfService(RESOURCES, workerUrl) });
  if ('failure' in opened) throw new Error(opened.failure.message);
  const app = opened.app;
  try {
    const signInStart = performance.now();
    await must(app, 'auth.login', { login: 'director', password: PASSWORD });
    const signedIn = performance.now();
    let warmAfterSignIn = Number.NaN;
    if (waitWarm) {
      await app.pdf.renderer().ready();
      warmAfterSignIn = performance.now() - signedIn;
    }
    const clickStart = performance.now();
    const cpuStart = process.cpuUsage();
    const res = await must(app, 'documents.bundle', bundleInputFor(clientId));
    const click = performance.now() - clickStart;
    const cpu = process.cpuUsage(cpuStart);
    if (typeof res !== 'object' || res === null || !('combined' in res) || res.combined === null) throw new Error('documents.bundle: no combined PDF');
    return { signIn: signedIn - signInStart, click, clickCpu: (cpu.user + cpu.system) / 1000, warmAfterSignIn };
  } finally {
    app.sessions.close();
    await app.store.close();
    await app.pdf.close();
  }
}

/** Rows: the first bundle after sign-in, clicked at once and clicked once the workers are warm. */
export async function benchFirstBundleAfterSignIn(workerUrl: URL | undefined, workerKind: string): Promise<BenchRow[]> {
  const dir = tempDir('sdelka-bench-signin-');
  try {
    const clientId = await preparedOffice(dir);
    const atOnce = await startSignInAndClick(dir, clientId, workerUrl, false);
    const warm = await startSignInAndClick(dir, clientId, workerUrl, true);
    return [
      { name: 'Sign-in (auth.login), PDF pool started by it', value: atOnce.signIn, unit: 'ms', note: 'the pool starts its threads in the background; sign-in does not wait for them' },
      {
        name: 'PDF bundle, first after sign-in, clicked once the pool is warm',
        value: warm.click,
        unit: 'ms',
        target: '≤ 500 ms',
        note: `documents.bundle through invoke (contract + invoice + proposal, rendered and written), ${workerKind}; CPU of all threads ${warm.clickCpu.toFixed(0)} ms; the pool was warm ${warm.warmAfterSignIn.toFixed(0)} ms after sign-in`,
      },
      {
        name: 'PDF bundle, first after sign-in, clicked the instant sign-in returns',
        value: atOnce.click,
        unit: 'ms',
        note: `worst case: waits for a thread to start, load pdfmake and the fonts and warm up; CPU of all threads ${atOnce.clickCpu.toFixed(0)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
