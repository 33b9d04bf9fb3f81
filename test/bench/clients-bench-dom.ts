// The client list in Chromium over a base of 100k clients: how many rows the DOM holds while scrolling.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHost } from '../../src/host/web-host';
import { CHROMIUM_ARGS } from '../e2e/harness';
import { chromiumPath } from '../helpers/chromium';
import { REPO, RESOURCES } from '../helpers/temp-app';

/** Opens the list on an existing data folder (director / Stol-Lampa-2026) and counts rendered rows at the top, middle and end. */
export async function listDomRows(dataDir: string): Promise<{ maxRows: number; note: string }> {
  const host = await startWebHost({ dataDir, rendererDir: join(REPO, 'out', 'renderer'), resourcesDir: RESOURCES, version: 'bench', log: () => {} });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // The host serves HTTPS with its own self-signed certificate, as the e2e harness accepts it.
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, ignoreHTTPSErrors: true });
    await page.goto(host.url);
    await page.getByLabel('Логин').fill('director');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').waitFor();
    const t0 = Date.now();
    await page.goto(`${host.url}#/clients`);
    const rows = page.getByTestId('client-row');
    await rows.first().waitFor();
    const firstPaint = Date.now() - t0;
    const counts: number[] = [await rows.count()];
    const scroller = page.getByTestId('client-list-scroll');
    for (const at of [0.5, 1]) {
      await scroller.evaluate((el, f) => el.scrollTo(0, el.scrollHeight * f), at);
      await page.waitForTimeout(400);
      await rows.first().waitFor();
      counts.push(await rows.count());
    }
    const total = (await page.getByTestId('client-total').textContent()) ?? '';
    return { maxRows: Math.max(...counts), note: `top/middle/end ${counts.join('/')}; first rows after ${firstPaint} ms; ${total.trim()}` };
  } finally {
    await browser.close();
    await host.close();
  }
}
