import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillField, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E('clients');
});
afterAll(async () => {
  await e.close();
});

async function signIn(login: string): Promise<void> {
  const { page } = e;
  // Sign out through the API: the header's button may sit under the day's reminders.
  await page.evaluate(async () => {
    await fetch('/api/auth.logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  });
  await page.goto(e.host.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Closes the notifications of earlier steps (and the day's reminders) so a screenshot shows the page. */
async function shot(name: string): Promise<void> {
  await e.page.locator('button.mantine-Notification-closeButton').evaluateAll((buttons) => buttons.forEach((b) => (b instanceof HTMLElement ? b.click() : undefined)));
  await e.page.waitForTimeout(300);
  await e.page.evaluate(() => window.scrollTo(0, 0));
  await e.shot(name);
}

// A long list as an office gets it: demo clients of this manager and of others under other spellings,
// repeats inside the file, a wrong ИНН, and new companies.
function longList(): string {
  const lines = ['Наименование;ИНН;Телефон;E-mail;Город;Контактное лицо'];
  lines.push('«Альфа-Трейд» ООО;;8 (495) 554-12-30;;Люберцы;');
  lines.push('ООО "Бета Системс";7810990038;;;Санкт-Петербург;');
  lines.push('ООО «СтройМонтаж»;7748000046;;;Москва;Кравцов Алексей');
  lines.push('ООО «Ошибка в ИНН»;7707083894;;;Москва;');
  for (let i = 1; i <= 120; i++) lines.push(`ООО «Новый клиент ${i}»;;+7 (916) ${String(1000000 + i).slice(1, 4)}-${String(i).padStart(2, '0')}-${String(i % 97).padStart(2, '0')};info@new${i}.example;Москва;`);
  lines.push('Новый клиент 7 ООО;;;;Москва;');
  lines.push('Общество с ограниченной ответственностью «Новый клиент 8»;;;;Москва;');
  return lines.join('\r\n');
}

describe('the client base in the browser', () => {
  // The demo fill writes a whole office (seconds on a quiet machine, half a minute on a loaded one).
  it('fills a demo office and shows a manager their own clients', { timeout: 90_000 }, async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Заполнить демо-данными' }).click();
    await page.getByRole('button', { name: 'Перейти к работе' }).click({ timeout: 80_000 });
    await page.getByTestId('current-user').waitFor();
    await signIn('ivanov');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Клиенты', exact: true }).click();
    await page.getByTestId('client-row').first().waitFor();
    expect(await page.getByTestId('client-total').textContent()).toMatch(/Клиентов: \d+/);
    await shot('01-list');
  });

  it('names a wrong ИНН beside the field and saves nothing, then saves the corrected card', async () => {
    const { page } = e;
    const before = (await e.host.app.store.clientList.list({ offset: 0, limit: 1 })).total;
    await page.goto(`${e.host.url}#/clients/new`);
    await fillField(page, 'shortName', 'ООО «Северное сияние»');
    await fillField(page, 'inn', '7707083894');
    await fillField(page, 'kpp', '770701001');
    await fillField(page, 'region', 'Москва');
    await page.getByRole('button', { name: 'Добавить телефон' }).click();
    await page.locator('[data-field="phones.0"]').fill('8 (495) 700-10-20');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const inn = page.locator('[data-field="inn"]');
    await page.getByText('ИНН: неверная контрольная сумма').first().waitFor();
    expect(await inn.getAttribute('aria-invalid')).toBe('true');
    await shot('02-wrong-inn');
    expect((await e.host.app.store.clientList.list({ offset: 0, limit: 1 })).total).toBe(before);
    await fillField(page, 'inn', '7707083893');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { name: 'ООО «Северное сияние»', level: 2 }).waitFor();
    await page.getByTestId('client-ladder').waitFor();
    expect(await page.getByTestId('client-owner').textContent()).toBe('Иванов Пётр Алексеевич');
    expect((await e.host.app.store.clients.findByInn('7707083893'))?.name).toBe('ООО «Северное сияние»');
    await shot('03-card');
  });

  it('reconciles a long list with duplicates by category, then writes what was confirmed with a report', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/clients/import`);
    await page.getByTestId('import-dropzone').waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'Лонг-лист.csv', mimeType: 'text/csv', buffer: Buffer.from(longList()) });
    await page.getByTestId('import-detected').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('UTF-8');
    await shot('04-mapping');
    await page.getByRole('button', { name: 'Сверить с базой' }).click();
    await page.getByTestId('import-rows').waitFor();
    const count = async (c: string) => Number((await page.getByTestId(`category-${c}`).textContent())?.replace(/\D/g, ''));
    expect(await count('new')).toBe(120);
    expect(await count('ours')).toBe(2);
    expect(await count('other')).toBe(1);
    expect(await count('conflict')).toBe(2);
    expect(await count('invalid')).toBe(1);
    expect(await page.getByTestId('import-row').count()).toBeLessThan(60);
    await shot('05-review');
    await page.getByTestId('category-conflict').click();
    await page.getByText('Повторяет строку').first().waitFor();
    await shot('06-review-conflicts');
    const before = (await e.host.app.store.clientList.list({ offset: 0, limit: 1 })).total;
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-report').waitFor();
    await shot('07-report');
    expect((await e.host.app.store.clientList.list({ offset: 0, limit: 1 })).total).toBe(before + 120);
  });

  it('finds a client with Ctrl+K by a Cyrillic name in another case and by phone', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/clients`);
    await page.getByTestId('client-row').first().waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('textbox', { name: 'Поиск клиентов' });
    await input.waitFor();
    await input.fill('альфа-ТРЕЙД');
    await page.getByRole('button', { name: /ООО «Альфа-Трейд»/ }).waitFor();
    await e.shot('08-search-name');
    await input.fill('8 495 554 12 30');
    await page.getByRole('button', { name: /ООО «Альфа-Трейд»/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'ООО «Альфа-Трейд»', level: 2 }).waitFor();
    await e.shot('09-search-phone-card');
  });

  it('tells a manager whose client another company is, without opening its card', async () => {
    const { page } = e;
    await page.keyboard.press('Control+k');
    const input = page.getByRole('textbox', { name: 'Поиск клиентов' });
    await input.fill('бета системс');
    await page.getByRole('button', { name: /Кузнецова Анна Дмитриевна/ }).click();
    await page.getByText('Закреплён за другим менеджером: Кузнецова Анна Дмитриевна').waitFor();
    await e.shot('10-whose-client');
  });

  it('lets the head of sales resolve a claim conflict and see the division standard', async () => {
    const { page } = e;
    await signIn('morozova');
    await page.goto(`${e.host.url}#/clients/conflicts`);
    await page.getByTestId('conflicts-table').waitFor();
    await shot('11-conflicts');
    await page.getByRole('button', { name: 'Передать заявителю' }).click();
    await page.getByLabel('Комментарий к решению').fill('Есть переписка с их снабжением');
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Открытых споров нет').waitFor();
    const stroy = await e.host.app.store.clients.findByInn('7748000046');
    expect(stroy?.responsibleName).toBe('Кузнецова Анна Дмитриевна');
    await page.goto(`${e.host.url}#/clients/division`);
    await page.getByText('Стандарт деления клиентской базы').waitFor();
    await shot('12-division');
    await page.goto(`${e.host.url}#/clients/${stroy?.id ?? 0}/history`);
    await page.getByText('Спор о клиенте решён', { exact: false }).first().waitFor();
    await shot('13-history');
  });
});
