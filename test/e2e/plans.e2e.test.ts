import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { VALID_ORG } from '../helpers/temp-app';
import { insertPayment } from '../helpers/plans-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { startE2E, type E2E } from './harness';

let e: E2E;
let managerId: number;
let dealId: number;
const month = new Date().toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

beforeAll(async () => {
  e = await startE2E('plans');
  // The office, the head of sales, a manager with a client, two deals and money received this month.
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  await ok('users.create', { login: 'morozova', fullName: 'Морозова Елена Сергеевна', position: 'Руководитель отдела продаж', role: 'head_of_sales', password: 'Stol-Lampa-2026' });
  managerId = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const client = insertClient(e.host.app.store.sqlite, 'Альфа-Строй', managerId);
  const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
  dealId = (await ok('deals.create', { clientId: client.clientId, managerId, title: 'Стеллажи для склада', closeMonth: next, probability: 20, amountKopecks: 90_000_000 })).id;
  await ok('deals.create', { clientId: client.clientId, managerId, title: 'Погрузчик', closeMonth: next, probability: 50, amountKopecks: 40_000_000 });
  insertPayment(e.host.app.store.sqlite, { date: `${month}-01`, netKopecks: 60_000_000, vatKopecks: 13_200_000, managerId, clientId: client.clientId });
  insertPayment(e.host.app.store.sqlite, { date: today, netKopecks: 20_000_000, managerId, clientId: client.clientId });
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

describe('plans and forecast in the browser', () => {
  it('lets the head of sales enter this month’s plans in the grid and approve them', async () => {
    const { page } = e;
    await page.reload();
    await page.getByLabel('Логин').fill('morozova');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${e.host.url}#/plans/grid`);
    await page.locator(`[data-cell="manager-${managerId}-${month}"]`).fill('1 500 000');
    await page.locator(`[data-cell="department-0-${month}"]`).fill('2 000 000');
    await page.getByTestId('plans-save').click();
    await page.getByText('Сохранено').first().waitFor();
    await page.getByTestId('plans-approve').click();
    await page.getByText('Утверждено планов: 2').waitFor();
    expect(await e.host.app.store.plans.personalPlan(managerId, month)).toBe(150_000_000);
    expect(await e.host.app.store.plans.departmentPlan(month)).toBe(200_000_000);
    await e.shot('01-grid');
  });

  it('shows plan, fact and the pace on the home dashboard', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/`);
    const table = page.getByTestId('plan-fact-table');
    await table.locator(`[data-row="manager-${managerId}"]`).getByText('1 500 000 ₽').waitFor();
    await table.locator(`[data-row="manager-${managerId}"]`).getByText('800 000 ₽').waitFor();
    await table.locator('[data-row="department"]').getByText('2 000 000 ₽').waitFor();
    await table.locator('[data-row="department"]').getByText('40,0 %').waitFor();
    await page.getByTestId('pace-card').waitFor();
    await page.getByTestId('dashboard-forecast').locator('.recharts-surface').first().waitFor();
    await e.shot('02-dashboard');
  });

  it('takes a snapshot, and after a deal changes shows the week-over-week change', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/plans/week`);
    await page.getByTestId('take-snapshot').click();
    await page.getByText('Снимок прогноза сделан').waitFor();
    await page.getByText('Изменений нет.').waitFor();
    // The manager raises the deal's probability after the picture was taken.
    await invoke(e.host.app, 'deals.update', {
      id: dealId,
      version: (await ok('deals.get', { id: dealId })).version,
      deal: { clientId: (await ok('deals.get', { id: dealId })).clientId, managerId, title: 'Стеллажи для склада', closeMonth: (await ok('deals.get', { id: dealId })).closeMonth, probability: 60, amountKopecks: 90_000_000 },
    });
    await page.reload();
    const changes = page.getByTestId('week-changes');
    await changes.getByText('Стеллажи для склада').waitFor();
    await changes.getByText('Вероятность').waitFor();
    await changes.getByText('+360 000 ₽').waitFor();
    await e.shot('03-week');
  });

  it('shows the forecast against plan and the VIP and inbound tabs', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/plans/forecast`);
    await page.getByTestId('big-deals').getByText('Стеллажи для склада').waitFor();
    await e.shot('04-forecast');
    await page.goto(`${e.host.url}#/plans/fact`);
    await page.getByTestId('pace-card').waitFor();
    await e.shot('05-fact');
    await page.goto(`${e.host.url}#/plans/inbound`);
    await page.getByTestId('inbound-report').waitFor();
    await e.shot('06-inbound');
    await page.goto(`${e.host.url}#/plans/vip`);
    await page.getByText('Уровни программы').waitFor();
    await e.shot('07-vip');
  });
});
