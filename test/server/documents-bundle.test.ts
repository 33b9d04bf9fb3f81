import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfInfo, pdfPages, pdfText } from '../documents/pdf-text';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { bundleInputFor, GOODS_LINES, makeClient } from '../helpers/document-fixtures';
import { setUpOffice, type TestApp } from '../helpers/temp-app';
import { buildTemplate, type Template } from '../helpers/world-template';

// The office (discount limits, the contract series from № 3, a client of Иванов and a free one) is built
// once; each test opens its own copy, so every series starts where the set-up left it.
let template: Template<{ managerId: number; ownClient: number; otherClient: number }>;
let t: TestApp;
let managerId: number;
let ownClient: number;
let otherClient: number;
beforeAll(async () => {
  template = await buildTemplate(async (w) => {
    await setUpOffice(w);
    await addPerson(w, 'morozova', 'head_of_sales', 'Морозова Елена Сергеевна');
    const manager = await addPerson(w, 'ivanov', 'manager', 'Иванов Пётр Алексеевич');
    await addPerson(w, 'smirnov', 'manager', 'Смирнов Дмитрий Олегович');
    await signIn(w, 'director');
    await w.ok('discountLimits.save', { role: 'manager', version: (await w.ok('discountLimits.list', {})).find((l) => l.role === 'manager')?.version ?? 0, maxDiscountBp: 500, conditions: 'До 5 % при оплате в течение 5 дней' });
    await w.ok('discountLimits.save', { role: 'head_of_sales', version: (await w.ok('discountLimits.list', {})).find((l) => l.role === 'head_of_sales')?.version ?? 0, maxDiscountBp: 1500, conditions: '' });
    await w.ok('numberSeries.save', { orgId: 1, seriesKey: 'contract', year: 2026, mask: '{N}/{YYYY}', nextNumber: 3 });
    return {
      managerId: manager,
      ownClient: await makeClient(w, {}, manager),
      otherClient: await makeClient(w, { shortName: 'ООО «Чужой»', inn: '7707083893', kpp: '770701001', ogrn: '1027700132195' }, null),
    };
  });
  ({ managerId, ownClient, otherClient } = template.world);
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open();
});
afterEach(async () => {
  await t.close();
});

const bundleInput = bundleInputFor;

describe('the bundle', () => {
  it('makes the contract, the invoice based on it and the proposal in one action, numbered from three series', async () => {
    await signIn(t, 'ivanov');
    const res = await t.ok('documents.bundle', bundleInput(ownClient));
    expect(res.status).toBe('issued');
    expect(res.documents.map((d) => [d.kind, d.number])).toEqual([
      ['contract_supply', '3/2026'],
      ['invoice', '1'],
      ['commercial_offer', '1'],
    ]);
    const invoice = await t.ok('documents.get', { id: res.documents[1].id });
    expect(invoice.basis).toMatchObject({ kind: 'contract_supply', number: '3/2026' });
    expect(invoice.managerId).toBe(managerId);
    const text = await pdfText(Buffer.from((await t.ok('documents.pdf', { id: invoice.id })).base64, 'base64'));
    expect(text).toContain('Основание: Договор поставки № 3/2026 от 20 ноября 2026 г.');
    const combined = Buffer.from(res.combined?.base64 ?? '', 'base64');
    const pages = await pdfPages(combined);
    expect(pages[0]).toContain('Коммерческое предложение');
    expect(pages.some((p) => p.includes('Договор поставки № 3/2026'))).toBe(true);
    expect(pages.at(-1)).toContain('Счёт на оплату № 1');
    // The print file is the documents' own files, page for page, in print order: proposal, contract, invoice.
    const stored = async (id: number) => pdfPages(Buffer.from((await t.ok('documents.pdf', { id })).base64, 'base64'));
    const [contract, invoiceDoc, offer] = res.documents;
    expect(pages).toEqual([...(await stored(offer.id)), ...(await stored(contract.id)), ...(await stored(invoiceDoc.id))]);
    expect((await pdfInfo(combined)).Title).toMatch(/^Комплект документов: Коммерческое предложение .+; Договор поставки .+; Счёт на оплату .+$/);
    expect((await t.ok('documents.bundlePdf', { id: res.bundleId })).sha256).toBe(res.combined?.sha256);
    expect((await t.ok('documents.saveAs', { kind: 'bundle', id: res.bundleId })).unsupported).toBe(true);
    // The statistics of commercial work count the contract and the invoice for the manager.
    const stats = await t.ok('workStats.get', { from: '2026-11-20', to: '2026-11-20' });
    expect(stats.department.counts).toMatchObject({ contracts: 1, invoices: 1 });
  });

  it('makes the bundle from a deal: the deal page lists its documents', async () => {
    await signIn(t, 'ivanov');
    const deal = await t.ok('deals.create', { clientId: ownClient, managerId, title: 'Стеллажи для склада', closeMonth: '2026-12', probability: 50, lines: [{ name: 'Стеллаж паллетный СТ-200', unit: 'шт', quantityMilli: 8000, priceKopecks: 1_250_000 }] });
    const res = await t.ok('documents.bundle', { ...bundleInput(ownClient), dealId: deal.id, include: { offer: false }, lines: [{ name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 8000, priceKopecks: 1_250_000, vatRate: '22' }] });
    const ofDeal = await t.ok('documents.list', { dealId: deal.id });
    expect(ofDeal.rows.map((r) => r.id).sort()).toEqual(res.documents.map((d) => d.id).sort());
    expect(ofDeal.rows.find((r) => r.kind === 'invoice')?.grossKopecks).toBe(12_200_000);
    const other = await t.call('documents.bundle', { ...bundleInput(otherClient), dealId: deal.id });
    expect(other.error?.code).toBe('FORBIDDEN');
  });

    it('refuses a manager another manager’s client', async () => {
    await signIn(t, 'ivanov');
    const res = await t.call('documents.bundle', bundleInput(otherClient));
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(res.error?.message).toMatch(/не ваш клиент/);
  });
});

describe('discounts beyond the role’s limit', () => {
  it('refuses a line over the manager’s 5 % naming the line and the limit', async () => {
    await signIn(t, 'ivanov');
    const res = await t.call('documents.bundle', bundleInput(ownClient, 800));
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toMatch(/Строка 1 «Стеллаж паллетный СТ-200»: скидка 8% больше вашего лимита 5%/);
  });

  it('sends the discount to the head of sales, who approves it; then the bundle is issued', async () => {
    await signIn(t, 'ivanov');
    const pending = await t.ok('documents.bundle', { ...bundleInput(ownClient, 800), requestApproval: true, approvalReason: 'Конкурент дешевле' });
    expect(pending.status).toBe('pending_approval');
    expect(pending.documents.every((d) => d.status === 'draft')).toBe(true);
    expect((await t.call('documents.issueBundle', { id: pending.bundleId })).error?.message).toMatch(/ждёт согласования/);
    expect((await t.call('approvals.decide', { id: 1, approve: true })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('discountLimits.list', {})).error?.code).toBe('FORBIDDEN');
    expect((await t.ok('discountLimits.mine', {})).maxDiscountBp).toBe(500);

    await signIn(t, 'morozova');
    expect((await t.ok('approvals.pendingCount', {})).count).toBe(2);
    const queue = await t.ok('approvals.list', { status: 'pending' });
    expect(queue.map((a) => [a.lineName, a.requestedBp, a.limitBp, a.requestedBy, a.reason])).toContainEqual(['Стеллаж паллетный СТ-200', 800, 500, 'Иванов Пётр Алексеевич', 'Конкурент дешевле']);
    for (const a of queue) await t.ok('approvals.decide', { id: a.id, approve: true, comment: 'Согласовано: крупный заказ' });
    const decided = await t.ok('approvals.list', {});
    expect(decided.every((a) => a.status === 'approved' && a.decidedBy === 'Морозова Елена Сергеевна' && a.decidedAt !== null)).toBe(true);
    expect(() => t.app.store.sqlite.prepare("UPDATE discount_approvals SET status = 'declined'").run()).toThrow(/recorded/);

    await signIn(t, 'ivanov');
    const issued = await t.ok('documents.issueBundle', { id: pending.bundleId });
    expect(issued.status).toBe('issued');
    expect(issued.documents.map((d) => d.number)).toEqual(['3/2026', '1', '1']);
    expect(issued.combined?.base64.length).toBeGreaterThan(1000);
  });

  it('keeps a declined discount from being issued and says why', async () => {
    await signIn(t, 'ivanov');
    const draft = await t.ok('documents.createDraft', {
      kind: 'invoice', orgId: 1, clientId: ownClient, docDate: '2026-11-21', vatMode: 'on_top', vatRate: '22',
      lines: [{ ...GOODS_LINES[0], discountBp: 1000 }], requestApproval: true,
    });
    expect(draft.approvals).toHaveLength(1);
    await signIn(t, 'morozova');
    expect((await t.call('approvals.decide', { id: draft.approvals[0].id, approve: false })).error?.code).toBe('VALIDATION');
    await t.ok('approvals.decide', { id: draft.approvals[0].id, approve: false, comment: 'Слишком большая скидка' });
    await signIn(t, 'ivanov');
    const res = await t.call('documents.issue', { id: draft.id });
    expect(res.error?.message).toMatch(/не согласована.*Слишком большая скидка/);
  });
});
