import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ORG } from '../helpers/temp-app';
import { hostOk, signInPage, startE2E, type E2E } from './harness';

// «A failed sign-out drops the person straight back in»: the host does not hear the sign-out (the
// network drops the request), yet the window must not show the person's screens again.
let e: E2E;
beforeAll(async () => {
  e = await startE2E('sign-out', { separateDesks: true });
  await hostOk(e, 'setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  await e.page.reload();
}, 60_000);
afterAll(async () => {
  await e.close();
});

describe('signing out when the host does not answer', () => {
  it('leaves the window on the sign-in screen with the reason, not back in the shell', { timeout: 60_000 }, async () => {
    const { page } = e;
    await signInPage(e, 'director');
    await page.route('**/api/auth.logout', (route) => route.abort());
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByLabel('Логин').waitFor({ timeout: 10_000 });
    await page.getByText('Нет связи с главным компьютером офиса', { exact: false }).first().waitFor();
    await e.shot('01-failed-sign-out');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Разделы' }).count()).toBe(0);
  });
});
