import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import { enterRecovery } from '../../src/server/health';
import { addPerson, bloat, putAttachment } from '../helpers/backup-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E('backups');
  // The office is set up through the same wrapper; the host's one session is the browser's too.
  await invoke(e.host.app, 'setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  await e.page.reload();
  await e.page.getByRole('navigation', { name: 'Разделы' }).waitFor();
});
afterAll(async () => {
  await e.close();
});

/** The host's app and data folder, in the shape the fixtures take. */
const host = () => ({ app: e.host.app, dir: e.host.app.dataDir });

describe('backups and the audit journal in the browser', () => {
  it('makes a backup with a progress bar and lists it', async () => {
    const { page } = e;
    putAttachment(host(), 'beef0001', 'скан');
    await page.goto(`${e.host.url}#/settings/backups`);
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    await page.getByText('Резервная копия создана').waitFor();
    const rows = page.getByTestId('backup-list').locator('tbody tr');
    await rows.first().getByText('вручную').waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    await e.shot('01-backups-list');
  });

  it('inspects a backup and shows what it holds before restoring', { timeout: 90_000 }, async () => {
    const { page } = e;
    await addPerson(host(), 'later');
    await page.getByRole('button', { name: 'Проверить и восстановить…' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('backup-check-ok').waitFor();
    await dialog.getByText('Сотрудники').waitFor();
    await e.shot('02-restore-dialog');
    expect(await dialog.getByRole('button', { name: 'Восстановить' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Я понимаю, что текущая база будет заменена содержимым этой копии').check();
    // A base grown since the copy: its own safety copy takes long enough to watch the steps go by.
    bloat(host(), 150);
    await dialog.getByRole('button', { name: 'Восстановить' }).click();
    await dialog.getByTestId('backup-job-progress').getByText(/^Сохраняем копию текущей базы · (\d+,\d из \d+,\d МБ · )?\d+ %$/).waitFor({ timeout: 30_000 });
    await e.shot('03a-restoring');
    expect(await dialog.getByRole('button', { name: 'Отмена' }).isDisabled()).toBe(true);
    await page.getByText('База восстановлена из копии. Войдите снова.').waitFor({ timeout: 60_000 });
    await e.shot('03b-restored');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(await e.host.app.store.users.byLogin('later')).toBeNull();
  });

  it('opens the audit journal with the restore in it and checks the chain', async () => {
    const { page } = e;
    await page.getByLabel('Логин').fill('director');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
    await page.goto(`${e.host.url}#/settings/audit`);
    const table = page.getByTestId('audit-table');
    // The journal reads as sentences: «Петров П. П.: база данных … — восстановлена».
    await table.getByText(/база данных.*восстановлена/).first().waitFor();
    await table.getByText(/организация.*создана/).first().waitFor();
    await page.getByRole('button', { name: 'Проверить цепочку' }).click();
    await page.getByTestId('audit-verify-result').getByText('Цепочка цела', { exact: false }).waitFor();
    await e.shot('04-audit-journal');
  });

  // Verifying every copy, then restoring, is the slowest path here: on a busy machine it gets more time.
  it('offers the newest good backup on the recovery screen and restores from it', { timeout: 90_000 }, async () => {
    const { page } = e;
    enterRecovery(e.host.app, 'Целостность файла: страница 12 повреждена');
    await invoke(e.host.app, 'auth.logout', {});
    await page.reload();
    await page.getByText('База данных повреждена').waitFor();
    await page.getByLabel('Логин').fill('director');
    await page.getByLabel('Пароль').fill('Stol-Lampa-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('newest-good-backup').waitFor({ timeout: 60_000 });
    await e.shot('05-recovery');
    await page.getByRole('button', { name: 'Восстановить из этой копии…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Я понимаю, что текущая база будет заменена содержимым этой копии').check();
    await dialog.getByRole('button', { name: 'Восстановить' }).click();
    await page.getByRole('button', { name: 'Продолжить' }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(e.host.app.recovery).toBeNull();
  });

  it('warns the director on every page when the audit chain is broken', async () => {
    const { page } = e;
    await invoke(e.host.app, 'auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    const db = e.host.app.store.sqlite;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET user_name = 'Кто-то другой' WHERE id = 1").run();
    expect((await invoke(e.host.app, 'audit.verify', {})).data).toMatchObject({ ok: false, firstBadId: 1 });
    await page.reload();
    await page.getByTestId('audit-broken-banner').getByText('нарушена начиная с записи № 1', { exact: false }).waitFor();
    await e.shot('06-audit-broken-banner');
  });
});
