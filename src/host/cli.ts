import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDirFrom } from '../server/data-dir';
import { startWebHost } from './web-host';

// `npm run web`: the office host on 127.0.0.1, for testing and demos.
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
    'Сделка — браузерный хост для проверки и демонстрации (слушает только 127.0.0.1).',
    `Данные: ${dataDir}`,
    `Откройте: ${host.url}`,
    `Отпечаток сертификата (SHA-256): ${host.certificate.fingerprintDisplay}`,
    'Остановить: Ctrl+C',
  ].join('\n'),
);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
