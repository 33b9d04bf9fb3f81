import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { VALID_ORG } from '../helpers/temp-app';
import { insertClient } from '../helpers/sales-fixtures';
import { startE2E, type E2E } from './harness';

let e: E2E;
let managerId: number;
let dealId: number;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

beforeAll(async () => {
  e = await startE2E('sales');
  // The office, a manager, a client, the objection standard and a script with branches, set up through the API.
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  managerId = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const client = insertClient(e.host.app.store.sqlite, 'Альфа-Строй', managerId, 'Орлов Игорь Петрович');
  insertClient(e.host.app.store.sqlite, 'Бета', managerId, 'Смирнова Ольга');
  // A new office starts with the method's objections; the ones it lacks are added.
  const shipped = await ok('objections.list', {});
  for (const text of ['Это слишком дорого', 'Нам это не нужно', 'Мы работаем с вашими конкурентами']) {
    const o = shipped.find((x) => x.text === text) ?? (await ok('objections.save', { text }));
    await ok('objections.saveAnswer', { objectionId: o.id, answer: `Сильный ответ на «${text}»: сравним полную стоимость владения.` });
  }
  const interested = await ok('standards.create', { kind: 'script', code: '2.1', title: 'Клиент заинтересован', body: 'Предложите встречу: «Давайте встретимся в среду или в четверг?»' });
  const busy = await ok('standards.create', { kind: 'script', code: '2.2', title: 'Нет времени', body: 'Спросите, когда удобно перезвонить, и запишите время.' });
  await ok('standards.create', {
    kind: 'script',
    code: '1',
    title: 'Первый звонок',
    body: 'Здравствуйте! Меня зовут …, компания «Ромашка». С кем я могу обсудить поставку стеллажей?',
    links: [
      { targetId: interested.id, label: 'Если интересно' },
      { targetId: busy.id, label: 'Если нет времени' },
    ],
  });
  dealId = (await ok('deals.create', { clientId: client.clientId, contactId: client.contactId, managerId, title: 'Стеллажи для склада', closeMonth: '2026-12', probability: 5, amountKopecks: 45_000_000 })).id;
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

describe('a manager’s sales work in the browser', () => {
  it('opens the call form with the script beside it', async () => {
    const { page } = e;
    await page.reload();
    await page.getByLabel('Логин').fill('ivanov');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${e.host.url}#/deals/day`);
    await page.getByRole('button', { name: 'Записать звонок' }).click();
    const form = page.getByTestId('call-form');
    await form.waitFor();
    await page.getByTestId('script-panel').getByText('С кем я могу обсудить поставку стеллажей?', { exact: false }).waitFor();
    // Follow a branch of the script: «Если интересно» → «2.1».
    await page.getByRole('button', { name: /Если интересно/ }).click();
    await page.getByTestId('script-body').getByText('Давайте встретимся', { exact: false }).waitFor();
    await e.shot('01-call-form-with-script');
  });

  it('logs a cold call with two goals reached and an objection, mostly from the keyboard', async () => {
    const { page } = e;
    // The client field has the focus: type, pick with the arrow and Enter.
    await page.keyboard.type('Альфа');
    await page.getByRole('option', { name: 'ООО «Альфа-Строй»' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('call-form').getByText('Это слишком дорого', { exact: true }).click();
    await page.locator('[data-field="result"]').fill('Договорились прислать КП');
    await e.shot('02-call-filled');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('day-done').getByText('Вышли на ключевое лицо').waitFor();
    const [a] = await ok('activities.list', { limit: 5 });
    expect(a).toMatchObject({ kind: 'call_cold', status: 'done', reachedKeyPerson: true, madeContact: true, interested: false, meetingSet: false, managerId });
    expect(a.objections.map((o) => o.text)).toEqual(['Это слишком дорого']);
    expect(a.scriptTitle).toContain('2.1');
    await e.shot('03-day-view');
  });

  it('shows the call in the statistics of commercial work', async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Отчёты', exact: true }).click();
    const row = page.getByTestId(`stats-row-${managerId}`);
    await row.locator('[data-metric="calls"]').getByText('1', { exact: true }).waitFor();
    expect(await row.locator('[data-metric="keyPersons"]').innerText()).toBe('1');
    expect(await row.locator('[data-metric="contacts"]').innerText()).toBe('1');
    expect(await row.locator('[data-metric="meetingsSet"]').innerText()).toBe('0');
    expect(await row.locator('[data-metric="payments"]').innerText()).toBe('0');
    await page.getByTestId('top-objections').getByText('«Это слишком дорого» — 1').waitFor();
    await e.shot('04-statistics');
  });

  it('moves a deal on the kanban by dragging its card', async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Сделки', exact: true }).click();
    const card = page.locator(`[data-deal-id="${dealId}"]`);
    await card.waitFor();
    const target = page.getByTestId('kanban-column-needs');
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('kanban not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
    await page.mouse.up();
    await target.locator(`[data-deal-id="${dealId}"]`).waitFor();
    await expect.poll(async () => (await ok('deals.get', { id: dealId })).stage).toBe('needs');
    const deal = await ok('deals.get', { id: dealId });
    expect(deal.history.map((h) => h.toStage)).toEqual(['first_contact', 'needs']);
    await e.shot('05-kanban');
  });

  it('opens the deal page with its activities, its (still empty) documents and the bundle action', async () => {
    const { page } = e;
    await page.locator(`[data-deal-id="${dealId}"]`).click();
    await page.getByRole('heading', { name: 'Стеллажи для склада' }).waitFor();
    await page.getByTestId('deal-documents').getByText('Документов по сделке пока нет').waitFor();
    await page.getByTestId('deal-bundle').waitFor();
    await e.shot('06-deal-page');
  });

  it('shows the standards library with the script’s branches and the objection answers', async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Справочники', exact: true }).click();
    await page.getByTestId('standard-view').getByText('Если интересно', { exact: false }).waitFor();
    await e.shot('07-standards');
    await page.getByText('Вся книга продаж', { exact: false }).click();
    await page.getByTestId('sales-book').getByText('«Это слишком дорого»', { exact: true }).waitFor();
    await e.shot('08-sales-book');
  });
});
