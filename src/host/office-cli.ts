import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDirFrom, electronUserDataDir } from '../server/data-dir';
import { startWebHost } from './web-host';

// `npm run office -- --data-dir=DIR [--port=N] [--listen=ADDR]`: the office host without Electron (--port=0 picks a free port).
const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')) as { version: string };
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dataDir = dataDirFrom(process.argv, process.env, electronUserDataDir());
const port = Number(flag('port') ?? '8443');
const listen = flag('listen') ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Неверный порт: ${flag('port') ?? ''}`);
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

try {
  const host = await startWebHost({ dataDir, rendererDir: `${repo}/out/renderer`, resourcesDir: `${repo}/resources`, version: pkg.version, port, listen });
  console.log(`Сделка ${pkg.version} — главный компьютер офиса.`);
  console.log(`Данные: ${dataDir}`);
  console.log(`Адрес: ${host.url}`);
  console.log(`Подключение: ${host.connection}`);
  console.log(`Отпечаток сертификата (SHA-256): ${host.certificate.fingerprintDisplay}`);
  if (host.app.recovery) console.log(`База открыта только для восстановления: ${host.app.recovery}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`Офис не запущен: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
