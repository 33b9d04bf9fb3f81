import { describe, expect, it } from 'vitest';
import { I } from '../../src/renderer/src/features/money/strings';

// Issue 16, item 7: counts read with the right plural form everywhere (a hand-written table of Russian forms).
describe('the statement import button', () => {
  it.each([
    [1, 'Загрузить 1 платёж'],
    [2, 'Загрузить 2 платежа'],
    [5, 'Загрузить 5 платежей'],
    [11, 'Загрузить 11 платежей'],
    [12, 'Загрузить 12 платежей'],
    [21, 'Загрузить 21 платёж'],
    [22, 'Загрузить 22 платежа'],
    [111, 'Загрузить 111 платежей'],
  ])('reads %i as «%s»', (n, text) => {
    expect(I.commit(n)).toBe(text);
  });
});
