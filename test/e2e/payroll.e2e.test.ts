import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { SCHEME_B_EXAMPLE } from '../../src/core';
import { VALID_ORG } from '../helpers/temp-app';
import { insertClient } from '../helpers/sales-fixtures';
import { allocate, closeMonth, insertPayment, issueDocument, schemeAOrder } from '../helpers/payroll-fixtures';
import { startE2E, type E2E } from './harness';

let e: E2E;
let ivanov: number;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

async function signIn(login: string, password: string): Promise<void> {
  const { page } = e;
  await page.goto(e.host.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Closes the notifications of earlier steps so a screenshot shows the page. */
async function shot(name: string): Promise<void> {
  await e.page.locator('button.mantine-Notification-closeButton').evaluateAll((buttons) => buttons.forEach((b) => (b instanceof HTMLElement ? b.click() : undefined)));
  await e.page.waitForTimeout(300);
  await e.page.evaluate(() => window.scrollTo(0, 0));
  await e.shot(name);
}

beforeAll(async () => {
  e = await startE2E('payroll', { now: () => new Date('2026-12-10T09:00:00Z') });
  // The office, three managers, October's plans, payments (one paying an invoice whose act is unsigned) and the closed month.
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  ivanov = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const smirnov = (await ok('users.create', { login: 'smirnov', fullName: 'Смирнов Дмитрий Олегович', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const orlova = (await ok('users.create', { login: 'orlova', fullName: 'Орлова Мария Сергеевна', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const store = e.host.app.store;
  const director = { userId: 1, userName: 'Петров Пётр Петрович' };
  for (const month of ['2026-09', '2026-10']) {
    await store.plans.saveCells(director, 'revenue_net', [
      { scope: 'manager', userId: ivanov, period: month, amountKopecks: 150_000_000 },
      { scope: 'manager', userId: smirnov, period: month, amountKopecks: 250_000_000 },
      { scope: 'manager', userId: orlova, period: month, amountKopecks: 200_000_000 },
      { scope: 'department', userId: null, period: month, amountKopecks: 600_000_000 },
    ]);
    await store.plans.approve(director, 'revenue_net', [month], ['manager', 'department']);
  }
  const db = store.sqlite;
  const { clientId } = insertClient(db, 'Альфа-Строй', ivanov);
  const contract = issueDocument(db, { kind: 'contract_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-09-25' });
  const invoice = issueDocument(db, { kind: 'invoice', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-01', basisId: contract });
  issueDocument(db, { kind: 'act_services', clientId, managerId: ivanov, grossKopecks: 20_000_000, date: '2026-10-05', basisId: contract });
  insertPayment(db, { date: '2026-09-10', netKopecks: 160_000_000, managerId: ivanov, clientId });
  insertPayment(db, { date: '2026-09-11', netKopecks: 200_000_000, managerId: smirnov });
  insertPayment(db, { date: '2026-09-12', netKopecks: 130_000_000, managerId: orlova });
  insertPayment(db, { date: '2026-10-02', netKopecks: 118_000_000, managerId: ivanov, clientId });
  allocate(db, insertPayment(db, { date: '2026-10-20', netKopecks: 20_000_000, managerId: ivanov, clientId }), invoice, 20_000_000);
  insertPayment(db, { date: '2026-10-14', netKopecks: 262_000_000, managerId: smirnov });
  insertPayment(db, { date: '2026-10-15', netKopecks: 170_000_000, managerId: orlova });
  closeMonth(db, '2026-09');
  closeMonth(db, '2026-10');
  // The head of sales's alternative for what-if: Scheme B's rates on revenue (a draft).
  await ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-02-01', title: 'Проект: 10 % до плана, 15 % сверх', scheme: { ...SCHEME_B_EXAMPLE, commissionBase: 'revenue_net' } }) });
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

describe('the director approves the payroll order and the month’s payroll', () => {
  it('drafts an order in the editor and sends it for approval', async () => {
    const { page } = e;
    await signIn('director', 'Stol-Lampa-2026');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Зарплата', exact: true }).click();
    await page.getByTestId('orders-table').waitFor();
    await page.getByRole('button', { name: 'Новый приказ' }).click();
    await page.getByTestId('order-editor').waitFor();
    await page.locator('[data-field="fromMonth"]').click();
    await page.getByRole('option', { name: 'Январь 2026' }).click();
    await page.getByLabel('Шкала ставок по выполнению личного плана: Ставка, % 3').waitFor();
    await shot('01-order-editor');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByTestId('order-status').getByText('Черновик').waitFor();
    await page.getByRole('button', { name: 'Отправить на утверждение' }).click();
    await page.getByTestId('order-status').getByText('На утверждении').waitFor();
  });

  it('approves the order: it is numbered, frozen and printable with acquaintance sheets', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Утвердить приказ' }).click();
    await page.getByTestId('order-status').getByText('Утверждён').waitFor();
    await page.getByTestId('order-frozen').waitFor();
    await page.getByRole('heading', { name: /Приказ № 1-ЗП от 10\.12\.2026/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Сохранить черновик' }).count()).toBe(0);
    await shot('02-order-approved');
    await page.getByRole('button', { name: 'Печатная форма (PDF)' }).click();
    await page.getByTestId('order-pdf').locator('iframe').waitFor();
    const src = await page.getByTestId('order-pdf').locator('iframe').getAttribute('src');
    expect(src?.startsWith('blob:')).toBe(true);
    await page.waitForTimeout(2000);
    await shot('03-order-pdf');
    const list = await ok('payroll.orders.list', {});
    expect(list.find((o) => o.number === '1-ЗП')?.status).toBe('approved');
  });

  it('compares the draft with the order in force over the closed months', async () => {
    const { page } = e;
    await page.getByRole('button', { name: '← Ко всем приказам' }).click();
    await page.getByRole('cell', { name: 'Проект: 10 % до плана, 15 % сверх' }).click();
    await page.getByRole('button', { name: 'Что если: применить к закрытым месяцам' }).click();
    await page.getByTestId('what-if').getByText('Итого за месяц: Октябрь 2026').waitFor();
    expect(await page.getByTestId('what-if-row').count()).toBe(6);
    await page.getByTestId('what-if-holes').waitFor();
    await shot('04-what-if');
  });

  it('computes October line by line, with the commission held on the unsigned act', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Ведомости' }).click();
    await page.getByTestId('month-select').click();
    await page.getByRole('option', { name: /^Октябрь 2026/ }).click();
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.getByTestId('statement-status').getByText('черновик').waitFor();
    await page.getByTestId('statement-line').filter({ hasText: 'Иванов Иван Иванович' }).click();
    await page.getByTestId('line-explanation').getByText('Удержано до подписания актов').waitFor();
    await shot('05-statement-draft');
  });

  it('approves the statement and prints it', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Утвердить ведомость' }).click();
    await page.getByTestId('statement-status').getByText('утверждена').waitFor();
    expect(await page.getByRole('button', { name: 'Пересчитать' }).count()).toBe(0);
    const s = await ok('payroll.statements.get', { month: '2026-10' });
    expect(s.statement?.status).toBe('approved');
    expect(s.lines.find((l) => l.userId === ivanov)).toMatchObject({ heldKopecks: 900_000, accruedKopecks: 9_310_000 });
    await page.getByRole('button', { name: 'Печатная форма (PDF)' }).click();
    await page.getByTestId('statement-pdf').locator('iframe').waitFor();
    await page.waitForTimeout(2000);
    await shot('06-statement-approved');
  });

  it('shows a manager only their own pay and lets them acknowledge the order', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signIn('ivanov', 'Stol-Lampa-2026');
    await page.goto(`${e.host.url}#/payroll/statements/2026-10`);
    await page.getByTestId('statement-line').first().waitFor();
    expect(await page.getByTestId('statement-line').count()).toBe(1);
    await page.getByTestId('line-explanation').getByText('К выплате').waitFor();
    await shot('07-manager-own-pay');
    await page.getByRole('tab', { name: 'Приказы по оплате труда' }).click();
    await page.getByRole('cell', { name: '1-ЗП' }).click();
    await page.getByRole('button', { name: 'С приказом ознакомлен(а)' }).click();
    await page.getByText(/ознакомлен\(а\) 10\.12\.2026/).waitFor();
    await shot('08-manager-acknowledged');
  });
});
