import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { vectorClient } from '../helpers/document-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { SHOTS, startE2E, type E2E } from './harness';

let e: E2E;
let actId: number;
let actNumber: string;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

function localDay(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Closes the notifications so the screenshots show the page. */
async function clearNotifications(): Promise<void> {
  // A notification may close by itself meanwhile: that one needs no click.
  for (const close of await e.page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  await e.page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
  await e.page.mouse.move(0, 0);
}

async function issue(kind: 'act_services' | 'contract_services', clientId: number, docDate: string, priceKopecks: number, basisDocumentId: number | null = null) {
  const orgId = (await ok('orgs.list', {}))[0].id;
  const line = { name: 'Монтаж стеллажей', unit: 'час', okei: '356', quantityMilli: 10_000, priceKopecks, vatRate: '22' as const };
  const draft = await ok('documents.createDraft', { kind, orgId, clientId, docDate, vatMode: 'on_top', vatRate: '22', basisDocumentId, lines: [line], terms: { city: 'г. Москва' } });
  return ok('documents.issue', { id: draft.id });
}

beforeAll(async () => {
  e = await startE2E('signing');
  e.page.setDefaultTimeout(8_000);
  // The office and a client, a contract and two acts issued through the documents handlers: one today, one three weeks old (overdue).
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  const client = await ok('clients.create', {
    client: vectorClient(),
  });
  const contract = await issue('contract_services', client.id, localDay(-30), 12_000_000);
  await issue('act_services', client.id, localDay(-21), 4_500_000, contract.id);
  const act = await issue('act_services', client.id, localDay(), 2_500_000, contract.id);
  actId = act.id;
  actNumber = act.number;
  await ok('auth.logout', {});
});
afterAll(async () => {
  await e.close();
});

describe('signatures in the browser', () => {
  it('marks an issued act sent on the board, where it shows with the badge; a scan and the original take it off', async () => {
    const { page } = e;
    await page.reload();
    await page.getByLabel('Логин').fill('director');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('current-user').waitFor();
    // The three-week-old act is overdue: the start-up reminder says so.
    await page.getByTestId('signing-reminder').waitFor();
    const badge = page.getByTestId('signing-nav-badge');
    await expect.poll(() => badge.textContent()).toBe('3');

    await page.getByRole('link', { name: /^Подписи/ }).click();
    const board = page.getByTestId('signing-board');
    const row = board.locator(`[data-document="${actId}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Выставлен');
    await row.getByRole('checkbox').check();
    await page.getByTestId('bulk-sent').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-field="step-method"]').click();
    await page.getByRole('option', { name: 'Курьером' }).click();
    await dialog.locator('[data-field="step-tracking"]').fill('СДЭК 1045-2231');
    await dialog.getByTestId('step-save').click();
    await expect.poll(() => row.textContent()).toContain('Отправлен клиенту');
    await expect.poll(() => page.getByTestId('board-totals').textContent()).toBe('3 документа ждут подписи, из них просрочено 2; под риском 854\u00a0000,00 ₽');
    await clearNotifications();
    await e.shot('board');

    await page.goto(`${e.host.url}#/signatures/doc/${actId}`);
    const panel = page.getByTestId('signature-panel');
    await panel.getByText(`Подписание`).waitFor();
    await panel.getByTestId('scan-dropzone').locator('input[type="file"]').setInputFiles({ name: `Акт ${actNumber} подписан.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% подписанный скан\n') });
    await panel.getByTestId('scan-link').filter({ hasText: `Акт ${actNumber} подписан.pdf` }).waitFor();
    await panel.getByTestId('move-signed_by_client').click();
    await page.getByRole('dialog').getByTestId('step-save').click();
    await panel.getByTestId('move-original_received').click();
    await page.getByRole('dialog').locator('[data-field="step-filed"]').fill('Папка «Акты 2026», шкаф 2');
    await page.getByRole('dialog').getByTestId('step-save').click();
    await expect.poll(() => panel.getByTestId('signature-state').textContent()).toContain('Оригинал получен');
    await expect.poll(() => panel.getByTestId('signing-history').textContent()).toContain('Папка «Акты 2026», шкаф 2');
    await expect.poll(() => badge.textContent()).toBe('2');
    await clearNotifications();
    await e.shot('panel');

    await page.goto(`${e.host.url}#/signatures`);
    await board.locator('[data-testid="board-row"]').first().waitFor();
    // The board may show what it last read for an instant while it reads again (a busy machine makes it long).
    await expect.poll(() => board.locator(`[data-document="${actId}"]`).count()).toBe(0);
    expect(await board.locator('[data-testid="board-row"]').count()).toBe(2);
  });

  it('prints the chosen documents as one file from the board', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/signatures`);
    const board = page.getByTestId('signing-board');
    const rows = board.locator('[data-testid="board-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) await row.getByRole('checkbox').check();
    await clearNotifications().catch(() => undefined);
    await e.shot('print-selected');
    const download = page.waitForEvent('download');
    await page.getByTestId('bulk-print').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Документы для печати \(2 документа\) от \d\d\.\d\d\.\d{4}\.pdf$/);
    const path = join(SHOTS, 'signing-print-file.pdf');
    await file.saveAs(path);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    // The contract, then the overdue act (the board's order), each as issued.
    expect(text).toContain('Стоимость услуг по Договору составляет 1 464 000,00 руб.');
    expect(text).toContain('Всего оказано услуг 1, на сумму 549 000,00 руб.');
    expect(text.indexOf('1 464 000,00')).toBeLessThan(text.indexOf('Акт № 1 от'));
  });

  it('shows the deadlines per kind and the production calendar in Справочники', async () => {
    const { page } = e;
    await page.goto(`${e.host.url}#/directories/signing`);
    await page.getByTestId('signing-rules').getByText('Счёт-фактура', { exact: true }).waitFor();
    await page.getByTestId('holidays').getByText('День народного единства').waitFor();
    await e.shot('rules');
  });
});
