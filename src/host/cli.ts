import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDirFrom } from '../server/data-dir';
import { startWebHost } from './web-host';

// `npm run web`: the renderer in a browser against the real handlers, for testing and demos.
const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')) as { version: string };
const dataDir = dataDirFrom(process.argv, process.env, `${repo}/.sdelka-data`);
const portFlag = process.argv.find((a) => a.startsWith('--port='));

const host = await startWebHost({
  dataDir,
  rendererDir: `${repo}/out/renderer`,
  resourcesDir: `${repo}/resources`,
  version: pkg.version,
  port: portFlag ? Number(portFlag.slice('--port='.length)) : 0,
});
console.log(
  [
    'Сделка — тестовый браузерный хост (только для проверки и демонстрации, не сервер).',
    'Слушает только 127.0.0.1; каждый запрос требует одноразовый ключ этого запуска.',
    `Данные: ${dataDir}`,
    `Откройте: ${host.url}`,
    'Остановить: Ctrl+C',
  ].join('\n'),
);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
