import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { draftInput, SERVICE_LINES, vectorClient } from '../helpers/document-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { fillField, hostOk, SHOTS, startE2E, type E2E } from './harness';

// Two people at once on one host, each in their own browser context: the head of sales (A) writes, the
// manager (B) sees it without reloading. Every wait for a pushed change is generous (10 s) and nothing
// is timed: the one-second goal is the «pushed change reaches another desk» row of `npm run bench`.
const PUSH_TIMEOUT = 10_000;

let e: E2E;
let a: Page;
let b: Page;
let bContext: BrowserContext;
let dealId: number;
let clientId: number;
let draftId: number;

const ok = <K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> => hostOk(e, name, input);

/** Saves both screens side by side as `live-desks-<step>-a.png` / `-b.png`, notifications closed. */
async function shotBoth(step: string): Promise<void> {
  for (const [page, who] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    // A notification may close by itself meanwhile: that one needs no click; the shot waits for them all to go.
    for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 1000 }).catch(() => undefined);
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, `live-desks-${step}-${who}.png`), fullPage: true });
  }
}

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(e.host.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Goes to a screen by its address and waits for the page to settle on it. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${e.host.url}#${hash}`);
}

function localDay(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

beforeAll(async () => {
  // Separate desks: each browser context is an ordinary browser with its own session cookie.
  e = await startE2E('live-desks', { separateDesks: true });
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  await ok('users.create', { login: 'sidorova', fullName: 'Сидорова Анна Викторовна', position: 'Руководитель отдела продаж', role: 'head_of_sales', password: 'Stol-Lampa-2026' });
  const managerId = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const client = await ok('clients.create', { client: vectorClient(), responsibleId: managerId });
  clientId = client.id;
  dealId = (await ok('deals.create', { clientId: client.id, managerId, title: 'Стеллажи для склада', closeMonth: '2026-12', probability: 5, amountKopecks: 45_000_000 })).id;
  draftId = (await ok('documents.createDraft', draftInput('act_services', client.id, { docDate: localDay(), lines: SERVICE_LINES }))).id;
  // The director stays signed in on the host's own desk for the checks beside the screens.
  a = e.page;
  a.setDefaultTimeout(PUSH_TIMEOUT);
  bContext = await e.browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'ru-RU', ignoreHTTPSErrors: true });
  b = await bContext.newPage();
  b.setDefaultTimeout(PUSH_TIMEOUT);
  await signIn(a, 'sidorova');
  await signIn(b, 'ivanov');
}, 60_000);

afterAll(async () => {
  await bContext?.close();
  await e?.close();
});

describe('two people at once on one host', () => {
  it('shows the client the head of sales creates in the manager’s list without a reload', async () => {
    await open(b, '/clients');
    await b.getByTestId('client-row').first().waitFor();
    expect(await b.getByTestId('client-row').allTextContents()).not.toEqual(expect.arrayContaining([expect.stringContaining('Северное сияние')]));
    await open(a, '/clients/new');
    await fillField(a, 'shortName', 'ООО «Северное сияние»');
    await fillField(a, 'inn', '7707083893');
    await fillField(a, 'kpp', '770701001');
    await fillField(a, 'region', 'Москва');
    await a.getByRole('combobox', { name: 'Ответственный' }).click();
    await a.getByRole('option', { name: 'Иванов Иван Иванович' }).click();
    await a.getByRole('button', { name: 'Сохранить' }).click();
    await a.getByRole('heading', { name: 'ООО «Северное сияние»', level: 2 }).waitFor();
    // B did nothing: the row arrives by itself.
    await b.getByTestId('client-row').filter({ hasText: 'ООО «Северное сияние»' }).waitFor();
    await shotBoth('01-client');
  });

  it('moves the deal on the manager’s kanban when the head of sales moves it', async () => {
    await open(b, '/deals');
    await b.getByTestId('kanban-column-first_contact').locator(`[data-deal-id="${dealId}"]`).waitFor();
    await open(a, `/deals/${dealId}`);
    await a.getByRole('button', { name: 'Перевести на этап' }).click();
    await a.getByRole('menuitem', { name: 'Встреча' }).click();
    await expect.poll(async () => (await ok('deals.get', { id: dealId })).stage).toBe('meeting');
    await b.getByTestId('kanban-column-meeting').locator(`[data-deal-id="${dealId}"]`).waitFor();
    expect(await b.getByTestId('kanban-column-first_contact').locator(`[data-deal-id="${dealId}"]`).count()).toBe(0);
    await shotBoth('02-kanban');
  });

  it('shows each of them who else has the deal open', async () => {
    await open(b, `/deals/${dealId}`);
    await b.getByRole('heading', { name: 'Стеллажи для склада', level: 2 }).waitFor();
    await open(a, `/deals/${dealId}`);
    await a.getByRole('heading', { name: 'Стеллажи для склада', level: 2 }).waitFor();
    await a.getByTestId('presence-note').getByText('Сейчас открыто у: Иванов И. И.').waitFor();
    // B opened first: A's arrival is pushed to B, not waited for until the next heartbeat.
    await b.getByTestId('presence-note').getByText('Сейчас открыто у: Сидорова А. В.').waitFor();
    await shotBoth('03-presence-deal');
  });

  it('refuses the manager’s save on the older version with the head of sales’ name, keeping what he typed', async () => {
    await b.getByRole('button', { name: 'Изменить сделку' }).click();
    const bTitle = b.getByLabel('Что продаём');
    await bTitle.fill('Стеллажи и мезонин');
    await a.getByRole('button', { name: 'Изменить сделку' }).click();
    await a.getByLabel('Что продаём').fill('Стеллажи для склада, 2 ряда');
    await a.getByRole('button', { name: 'Сохранить' }).click();
    await a.getByRole('heading', { name: 'Стеллажи для склада, 2 ряда', level: 2 }).waitFor();
    // The deal behind B's dialog is live (A's title arrives), B's form keeps its own base and typing.
    await b.getByRole('heading', { name: 'Стеллажи для склада, 2 ряда', level: 2 }).waitFor();
    expect(await bTitle.inputValue()).toBe('Стеллажи и мезонин');
    await b.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    const alert = b.getByTestId('stale-alert');
    await alert.waitFor();
    await alert.getByTestId('stale-changes').waitFor();
    expect(await alert.getByText(/^Эту запись/).textContent()).toMatch(/^Эту запись изменил\(а\) Сидорова А\. В\. в \d{2}:\d{2}\. Обновите и повторите$/);
    // What A changed, as it was when B opened the form and as it is now; nothing B typed.
    expect(await alert.getByTestId('stale-changes').locator('li').allTextContents()).toEqual(['Что продаём: «Стеллажи для склада» → «Стеллажи для склада, 2 ряда»']);
    expect(await bTitle.inputValue()).toBe('Стеллажи и мезонин');
    expect((await ok('deals.get', { id: dealId })).title).toBe('Стеллажи для склада, 2 ряда');
    await shotBoth('04-stale-refused');
    // Having seen A's change, B goes on from the new version: the next save writes what B typed.
    await alert.getByRole('button', { name: 'Продолжить с новой версией' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await a.getByRole('heading', { name: 'Стеллажи и мезонин', level: 2 }).waitFor();
    expect((await ok('deals.get', { id: dealId })).title).toBe('Стеллажи и мезонин');
  });

  it('shows each of them who else has the draft open', async () => {
    await open(b, `/documents/${draftId}`);
    await b.getByTestId('draft-editor').waitFor();
    await open(a, `/documents/${draftId}`);
    await a.getByTestId('draft-editor').waitFor();
    await a.getByTestId('presence-note').getByText('Сейчас открыто у: Иванов И. И.').waitFor();
    await b.getByTestId('presence-note').getByText('Сейчас открыто у: Сидорова А. В.').waitFor();
    await shotBoth('05-presence-draft');
  });

  it('counts the document the head of sales issues on the manager’s signing badge and board', async () => {
    await open(b, '/signatures');
    // Nothing waits for a signature yet: the board says so and the badge is absent.
    await b.getByTestId('board-empty').waitFor();
    expect(await b.getByTestId('signing-nav-badge').count()).toBe(0);
    await a.getByTestId('issue').click();
    await a.getByTestId('document-view').getByText(/Акт выполненных работ \(оказанных услуг\) № 1/).first().waitFor();
    await expect.poll(() => b.getByTestId('signing-nav-badge').textContent(), { timeout: PUSH_TIMEOUT }).toBe('1');
    await b.getByTestId('signing-board').locator(`[data-document="${draftId}"]`).waitFor();
    // Chromium's PDF viewer paints a moment after A's frame appears.
    await a.getByTestId('pdf-frame').waitFor();
    await a.waitForTimeout(800);
    await shotBoth('06-issued-badge');
  });

  it('adds the head of sales’ save to the journal the director has open', async () => {
    const director = await bContext.browser()?.newContext({ viewport: { width: 1366, height: 860 }, locale: 'ru-RU', ignoreHTTPSErrors: true });
    if (!director) throw new Error('no browser');
    try {
      const c = await director.newPage();
      c.setDefaultTimeout(PUSH_TIMEOUT);
      await signIn(c, 'director');
      await open(c, '/settings/audit');
      const table = c.getByTestId('audit-table');
      await table.waitFor();
      expect(await table.getByText('Стеллажи для склада, 3 ряда').count()).toBe(0);
      await open(a, `/deals/${dealId}`);
      await a.getByRole('button', { name: 'Изменить сделку' }).click();
      await a.getByLabel('Что продаём').fill('Стеллажи для склада, 3 ряда');
      await a.getByRole('button', { name: 'Сохранить' }).click();
      await table.getByText('Стеллажи для склада, 3 ряда').first().waitFor();
      await c.screenshot({ path: join(SHOTS, 'live-desks-07-journal-c.png') });
    } finally {
      await director.close();
    }
  });
  it('refuses the manager’s older client card with what the head of sales changed, and saves his typing once he goes on', async () => {
    await open(b, `/clients/${clientId}/requisites`);
    const bComment = b.locator('[data-field="comment"]');
    await bComment.waitFor();
    await bComment.fill('Звонить после 11:00');
    await open(a, `/clients/${clientId}/requisites`);
    await fillField(a, 'region', 'Санкт-Петербург');
    await a.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await ok('clients.get', { id: clientId })).region).toBe('Санкт-Петербург');
    await b.getByRole('button', { name: 'Сохранить' }).click();
    const alert = b.getByTestId('stale-alert');
    await alert.getByTestId('stale-changes').waitFor();
    expect(await alert.getByText(/^Эту запись/).textContent()).toMatch(/^Эту запись изменил\(а\) Сидорова А\. В\. в \d{2}:\d{2}\. Обновите и повторите$/);
    expect(await alert.getByTestId('stale-changes').locator('li').allTextContents()).toEqual(['Регион: Москва → Санкт-Петербург']);
    expect(await bComment.inputValue()).toBe('Звонить после 11:00');
    // A full-page shot of a page scrolled down to «Сохранить» would draw its fixed header half-way.
    for (const page of [a, b]) await page.evaluate(() => window.scrollTo(0, 0));
    await shotBoth('08-card-stale');
    // Going on: the region B never touched takes A's value, B's comment stays; the save keeps both.
    await alert.getByRole('button', { name: 'Продолжить с новой версией' }).click();
    expect(await b.locator('[data-field="region"]').inputValue()).toBe('Санкт-Петербург');
    expect(await bComment.inputValue()).toBe('Звонить после 11:00');
    await b.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await ok('clients.get', { id: clientId })).comment).toBe('Звонить после 11:00');
    expect((await ok('clients.get', { id: clientId })).region).toBe('Санкт-Петербург');
  });
});
