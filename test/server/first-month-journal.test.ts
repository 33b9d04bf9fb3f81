import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { approveOrder, approvePlans, closeMonth, insertPayment, schemeAOrder } from '../helpers/payroll-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Issue 16, item 14: the audit journal reads as Russian sentences, in this computer's time (Moscow here).
process.env.TZ = 'Europe/Moscow';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

describe('the audit journal for people', () => {
  it('tells a statement’s approval as a sentence with Russian field names, roubles and local times, and keeps the chain', async () => {
    t = await openTestApp(undefined, new Date('2026-12-10T09:00:00Z'));
    await setUpOffice(t);
    const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    await approveOrder(t, schemeAOrder());
    await approvePlans(t, '2026-10', { [ivanov]: 150_000_000 }, 600_000_000);
    insertPayment(t.app.store.sqlite, { date: '2026-10-05', netKopecks: 138_000_000, managerId: ivanov });
    closeMonth(t.app.store.sqlite, '2026-10');
    await signIn(t, 'director');
    await t.ok('payroll.statements.compute', { month: '2026-10' });
    await t.ok('payroll.statements.approve', { month: '2026-10' });
    const { entries, chainOk } = await t.ok('audit.list', { entity: 'payroll_statement', limit: 10 });
    expect(chainOk).toBe(true);
    const [approved, computed] = entries;
    expect(approved).toMatchObject({
      sentence: 'Петров Пётр Петрович: ведомость за октябрь 2026 — утверждена',
      link: '/payroll/statements/2026-10',
      atLocal: '10.12.2026 12:00',
    });
    expect(approved?.changes).toContainEqual({ field: 'Статус', before: 'черновик', after: 'утверждено' });
    expect(approved?.changes).toContainEqual({ field: 'Утверждено', before: '—', after: '10.12.2026 12:00' });
    // 1 380 000 × 5 % × 0.8 (department at 23 %) = 55 200, plus the salary 40 000: 95 200,00 ₽ accrued.
    expect(computed?.sentence).toBe('Петров Пётр Петрович: ведомость за октябрь 2026 — создана');
    expect(computed?.changes).toContainEqual({ field: 'Начислено', before: '', after: '95\u00a0200,00\u00a0₽' });
    expect(computed?.changes).toContainEqual({ field: 'Месяц', before: '', after: 'октябрь 2026' });
    // What a person reads carries no code names and no UTC stamps.
    expect(JSON.stringify(entries.map((e) => [e.sentence, e.changes, e.atLocal]))).not.toMatch(/Kopecks|approvedAt|payroll_statement|T\d\d:\d\d/);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});
