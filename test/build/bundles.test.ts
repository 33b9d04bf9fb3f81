import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { ENTRY_NAMES } from '../../src/shared/contract';
import { REPO } from '../helpers/temp-app';

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
