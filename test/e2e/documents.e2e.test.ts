import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { pdfPages } from '../documents/pdf-text';
import { saveFirstPage, vectorClient } from '../helpers/document-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { fillBundleDialog, startE2E, type E2E } from './harness';

let e: E2E;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

beforeAll(async () => {
  e = await startE2E('documents');
  // A missing element fails fast with its locator instead of the test's own timeout.
  e.page.setDefaultTimeout(8_000);
  // The office, a client with valid requisites and a key person, two catalog items with prices, set up through the API.
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  const client = await ok('clients.create', {
    client: vectorClient(),
  });
  await ok('clients.saveContact', { clientId: client.id, contact: { fullName: 'Орлова Марина Андреевна', position: 'Генеральный директор', decisionRole: 'decision_maker' } });
  const rack = await ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', article: 'СТ-200', unit: 'шт', okei: '796', vatRate: '22' } });
  const mount = await ok('catalog.save', { item: { kind: 'service', name: 'Монтаж стеллажей', article: 'У-МОН', unit: 'час', okei: '356', vatRate: '22' } });
  await ok('priceLists.save', {
    name: 'Прайс-лист 2026',
    effectiveFrom: '2026-01-01',
    items: [
      { catalogItemId: rack.id, priceKopecks: 1_250_000 },
      { catalogItemId: mount.id, priceKopecks: 250_000 },
    ],
  });
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

describe('documents in the browser', () => {
  it('makes a bundle for a client, issues it and shows the combined PDF', { timeout: 90_000 }, async () => {
    const { page } = e;
    await page.reload();
    await page.getByLabel('Логин').fill('director');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').waitFor();
    const dialog = await fillBundleDialog(page, 8);
    await dialog.getByTestId('total-gross').getByText('122 000,00 ₽').waitFor();
    await e.shot('bundle-dialog');
    await dialog.getByTestId('make-bundle').click();
    const frame = dialog.getByTestId('pdf-frame');
    // Four documents rendered and merged: on a busy shared machine this takes longer than the default wait.
    await frame.waitFor({ timeout: 30_000 });
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src.startsWith('blob:')).toBe(true);
    // The window holds the combined PDF as a blob: the download link hands the same bytes over.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('pdf-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^Комплект — Договор поставки № 1 от \d\d\.\d\d\.\d{4}\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages[0]).toContain('Коммерческое предложение');
    expect(pages.join('\n')).toContain('Основание: Договор поставки № 1');
    saveFirstPage('e2e-bundle-combined', pdf);
    await page.waitForTimeout(800);
    await e.shot('bundle-issued');
    await dialog.getByRole('link', { name: /Счёт на оплату № 1/ }).click();
    await page.getByTestId('document-view').waitFor();
    const view = page.getByTestId('document-view');
    await view.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(800);
    await e.shot('document-view');
    // The related-documents walk: each view shows and saves its own file, never the previous document's.
    expect(await view.getByTestId('pdf-download').getAttribute('download')).toMatch(/^Счёт на оплату № 1 от /);
    await view.getByRole('link', { name: /^Договор поставки № 1/ }).first().click();
    await page.getByRole('heading', { name: /^Договор поставки № 1/ }).waitFor();
    // At once, before its own file arrives: no file at all, or the contract's — never the invoice's.
    for (const early of await view.getByTestId('pdf-download').all()) expect(await early.getAttribute('download')).toMatch(/^Договор поставки № 1 от /);
    const contractFile = view.getByTestId('pdf-download');
    await expect.poll(() => contractFile.getAttribute('download'), { timeout: 15_000 }).toMatch(/^Договор поставки № 1 от /);
    expect(await view.getByTestId('pdf-download').count()).toBe(1);
    await view.getByRole('link', { name: /^Счёт на оплату № 1/ }).first().click();
    await page.getByRole('heading', { name: /^Счёт на оплату № 1/ }).waitFor();
    // The next document opens at its top, though its link was at the foot of the previous one.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => view.getByTestId('pdf-download').getAttribute('download'), { timeout: 15_000 }).toMatch(/^Счёт на оплату № 1 от /);
    await view.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(800);
    await e.shot('document-view-related-walk');
  });

  it('lists the documents with their status, and filters them by kind', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/documents`);
    const table = page.getByTestId('documents-table');
    await table.getByText('Договор поставки').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    await e.shot('list');
    await page.getByTestId('kind-filter').click();
    await page.getByRole('option', { name: 'Счёт на оплату' }).click();
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(1);
  });

  it('edits a draft with live totals and the amount in words, then issues it', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/documents/new/act_services`);
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    await editor.locator('[data-field="clientId"]').fill('Вектор');
    await page.getByRole('option', { name: 'ООО «Вектор»' }).click();
    await editor.getByPlaceholder('Из прайс-листа').click();
    await page.getByRole('option', { name: /Монтаж стеллажей/ }).click();
    await editor.getByRole('textbox', { name: 'Кол-во' }).fill('16');
    await editor.getByRole('textbox', { name: 'Скидка, %' }).fill('5');
    await editor.getByTestId('live-totals').getByText('Сорок шесть тысяч триста шестьдесят рублей 00 копеек').waitFor();
    // The director sees each line's cost price (managers do not); it is saved with the line.
    await editor.getByRole('textbox', { name: 'Себест., ₽' }).fill('1 500');
    await e.shot('draft-editor');
    await page.getByRole('button', { name: 'Предпросмотр' }).click();
    await page.getByRole('dialog').getByTestId('pdf-frame').waitFor();
    // Chromium's PDF viewer paints a moment after the frame appears.
    await page.waitForTimeout(800);
    await e.shot('draft-preview');
    await page.keyboard.press('Escape');
    await page.getByTestId('issue').click();
    await page.getByTestId('document-view').getByText('Акт выполненных работ (оказанных услуг) № 1').waitFor();
    const line = e.host.app.store.sqlite
      .prepare("SELECT l.cost_kopecks AS c FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.kind = 'act_services'")
      .get() as { c: number | null };
    expect(line.c).toBe(150_000);
  });

  it('edits a template with the placeholder picker and refuses an unknown placeholder with its line and column', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/directories/templates`);
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await page.getByRole('button', { name: 'Новый шаблон' }).click();
    const source = page.getByTestId('template-source');
    await source.fill('# Счёт № {{doc.number}} от {{doc.date}}\n::lines\n::totals\nПокупатель: ');
    await page.getByTestId('placeholder-picker').click();
    await page.getByRole('option', { name: /Клиент: краткое наименование/ }).click();
    expect(await source.inputValue()).toContain('{{buyer.shortName}}');
    await page.getByTestId('template-editor').getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(800);
    await e.shot('template-editor');
    await source.fill('# Счёт № {{doc.number}}\n{{buyer.nmae}}\n');
    await page.getByTestId('template-errors').getByText('Строка 2, позиция 1: Неизвестное поле {{buyer.nmae}}').waitFor();
    await e.shot('template-error');
  });
});
