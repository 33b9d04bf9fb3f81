import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { Agent, request } from 'undici';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import { chromiumPath } from '../helpers/chromium';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { REPO, RESOURCES, tempDir } from '../helpers/temp-app';

/** Where end-to-end screenshots go (look at them). */
export const SHOTS = join(REPO, 'test-output', 'e2e');

/** Chromium flags for this closed-network machine. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--lang=ru-RU',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running test: the real host over a temp base, a Chromium page on it, and a screenshot helper. */
export interface E2E {
  host: WebHost;
  browser: Browser;
  page: Page;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the browser host on a fresh temp base and opens the app in Chromium. */
export async function startE2E(suite: string, opts: { now?: () => Date; locale?: string; separateDesks?: boolean } = {}): Promise<E2E> {
  const dir = tempDir('sdelka-e2e-');
  const deskKey = randomBytes(24).toString('hex');
  const host = await startWebHost({
    dataDir: dir,
    rendererDir: join(REPO, 'out', 'renderer'),
    resourcesDir: RESOURCES,
    version: '0.0.0-e2e',
    now: opts.now,
    log: () => {},
    // The page and the test's direct `invoke(e.host.app, …)` calls act as one desk (unless asked otherwise).
    sharedDeskKey: opts.separateDesks ? undefined : deskKey,
  });
  // A test may start Chromium in another language: the screens must stay Russian whatever the browser's locale.
  const locale = opts.locale ?? 'ru-RU';
  const args = CHROMIUM_ARGS.map((a) => (a.startsWith('--lang=') ? `--lang=${locale}` : a));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args });
  // The loopback host's certificate is its own (self-signed): accepted here as a desk pins it by fingerprint.
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale, ignoreHTTPSErrors: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (!opts.separateDesks) {
    await page.context().addCookies([{ name: 'sdelka_desk', value: deskKey, url: host.url, httpOnly: true, secure: true, sameSite: 'Strict' }]);
  }
  await page.goto(host.url);
  mkdirSync(SHOTS, { recursive: true });
  return {
    host,
    browser,
    page,
    async shot(name) {
      // What the person sees: a full-page capture of a scrolled page draws the fixed header mid-page.
      await page.screenshot({ path: join(SHOTS, `${suite}-${name}.png`) });
    },
    async close() {
      await browser.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`Errors in the page: ${errors.join('\n')}`);
    },
  };
}

/** Fills a Mantine input found by its data-field attribute. */
export async function fillField(page: Page, field: string, value: string): Promise<void> {
  await page.locator(`[data-field="${field}"]`).fill(value);
}

/** Calls an entry on the test's host directly (set-up and checks beside the UI); fails the test on an error. */
export async function hostOk<K extends EntryName>(e: E2E, name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

/** Signs in through the sign-in screen as `login` (password «Stol-Lampa-2026» unless given). */
export async function signInPage(e: E2E, login: string, password = 'Stol-Lampa-2026'): Promise<void> {
  await e.page.getByLabel('Логин').fill(login);
  await e.page.getByLabel('Пароль').fill(password);
  await e.page.getByRole('button', { name: 'Войти' }).click();
  await e.page.getByTestId('current-user').waitFor();
}

/**
 * Документы → «Комплект документов» for ООО «Вектор» with `quantity` pallet racks from the price list and a
 * commercial proposal; returns the dialog, ready for «Сформировать» (make-bundle).
 */
export async function fillBundleDialog(page: Page, quantity: number): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Документы', exact: true }).click();
  await page.getByRole('button', { name: 'Комплект документов' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-field="clientId"]').fill('Вектор');
  await page.getByRole('option', { name: 'ООО «Вектор»' }).click();
  await dialog.getByPlaceholder('Из прайс-листа').click();
  await page.getByRole('option', { name: /Стеллаж паллетный/ }).click();
  await dialog.getByRole('textbox', { name: 'Кол-во' }).fill(String(quantity));
  await dialog.getByText('Добавить коммерческое предложение').click();
  return dialog;
}

const loopbackAgent = new Agent({ connect: { rejectUnauthorized: false } });

/** A request to the loopback test host, accepting its self-signed certificate (tests only; any header may be set). */
export async function insecureFetch(url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<{ status: number; json(): Promise<unknown> }> {
  const res = await request(url, { method: init.method, headers: init.headers, body: init.body, dispatcher: loopbackAgent });
  return { status: res.statusCode, json: () => res.body.json() };
}
