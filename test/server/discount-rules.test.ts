import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

// Limits: a manager 5 %, the head of sales 15 %. The price list in force from 1 November: 1 000,00 ₽ a rack;
// a new list from 1 December: 1 200,00 ₽. Expected effective discounts are worked by hand below.
let t: TestApp;
let ivanov: number;
let client: number;
let rack: number;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await addPerson(t, 'morozova', 'head_of_sales', 'Морозова Елена Сергеевна');
  ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Пётр Алексеевич');
  await signIn(t, 'director');
  await t.ok('discountLimits.save', { role: 'manager', version: (await t.ok('discountLimits.list', {})).find((l) => l.role === 'manager')?.version ?? 0, maxDiscountBp: 500, conditions: '' });
  await t.ok('discountLimits.save', { role: 'head_of_sales', version: (await t.ok('discountLimits.list', {})).find((l) => l.role === 'head_of_sales')?.version ?? 0, maxDiscountBp: 1500, conditions: '' });
  rack = (await t.ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж СТ-200', unit: 'шт', okei: '796', vatRate: '22', costKopecks: 60_000 } })).id;
  await t.ok('priceLists.save', { name: 'Ноябрь', effectiveFrom: '2026-11-01', effectiveTo: '2026-11-30', items: [{ catalogItemId: rack, priceKopecks: 100_000 }] });
  await t.ok('priceLists.save', { name: 'Декабрь', effectiveFrom: '2026-12-01', items: [{ catalogItemId: rack, priceKopecks: 120_000 }] });
  client = await makeClient(t, {}, ivanov);
});
afterAll(async () => {
  await t.close();
});

const line = (priceKopecks: number, discountBp = 0) => ({ catalogItemId: rack, name: 'Стеллаж СТ-200', unit: 'шт', okei: '796', quantityMilli: 10_000, priceKopecks, discountBp, vatRate: '22' as const });
const draft = (kind: 'invoice' | 'contract_supply' | 'act_transfer', lines: ReturnType<typeof line>[], more: { docDate?: string; basisDocumentId?: number; requestApproval?: boolean } = {}) => ({
  kind,
  orgId: 1,
  clientId: client,
  docDate: more.docDate ?? '2026-11-20',
  vatMode: 'on_top' as const,
  vatRate: '22' as const,
  lines,
  terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 },
  basisDocumentId: more.basisDocumentId ?? null,
  requestApproval: more.requestApproval ?? false,
  approvalReason: 'Крупный заказ',
});

describe('the discount limit is checked on the effective discount against the price list in force', () => {
  // Each test is the manager's own, whatever ran before it.
  beforeEach(async () => {
    await signIn(t, 'ivanov');
  });

  it('refuses 800,00 ₽ typed with 0 % where the list says 1 000,00 ₽: an effective 20 % beyond a 5 % limit', async () => {
    const res = await t.call('documents.createDraft', draft('invoice', [line(80_000)]));
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toContain('20');
    expect(res.error?.message).toContain('5');
  });

  it('refuses a price and a discount that together go beyond the limit (980,00 ₽ less 4 % = 940,80 ₽: 5,92 %)', async () => {
    const res = await t.call('documents.createDraft', draft('invoice', [line(98_000, 400)]));
    expect(res.error?.code).toBe('VALIDATION');
  });

  it('compares unrounded: 949,99 ₽ is 5,001 % off and refused, 950,00 ₽ is exactly 5 % and allowed', async () => {
    expect((await t.call('documents.createDraft', draft('invoice', [line(94_999)]))).error?.code).toBe('VALIDATION');
    const ok = await t.ok('documents.createDraft', draft('invoice', [line(95_000)]));
    expect(ok.approvals).toHaveLength(0);
  });

  it('measures against the list in force on the document’s date (December: 1 200,00 ₽, so 1 000,00 ₽ is 16,67 % off)', async () => {
    const res = await t.call('documents.createDraft', draft('invoice', [line(100_000)], { docDate: '2026-12-10' }));
    expect(res.error?.code).toBe('VALIDATION');
  });

  it('sends the effective discount for approval when asked, and an issue waits for it', async () => {
    const pending = await t.ok('documents.createDraft', draft('invoice', [line(80_000)], { requestApproval: true }));
    expect(pending.approvals.map((a) => [a.requestedBp, a.limitBp, a.status])).toEqual([[2000, 500, 'pending']]);
    expect((await t.call('documents.issue', { id: pending.id })).error?.code).toBe('CONFLICT');
  });

  it('refuses to issue a draft whose price was lowered straight in the base past an approval', async () => {
    const d = await t.ok('documents.createDraft', draft('invoice', [line(96_000)]));
    t.app.store.sqlite.prepare('UPDATE document_lines SET price_kopecks = 70000 WHERE document_id = ?').run(d.id);
    expect((await t.call('documents.issue', { id: d.id })).error?.code).toBe('VALIDATION');
  });
});

describe('a document made from a contract keeps the contract’s agreed discount', () => {
  it('issues an act at the contract’s approved price in December without a second approval, and refuses a lower one', async () => {
    await signIn(t, 'ivanov');
    // 10 % off the November list: beyond the manager's 5 %, approved by the head of sales.
    const contract = await t.ok('documents.createDraft', draft('contract_supply', [line(100_000, 1000)], { requestApproval: true }));
    await signIn(t, 'morozova');
    await t.ok('approvals.decide', { id: contract.approvals[0]?.id ?? 0, approve: true, comment: 'Согласовано' });
    await signIn(t, 'ivanov');
    await t.ok('documents.issue', { id: contract.id });
    // The act is made on its own day in December (a shipping document may not be dated ahead of today).
    const before = t.clock.now;
    t.clock.now = new Date('2026-12-10T09:00:00Z');
    onTestFinished(() => {
      t.clock.now = before;
    });
    await signIn(t, 'ivanov');
    // December's list is 1 200,00 ₽, yet the act keeps the contract's 900,00 ₽ measured against November.
    const act = await t.ok('documents.createDraft', draft('act_transfer', [line(100_000, 1000)], { docDate: '2026-12-10', basisDocumentId: contract.id }));
    expect(act.approvals).toHaveLength(0);
    const issued = await t.ok('documents.issue', { id: act.id });
    expect(issued.status).toBe('issued');
    const pending = (await t.ok('approvals.list', {})).filter((a) => a.documentId === act.id);
    expect(pending).toHaveLength(0);
    // 850,00 ₽ is 15 % off the contract's list: more than agreed and more than the limit.
    const cheaper = await t.call('documents.createDraft', draft('act_transfer', [line(85_000)], { docDate: '2026-12-10', basisDocumentId: contract.id }));
    expect(cheaper.error?.code).toBe('VALIDATION');
  });
});

describe('a contract still in draft', () => {
  it('lends no date and no terms: a document made from it is measured against the list on its own date', async () => {
    await signIn(t, 'ivanov');
    // A contract drafted at November's 1 000,00 ₽ and never issued.
    const contract = await t.ok('documents.createDraft', draft('contract_supply', [line(100_000)]));
    expect(contract.status).toBe('draft');
    const before = t.clock.now;
    t.clock.now = new Date('2026-12-10T09:00:00Z');
    onTestFinished(() => {
      t.clock.now = before;
    });
    await signIn(t, 'ivanov');
    // In December the list says 1 200,00 ₽: 1 000,00 ₽ is 16,67 % off, beyond the manager's 5 %.
    const res = await t.call('documents.createDraft', draft('act_transfer', [line(100_000)], { docDate: '2026-12-10', basisDocumentId: contract.id }));
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toContain('16,67');
  });
});

describe('the head of sales and her own discount', () => {
  it('cannot approve her own request above her own limit: the director decides', async () => {
    await signIn(t, 'morozova');
    // 20 % off: beyond her 15 %.
    const own = await t.ok('documents.createDraft', draft('invoice', [line(80_000)], { requestApproval: true }));
    const id = own.approvals[0]?.id ?? 0;
    const res = await t.call('approvals.decide', { id, approve: true, comment: '' });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(res.error?.message).toContain('директор');
    expect((await t.call('documents.issue', { id: own.id })).error?.code).toBe('CONFLICT');
    await signIn(t, 'director');
    expect((await t.ok('approvals.decide', { id, approve: true, comment: 'Да' })).status).toBe('approved');
    await signIn(t, 'morozova');
    expect((await t.ok('documents.issue', { id: own.id })).status).toBe('issued');
  });

  it('cannot approve a manager’s discount above her own limit either', async () => {
    await signIn(t, 'ivanov');
    const d = await t.ok('documents.createDraft', draft('invoice', [line(80_000)], { requestApproval: true }));
    await signIn(t, 'morozova');
    expect((await t.call('approvals.decide', { id: d.approvals[0]?.id ?? 0, approve: true, comment: '' })).error?.code).toBe('FORBIDDEN');
  });
});

describe('the approvals queue', () => {
  it('offers the head of sales approval only where she may give it', async () => {
    await signIn(t, 'ivanov');
    // 10 % off (within her 15 %) and 20 % off (beyond it).
    const small = await t.ok('documents.createDraft', draft('invoice', [line(90_000)], { requestApproval: true }));
    const big = await t.ok('documents.createDraft', draft('invoice', [line(80_000)], { requestApproval: true }));
    await signIn(t, 'morozova');
    const own = await t.ok('documents.createDraft', draft('invoice', [line(70_000)], { requestApproval: true }));
    const queue = await t.ok('approvals.list', { status: 'pending' });
    const of = (docId: number) => queue.find((a) => a.documentId === docId);
    expect(of(small.id)).toMatchObject({ requestedBp: 1000, canApprove: true, canDecline: true });
    expect(of(big.id)).toMatchObject({ requestedBp: 2000, canApprove: false, canDecline: true });
    expect(of(own.id)).toMatchObject({ requestedBp: 3000, canApprove: false, canDecline: false });
    await signIn(t, 'director');
    const all = await t.ok('approvals.list', { status: 'pending' });
    expect(all.every((a) => a.canApprove)).toBe(true);
  });
});
