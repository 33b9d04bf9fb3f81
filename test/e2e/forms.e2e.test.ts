import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { vectorClient } from '../helpers/document-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { signInPage, startE2E, type E2E } from './harness';

let e: E2E;
/** Names of the writing entries the page sent to the host, in order. */
const sent: string[] = [];
const WATCHED = ['documents.createDraft', 'documents.updateDraft', 'documents.bundle', 'activities.create'];

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

const documentCount = () => (e.host.app.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

/** The message a screen reader reads for a field: the texts its `aria-describedby` points at. */
async function messageOf(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => e.page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** Waits until the field shows this message in its own error element, below the input, and is marked invalid. */
async function expectMessageUnder(input: Locator, message: string): Promise<void> {
  await expect.poll(() => messageOf(input)).toBe(message);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  // Mantine names a field's error element after the input: `<input id>-error`.
  const error = e.page.locator(`[id="${await input.getAttribute('id')}-error"]`);
  expect(await error.textContent()).toBe(message);
  const field = await input.boundingBox();
  const below = await error.boundingBox();
  expect(field && below && below.y >= field.y + field.height - 1 && below.x < field.x + field.width).toBe(true);
}

/** Opens the bundle dialog from the documents list and picks ООО «Вектор». */
async function openBundleForVector(): Promise<Locator> {
  await e.page.goto(`${e.host.url}#/documents`);
  await e.page.getByRole('button', { name: 'Комплект документов' }).click();
  const dialog = e.page.getByRole('dialog');
  await dialog.locator('[data-field="clientId"]').fill('Вектор');
  await e.page.getByRole('option', { name: 'ООО «Вектор»' }).click();
  return dialog;
}

beforeAll(async () => {
  e = await startE2E('forms');
  e.page.setDefaultTimeout(8_000);
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  // A manager allowed 5 % off; ООО «Вектор» is theirs.
  const managerId = (await ok('users.create', { login: 'ivanov', fullName: 'Иванов Иван Иванович', position: 'Менеджер по продажам', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  const limitVersion = (await ok('discountLimits.list', {})).find((l) => l.role === 'manager')?.version ?? 0;
  await ok('discountLimits.save', { role: 'manager', version: limitVersion, maxDiscountBp: 500, conditions: '' });
  await ok('clients.create', { client: vectorClient(), responsibleId: managerId });
  const rack = await ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', article: 'СТ-200', unit: 'шт', okei: '796', vatRate: '22' } });
  await ok('priceLists.save', { name: 'Прайс-лист 2026', effectiveFrom: '2026-01-01', items: [{ catalogItemId: rack.id, priceKopecks: 1_250_000 }] });
  await ok('auth.logout', {});
  e.page.on('request', (r) => {
    const name = decodeURIComponent(new URL(r.url()).pathname.split('/api/')[1] ?? '');
    if (WATCHED.includes(name)) sent.push(name);
  });
  await e.page.reload();
  await signInPage(e, 'director');
});
afterAll(async () => {
  await e.close();
});

describe('forms checked by the contract’s own schemas', () => {
  it('shows the draft’s wrong fields with the contract’s Russian messages under them and sends nothing until they are mended', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/documents/new/invoice`);
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Добавить строку' }).click();
    await editor.getByRole('textbox', { name: 'Наименование' }).fill('Стеллаж паллетный СТ-200');
    await editor.getByRole('textbox', { name: 'Цена, ₽' }).fill('12 500');
    const quantity = editor.getByRole('textbox', { name: 'Кол-во' });
    await quantity.fill('0');
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const client = editor.locator('[data-field="clientId"]');
    await expectMessageUnder(client, 'Выберите клиента');
    await expectMessageUnder(quantity, 'Количество должно быть больше нуля');
    await e.shot('01-draft-errors');
    expect(sent).toEqual([]);
    expect(documentCount()).toBe(0);
    // Mended, the quantity loses its message at once; the client still lacks one.
    await quantity.fill('2');
    await expect.poll(() => quantity.getAttribute('aria-invalid')).not.toBe('true');
    expect(await messageOf(client)).toBe('Выберите клиента');
    await client.fill('Вектор');
    await page.getByRole('option', { name: 'ООО «Вектор»' }).click();
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/documents\/\d+$/);
    expect(sent).toEqual(['documents.createDraft']);
    expect(documentCount()).toBe(1);
  });

  it('refuses a save of the draft on an older version, and keeps what was typed', async () => {
    const { page } = e;
    const id = Number((await page.evaluate(() => window.location.hash)).split('/').pop());
    const editor = page.getByTestId('draft-editor');
    const quantity = editor.getByRole('textbox', { name: 'Кол-во' });
    await expect.poll(() => quantity.inputValue()).toBe('2');
    // Meanwhile the draft is saved elsewhere (here through the host directly).
    const current = await ok('documents.get', { id });
    await ok('documents.updateDraft', { id, version: current.version, draft: { kind: 'invoice', orgId: current.orgId, clientId: current.clientId, docDate: current.docDate, vatMode: current.vatMode, vatRate: current.vatRate, lines: current.lines, terms: { ...current.terms, city: 'г. Тверь' } } });
    await quantity.fill('3');
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText(/^Эту запись изменил\(а\) Петров П\. П\. в \d{2}:\d{2}\. Обновите и повторите$/).first().waitFor();
    expect(await quantity.inputValue()).toBe('3');
    expect((await ok('documents.get', { id })).lines[0].quantityMilli).toBe(2_000);
    // What the other person changed is listed: the city, and nothing the person typed.
    const changes = await page.getByTestId('stale-changes').locator('li').allTextContents();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^Город: .+ → г\. Тверь$/);
    await e.shot('02-draft-stale');
    // Going on from the new version: the untouched city takes «г. Тверь», the typed quantity stays and is saved.
    await page.getByRole('button', { name: 'Продолжить с новой версией' }).click();
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(async () => (await ok('documents.get', { id })).lines[0].quantityMilli).toBe(3_000);
    expect((await ok('documents.get', { id })).terms.city).toBe('г. Тверь');
  });

  it('asks for a line in the bundle dialog, then for a right quantity, before anything is sent', async () => {
    const { page } = e;
    sent.length = 0;
    const dialog = await openBundleForVector();
    await dialog.getByTestId('make-bundle').click();
    await dialog.getByTestId('lines-error').getByText('Добавьте хотя бы одну строку', { exact: true }).waitFor();
    await dialog.getByPlaceholder('Из прайс-листа').click();
    await page.getByRole('option', { name: /Стеллаж паллетный/ }).click();
    await expect.poll(() => dialog.getByTestId('lines-error').count()).toBe(0);
    const quantity = dialog.getByRole('textbox', { name: 'Кол-во' });
    await quantity.fill('0');
    await dialog.getByTestId('make-bundle').click();
    await expectMessageUnder(quantity, 'Количество должно быть больше нуля');
    await e.shot('03-bundle-errors');
    expect(sent).toEqual([]);
    await quantity.fill('8');
    // Totals are recomputed live: 8 × 12 500,00 + 22 % VAT.
    await dialog.getByTestId('total-gross').getByText('122 000,00 ₽').waitFor();
    await dialog.getByTestId('make-bundle').click();
    await dialog.getByText('Комплект выставлен').waitFor({ timeout: 30_000 });
    expect(sent).toEqual(['documents.bundle']);
    await page.keyboard.press('Escape');
  });

  it('asks for the client of a call from the keyboard, with the contract’s message under the field', async () => {
    const { page } = e;
    sent.length = 0;
    await page.goto(`${e.host.url}#/deals/day`);
    await page.getByRole('button', { name: 'Записать звонок' }).click();
    const form = page.getByTestId('call-form');
    await form.waitFor();
    await page.locator('[data-field="result"]').fill('Не дозвонились до секретаря');
    await page.keyboard.press('Control+Enter');
    const client = form.locator('[data-field="clientId"]');
    await expectMessageUnder(client, 'Выберите клиента');
    await e.shot('04-call-errors');
    expect(sent).toEqual([]);
    await client.focus();
    await page.keyboard.type('Вектор');
    await page.getByRole('option', { name: 'ООО «Вектор»' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => client.getAttribute('aria-invalid')).not.toBe('true');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    expect(sent).toEqual(['activities.create']);
    const [call] = await ok('activities.list', { limit: 5 });
    expect(call).toMatchObject({ clientName: 'ООО «Вектор»', result: 'Не дозвонились до секретаря' });
  });

  it('sends a manager’s discount beyond the limit for approval from the bundle dialog', async () => {
    const { page } = e;
    sent.length = 0;
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signInPage(e, 'ivanov');
    const dialog = await openBundleForVector();
    await dialog.getByPlaceholder('Из прайс-листа').click();
    await page.getByRole('option', { name: /Стеллаж паллетный/ }).click();
    await dialog.getByRole('textbox', { name: 'Скидка, %' }).fill('10');
    // 12 500,00 less 10 % = 11 250,00; with 22 % VAT 13 725,00.
    await dialog.getByTestId('total-gross').getByText('13 725,00 ₽').waitFor();
    await dialog.getByText('Отправить скидки сверх лимита на согласование').click();
    await dialog.getByLabel('Обоснование скидки').fill('Крупный заказ в следующем квартале');
    await e.shot('05-bundle-approval');
    await dialog.getByRole('button', { name: 'Сохранить и отправить на согласование' }).click();
    await dialog.getByText('Комплект сохранён черновиком и ждёт согласования скидок').first().waitFor({ timeout: 30_000 });
    expect(sent).toEqual(['documents.bundle']);
    const pending = await ok('approvals.list', { status: 'pending' });
    expect(pending.map((a) => ({ clientName: a.clientName, requestedBp: a.requestedBp, limitBp: a.limitBp }))).toContainEqual({ clientName: 'ООО «Вектор»', requestedBp: 1_000, limitBp: 500 });
  });
});
