import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEME_A_EXAMPLE } from '../../src/core';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { referenceWorld, SAMPLE_BYTES } from '../helpers/money-fixtures';
import { fillField, startE2E, type E2E } from './harness';

let e: E2E;
let alfaDeal = 0;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

beforeAll(async () => {
  e = await startE2E('money');
  // The reference statement's office: its payers as clients of three managers, invoices № 15, 16 and 17,
  // January's approved plans and the payroll order the commission column follows.
  const w = await referenceWorld({ ok, app: e.host.app }, { dealForAlfa: true });
  alfaDeal = w.alfaDeal ?? 0;
  const plans = e.host.app.store.plans;
  const director = { userId: 1, userName: 'Соколов Андрей Викторович' };
  await plans.saveCells(director, 'revenue_net', [
    { scope: 'manager', userId: w.ivanov, period: '2026-01', amountKopecks: 15_000_000 },
    { scope: 'manager', userId: w.kuznetsova, period: '2026-01', amountKopecks: 6_000_000 },
    { scope: 'manager', userId: w.smirnov, period: '2026-01', amountKopecks: 3_000_000 },
    { scope: 'department', userId: null, period: '2026-01', amountKopecks: 24_000_000 },
  ]);
  await plans.approve(director, 'revenue_net', ['2026-01'], ['manager', 'department']);
  const order = await ok('payroll.orders.save', {
    order: { title: 'Об утверждении Положения о мотивации менеджеров по продажам', validFrom: '2026-01-01', validTo: null, roles: ['manager'], scheme: SCHEME_A_EXAMPLE, holdUnsigned: false, holdGraceDays: 0, conditions: '' },
  });
  await ok('payroll.orders.send', { id: order.id });
  await ok('payroll.orders.approve', { id: order.id });
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

async function signIn(login: string): Promise<void> {
  const { page } = e;
  await page.evaluate(async () => {
    await fetch('/api/auth.logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  });
  await page.goto(e.host.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Closes the notifications of earlier steps so a screenshot shows the page. */
async function shot(name: string): Promise<void> {
  await e.page.locator('button.mantine-Notification-closeButton').evaluateAll((buttons) => buttons.forEach((b) => (b instanceof HTMLElement ? b.click() : undefined)));
  await e.page.waitForTimeout(300);
  await e.shot(name);
}

async function openJanuaryReport(): Promise<void> {
  const { page } = e;
  await page.goto(`${e.host.url}#/reports/commercial`);
  await page.getByTestId('report-month').click();
  await page.getByRole('option', { name: 'Январь 2026' }).click();
  await page.getByTestId('report-state').getByText('Месяц не закрыт').or(page.getByTestId('report-state').getByText('Месяц закрыт', { exact: false })).waitFor();
}

describe('money in the browser', () => {
  it('imports the reference statement after a preview that matches invoices № 15, 16 and 17', async () => {
    const { page } = e;
    await signIn('volkova');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Платежи', exact: true }).click();
    await page.getByRole('tab', { name: 'Загрузить выписку' }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'kl_to_1c.txt', mimeType: 'text/plain', buffer: Buffer.from(SAMPLE_BYTES) });
    const preview = page.getByTestId('import-preview');
    await preview.getByText('№ 15 от 09.01.2026', { exact: true }).waitFor();
    await preview.getByText('частичная оплата', { exact: true }).waitFor();
    await preview.getByText('№ 17 от 12.01.2026', { exact: true }).waitFor();
    await page.getByTestId('import-counts').getByText('3 разнесено').waitFor();
    await shot('01-preview');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').getByText('Добавлено платежей: 5', { exact: false }).waitFor();
    await shot('02-imported');
    await page.getByRole('button', { name: 'К платежам' }).click();
    await page.getByTestId('payments-table').getByText('ООО "Альфа-Трейд"').waitFor();
    await shot('03-list');

  });

  it('puts a payment entered by hand without an ИНН in the queue and matches it there', async () => {
    const { page } = e;
    await page.getByTestId('payment-add').click();
    await fillField(page, 'date', '2026-01-20');
    await fillField(page, 'amount', '30 500,00');
    await fillField(page, 'payerName', 'ООО «Бета Системс»');
    await fillField(page, 'docNumber', '81');
    await fillField(page, 'purpose', 'Доплата по договору № 3/2026');
    await page.getByTestId('payment-save').click();
    await page.getByRole('tab', { name: /Неразнесённые/ }).click();
    const row = page.getByTestId('payments-table').getByText('ООО «Бета Системс»');
    await row.click();
    await page.getByTestId('payment-match').click();
    const dialog = page.getByTestId('match-dialog');
    await dialog.getByText('№ 16 от 10.01.2026').waitFor();
    await dialog.getByRole('checkbox', { name: 'Счёт № 16' }).check();
    await dialog.getByText('Осталось разнести: 0,00', { exact: false }).waitFor();
    await shot('04-match');
    await page.getByTestId('match-apply').click();
    await page.getByTestId('payment-card').getByText('(вручную)', { exact: false }).waitFor();
    await shot('05-matched');
    await page.keyboard.press('Escape');
    await page.getByText('Все поступления разнесены по счетам.').waitFor();
  });

  it('shows January’s commercial report and closes the month with both confirmations', async () => {
    const { page } = e;
    await openJanuaryReport();
    const dept = page.getByTestId('report-department');
    await dept.getByText('165 000,00').first().waitFor();
    await shot('06-report');
    await page.getByTestId('month-confirm').click();
    await page.getByTestId('confirm-accountant').getByText('Волкова', { exact: false }).waitFor();
    await signIn('morozova');
    await openJanuaryReport();
    await page.getByTestId('confirm-accountant').getByText('Волкова', { exact: false }).waitFor();
    await page.getByTestId('month-confirm').click();
    // The closing confirmation names what it freezes and asks once more.
    await page.getByTestId('close-freezes').waitFor();
    await page.getByTestId('month-close-do').click();
    await page.getByTestId('month-closed').waitFor();
    await page.getByTestId('report-state').getByText('Месяц закрыт — цифры окончательные').waitFor();
    await page.getByRole('button', { name: 'Платежи и сделки' }).first().click();
    await shot('07-closed');
    expect(await e.host.app.store.money.isMonthClosed('2026-01')).toBe(true);
    // The deal behind invoice № 15 shows it paid.
    await page.goto(`${e.host.url}#/deals/${alfaDeal}`);
    await page.getByTestId('deal-payments').getByText('Оплачен', { exact: true }).waitFor();
    await shot('08-deal');
  });
});
