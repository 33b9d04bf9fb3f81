import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiInput, EntryName } from '../../src/shared/contract';
import { VALID_ORG } from '../helpers/temp-app';
import { hostOk, signInPage, startE2E, type E2E } from './harness';

let e: E2E;
let other: Page;

const ok = <K extends EntryName>(name: K, input: ApiInput<K>) => hostOk(e, name, input);
const MINUTES = 'Блокировать программу после бездействия, минут';

beforeAll(async () => {
  // Two people, each in their own browser: the director Петров (the test's page) and the director Волкова.
  e = await startE2E('versions', { separateDesks: true });
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  await ok('users.create', { login: 'volkova', fullName: 'Волкова Анна Сергеевна', position: 'Директор по развитию', role: 'director', password: 'Stol-Lampa-2026' });
  await e.page.reload();
  await signInPage(e, 'director');
  const context = await e.browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'ru-RU', ignoreHTTPSErrors: true });
  other = await context.newPage();
  await other.goto(e.host.url);
  await other.getByLabel('Логин').fill('volkova');
  await other.getByLabel('Пароль').fill('Stol-Lampa-2026');
  await other.getByRole('button', { name: 'Войти' }).click();
  await other.getByTestId('current-user').waitFor();
}, 60_000);
afterAll(async () => {
  await other?.context().close();
  await e?.close();
});

describe('two people editing the settings at once', () => {
  it('refuses the later save with who saved and when, keeps what was typed, and takes it after a reload', async () => {
    const { page } = e;
    // Opened after signing in, so each page's stream of pushed changes belongs to its session.
    await page.goto(`${e.host.url}#/settings/general`);
    await page.reload();
    await other.goto(`${e.host.url}#/settings/general`);
    await other.reload();
    const mine = page.getByLabel(MINUTES);
    const theirs = other.getByLabel(MINUTES);
    await expect.poll(() => mine.inputValue()).toBe('15');
    await expect.poll(() => theirs.inputValue()).toBe('15');

    // Петров starts typing; meanwhile Волкова saves hers.
    await mine.fill('60');
    await theirs.fill('30');
    // Петров's page hears of the change and reads the settings again (the pushed refresh) before he saves.
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/settings.get'), { timeout: 10_000 });
    await other.getByRole('button', { name: 'Сохранить' }).click();
    await other.getByText('Настройки сохранены').waitFor();
    await refreshed;

    // Петров's field keeps his 60 through the pushed change; his save is refused, naming Волкова.
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText(/^Эту запись изменил\(а\) Волкова А\. С\. в \d{2}:\d{2}\. Обновите и повторите$/).waitFor();
    expect(await mine.inputValue()).toBe('60');
    expect((await ok('settings.get', {})).idleLockMinutes).toBe(30);
    await e.shot('01-stale-refused');

    // After a reload the form shows Волкова's 30; his 60 saved again goes through.
    await page.reload();
    await expect.poll(() => mine.inputValue()).toBe('30');
    await mine.fill('60');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Настройки сохранены').waitFor();
    expect((await ok('settings.get', {})).idleLockMinutes).toBe(60);
  });
});
