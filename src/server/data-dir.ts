import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** The folder Electron uses as userData for «Sdelka» on this platform (for tools run outside Electron). */
export function electronUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sdelka');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sdelka');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Sdelka');
}

/** `--data-dir=…`, else SDELKA_DATA_DIR, else the fallback. */
export function dataDirFrom(argv: string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flag = argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const chosen = flag || env.SDELKA_DATA_DIR || fallback;
  return isAbsolute(chosen) ? chosen : resolve(chosen);
}
