import { describe, expect, it } from 'vitest';
import { emailDomain, normalizeCompanyName, normalizeEmail, normalizePhone, PUBLIC_EMAIL_DOMAINS, searchKey } from '../../src/core';

describe('normalizeCompanyName', () => {
  it.each([
    'ООО «Ромашка»',
    '«Ромашка» ООО',
    'Общество с ограниченной ответственностью "Ромашка"',
    'ооо ромашка',
    'ООО “Ромашка”',
    "ООО 'Ромашка'",
    'OOO „Ромашка“',
    '  ООО   «Ромашка»,  ',
    'АО «Ромашка»',
    'Публичное акционерное общество «РОМАШКА»',
  ])('gives «ромашка» for «%s»', (name) => {
    expect(normalizeCompanyName(name)).toBe('ромашка');
  });
  it('folds ё and keeps the words of the name', () => {
    expect(normalizeCompanyName('ЗАО «Ёлки-Палки Трейд»')).toBe('елки палки трейд');
    expect(normalizeCompanyName('ИП Иванов Иван Иванович')).toBe('иванов иван иванович');
  });
  it('keeps a legal-form word that is part of a longer word', () => {
    expect(normalizeCompanyName('ООО «Аорта»')).toBe('аорта');
    expect(normalizeCompanyName('ООО «Ипподром»')).toBe('ипподром');
  });
  it('gives an empty key for non-strings', () => {
    expect(normalizeCompanyName(undefined)).toBe('');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['8 (495) 123-45-67', '+74951234567'],
    ['+7 495 1234567', '+74951234567'],
    ['84951234567', '+74951234567'],
    ['9161234567', '+79161234567'],
    ['+7 (916) 123-45-67 доб. 123', '+79161234567'],
    ['8-800-555-35-35', '+78005553535'],
    ['7 916 123 45 67', '+79161234567'],
  ])('turns «%s» into %s', (input, phone) => expect(normalizePhone(input)).toBe(phone));
  it.each(['', '123-45-67', '+1 212 555 0100', '+8 916 123 45 67', '0161234567', 'звоните', '8916123456789'])(
    'gives null for «%s»',
    (input) => expect(normalizePhone(input)).toBeNull(),
  );
});

describe('e-mail', () => {
  it('normalises addresses and refuses what is not one', () => {
    expect(normalizeEmail('  Ivanov@Romashka.RU ')).toBe('ivanov@romashka.ru');
    expect(normalizeEmail('mailto:info@romashka.ru')).toBe('info@romashka.ru');
    expect(normalizeEmail('ivanov@romashka')).toBeNull();
    expect(normalizeEmail('ivanov romashka.ru')).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
  });
  it('gives the company domain and null for public mail services', () => {
    expect(emailDomain('Ivanov@Romashka.ru')).toBe('romashka.ru');
    for (const domain of ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'inbox.ru', 'ya.ru', 'rambler.ru']) {
      expect(PUBLIC_EMAIL_DOMAINS).toContain(domain);
      expect(emailDomain(`someone@${domain}`)).toBeNull();
    }
    expect(emailDomain('not an email')).toBeNull();
  });
});

describe('searchKey', () => {
  it('lower-cases, folds ё and collapses spaces', () => {
    expect(searchKey('  Фёдор   ПЕТРОВ ')).toBe('федор петров');
    expect(searchKey(null)).toBe('');
  });
});
