import { describe, expect, it } from 'vitest';
import { escapeMarkupValue, parseInline, parseMarkup } from '../../src/documents/markup';

describe('inline markup', () => {
  it('splits bold and italic runs', () => {
    expect(parseInline('Итого: **31 265,55** руб., *без НДС*')).toEqual([
      { text: 'Итого: ', bold: false, italics: false },
      { text: '31 265,55', bold: true, italics: false },
      { text: ' руб., ', bold: false, italics: false },
      { text: 'без НДС', bold: false, italics: true },
    ]);
  });

  it('keeps an unpaired asterisk as text', () => {
    expect(parseInline('Цена * количество')).toEqual([{ text: 'Цена * количество', bold: false, italics: false }]);
    expect(parseInline('**не закрыто')).toEqual([{ text: '**не закрыто', bold: false, italics: false }]);
  });

  it('lets a backslash escape a marker', () => {
    expect(parseInline('\\*\\*не жирный\\*\\*')).toEqual([{ text: '**не жирный**', bold: false, italics: false }]);
  });
});

describe('block markup', () => {
  it('numbers clauses and numbered headings like a contract', () => {
    const blocks = parseMarkup(['## 1. Предмет', '1.1. Первый', '1.1. Второй', '1.1.1. Вложенный', '## 1. Цена', '1.1. Третий'].join('\n'));
    const numbers = blocks.map((b) => (b.type === 'clause' || b.type === 'heading' ? b.number : null));
    expect(numbers).toEqual(['1.', '1.1.', '1.2.', '1.2.1.', '2.', '2.1.']);
  });

  it('recognises headings, alignment, split lines, field rows, bullets, rules and directives', () => {
    const types = parseMarkup(['# Т', '## П', '### М', '> вправо', '^ центр', '<> слева | справа', '| Поставщик: | ООО', '- пункт', '---', '::lines', '', 'текст'].join('\n')).map((b) =>
      b.type === 'paragraph' ? `paragraph:${b.align}` : b.type,
    );
    expect(types).toEqual(['heading', 'heading', 'heading', 'paragraph:right', 'paragraph:center', 'split', 'field', 'bullet', 'rule', 'directive', 'blank', 'paragraph:justify']);
  });
});

describe('escaping values', () => {
  it('keeps values from turning into markup', () => {
    const value = escapeMarkupValue('**ООО** «Звезда» | ::lines');
    expect(parseMarkup(value)).toEqual([{ type: 'paragraph', align: 'justify', inlines: [{ text: '**ООО** «Звезда» | ::lines', bold: false, italics: false }] }]);
  });

  it('neutralises line markers on every line of a multi-line value', () => {
    const blocks = parseMarkup(escapeMarkupValue('# не заголовок\n::signatures\n1. не пункт\n> не вправо'));
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.inlines.map((r) => r.text).join('') : ''))).toEqual([
      '# не заголовок',
      '::signatures',
      '1. не пункт',
      '> не вправо',
    ]);
  });
});
