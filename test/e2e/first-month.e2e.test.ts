import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { GOODS_LINES } from '../helpers/document-fixtures';
import { insertPayment, schemeAOrder } from '../helpers/payroll-fixtures';
import { clientInput } from '../helpers/client-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { startE2E, type E2E } from './harness';

// Issue 16: a new office's first month in the browser — the first steps, a month closed by the director
// and the head of sales alone, a payroll refused without plans and approved with them, a deal that shows
// its bundle and payment, the journal as sentences.
let e: E2E;
let ivanov = 0;
const PASSWORD = 'Stol-Lampa-2026';

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

async function signIn(login: string): Promise<void> {
  const { page } = e;
  await page.goto(e.host.url);
  const out = page.getByRole('button', { name: 'Выйти' });
  await out.or(page.getByLabel('Логин')).first().waitFor({ timeout: 8000 });
  if (await out.isVisible()) await out.click();
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 8000 });
}

async function openOctoberReport(): Promise<void> {
  const { page } = e;
  await page.goto(`${e.host.url}#/reports/commercial`);
  await page.getByTestId('report-month').click();
  await page.getByRole('option', { name: 'Октябрь 2026' }).click();
  await page.getByTestId('second-confirmer').waitFor({ timeout: 8000 });
}

async function shot(name: string): Promise<void> {
  await e.page.locator('button.mantine-Notification-closeButton').evaluateAll((buttons) => buttons.forEach((b) => (b instanceof HTMLElement ? b.click() : undefined)));
  await e.page.waitForTimeout(300);
  await e.shot(name);
}

beforeAll(async () => {
  e = await startE2E('first-month', { now: () => new Date('2026-11-10T09:00:00Z') });
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: PASSWORD } });
}, 60_000);
afterAll(async () => {
  await e.close();
});

describe('an office’s first month', () => {
  it('shows «Первые шаги» on the empty home page', async () => {
    await signIn('director');
    const steps = e.page.getByTestId('first-steps');
    await steps.getByText('Первые шаги').waitFor({ timeout: 8000 });
    await steps.getByText('Первый клиент').waitFor({ timeout: 8000 });
    await shot('01-checklist');
  }, 120_000);

  it('leads from the checklist to Настройки, where the director names who confirms the month', async () => {
    await e.page.getByTestId('first-steps').getByRole('link', { name: 'Кто закрывает месяц', exact: false }).click();
    const setting = e.page.getByTestId('month-closer-setting');
    await setting.getByText('Второе подтверждение: Директор: Петров Пётр Петрович (в офисе нет бухгалтера)').waitFor({ timeout: 8000 });
    await setting.getByText('Кто подтверждает вместо бухгалтера').waitFor({ timeout: 8000 });
    expect(await setting.getByTestId('month-closer-select').inputValue()).toBe('Директор');
    await shot('01b-closer-setting');
    expect(e.page.url()).toContain('#/settings/general');
  }, 120_000);

  it('closes October with only a director and a head of sales', async () => {
    await ok('users.create', { login: 'head', fullName: 'Смирнова Ольга Николаевна', position: '', role: 'head_of_sales', password: PASSWORD });
    ivanov = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: '', role: 'manager', password: PASSWORD })).id;
    const order = await ok('payroll.orders.save', { order: schemeAOrder() });
    await ok('payroll.orders.send', { id: order.id });
    await ok('payroll.orders.approve', { id: order.id });
    const { clientId } = await ok('clients.create', {
      client: clientInput({
        shortName: 'ООО «Альфа-Строй»',
        fullName: 'Общество с ограниченной ответственностью «Альфа-Строй»',
        inn: '7736207543',
        kpp: '773601001',
        ogrn: '1037700013020',
        legalAddress: '119991, г. Москва, Ленинский пр-т, д. 32А',
        accounts: [{ bik: '044030827', bankName: 'АО «Северный банк»', corrAccount: '30101810200000000827', account: '40702810900000002851', isPrimary: true }],
      }),
      responsibleId: ivanov,
    }).then((c) => ({ clientId: c.id }));
    insertPayment(e.host.app.store.sqlite, { date: '2026-10-05', netKopecks: 138_000_000, managerId: ivanov, clientId });
    await signIn('head');
    await openOctoberReport();
    await e.page.getByTestId('second-confirmer').getByText('Директор: Петров Пётр Петрович', { exact: false }).waitFor({ timeout: 8000 });
    // No accountant here: the second side is not labelled «Бухгалтер».
    await e.page.getByTestId('confirm-accountant').getByText('Второй подтверждающий').waitFor({ timeout: 8000 });
    await e.page.getByTestId('month-confirm').click();
    await e.page.getByTestId('confirm-head').getByText('Смирнова', { exact: false }).waitFor({ timeout: 8000 });
    await signIn('director');
    await openOctoberReport();
    await e.page.getByTestId('month-confirm').click();
    const freezes = e.page.getByTestId('close-freezes');
    await freezes.getByText('1 поступление на 1 380 000,00 ₽', { exact: false }).waitFor({ timeout: 8000 });
    await shot('02-close-screen');
    await e.page.getByTestId('month-close-do').click();
    await e.page.getByTestId('month-closed').waitFor({ timeout: 8000 });
    expect(await e.host.app.store.money.isMonthClosed('2026-10')).toBe(true);
  }, 120_000);

  it('refuses the payroll without plans, never showing the salary as zero, and approves it with plans', async () => {
    await e.page.goto(`${e.host.url}#/payroll/statements/2026-10`);
    await e.page.getByRole('button', { name: 'Рассчитать' }).click();
    const blockers = e.page.getByTestId('approval-blockers');
    await blockers.getByText('Иванов Иван Иванович', { exact: false }).waitFor({ timeout: 8000 });
    await e.page.getByTestId('month-statement').getByText('40 000,00', { exact: false }).first().waitFor({ timeout: 8000 });
    // The line itself carries the salary's sums: accrued 40 000,00, НДФЛ 5 200,00, to pay 34 800,00.
    const line = e.page.getByTestId('statement-line').filter({ hasText: 'Иванов Иван Иванович' });
    expect(await line.innerText()).toMatch(/40\s000,00[\s\S]*5\s200,00[\s\S]*34\s800,00/);
    expect(await e.page.getByRole('button', { name: 'Утвердить ведомость' }).count()).toBe(0);
    await shot('03-payroll-refused');
    const director = { userId: 1, userName: 'Петров Пётр Петрович' };
    await e.host.app.store.plans.saveCells(director, 'revenue_net', [
      { scope: 'manager', userId: ivanov, period: '2026-10', amountKopecks: 150_000_000 },
      { scope: 'department', userId: null, period: '2026-10', amountKopecks: 150_000_000 },
    ]);
    await e.host.app.store.plans.approve(director, 'revenue_net', ['2026-10'], ['manager', 'department']);
    await e.page.reload();
    await e.page.getByRole('button', { name: 'Пересчитать' }).click();
    await e.page.getByRole('button', { name: 'Утвердить ведомость' }).click();
    await e.page.getByTestId('statement-status').getByText('Утверждена', { exact: false }).waitFor({ timeout: 8000 });
    await shot('04-payroll-approved');
  }, 120_000);

  it('shows a deal its bundle and payment made from Документы', async () => {
    const clientId = (e.host.app.store.sqlite.prepare("SELECT id FROM clients WHERE short_name LIKE '%Альфа%'").get() as { id: number }).id;
    const deal = await ok('deals.create', { clientId, managerId: ivanov, title: 'Стеллажи для склада', closeMonth: '2026-12', probability: 50, lines: [{ name: 'Стеллаж', unit: 'шт', quantityMilli: 1000, priceKopecks: 100_000 }] });
    const bundle = await ok('documents.bundle', { orgId: 1, clientId, docDate: '2026-11-10', contractKind: 'contract_supply', vatMode: 'on_top', vatRate: '22', lines: GOODS_LINES, terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 } });
    const invoice = bundle.documents.find((d) => d.kind === 'invoice');
    const gross = (await ok('documents.get', { id: invoice?.id ?? 0 })).grossKopecks;
    await ok('payments.create', { orgId: 1, date: '2026-11-10', amountKopecks: gross, payerName: 'ООО «Альфа-Строй»', docNumber: '7', clientId, allocations: [{ documentId: invoice?.id ?? 0, amountKopecks: gross }] });
    await e.page.goto(`${e.host.url}#/deals/${deal.id}`);
    await e.page.getByTestId('deal-documents').getByText('Счёт', { exact: false }).first().waitFor({ timeout: 8000 });
    await e.page.getByTestId('deal-payments').getByText('п/п № 7', { exact: false }).waitFor({ timeout: 8000 });
    await shot('05-deal');
  }, 120_000);

  it('shows the journal as sentences', async () => {
    await e.page.goto(`${e.host.url}#/settings/audit`);
    await e.page.getByText('ведомость за октябрь 2026 — утверждена', { exact: false }).first().waitFor({ timeout: 8000 });
    await shot('06-journal');
  }, 120_000);
});
