import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app';
import { DEMO_PEOPLE } from '../server/auth/demo-office';
import { DEMO_PASSWORD } from '../shared/demo';
import { dataDirFrom, electronUserDataDir } from '../server/data-dir';
import { invoke } from '../server/invoke';

// `npm run demo`: fills a fresh base (the one `npm start` opens, or --data-dir) with a demo office.
const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')) as { version: string };
const dataDir = dataDirFrom(process.argv, process.env, electronUserDataDir());
const opened = await createApp({ dataDir, resourcesDir: `${repo}/resources`, version: pkg.version });
if ('failure' in opened) {
  console.error(opened.failure.message);
  process.exit(1);
}
const res = await invoke(opened.app, 'setup.demo', {});
// The fill signs the director in on this tool's caller: end that session, nobody sits at this desk.
await invoke(opened.app, 'auth.logout', {});
opened.app.sessions.close();
await opened.app.store.close();
await opened.app.pdf.close();
if (res.error) {
  console.error(`Демо-данные не добавлены: ${res.error.message}`);
  process.exit(1);
}
console.log(`Демо-офис создан в ${dataDir}.`);
console.log(`Логины: ${DEMO_PEOPLE.map((p) => p.login).join(', ')}; пароль у всех: ${DEMO_PASSWORD}`);
