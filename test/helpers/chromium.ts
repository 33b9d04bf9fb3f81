// Finds the Chromium (or Google Chrome) the e2e tests and the benchmarks drive: SDELKA_CHROMIUM first,
// then the PATH, then the usual install locations on Linux, macOS and Windows. Nothing found is an
// error naming what to install, in Russian and English: the browser tests never skip silently.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, win32 } from 'node:path';

/** Names looked up on the PATH, in this order. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where the installers put the browser, per platform (the one list of machine paths the repository keeps). */
export function standardLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => join(home, 'Applications', a))];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local')];
    return roots.flatMap((r) => [win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), win32.join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/** What the locator looks at: injectable so the order can be tested without the machine's own browser. */
export interface LocatorSystem {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  isFile(path: string): boolean;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

const thisMachine = (): LocatorSystem => ({ platform: process.platform, env: process.env, home: homedir(), isFile });

function onPath(sys: LocatorSystem): string[] {
  const dirs = (sys.env.PATH ?? sys.env.Path ?? '').split(sys.platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts = sys.platform === 'win32' ? (sys.env.PATHEXT ?? '.EXE').split(';').filter(Boolean) : [''];
  const joinPath = sys.platform === 'win32' ? win32.join : join;
  return PATH_NAMES.flatMap((name) => dirs.flatMap((dir) => exts.map((ext) => joinPath(dir, name + ext.toLowerCase()))));
}

/** The browser's path, or null when there is none: SDELKA_CHROMIUM, then the PATH, then the standard locations. */
export function findChromium(sys: LocatorSystem = thisMachine()): string | null {
  const fromEnv = sys.env.SDELKA_CHROMIUM;
  if (fromEnv) return sys.isFile(fromEnv) ? fromEnv : null;
  return [...onPath(sys), ...standardLocations(sys.platform, sys.env, sys.home)].find((p) => sys.isFile(p)) ?? null;
}

/** The message when no browser is found: what to install on each system, in Russian and in English. */
export function chromiumMissingMessage(envValue: string | undefined): string {
  const badEnv = envValue ? [`SDELKA_CHROMIUM=${envValue}: такого файла нет. / SDELKA_CHROMIUM=${envValue}: no such file.`] : [];
  return [
    ...badEnv,
    'Не найден Chromium для браузерных тестов. Установите Chromium или Google Chrome:',
    '  Debian/Ubuntu: sudo apt install chromium (Ubuntu: chromium-browser); Fedora: sudo dnf install chromium;',
    '  macOS: brew install --cask chromium или Google Chrome с https://www.google.com/chrome/;',
    '  Windows: Google Chrome с https://www.google.com/chrome/.',
    'Либо укажите путь к браузеру в переменной SDELKA_CHROMIUM.',
    'Chromium for the browser tests was not found. Install Chromium or Google Chrome:',
    '  Debian/Ubuntu: sudo apt install chromium (Ubuntu: chromium-browser); Fedora: sudo dnf install chromium;',
    '  macOS: brew install --cask chromium, or Google Chrome from https://www.google.com/chrome/;',
    '  Windows: Google Chrome from https://www.google.com/chrome/.',
    'Or set SDELKA_CHROMIUM to the browser executable.',
  ].join('\n');
}

/** The browser's path; throws the install message when there is none (an e2e test then fails, never skips). */
export function chromiumPath(sys: LocatorSystem = thisMachine()): string {
  const found = findChromium(sys);
  if (found) return found;
  throw new Error(chromiumMissingMessage(sys.env.SDELKA_CHROMIUM));
}
