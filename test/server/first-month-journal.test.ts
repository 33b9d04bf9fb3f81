import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { bundleInputFor, makeClient } from '../helpers/document-fixtures';
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

  it('tells a bundle, its numbering and a client’s payment with Russian field names and values, never code words', async () => {
    t = await openTestApp(undefined, new Date('2026-11-20T09:00:00Z'));
    await setUpOffice(t);
    await signIn(t, 'director');
    const clientId = await makeClient(t);
    const bundle = await t.ok('documents.bundle', bundleInputFor(clientId));
    const invoice = bundle.documents.find((d) => d.kind === 'invoice');
    if (!invoice) throw new Error('no invoice');
    const gross = (await t.ok('documents.get', { id: invoice.id })).grossKopecks;
    await t.ok('payments.create', { orgId: 1, date: '2026-11-20', amountKopecks: gross, payerName: 'ООО «Вектор»', docNumber: '7', clientId, allocations: [{ documentId: invoice.id, amountKopecks: gross }] });
    const { entries } = await t.ok('audit.list', { limit: 200 });
    const payment = entries.find((e) => e.link === '/payments');
    expect(payment?.sentence).toBe('Петров Пётр Петрович: платёж № 1 — создан');
    expect(payment?.changes).toEqual(
      expect.arrayContaining([
        { field: 'Вид', before: '', after: 'Оплата клиента' },
        { field: 'Направление', before: '', after: 'поступление' },
        { field: 'Плательщик', before: '', after: 'ООО «Вектор»' },
        { field: 'Номер платёжного поручения', before: '', after: '7' },
        // The client by its name, not its number.
        { field: 'Клиент', before: '', after: 'ООО «Вектор»' },
      ]),
    );
    const invoiceSeries = entries.find((e) => e.sentence.includes('Счета на оплату'));
    expect(invoiceSeries?.sentence).toBe('Петров Пётр Петрович: нумерация «Счета на оплату» на 2026 год — создана');
    expect(invoiceSeries?.changes).toContainEqual({ field: 'Серия', before: '', after: 'Счета на оплату' });
    expect(invoiceSeries?.changes).toContainEqual({ field: 'Организация', before: '', after: 'ООО «Ромашка»' });
    // A document's entries open the document itself.
    expect(entries.filter((e) => e.link === `/documents/${invoice.id}`).length).toBeGreaterThan(0);
    const ids = bundle.documents.map((d) => d.id).sort((a, b) => a - b);
    expect(entries.find((e) => e.sentence.includes('комплект документов'))?.changes).toContainEqual({ field: 'Документы', before: '', after: `№ ${ids.join(', ')}` });
    // No field is named in Latin letters, and no value but a login is a bare code word (client, in, invoice, [1,2]).
    const changes = entries.flatMap((e) => e.changes).filter((c) => c.field !== 'Логин');
    expect(changes.filter((c) => /[a-z]/i.test(c.field))).toEqual([]);
    expect(changes.filter((c) => /^[a-z_]+$|^\[/.test(c.after) || /^[a-z_]+$|^\[/.test(c.before))).toEqual([]);
  });
});
