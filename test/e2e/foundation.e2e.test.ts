import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ORG } from '../helpers/temp-app';
import { fillField, insecureFetch, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E('foundation');
});
afterAll(async () => {
  await e.close();
});

const TEXT_FIELDS = ['fullName', 'shortName', 'inn', 'kpp', 'ogrn', 'legalAddress', 'bik', 'bankName', 'corrAccount', 'account', 'directorName'] as const;

describe('a new office in the browser', () => {
  it('opens on the set-up screen of an empty base', async () => {
    await e.page.getByText('Добро пожаловать в «Сделку»').waitFor();
    await e.shot('01-setup');
  });

  it('shows the Russian error next to a wrong ИНН and saves nothing', async () => {
    const { page } = e;
    for (const f of TEXT_FIELDS) await fillField(page, f, VALID_ORG[f]);
    await fillField(page, 'inn', '7707083894');
    await page.getByLabel('ФИО директора').fill('Петров Пётр Петрович');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Сохранить и начать работу' }).click();
    await page.getByText('ИНН: неверная контрольная сумма').first().waitFor();
    await e.shot('02-setup-wrong-inn');
    expect(await e.host.app.store.orgs.list()).toEqual([]);
    expect(await e.host.app.store.users.count()).toBe(0);
  });

  it('saves corrected requisites and opens the shell', async () => {
    const { page } = e;
    await fillField(page, 'inn', VALID_ORG.inn);
    await page.getByRole('button', { name: 'Сохранить и начать работу' }).click();
    await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
    await page.getByTestId('current-user').getByText('Петров Пётр Петрович').waitFor();
    expect((await e.host.app.store.orgs.list())[0]?.inn).toBe(VALID_ORG.inn);
    await e.shot('03-shell');
  });

  it('shows the saved requisites in Настройки after a reload', async () => {
    const { page } = e;
    await page.reload();
    await page.getByRole('link', { name: 'Настройки' }).click();
    const card = page.getByTestId('org-card');
    await card.getByText(`ИНН ${VALID_ORG.inn}`, { exact: false }).waitFor();
    await card.getByText(`р/с ${VALID_ORG.account}`, { exact: false }).waitFor();
    await e.shot('04-settings');
  });

  it('lets the director add a manager', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Сотрудники' }).click();
    await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ФИО').fill('Иванов Иван Иванович');
    await dialog.getByLabel('Логин').fill('ivanov');
    await dialog.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('cell', { name: 'ivanov' }).waitFor();
    await e.shot('05-settings-users');
    expect((await e.host.app.store.users.byLogin('ivanov'))?.role).toBe('manager');
  });

  it('does not let the manager open Настройки → Сотрудники', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Выйти' }).click();
    // Signing out is not the idle lock: the screen says so, and the next person starts at home.
    await page.getByText('Вы вышли из программы. Войдите, чтобы начать работу.').waitFor();
    expect(await page.getByText('Программа заблокирована из-за бездействия', { exact: false }).count()).toBe(0);
    await page.getByLabel('Логин').fill('ivanov');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').getByText('Иванов Иван Иванович').waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.getByText('Недостаточно прав').count()).toBe(0);
    await page.goto(`${e.host.url}#/settings/users`);
    await page.getByRole('tab', { name: 'Организации' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Сотрудники' }).count()).toBe(0);
    // The main process refuses too: a hidden tab is not the protection.
    const res = await page.evaluate(async () => {
      const r = await fetch('/api/users.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return (await r.json()) as { error?: { code: string } };
    });
    expect(res.error?.code).toBe('FORBIDDEN');
    await e.shot('06-manager-settings');
  });

  it('navigates through every section of the shell', async () => {
    const { page } = e;
    for (const [link, heading] of [
      ['Сделки', 'Сделки'],
      ['Клиенты', 'Клиенты'],
      ['Документы', 'Документы'],
      ['Подписи', 'Подписи'],
      ['Платежи', 'Платежи'],
      ['Планы и прогноз', 'Планы и прогноз'],
      ['Зарплата', 'Зарплата'],
      ['Отчёты', 'Отчёты'],
      ['Справочники', 'Справочники'],
    ]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }
    await e.shot('07-section');
  });

  it('refuses API calls without a session, from a foreign site or to a foreign host name', async () => {
    // Another client on this computer: no cookie of the page, so no session.
    const bare = await insecureFetch(`${e.host.url}api/orgs.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(((await bare.json()) as { error?: { code: string } }).error?.code).toBe('UNAUTHENTICATED');
    const foreign = await insecureFetch(`${e.host.url}api/orgs.list`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const rebound = await insecureFetch(`${e.host.url}api/orgs.list`, { method: 'POST', headers: { 'content-type': 'application/json', host: `evil.example:${e.host.port}` }, body: '{}' });
    expect(rebound.status).toBe(403);
  });
});
