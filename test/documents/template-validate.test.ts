import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, loadBuiltInTemplate, PLACEHOLDERS, placeholdersFor, validateTemplate } from '../../src/documents/index';

describe('validateTemplate', () => {
  it('reports an unknown placeholder with its line and column', () => {
    const errors = validateTemplate('# Счёт\nПокупатель: {{buyer.nmae}}', 'invoice');
    expect(errors).toEqual([{ line: 2, column: 13, message: 'Неизвестное поле {{buyer.nmae}}' }]);
  });

  it('reports a section that is never closed, at its opening tag', () => {
    const errors = validateTemplate('Текст\n{{#lines}}\n{{name}}', 'invoice');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(errors[0].message).toContain('не закрыт');
  });

  it('reports a section closed by the wrong tag', () => {
    const errors = validateTemplate('{{#lines}}{{name}}{{/vat.none}}', 'invoice');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('{{#lines}}');
    expect(errors[0]).toMatchObject({ line: 1, column: 19 });
  });

  it('reports a closing tag without an opening one and an unclosed tag', () => {
    expect(validateTemplate('a {{/lines}}', 'invoice')[0].message).toContain('без открывающего');
    expect(validateTemplate('a\nb {{doc.number', 'invoice')[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('reports an unknown directive and one the kind does not allow', () => {
    const errors = validateTemplate('# Акт\n::lines\n::table\n::requisites', 'act_services');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 1],
      [4, 1],
    ]);
    expect(errors[0].message).toContain('Неизвестная директива «::table»');
    expect(errors[1].message).toContain('не используется в документе «Акт выполненных работ (оказанных услуг)»');
  });

  it('accepts line fields only inside the lines block', () => {
    expect(validateTemplate('{{#lines}}{{n}}. {{name}} — {{lines.total}} {{doc.number}}{{/lines}}', 'invoice')).toEqual([]);
    expect(validateTemplate('{{lines.name}}', 'invoice')[0].message).toBe('Поле {{lines.name}} доступно только внутри блока {{#lines}}…{{/lines}}');
  });

  it('resolves names inside object sections relative to the object', () => {
    expect(validateTemplate('{{#contract}}по договору № {{number}} от {{date}}{{/contract}}', 'reconciliation_act')).toEqual([]);
    expect(validateTemplate('{{#seller.bank}}БИК {{bik}}{{/seller.bank}}', 'invoice')).toEqual([]);
  });

  it('rejects placeholders of other kinds, blocks used as values, partials and delimiter changes', () => {
    expect(validateTemplate('{{upd.status}}', 'invoice')[0].message).toBe('Поле {{upd.status}} недоступно в документе «Счёт на оплату»');
    expect(validateTemplate('{{lines}}', 'invoice')[0].message).toContain('это блок');
    expect(validateTemplate('{{> шапка}}', 'invoice')[0].message).toContain('не поддерживается');
    expect(validateTemplate('{{=<% %>=}}', 'invoice')[0].message).toContain('не поддерживается');
  });

  it('checks directives wrapped in a section and refuses unescaped values', () => {
    expect(validateTemplate('{{#vat.none}}::stamp{{/vat.none}}', 'invoice')).toEqual([]);
    expect(validateTemplate('{{#vat.none}}::печать{{/vat.none}}', 'invoice')[0].message).toContain('Неизвестная директива');
    expect(validateTemplate('{{{seller.name}}}', 'invoice')[0].message).toBe('Вставка без экранирования не поддерживается: пишите {{seller.name}}');
  });

  it('accepts flags as sections, including inverted ones', () => {
    expect(validateTemplate('{{#vat.none}}Без налога (НДС){{/vat.none}}{{^vat.none}}{{vat.label}}: {{totals.vat}}{{/vat.none}}', 'invoice')).toEqual([]);
  });

  for (const kind of DOCUMENT_KINDS) {
    it(`the built-in ${kind} template is valid`, () => {
      expect(validateTemplate(loadBuiltInTemplate(kind).source, kind)).toEqual([]);
    });
  }
});

describe('placeholder catalog', () => {
  it('describes every placeholder in Russian and has unique paths', () => {
    const paths = PLACEHOLDERS.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of PLACEHOLDERS) expect(p.description).toMatch(/[А-Яа-яЁё]/);
  });

  it('offers each kind the common fields and only its own special ones', () => {
    const invoice = placeholdersFor('invoice').map((p) => p.path);
    expect(invoice).toEqual(expect.arrayContaining(['seller.name', 'buyer.inn', 'doc.number', 'doc.date', 'contract.number', 'lines', 'lines.name', 'totals.words', 'vat.none', 'manager.name', 'today']));
    expect(invoice).not.toContain('upd.status');
    expect(placeholdersFor('reconciliation_act').map((p) => p.path)).not.toContain('lines');
  });
});
