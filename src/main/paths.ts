import { app } from 'electron';
import { join } from 'node:path';
import { dataDirFrom } from '../server/data-dir';

/** The data folder: `--data-dir`, else SDELKA_DATA_DIR, else Electron's userData. */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv): string {
  return dataDirFrom(argv, env, app.getPath('userData'));
}

/** Resources (migrations, fonts, templates): beside the app when packaged, the repo's folder in development. */
export function resolveResourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}
