import { describe, expect, it } from 'vitest';
import { clientSearchText, searchQueryWords } from '../../src/core';

describe('the words a client is found by', () => {
  const text = clientSearchText({
    names: ['ООО «Ёлка-Трейд»', 'Общество с ограниченной ответственностью «Ёлка-Трейд»'],
    inn: '7707083893',
    ogrn: '',
    phones: ['+74951234567'],
    emails: ['Info@Elka.ru'],
    contactNames: ['Петрова Анна'],
  }).split(' ');

  it('folds Cyrillic case and ё', () => {
    expect(text).toEqual(expect.arrayContaining(['елка', 'трейд', 'ооо']));
    expect(text.some((w) => /[A-ZА-ЯЁё]/.test(w))).toBe(false);
  });

  it('holds the phone as +7…, as ten digits and by its last seven', () => {
    expect(text).toEqual(expect.arrayContaining(['74951234567', '4951234567', '1234567']));
  });

  it('holds ИНН, e-mail words and key persons', () => {
    expect(text).toEqual(expect.arrayContaining(['7707083893', 'info', 'elka', 'петрова', 'анна']));
  });
});

describe('the words of a search query', () => {
  it('reads a phone in any spelling as one number', () => {
    expect(searchQueryWords('8 (495) 123-45').phoneVariants).toEqual(['849512345', '749512345', '49512345']);
    expect(searchQueryWords('+7 495').phoneVariants).toContain('495');
  });

  it('splits a name into lower-case words with ё folded', () => {
    expect(searchQueryWords('ЁЛКА трейд')).toEqual({ words: ['елка', 'трейд'], phoneVariants: [] });
  });
});
