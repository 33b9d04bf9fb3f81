import { describe, expect, it } from 'vitest';
import { progressCountText } from '../../src/renderer/src/features/backups/strings';
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

describe('the count of a backup’s step', () => {
  it.each([
    [{ done: 12.4, total: 115, of: 'megabytes' as const }, '12,4 из 115,0 МБ'],
    [{ done: 0, total: 0.3, of: 'megabytes' as const }, '0,0 из 0,3 МБ'],
    [{ done: 1, total: 1, of: 'files' as const }, '1 из 1 файла'],
    [{ done: 2, total: 2, of: 'files' as const }, '2 из 2 файлов'],
    [{ done: 3, total: 5, of: 'files' as const }, '3 из 5 файлов'],
    [{ done: 4, total: 11, of: 'files' as const }, '4 из 11 файлов'],
    [{ done: 20, total: 21, of: 'files' as const }, '20 из 21 файла'],
    [{ done: 5, total: 111, of: 'files' as const }, '5 из 111 файлов'],
  ])('reads %o as «%s»', (count, text) => {
    expect(progressCountText(count)).toBe(text);
  });
});
