import { describe, expect, it } from 'vitest';
import {
  formatDateContract,
  formatDateLong,
  formatDateNumeric,
  formatDecimal,
  formatMoney,
  formatMoneyRub,
  formatPercent,
  formatQuantity,
  parseDateRu,
  pluralRu,
} from '../../src/core';
import { rub, vectors } from './reference';

const NBSP = '\u00a0';

describe('dates', () => {
  it.each(vectors.dates)('formats $iso as «$long», «$contract» and «$numeric»', (v) => {
    expect(formatDateLong(v.iso)).toBe(v.long);
    expect(formatDateContract(v.iso)).toBe(v.contract);
    expect(formatDateNumeric(v.iso)).toBe(v.numeric);
  });
  it.each(vectors.dates)('reads $numeric back as $iso', (v) => {
    expect(parseDateRu(v.numeric)).toBe(v.iso);
  });
  it('reads short forms and two-digit years', () => {
    expect(parseDateRu('9.1.2026')).toBe('2026-01-09');
    expect(parseDateRu('9.01.26')).toBe('2026-01-09');
    expect(parseDateRu(' 29.02.2028 ')).toBe('2028-02-29');
  });
  it.each(['29.02.2026', '32.01.2026', '01.13.2026', '2026-01-01', '1.1', '', 'abc'])(
    'gives null for «%s»',
    (text) => expect(parseDateRu(text)).toBeNull(),
  );
  it('refuses to format something that is not an ISO date', () => {
    expect(() => formatDateLong('2026-02-30')).toThrow(RangeError);
  });
});

describe('numbers', () => {
  it('formats money with U+00A0 between groups and a decimal comma', () => {
    expect(formatMoney(rub(vectors.number_format.input))).toBe(vectors.number_format.expected);
  });
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [100000, `1${NBSP}000,00`],
    [-123456789, `-1${NBSP}234${NBSP}567,89`],
    [99999, '999,99'],
  ])('formats %i kopecks as «%s»', (k, text) => expect(formatMoney(k)).toBe(text));
  it('puts a non-breaking space before the ruble sign', () => {
    expect(formatMoneyRub(123456789)).toBe(`1${NBSP}234${NBSP}567,89${NBSP}₽`);
  });
  it('formats quantities without trailing zeros', () => {
    expect(formatQuantity(1500)).toBe('1,5');
    expect(formatQuantity(2000)).toBe('2');
    expect(formatQuantity(1234567)).toBe(`1${NBSP}234,567`);
    expect(formatQuantity(1)).toBe('0,001');
  });
  it('formats percentages from basis points', () => {
    expect(formatPercent(2200)).toBe('22%');
    expect(formatPercent(1250)).toBe('12,5%');
    expect(formatPercent(5)).toBe('0,05%');
  });
  it('formats scaled decimals', () => {
    expect(formatDecimal(9000, 4)).toBe('0,9');
    expect(formatDecimal(11000, 4)).toBe('1,1');
    expect(formatDecimal(10000, 4)).toBe('1');
  });
});

describe('pluralRu', () => {
  it.each([
    [1, 'рубль'], [2, 'рубля'], [4, 'рубля'], [5, 'рублей'], [11, 'рублей'], [12, 'рублей'], [14, 'рублей'],
    [21, 'рубль'], [22, 'рубля'], [111, 'рублей'], [101, 'рубль'], [0, 'рублей'], [1.5, 'рубля'], [-1, 'рубль'],
  ])('uses the right form for %s', (n, word) => {
    expect(pluralRu(n, 'рубль', 'рубля', 'рублей')).toBe(word);
  });
});
