import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { bundleInputFor, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Issue 16, item 8: deals see the documents, bundles and payments made from Документы.
let t: TestApp;
afterEach(async () => {
  await t.close();
});

const bundleInput = bundleInputFor;

async function office(): Promise<{ managerId: number; clientId: number }> {
  t = await openTestApp();
  await setUpOffice(t);
  const managerId = await addPerson(t, 'ivanov', 'manager', 'Иванов Пётр Алексеевич');
  await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
  await signIn(t, 'director');
  const clientId = await makeClient(t, {}, managerId);
  return { managerId, clientId };
}

const deal = (clientId: number, managerId: number, title: string) => ({
  clientId,
  managerId,
  title,
  closeMonth: '2026-12',
  probability: 50,
  lines: [{ name: 'Стеллаж', unit: 'шт', quantityMilli: 1000, priceKopecks: 100_000 }],
});

describe('documents made from Документы and the client’s deals', () => {
  it('links a bundle to the client’s only open deal, and the deal shows the bundle and the payment of its invoice', async () => {
    const { managerId, clientId } = await office();
    await signIn(t, 'ivanov');
    const d = await t.ok('deals.create', deal(clientId, managerId, 'Стеллажи для склада'));
    const bundle = await t.ok('documents.bundle', bundleInput(clientId));
    const ofDeal = await t.ok('documents.list', { dealId: d.id });
    expect(ofDeal.rows.map((r) => r.id).sort()).toEqual(bundle.documents.map((x) => x.id).sort());
    const invoice = ofDeal.rows.find((r) => r.kind === 'invoice');
    if (!invoice) throw new Error('no invoice');
    await signIn(t, 'buh');
    await t.ok('payments.create', { orgId: 1, date: '2026-11-21', amountKopecks: invoice.grossKopecks, payerName: 'Клиент', docNumber: '5', clientId, allocations: [{ documentId: invoice.id, amountKopecks: invoice.grossKopecks }] });
    await signIn(t, 'ivanov');
    const money = await t.ok('payments.forDeal', { dealId: d.id });
    expect(money.payments.map((p) => p.amountKopecks)).toEqual([invoice.grossKopecks]);
  });

  it('guesses no deal when the client has several open ones, and lets the document be linked later', async () => {
    const { managerId, clientId } = await office();
    await signIn(t, 'ivanov');
    const first = await t.ok('deals.create', deal(clientId, managerId, 'Стеллажи'));
    await t.ok('deals.create', deal(clientId, managerId, 'Монтаж'));
    const bundle = await t.ok('documents.bundle', bundleInput(clientId));
    expect((await t.ok('documents.list', { dealId: first.id })).rows).toEqual([]);
    for (const doc of bundle.documents) await t.ok('documents.linkDeal', { id: doc.id, dealId: first.id });
    expect((await t.ok('documents.list', { dealId: first.id })).rows.map((r) => r.id).sort()).toEqual(bundle.documents.map((x) => x.id).sort());
    const again = await t.call('documents.linkDeal', { id: bundle.documents[0]?.id ?? 0, dealId: first.id });
    expect(again.error?.code).toBe('CONFLICT');
  });

  it('keeps a document without a deal when the person says so', async () => {
    const { managerId, clientId } = await office();
    await signIn(t, 'ivanov');
    const d = await t.ok('deals.create', deal(clientId, managerId, 'Стеллажи'));
    await t.ok('documents.bundle', { ...bundleInput(clientId), dealId: null });
    expect((await t.ok('documents.list', { dealId: d.id })).rows).toEqual([]);
  });

  it('refuses to put a manager’s document into another manager’s deal, as if that deal did not exist', async () => {
    const { clientId } = await office();
    const petrov = await addPerson(t, 'petrov', 'manager', 'Петров Олег Иванович');
    await addPerson(t, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
    await signIn(t, 'head');
    const theirs = await t.ok('deals.create', deal(clientId, petrov, 'Монтаж'));
    await signIn(t, 'ivanov');
    const refused = await t.call('documents.bundle', { ...bundleInput(clientId), dealId: theirs.id });
    expect(refused.error).toMatchObject({ code: 'NOT_FOUND', message: 'Сделка не найдена' });
    const bundle = await t.ok('documents.bundle', { ...bundleInput(clientId), dealId: null });
    const later = await t.call('documents.linkDeal', { id: bundle.documents[0]?.id ?? 0, dealId: theirs.id });
    expect(later.error).toMatchObject({ code: 'NOT_FOUND', message: 'Сделка не найдена' });
  });
});
