import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExternalHttpUrl } from '../../src/main/external-url';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { REPO } from '../helpers/temp-app';

// Electron's security checklist, item by item, as build checks: the packaging config, the built main
// bundle and the sources. (`npm run test:electron` checks the same in a running Electron.)
const require = createRequire(import.meta.url);
// js-yaml and app-builder-lib come with electron-builder; neither ships types, so their shapes are declared here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, log: unknown): Promise<void> };
const builderUtil = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface PackagingConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  linux: { target: string[]; category: string };
  win: { target: string[] };
  electronFuses: Record<string, boolean>;
}

const configText = readFileSync(join(REPO, 'resources/electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as PackagingConfig;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const mainBundle = () => readFileSync(join(REPO, 'out/main/index.js'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('the packaging config', () => {
  it('passes electron-builder 26’s own schema validation', async () => {
    await expect(builderConfig.validateConfiguration(config, new builderUtil.DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets every fuse of the checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built app, its resources and the native module outside the archive', () => {
    expect(config).toMatchObject({ appId: 'ru.sdelka.app', productName: 'Sdelka', files: ['out/**', 'package.json'], asarUnpack: ['**/*.node'] });
    expect(config.extraResources).toEqual(['migrations', 'fonts', 'templates'].map((d) => ({ from: `resources/${d}`, to: `resources/${d}` })));
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.win.target).toEqual(['nsis']);
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config resources/electron-builder.yml --linux AppImage deb --win nsis');
  });

  it('builds with a current Electron', () => {
    const major = Number(/\d+/.exec(pkg.devDependencies.electron)?.[0]);
    // Electron supports its latest three majors; 45 is the newest this project was written against.
    expect(major).toBeGreaterThanOrEqual(45);
  });
});

describe('the built main process', () => {
  it('denies every permission request', () => {
    expect(mainBundle()).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
  });

  it('denies navigation away from the app and every new window', () => {
    const code = mainBundle();
    expect(code).toMatch(/on\("will-navigate", \(event, url\) => \{\s*if \(!appUrl\(url\)\) event\.preventDefault\(\);/);
    expect(code).toMatch(/on\("will-redirect", \(event, url\) => \{\s*if \(!appUrl\(url\)\) event\.preventDefault\(\);/);
    expect(code).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: "deny" \};/);
  });

  it('opens links externally only for http(s), and only after the person confirms', () => {
    const code = mainBundle();
    const handler = /setWindowOpenHandler\(\(\{ url \}\) => \{([\s\S]*?)return \{ action: "deny" \};/.exec(code)?.[1] ?? '';
    expect(handler).toMatch(/if \(isExternalHttpUrl\(url\)\) dialog\.showMessageBox\(/);
    expect(handler).toMatch(/if \(response === 0\) shell\.openExternal\(url\)/);
    expect(handler.indexOf('showMessageBox')).toBeLessThan(handler.indexOf('openExternal'));
    // The only call of openExternal in the whole bundle is that one.
    expect(code.match(/openExternal\(/g)).toHaveLength(1);
    expect(isExternalHttpUrl('https://nalog.ru/')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'app://sdelka/x', 'smb://server/share', 'not a url']) {
      expect(isExternalHttpUrl(bad), bad).toBe(false);
    }
  });

  it('checks the sender of every IPC message before the wrapper runs', () => {
    const code = mainBundle();
    expect(code).toMatch(/if \(event\.sender\.id !== win\.webContents\.id\) return false;/);
    expect(code).toMatch(/event\.senderFrame\?\.url/);
    expect(code).toMatch(/if \(!isTrustedSender\(event, win, devUrl\)\) return \{ error: \{/);
    // The window's own handlers and the desk's forwarding handlers: each checks the sender first.
    const handlers = code.match(/ipcMain\.handle\(/g) ?? [];
    expect(handlers.length).toBeGreaterThanOrEqual(1);
    expect(code.match(/ipcMain\.handle\(channelOf\(name\), \(event, input, opts\) => \{\s*if \(!isTrustedSender\(event, win, devUrl\)\)/g)).toHaveLength(handlers.length);
  });

  it('serves the window from app:// with the CSP header, never from file://', () => {
    const code = mainBundle();
    expect(code).toMatch(/protocol\.handle\("app", async \(request\) => \{/);
    expect(code).toMatch(/if \(url\.host !== "sdelka" \|\| !file\.startsWith\(root\)\) return new Response\("Not found", \{ status: 404 \}\);/);
    expect(code).toMatch(/headers\.set\("Content-Security-Policy", CONTENT_SECURITY_POLICY\)/);
    expect(code).toMatch(/loadURL\(devUrl \?\? `app:\/\/sdelka\/index\.html`\)/);
    expect(code).not.toMatch(/\.loadFile\(/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('the sources', () => {
  it('never turn a protection of the window off', () => {
    const offenders = sourceFiles(join(REPO, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const bad = [
        /webSecurity:\s*false/,
        /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
        /contextIsolation:\s*false/,
        /sandbox:\s*false/,
        /allowRunningInsecureContent:\s*true/,
        /webviewTag:\s*true/,
        /enableRemoteModule/,
        /experimentalFeatures:\s*true/,
      ].filter((re) => re.test(text));
      return bad.map((re) => `${relative(REPO, file)}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });

  it('never hands ipcRenderer or Node to the page', () => {
    const preload = readFileSync(join(REPO, 'src/preload/index.ts'), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).not.toMatch(/require\(|process\./);
  });
});
