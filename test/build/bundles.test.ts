import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildViewModel, createPdfRenderer, loadBuiltInTemplate } from '../../src/documents/index';
import { sampleData } from '../documents/fixtures';
import { pdfText } from '../documents/pdf-text';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { ENTRY_NAMES } from '../../src/shared/contract';
import { REPO, RESOURCES } from '../helpers/temp-app';

// `npm test` builds the app before Vitest runs; these check what electron-vite emitted.
const out = join(REPO, 'out');

describe('the built app', () => {
  it('emits the preload as CommonJS, which a sandboxed window can load', () => {
    const file = join(out, 'preload/index.cjs');
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(out, 'preload/index.mjs'))).toBe(false);
    const code = readFileSync(file, 'utf8');
    expect(code).toMatch(/require\(["']electron["']\)/);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
  });

  it('exposes one bridge function per contract entry from the preload, never ipcRenderer itself', () => {
    const code = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    expect(code).toMatch(/exposeInMainWorld\(["']sdelka["']/);
    for (const name of ENTRY_NAMES) expect(code).toContain(`"${name}"`);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('emits the PDF worker beside the main bundle, where main loads it from', () => {
    expect(existsSync(join(out, 'main/pdf-worker.js'))).toBe(true);
    expect(readFileSync(join(out, 'main/index.js'), 'utf8')).toMatch(/new URL\(["']\.\/pdf-worker\.js["'], import\.meta\.url\)/);
  });

  it('emits main-process and preload files that Node can load: no file declares a name twice', () => {
    // A bundle that failed here (two `require` declarations in the shared chunk) stopped the program at start.
    const files = ['main', 'main/chunks', 'preload'].flatMap((dir) =>
      existsSync(join(out, dir)) ? readdirSync(join(out, dir)).filter((f) => /\.(c|m)?js$/.test(f)).map((f) => join(out, dir, f)) : [],
    );
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('loads the main bundle as built, up to the single-instance lock, with Electron stood in for', () => {
    // Electron's binary cannot be downloaded here: a stand-in module refuses the lock, so the program quits
    // right after every module of the bundle has loaded and run its top level.
    const register = join(REPO, 'test/build/electron-stub-register.mjs');
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(out, 'main/index.js')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('electron-stub: quit');
    expect(run.status).toBe(0);
  });

  it('renders a document with the PDF worker as built, the one the program starts', async () => {
    const pool = createPdfRenderer({ workerUrl: pathToFileURL(join(out, 'main/pdf-worker.js')), resourcesDir: RESOURCES, threads: 1, warmThreads: 1 });
    try {
      const bytes = await pool.render(buildViewModel(sampleData('invoice')), loadBuiltInTemplate('invoice'));
      expect(await pdfText(bytes)).toContain('Счёт на оплату № 15 от 9 января 2026 г.');
    } finally {
      await pool.close();
    }
  });

  it('keeps better-sqlite3 external to the main bundle', () => {
    const code = readFileSync(join(out, 'main/index.js'), 'utf8');
    expect(code).toMatch(/from ["']better-sqlite3["']|require\(["']better-sqlite3["']\)/);
    expect(code).not.toContain('sqlite3_open_v2');
  });

  it('puts the strict Content-Security-Policy into the renderer page', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8').replaceAll('&#39;', "'");
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('creates the window sandboxed, isolated, without Node and with web security', () => {
    const code = readFileSync(join(out, 'main/index.js'), 'utf8');
    expect(code).toMatch(/contextIsolation:\s*true/);
    expect(code).toMatch(/sandbox:\s*true/);
    expect(code).toMatch(/nodeIntegration:\s*false/);
    expect(code).toMatch(/webSecurity:\s*true/);
    expect(code).toMatch(/requestSingleInstanceLock/);
    expect(code).toMatch(/setWindowOpenHandler/);
    expect(code).toMatch(/setPermissionRequestHandler/);
  });
});
