import { describe, expect, it } from 'vitest';
import { formatNumber, validateMask } from '../../src/core';

describe('formatNumber', () => {
  it('fills the year and a zero-padded number', () => {
    expect(formatNumber('СЧ-{YYYY}-{N:4}', { n: 7, date: '2026-03-15' })).toBe('СЧ-2026-0007');
  });
  it('fills a plain number, the short year and the month', () => {
    expect(formatNumber('{N}', { n: 15, date: '2026-01-09' })).toBe('15');
    expect(formatNumber('{YY}{MM}/{N:3}', { n: 42, date: '2026-01-09' })).toBe('2601/042');
    expect(formatNumber('Акт {N} от {MM}.{YYYY}', { n: 3, date: '2027-11-01' })).toBe('Акт 3 от 11.2027');
  });
  it('does not cut a number longer than its width', () => {
    expect(formatNumber('{N:2}', { n: 12345, date: '2026-01-01' })).toBe('12345');
  });
  it('throws the first mask error for an invalid mask', () => {
    expect(() => formatNumber('СЧ-{YYYY}', { n: 1, date: '2026-01-01' })).toThrow(/нет номера/);
  });
  it('refuses a number below one and a bad date', () => {
    expect(() => formatNumber('{N}', { n: 0, date: '2026-01-01' })).toThrow(RangeError);
    expect(() => formatNumber('{N}', { n: 1.5, date: '2026-01-01' })).toThrow(RangeError);
    expect(() => formatNumber('{N}', { n: 1, date: '01.01.2026' })).toThrow(RangeError);
  });
});

describe('validateMask', () => {
  it('accepts masks made of the known tokens', () => {
    expect(validateMask('СЧ-{YYYY}-{N:4}')).toEqual([]);
    expect(validateMask('{N}')).toEqual([]);
    expect(validateMask('УПД/{YY}/{MM}/{N:9}')).toEqual([]);
  });
  it('reports a mask without a number', () => {
    expect(validateMask('СЧ-{YYYY}')).toEqual(['В маске нет номера: добавьте {N} или {N:4}']);
  });
  it('reports an unknown token', () => {
    expect(validateMask('{DD}-{N}')).toEqual(['Неизвестный элемент {DD}: допустимы {N}, {N:4}, {YYYY}, {YY}, {MM}']);
    expect(validateMask('{n}')).toContain('Неизвестный элемент {n}: допустимы {N}, {N:4}, {YYYY}, {YY}, {MM}');
  });
  it('reports unbalanced braces with their position', () => {
    expect(validateMask('СЧ-{N')).toEqual(['Незакрытая скобка «{» в позиции 4', 'В маске нет номера: добавьте {N} или {N:4}']);
    expect(validateMask('{N}}')).toEqual(['Лишняя закрывающая скобка «}» в позиции 4']);
    expect(validateMask('{{N}')).toEqual(['Незакрытая скобка «{» в позиции 1']);
  });
  it('reports a width outside 1–9 and an empty mask', () => {
    expect(validateMask('{N:0}')).toEqual(['Ширина номера в {N:0} должна быть от 1 до 9']);
    expect(validateMask('{N:12}')).toEqual(['Ширина номера в {N:12} должна быть от 1 до 9']);
    expect(validateMask('  ')).toEqual(['Маска номера не может быть пустой']);
  });
});
