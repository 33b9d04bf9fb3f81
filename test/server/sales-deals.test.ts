import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAL_STAGES } from '../../src/core';
import { stageListsAgree } from '../../src/server/sales/deal-rules';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { insertClient, userId } from '../helpers/sales-fixtures';

let t: TestApp;
let managerId: number;
let otherId: number;
let client: { clientId: number; contactId: number };

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await signInAs(t, 'head_of_sales');
  await signInAs(t, 'manager');
  managerId = userId(t.app.store.sqlite, 'user-manager');
  await signInAs(t, 'director');
  otherId = (await t.ok('users.create', { login: 'other', fullName: 'Другой Менеджер', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id;
  client = insertClient(t.app.store.sqlite, 'Альфа', managerId);
});
afterAll(async () => {
  await t.close();
});

const dealFor = (manager: number) => ({
  clientId: client.clientId,
  contactId: client.contactId,
  managerId: manager,
  title: 'Поставка стеллажей',
  closeMonth: '2026-12',
  probability: 5,
  source: 'Холодный звонок',
  lines: [
    { name: 'Стеллаж СТ-200', quantityMilli: 3_000, priceKopecks: 1_250_050 },
    { name: 'Монтаж', unit: 'усл', quantityMilli: 1_500, priceKopecks: 333_333 },
  ],
});

describe('a deal through the stages of active sales', () => {
  it('agrees on the stage list between the contract and the core', () => {
    expect(stageListsAgree()).toBe(true);
  });

  it('takes a deal from the first call to repeat sales, recording every move and auditing it', async () => {
    await signInAs(t, 'manager');
    const created = await t.ok('deals.create', dealFor(managerId));
    // 3 × 12 500,50 = 37 501,50; 1,5 × 3 333,33 = 4 999,995 → 5 000,00 (half-up).
    expect(created.amountKopecks).toBe(3_750_150 + 500_000);
    expect(created.lines.map((l) => l.amountKopecks)).toEqual([3_750_150, 500_000]);
    expect(created.stage).toBe('first_contact');
    let deal = created;
    for (const stage of DEAL_STAGES.slice(1, 7)) deal = await t.ok('deals.move', { id: deal.id, stage });
    expect(deal.stage).toBe('signing_payment');
    const early = await t.call('deals.move', { id: deal.id, stage: 'fulfilment' });
    expect(early.error?.code).toBe('CONFLICT');
    deal = await t.ok('deals.win', { id: deal.id });
    expect(deal.outcome).toBe('won');
    expect(deal.closedAt).not.toBeNull();
    deal = await t.ok('deals.move', { id: deal.id, stage: 'fulfilment' });
    deal = await t.ok('deals.move', { id: deal.id, stage: 'repeat_sales' });
    expect(deal.history.map((h) => `${h.toStage}/${h.toOutcome}`)).toEqual([
      ...DEAL_STAGES.slice(0, 7).map((s) => `${s}/open`),
      'signing_payment/won',
      'fulfilment/won',
      'repeat_sales/won',
    ]);
    expect(deal.history.every((h) => h.userName === 'Тест manager')).toBe(true);
    const audit = await t.app.store.audit.list({ entity: 'deal', limit: 100 });
    const mine = audit.filter((a) => a.entityId === String(deal.id));
    expect(mine.map((a) => a.action).sort()).toEqual(['create', 'status', 'status', 'status', 'status', 'status', 'status', 'status', 'status', 'won'].sort());
    expect(await t.app.store.audit.verify()).toBeNull();
  });

  it('loses a deal with a reason from the editable list and reopens it', async () => {
    await signInAs(t, 'head_of_sales');
    const reason = await t.ok('lossReasons.save', { title: 'Выбрали конкурента' });
    await signInAs(t, 'manager');
    const deal = await t.ok('deals.create', { ...dealFor(managerId), lines: [], amountKopecks: 10_000_00 });
    expect(deal.amountKopecks).toBe(10_000_00);
    const noReason = await t.call('deals.lose', { id: deal.id, reasonId: 999 });
    expect(noReason.error?.code).toBe('VALIDATION');
    const lost = await t.ok('deals.lose', { id: deal.id, reasonId: reason.id, note: 'Дешевле на 10%' });
    expect(lost).toMatchObject({ outcome: 'lost', lossReason: 'Выбрали конкурента', lossNote: 'Дешевле на 10%', probability: 0 });
    expect((await t.call('deals.move', { id: deal.id, stage: 'meeting' })).error?.code).toBe('CONFLICT');
    const reopened = await t.ok('deals.reopen', { id: deal.id });
    expect(reopened).toMatchObject({ outcome: 'open', lossReasonId: null, stage: 'first_contact' });
    const managersCannotEditReasons = await t.call('lossReasons.save', { title: 'Не дозвонились' });
    expect(managersCannotEditReasons.error?.code).toBe('FORBIDDEN');
  });

  it('keeps a manager away from another manager’s deals, and lets the head of sales see all', async () => {
    await signInAs(t, 'director');
    const foreign = await t.ok('deals.create', dealFor(otherId));
    await t.ok('deals.create', dealFor(managerId));
    await signInAs(t, 'manager');
    expect((await t.call('deals.get', { id: foreign.id })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('deals.move', { id: foreign.id, stage: 'meeting' })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('deals.create', dealFor(otherId))).error?.code).toBe('FORBIDDEN');
    const mine = await t.ok('deals.list', {});
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.managerId === managerId)).toBe(true);
    await signInAs(t, 'head_of_sales');
    const all = await t.ok('deals.list', {});
    expect(all.some((d) => d.managerId === otherId)).toBe(true);
    expect((await t.ok('deals.move', { id: foreign.id, stage: 'meeting' })).stage).toBe('meeting');
  });
});
