import { chromiumPath } from '../helpers/chromium';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/shared/demo';
import { REPO, tempDir } from '../helpers/temp-app';
import { CHROMIUM_ARGS, SHOTS } from './harness';

// The headless office host (`npm run office`) on a fresh `npm run demo` base, two people at once in Chromium.
const dir = tempDir('sdelka-office-e2e-');
let host: ChildProcess;
let url = '';
let connection = '';
let browser: Browser;
const contexts: BrowserContext[] = [];

function tsx(script: string, args: string[]): string[] {
  return ['--import', 'tsx', join(REPO, script), ...args];
}

async function startOffice(): Promise<void> {
  host = spawn(process.execPath, tsx('src/host/office-cli.ts', [`--data-dir=${dir}`, '--port=0', '--listen=127.0.0.1']), { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    host.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const a = /^Адрес: (https:\/\/\S+)$/m.exec(out);
      const c2 = /^Подключение: (sdelka:\/\/\S+)$/m.exec(out);
      if (a && c2) {
        url = a[1] ?? '';
        connection = c2[1] ?? '';
        resolve();
      }
    });
    host.on('exit', (code) => reject(new Error(`office host exited ${code}: ${out}`)));
  });
}

async function signedIn(login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'ru-RU', ignoreHTTPSErrors: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.locator('button.mantine-Notification-closeButton').evaluateAll((buttons) => buttons.forEach((b) => (b instanceof HTMLElement ? b.click() : undefined)));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `office-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  const demo = spawnSync(process.execPath, tsx('src/host/demo-cli.ts', [`--data-dir=${dir}`]), { cwd: REPO, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(demo.stderr);
  await startOffice();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser.close();
  host.kill('SIGTERM');
  await new Promise((r) => host.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

describe('the office host in browsers', () => {
  it('prints its address and the connection string with the certificate fingerprint', () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(connection).toMatch(/^sdelka:\/\/127\.0\.0\.1:\d+#sha256=[0-9a-f]{64}$/);
  });

  it('keeps the office manager and a manager signed in at once, each at their own work', { timeout: 90_000 }, async () => {
    const office = await signedIn('pavlova');
    const manager = await signedIn('ivanov');
    await office.getByTestId('current-user').getByText('Павлова', { exact: false }).waitFor();
    await manager.getByTestId('current-user').getByText('Иванов', { exact: false }).waitFor();
    // Each works in their own section; neither replaced the other's session.
    await manager.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Клиенты', exact: true }).click();
    await manager.getByRole('heading', { name: 'Клиенты', level: 2 }).waitFor();
    await office.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Документы', exact: true }).click();
    await office.getByRole('heading', { name: 'Документы', level: 2 }).waitFor();
    await office.reload();
    await manager.reload();
    await office.getByTestId('current-user').getByText('Павлова', { exact: false }).waitFor();
    await manager.getByTestId('current-user').getByText('Иванов', { exact: false }).waitFor();
    await shot(manager, '01-manager-clients');
    await shot(office, '02-office-manager-documents');
  });

  it('shows the director Настройки → Офис and who is signed in where', { timeout: 60_000 }, async () => {
    const director = await signedIn('director');
    await director.goto(`${url}#/settings/office`);
    await director.getByTestId('office-connection').getByText(connection).waitFor();
    await director.getByTestId('office-fingerprint').waitFor();
    await shot(director, '03-settings-office');
    await director.goto(`${url}#/settings/users`);
    const sessions = director.getByTestId('sessions');
    await sessions.getByText('Павлова Ольга Николаевна').waitFor();
    await sessions.getByText('Иванов Пётр Алексеевич').waitFor();
    await sessions.getByText('этот сеанс').waitFor();
    await sessions.scrollIntoViewIfNeeded();
    await shot(director, '04-sessions');
  });
});
