// The browser locator's order: SDELKA_CHROMIUM, then the PATH, then the standard install locations;
// nothing found is an error in Russian and English naming what to install.
import { describe, expect, it } from 'vitest';
import { chromiumPath, findChromium, type LocatorSystem } from '../helpers/chromium';

function system(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, files: string[]): LocatorSystem {
  const present = new Set(files);
  return { platform, env, home: '/home/ann', isFile: (p) => present.has(p) };
}

describe('Chromium locator', () => {
  it('takes SDELKA_CHROMIUM first, even when a browser is on the PATH', () => {
    const sys = system('linux', { SDELKA_CHROMIUM: '/opt/my/chrome', PATH: '/usr/bin' }, ['/opt/my/chrome', '/usr/bin/chromium']);
    expect(findChromium(sys)).toBe('/opt/my/chrome');
  });

  it('fails with both languages when SDELKA_CHROMIUM names a missing file, rather than guessing another', () => {
    const sys = system('linux', { SDELKA_CHROMIUM: '/nowhere/chrome', PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    expect(() => chromiumPath(sys)).toThrow(/SDELKA_CHROMIUM=\/nowhere\/chrome: такого файла нет.*no such file/s);
  });

  it('searches the PATH in order before the standard locations', () => {
    const sys = system('linux', { PATH: '/a:/b' }, ['/b/chromium-browser', '/a/google-chrome', '/usr/bin/chromium']);
    expect(findChromium(sys)).toBe('/b/chromium-browser');
  });

  it('falls back to the standard locations on Linux, macOS and Windows', () => {
    expect(findChromium(system('linux', { PATH: '/a' }, ['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(system('darwin', { PATH: '/a' }, [mac]))).toBe(mac);
    const win = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(system('win32', { Path: 'C:\\bin', PROGRAMFILES: 'C:\\Program Files' }, [win]))).toBe(win);
  });

  it('finds chrome.exe-style names on a Windows PATH with PATHEXT', () => {
    const sys = system('win32', { Path: 'C:\\tools;D:\\apps', PATHEXT: '.COM;.EXE' }, ['D:\\apps\\chromium.exe']);
    expect(findChromium(sys)).toBe('D:\\apps\\chromium.exe');
  });

  it('names what to install, in Russian and English, when nothing is found', () => {
    const sys = system('linux', { PATH: '/a' }, []);
    expect(findChromium(sys)).toBeNull();
    expect(() => chromiumPath(sys)).toThrow(/Не найден Chromium[\s\S]*apt install chromium[\s\S]*brew install --cask chromium[\s\S]*was not found[\s\S]*SDELKA_CHROMIUM/);
  });
});
