import { describe, expect, it } from 'vitest';
import {
  allocationVat,
  classifyStatementPayment,
  createInvoiceMatcher,
  invoicePaymentState,
  normalizeInvoiceNumber,
  parseBankStatement,
  paymentDedupeSource,
  vatFromPurpose,
  type InvoiceForMatching,
} from '../../src/core';
import { referenceBytes, statementExpectation } from './reference';

const ALFA = '5027990026';
const BETA = '7810990038';

function invoice(over: Partial<InvoiceForMatching> & { id: number }): InvoiceForMatching {
  return { number: String(over.id), numberSeq: null, docDate: '2026-01-09', clientId: 1, clientInn: ALFA, grossKopecks: 12_200_000, vatKopecks: 2_200_000, paidKopecks: 0, ...over };
}

describe('matching by the invoice number and date in the purpose', () => {
  it('finds invoice № 15 of 09.01.2026 and pays it in full', () => {
    const m = createInvoiceMatcher([invoice({ id: 1, number: '15' }), invoice({ id: 2, number: '15', docDate: '2025-03-01' })]);
    const p = m.propose({ amountKopecks: 12_200_000, payerInn: ALFA, purpose: 'Оплата по счету № 15 от 09.01.2026 за оборудование' });
    expect(p.rule).toBe('number_date');
    expect(p.allocations).toEqual([{ invoiceId: 1, amountKopecks: 12_200_000, outstandingKopecks: 12_200_000 }]);
    expect(p.partial).toBe(false);
    expect(p.overpaidKopecks).toBe(0);
    expect(p.clientId).toBe(1);
  });

  it('finds a masked number «СЧ-2026-0015» when the payer writes «15»', () => {
    const m = createInvoiceMatcher([invoice({ id: 7, number: 'СЧ-2026-0015', numberSeq: 15 })]);
    expect(m.propose({ amountKopecks: 100, payerInn: ALFA, purpose: 'Оплата по счету № 15 от 09.01.2026' }).allocations[0]?.invoiceId).toBe(7);
    expect(m.propose({ amountKopecks: 100, payerInn: ALFA, purpose: 'Оплата сч-т № сч-2026-0015 от 09.01.2026' }).allocations[0]?.invoiceId).toBe(7);
  });

  it('takes a number without a date only when one of the payer’s invoices has it', () => {
    const m = createInvoiceMatcher([invoice({ id: 1, number: '15' }), invoice({ id: 2, number: '15', clientInn: BETA, clientId: 2 })]);
    expect(m.propose({ amountKopecks: 100, payerInn: BETA, purpose: 'Оплата по счёту 15' }).allocations[0]?.invoiceId).toBe(2);
  });

  it('marks a partial payment and leaves the rest owed for the next one', () => {
    const m = createInvoiceMatcher([invoice({ id: 16, number: '16', docDate: '2026-01-10', grossKopecks: 6_100_000, vatKopecks: 1_100_000 })]);
    const first = m.propose({ amountKopecks: 3_050_000, payerInn: BETA, purpose: 'Частичная оплата по сч. 16 от 10.01.2026' });
    expect(first.partial).toBe(true);
    m.take(first.allocations);
    expect(m.outstanding(16)).toBe(3_050_000);
    const second = m.propose({ amountKopecks: 3_050_000, payerInn: BETA, purpose: 'Доплата по сч. 16 от 10.01.2026' });
    expect(second.partial).toBe(false);
    expect(second.allocations[0]?.outstandingKopecks).toBe(3_050_000);
  });

  it('keeps an overpayment on the invoice and says by how much', () => {
    const m = createInvoiceMatcher([invoice({ id: 1, number: '15', grossKopecks: 100_000, vatKopecks: 0 })]);
    const p = m.propose({ amountKopecks: 150_000, payerInn: ALFA, purpose: 'Оплата по счету № 15 от 09.01.2026' });
    expect(p.allocations[0]?.amountKopecks).toBe(150_000);
    expect(p.overpaidKopecks).toBe(50_000);
  });
});

describe('matching by the payer’s ИНН', () => {
  const open = () =>
    createInvoiceMatcher([
      invoice({ id: 1, docDate: '2026-01-05', grossKopecks: 50_000 }),
      invoice({ id: 2, docDate: '2026-01-07', grossKopecks: 80_000 }),
      invoice({ id: 3, docDate: '2026-01-03', grossKopecks: 30_000, paidKopecks: 30_000 }),
    ]);

  it('pays the open invoice whose balance equals the amount', () => {
    const p = open().propose({ amountKopecks: 80_000, payerInn: ALFA, purpose: 'Оплата за оборудование' });
    expect(p.rule).toBe('inn_amount');
    expect(p.allocations.map((a) => a.invoiceId)).toEqual([2]);
  });

  it('otherwise spreads the money over the open invoices, oldest first', () => {
    const p = open().propose({ amountKopecks: 70_000, payerInn: ALFA, purpose: 'Оплата за оборудование' });
    expect(p.rule).toBe('inn_open');
    expect(p.allocations).toEqual([
      { invoiceId: 1, amountKopecks: 50_000, outstandingKopecks: 50_000 },
      { invoiceId: 2, amountKopecks: 20_000, outstandingKopecks: 80_000 },
    ]);
    expect(p.partial).toBe(true);
  });

  it('spreads oldest first whatever order the invoices come in (same day: the earlier id first)', () => {
    const m = createInvoiceMatcher([
      invoice({ id: 9, docDate: '2026-01-20', grossKopecks: 10_000 }),
      invoice({ id: 5, docDate: '2026-01-11', grossKopecks: 20_000 }),
      invoice({ id: 4, docDate: '2026-01-11', grossKopecks: 30_000 }),
      invoice({ id: 2, docDate: '2026-01-15', grossKopecks: 40_000 }),
    ]);
    const p = m.propose({ amountKopecks: 95_000, payerInn: ALFA, purpose: 'Оплата' });
    expect(p.allocations).toEqual([
      { invoiceId: 4, amountKopecks: 30_000, outstandingKopecks: 30_000 },
      { invoiceId: 5, amountKopecks: 20_000, outstandingKopecks: 20_000 },
      { invoiceId: 2, amountKopecks: 40_000, outstandingKopecks: 40_000 },
      { invoiceId: 9, amountKopecks: 5_000, outstandingKopecks: 10_000 },
    ]);
  });

  it('finds each of several invoices sharing a number by its date', () => {
    const m = createInvoiceMatcher([invoice({ id: 1, number: '7', docDate: '2026-01-05' }), invoice({ id: 2, number: '7', docDate: '2026-02-05' }), invoice({ id: 3, number: '7', docDate: '2026-03-05' })]);
    expect(m.propose({ amountKopecks: 100, payerInn: BETA, purpose: 'Оплата по счету № 7 от 05.02.2026' }).allocations[0]?.invoiceId).toBe(2);
    expect(m.propose({ amountKopecks: 100, payerInn: BETA, purpose: 'Оплата по счету № 7 от 05.03.2026' }).allocations[0]?.invoiceId).toBe(3);
  });

  it('puts money beyond every open invoice on the newest one as an overpayment', () => {
    const p = open().propose({ amountKopecks: 140_000, payerInn: ALFA, purpose: '' });
    expect(p.allocations.map((a) => a.amountKopecks)).toEqual([50_000, 90_000]);
    expect(p.overpaidKopecks).toBe(10_000);
  });

  it('leaves a payer without open invoices, or without an ИНН, unmatched', () => {
    expect(open().propose({ amountKopecks: 1, payerInn: BETA, purpose: 'Оплата' }).rule).toBe('none');
    expect(open().propose({ amountKopecks: 1, payerInn: '', purpose: 'Оплата' }).rule).toBe('none');
  });

  it('does not find a paid invoice by ИНН but still finds it by its number', () => {
    const m = open();
    expect(m.propose({ amountKopecks: 30_000, payerInn: ALFA, purpose: 'Оплата' }).allocations[0]?.invoiceId).not.toBe(3);
    const p = m.propose({ amountKopecks: 30_000, payerInn: ALFA, purpose: 'Оплата по счету 3 от 03.01.2026' });
    expect(p.allocations[0]?.invoiceId).toBe(3);
    expect(p.overpaidKopecks).toBe(30_000);
  });
});

describe('VAT of a payment', () => {
  it.each([
    ['Оплата по счету № 15 от 09.01.2026 за оборудование. Сумма 122000-00 В т.ч. НДС (22%) 22000-00', 12_200_000, 2_200_000],
    ['Частичная оплата по сч. 16 от 10.01.2026. В т.ч. НДС 22% - 5500.00 руб.', 3_050_000, 550_000],
    ['за канцтовары, в т.ч. НДС 22% 4400-00', 2_440_000, 440_000],
    ['в том числе НДС 20 000,00 руб.', 12_000_000, 2_000_000],
    ['Оплата по счету 5, НДС 22%', 12_200_000, 2_200_000],
    ['Оплата по счету 17 от 12.01.2026 за услуги. НДС не облагается', 1_500_000, 0],
    ['Оплата за услуги, без НДС', 1_500_000, 0],
  ])('reads «%s»', (purpose, amount, vat) => {
    expect(vatFromPurpose(purpose, amount)).toEqual({ vatKopecks: vat, source: 'purpose' });
  });

  it('says «none» when the purpose is silent, and ignores a VAT not below the amount', () => {
    expect(vatFromPurpose('Оплата за оборудование', 100_00)).toEqual({ vatKopecks: 0, source: 'none' });
    expect(vatFromPurpose('в т.ч. НДС 500.00', 100_00)).toEqual({ vatKopecks: 0, source: 'none' });
  });

  it('takes the invoice’s VAT share of a partial payment, half-up', () => {
    expect(allocationVat({ grossKopecks: 6_100_000, vatKopecks: 1_100_000 }, 3_050_000)).toBe(550_000);
    expect(allocationVat({ grossKopecks: 300, vatKopecks: 100 }, 1)).toBe(0);
    expect(allocationVat({ grossKopecks: 300, vatKopecks: 100 }, 2)).toBe(1);
    expect(allocationVat({ grossKopecks: 1_500_000, vatKopecks: 0 }, 1_500_000)).toBe(0);
  });
});

describe('the reference statement classified', () => {
  it('tells incoming client money, our outgoing payment and the bank fee apart', () => {
    const parsed = parseBankStatement(referenceBytes(statementExpectation.file));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const ours = ['40702810738000000777'];
    const classes = parsed.statement.documents.map((d) => classifyStatementPayment(d, ours, ours[0]));
    expect(classes.map((c) => `${c.direction}/${c.kind}`)).toEqual(['in/client', 'in/client', 'in/client', 'out/outgoing', 'out/bank_fee']);
    expect(classes[1]?.bookedDate).toBe('2026-01-14');
    expect(classes.every((c) => c.ourAccount === ours[0])).toBe(true);
  });

  it('calls a transfer between two of our accounts «other», in or out by the statement’s account', () => {
    const doc = { ...minimalDoc(), payerAccount: 'A', payeeAccount: 'B' };
    expect(classifyStatementPayment(doc, ['A', 'B'], 'B')).toMatchObject({ direction: 'in', kind: 'other' });
    expect(classifyStatementPayment(doc, ['A', 'B'], 'A')).toMatchObject({ direction: 'out', kind: 'other' });
  });
});

describe('small rules', () => {
  it('normalises invoice numbers', () => {
    expect(normalizeInvoiceNumber('№ 0015')).toBe('15');
    expect(normalizeInvoiceNumber('сч-2026-0015.')).toBe('СЧ-2026-0015');
    expect(normalizeInvoiceNumber('0')).toBe('0');
  });

  it('builds the same dedupe text for the same bank document', () => {
    const a = paymentDedupeSource({ docDate: '2026-01-12', number: ' 512', amountKopecks: 12_200_000, payerInn: ALFA, ourAccount: '40702810738000000777' });
    expect(a).toBe('v1|2026-01-12|512|12200000|5027990026|40702810738000000777');
  });

  it('names the payment state of an invoice', () => {
    expect(invoicePaymentState(100, 0)).toBe('unpaid');
    expect(invoicePaymentState(100, 40)).toBe('partly');
    expect(invoicePaymentState(100, 100)).toBe('paid');
    expect(invoicePaymentState(100, 130)).toBe('paid');
  });
});

function minimalDoc() {
  const parsed = parseBankStatement(referenceBytes(statementExpectation.file));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const first = parsed.statement.documents[0];
  if (!first) throw new Error('no document');
  return first;
}
