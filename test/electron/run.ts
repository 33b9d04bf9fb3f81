// `npm run test:electron`: starts the built app in real Electron (playwright-core's _electron) on a
// temporary data folder and checks the window's security settings as Electron reports them. Not part of
// `npm test`: it needs Electron's binary, which is downloaded on machines with internet. Without it
// this script says so and exits non-zero; it never pretends to pass.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const results: { check: string; ok: boolean; detail: string }[] = [];

function record(check: string, ok: boolean, detail = ''): void {
  results.push({ check, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${check}${detail ? ` — ${detail}` : ''}`);
}

/**
 * The Electron binary's path, or why there is none. Read from the package's path.txt rather than by
 * require('electron'), which would try to download a missing binary.
 */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return { missing: `${pathFile} is absent: the binary was never downloaded` };
    const name = readFileSync(pathFile, 'utf8').trim();
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name) : join(pkgDir, 'dist', name);
    return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
  } catch (e) {
    return { missing: (e as Error).message.split('\n')[0] };
  }
}

async function checkWindow(app: ElectronApplication, page: Page): Promise<void> {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences() is what the window really runs with; Electron's typings do not declare it.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
    return contents?.getLastWebPreferences?.() ?? null;
  });
  for (const [key, want] of [
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
  ] as const) {
    const got = prefs ? prefs[key] : undefined;
    record(`webPreferences.${key} is ${want}`, got === want, `got ${String(got)}`);
  }
  record('the page comes from app://sdelka/', page.url().startsWith('app://sdelka/'), page.url());
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  record('app:// responses carry the CSP header', csp === CONTENT_SECURITY_POLICY, String(csp));
  const node = await page.evaluate(() => ({ require: typeof (globalThis as { require?: unknown }).require, process: typeof (globalThis as { process?: unknown }).process }));
  record('the page has no Node (require, process)', node.require === 'undefined' && node.process === 'undefined', JSON.stringify(node));
}

async function checkBridge(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const bridge = (window as unknown as { sdelka?: Record<string, (input: unknown) => Promise<unknown>> }).sdelka;
    return bridge ? await bridge['auth.status']({}) : 'no bridge';
  });
  const data = (status as { data?: { needsSetup?: unknown } }).data;
  record('a contract round trip through the preload bridge', data?.needsSetup === true, JSON.stringify(status).slice(0, 160));
  const exposed = await page.evaluate(() => Object.keys((window as unknown as { sdelka?: object }).sdelka ?? {}).includes('ipcRenderer'));
  record('ipcRenderer itself is not exposed', !exposed);
}

async function checkRefusals(page: Page): Promise<void> {
  const before = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(700);
  record('navigation away from the app is refused', page.url() === before, page.url());
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  record('new windows are refused', opened);
  const permission = await page.evaluate(async () => {
    try {
      await navigator.mediaDevices.getUserMedia({ audio: true });
      return 'granted';
    } catch (e) {
      return (e as Error).name;
    }
  });
  record('permission requests are denied', permission !== 'granted', permission);
}

const binary = electronBinary();
if ('missing' in binary) {
  console.error(
    [
      'test:electron cannot run here: Electron’s binary is not installed.',
      `  (${binary.missing})`,
      '  On a machine with internet: `node node_modules/electron/install.js`, then `npm run build && npm run test:electron`.',
      'Nothing was checked. The build checks of `npm test` (test/build/hardening.test.ts) cover the same items statically.',
    ].join('\n'),
  );
  process.exit(2);
}
if (!existsSync(join(repo, 'out/main/index.js'))) {
  console.error('test:electron needs the built app: run `npm run build` first.');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'sdelka-electron-'));
let app: ElectronApplication | null = null;
try {
  app = await _electron.launch({ executablePath: binary.path, args: [join(repo, 'out/main/index.js'), `--data-dir=${dataDir}`], cwd: repo });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await checkWindow(app, page);
  await checkBridge(page);
  await checkRefusals(page);
} catch (e) {
  record('the app starts in Electron', false, (e as Error).message.split('\n')[0]);
} finally {
  await app?.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length} of ${results.length} checks passed.`);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
