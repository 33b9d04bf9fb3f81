import { describe, expect, it } from 'vitest';
import { classifyDirection, findInvoiceReference, isBankFee } from '../../src/core';

describe('findInvoiceReference', () => {
  it.each([
    ['Оплата по счету № 15 от 09.01.2026 за оборудование', '15', '2026-01-09'],
    ['Частичная оплата по сч. 16 от 10.01.2026 по договору № 3/2026', '16', '2026-01-10'],
    ['Оплата счет №15 от 9.01.26', '15', '2026-01-09'],
    ['Оплата по счёту 15', '15', null],
    ['Оплата по сч-т № СЧ-2026-0015 от 15.01.2026', 'СЧ-2026-0015', '2026-01-15'],
    ['ОПЛАТА ПО СЧЕТУ N 2026-044 ОТ 13.01.2026', '2026-044', '2026-01-13'],
    ['Оплата по счету на оплату № 7 от 9 января 2026 г.', '7', '2026-01-09'],
    ['Предоплата по счёту-оферте № 12.', '12', null],
    ['Оплата по счету 15/1, от 01.02.2026', '15/1', '2026-02-01'],
    ['Оплата по счету №15 от 31.02.2026', '15', null],
    ['оплата по сч.16 от 10.01.2026', '16', '2026-01-10'],
  ])('finds the invoice in «%s»', (purpose, number, date) => {
    expect(findInvoiceReference(purpose)).toEqual({ number, date });
  });
  it.each([
    'Комиссия за ведение счета за январь 2026 г. НДС не облагается',
    'Оплата по договору № 3/2026 от 05.01.2026',
    'Оплата по счет-фактуре № 5 от 01.02.2026',
    'Оплата по сч.-ф. № 5 от 01.02.2026',
    'Перевод собственных средств на счет 40702810738000000777',
    'Счастливого нового года 2026',
    '',
  ])('finds no invoice in «%s»', (purpose) => {
    expect(findInvoiceReference(purpose)).toBeNull();
  });
  it('returns the first invoice when several are named', () => {
    expect(findInvoiceReference('Оплата по сч. 16 от 10.01.2026 и сч. 17 от 11.01.2026')).toEqual({
      number: '16',
      date: '2026-01-10',
    });
  });
});

describe('classifyDirection', () => {
  const ours = ['40702810738000000777', ' 40702810000000000001 '];
  const doc = (payerAccount: string, payeeAccount: string) => ({ payerAccount, payeeAccount });

  it('calls a payment to our account incoming and one from it outgoing', () => {
    expect(classifyDirection(doc('40702810400000000123', '40702810738000000777'), ours)).toBe('in');
    expect(classifyDirection(doc('40702810000000000001', '40702810400000000123'), ours)).toBe('out');
  });
  it('cannot tell the direction of a transfer between our own accounts or between strangers', () => {
    expect(classifyDirection(doc('40702810738000000777', '40702810000000000001'), ours)).toBe('unknown');
    expect(classifyDirection(doc('1', '2'), ours)).toBe('unknown');
    expect(classifyDirection(doc('', ''), ['', ' '])).toBe('unknown');
  });
});

describe('isBankFee', () => {
  it('recognises a bank order and a commission without an invoice', () => {
    expect(isBankFee({ docType: 'Банковский ордер', purpose: 'Списание' })).toBe(true);
    expect(isBankFee({ docType: 'Мемориальный ордер', purpose: 'Х', operationType: '17' })).toBe(true);
    expect(isBankFee({ docType: 'Платежное поручение', purpose: 'Комиссия за перевод' })).toBe(true);
  });
  it('does not take a client paying an invoice for a commission service as a fee', () => {
    expect(isBankFee({ docType: 'Платежное поручение', purpose: 'Оплата агентской комиссии по счету № 5' })).toBe(false);
    expect(isBankFee({ docType: 'Платежное поручение', purpose: 'Оплата по счету № 5', operationType: '01' })).toBe(false);
  });
});
