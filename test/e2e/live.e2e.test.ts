import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, EntryName } from '../../src/shared/contract';
import { insertClient } from '../helpers/sales-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { hostOk, signInPage, startE2E, type E2E } from './harness';

let e: E2E;
let dealId: number;
let managerId: number;
let clientId: number;

const ok = <K extends EntryName>(name: K, input: ApiInput<K>) => hostOk(e, name, input);

beforeAll(async () => {
  // Chromium started in English, as a browser on an office PC with an English system would be.
  e = await startE2E('live', { locale: 'en-US' });
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  managerId = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  clientId = insertClient(e.host.app.store.sqlite, 'Альфа', managerId).clientId;
  dealId = (await ok('deals.create', { clientId, managerId, title: 'Стеллажи для склада', closeMonth: '2026-12', probability: 5, amountKopecks: 45_000_000 })).id;
  await ok('auth.logout', {});
  const { page } = e;
  await page.reload();
  await signInPage(e, 'director');
});
afterAll(async () => {
  await e?.close();
});

describe('dates in a browser started in English', () => {
  it('shows and takes a date as ДД.ММ.ГГГГ with a Russian calendar, Monday first', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/documents`);
    const from = page.getByLabel('С даты');
    await from.fill('15.01.2027');
    await from.blur();
    expect(await from.inputValue()).toBe('15.01.2027');
    await from.click();
    const dropdown = page.locator('.mantine-Popover-dropdown').filter({ hasText: 'январь 2027' });
    await dropdown.waitFor();
    const weekdays = await dropdown.locator('thead th').allInnerTexts();
    expect(weekdays.map((w) => w.trim().toLowerCase())).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    // Shot once the dropdown's fade-in is over (a shot mid-transition shows the page through it).
    await expect.poll(() => dropdown.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await e.shot('01-date-field');
    await page.keyboard.press('Escape');
  });

  it('shows a month as «январь 2027» and its picker in Russian', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/deals/table`);
    const month = page.getByLabel('Закрытие с');
    await month.click();
    const dropdown = page.locator('.mantine-Popover-dropdown').filter({ hasText: 'янв' });
    await dropdown.waitFor();
    const names = await dropdown.locator('button').allInnerTexts();
    expect(names.map((n) => n.trim().toLowerCase())).toEqual(expect.arrayContaining(['янв.', 'февр.', 'май', 'дек.']));
    await expect.poll(() => dropdown.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await e.shot('02-month-picker');
    await dropdown.getByRole('button', { name: /^янв/i }).click();
    await expect.poll(async () => (await month.textContent()) ?? (await month.inputValue())).toMatch(/^январь \d{4}$/);
    await e.shot('03-month-chosen');
  });

  it('shows the time of a call on the 24-hour clock', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/deals/day`);
    await page.getByRole('button', { name: 'Записать звонок' }).click();
    const form = page.getByTestId('call-form');
    await form.waitFor();
    const day = form.getByLabel('Когда');
    expect(await day.inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const time = form.locator('.mantine-TimePicker-field');
    await time.first().waitFor();
    // Hours and minutes only, no AM/PM field.
    expect(await time.count()).toBe(2);
    expect(await form.getByText(/AM|PM/).count()).toBe(0);
    await time.first().fill('16');
    expect(await time.first().inputValue()).toBe('16');
    await e.shot('04-time-24h');
  });
});

describe('the kanban from the keyboard', () => {
  it('moves a deal one stage per arrow press (the next column is «Встреча») and says so in Russian', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/deals`);
    const handle = page.locator(`[aria-roledescription]:has([data-deal-id="${dealId}"])`);
    await handle.waitFor();
    await handle.focus();
    await page.keyboard.press('Space');
    const live = page.locator('[aria-live]');
    // Picked up: «взята», at once followed by where it stands.
    await expect.poll(async () => (await live.allTextContents()).join(' ')).toMatch(/Сделка «Стеллажи для склада» (взята|над этапом «Первичный контакт)/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await live.allTextContents()).join(' ')).toContain('над этапом «Встреча»');
    await e.shot('05-kanban-keyboard');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await ok('deals.get', { id: dealId })).stage).toBe('meeting');
    await expect.poll(async () => (await live.allTextContents()).join(' ')).toContain('перенесена на этап «Встреча»');
    await page.getByTestId('kanban-column-meeting').locator(`[data-deal-id="${dealId}"]`).waitFor();
  });
});

describe('rows and cards as links', () => {
  it('reaches a deal of the table as a real link and opens it from the keyboard', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/deals/table`);
    const link = page.getByRole('link', { name: 'Стеллажи для склада' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`#/deals/${dealId}`);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/deals/${dealId}`);
  });
});

describe('a save on an older version', () => {
  it('is refused with who saved and when, and keeps what the person typed', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/deals/${dealId}`);
    await page.getByRole('button', { name: 'Изменить сделку' }).click();
    const title = page.getByLabel('Что продаём');
    await title.fill('Стеллажи и мезонин');
    // Meanwhile the deal is saved elsewhere (here through the host directly).
    const current = await ok('deals.get', { id: dealId });
    await ok('deals.update', { id: dealId, version: current.version, deal: { clientId, managerId, title: 'Стеллажи (изменено другим)', closeMonth: '2026-12', probability: 30, amountKopecks: 45_000_000 } });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText(/^Эту запись изменил\(а\) Петров П\. П\. в \d{2}:\d{2}\. Обновите и повторите$/).first().waitFor();
    const alert = page.getByTestId('stale-alert');
    expect(await alert.getByText(/^Эту запись/).textContent()).toMatch(/^Эту запись изменил\(а\) Петров П\. П\. в \d{2}:\d{2}\. Обновите и повторите$/);
    // What the other save changed: the title and the probability; nothing the person typed.
    const changes = await alert.getByTestId('stale-changes').locator('li').allTextContents();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(/^Что продаём: «.+» → «Стеллажи \(изменено другим\)»$/);
    expect(changes[1]).toMatch(/^Вероятность: \d+ % → 30 %$/);
    expect(await title.inputValue()).toBe('Стеллажи и мезонин');
    expect((await ok('deals.get', { id: dealId })).title).toBe('Стеллажи (изменено другим)');
    await e.shot('06-stale-refused');
  });
});
