import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSnapshot } from '../../src/server/documents/snapshot';
import { SYSTEM_ACTOR } from '../../src/db/audit';
import { LOCAL_ORIGIN } from '../../src/server/context';
import { pdfText } from '../documents/pdf-text';
import { makePng } from '../documents/png';
import { draftInput, GOODS_LINES, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
});
afterEach(async () => {
  await t.close();
});

describe('templates', () => {
  it('ships a built-in default template for every kind', async () => {
    const list = await t.ok('templates.list', {});
    expect(list.filter((x) => x.builtIn && x.isDefault)).toHaveLength(11);
  });

  it('refuses to save a template with an unknown placeholder, naming it with its line and column', async () => {
    const res = await t.call('templates.save', { kind: 'invoice', name: 'Мой счёт', source: '# Счёт № {{doc.number}}\nПокупатель: {{buyer.nmae}}\n::lines\n' });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toMatch(/строка 2, позиция 13 — Неизвестное поле \{\{buyer\.nmae\}\}/);
    expect(res.error?.details?.fields?.[0].path).toBe('source:2:13');
  });

  it('refuses to save a template whose blocks are nested four deep', async () => {
    const deep = `# Счёт\n${'{{#lines}}'.repeat(4)}{{name}}${'{{/lines}}'.repeat(4)}\n`;
    const res = await t.call('templates.save', { kind: 'invoice', name: 'Матрёшка', source: deep });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toBe('Шаблон не сохранён: строка 2, позиция 31 — Блоки {{#…}} вложены слишком глубоко: уровней вложенности 4, допускается не больше 3');
  });

  it('answers a document that a template blows past the size limit with a message to that person, and keeps rendering', async () => {
    const twice = await t.ok('templates.save', { kind: 'invoice', name: 'Дважды', source: `# Счёт\n{{#lines}}{{#lines}}{{name}} {{/lines}}{{/lines}}\n` });
    const long = Array.from({ length: 500 }, (_, i) => ({ ...GOODS_LINES[0], name: `Стеллаж паллетный, позиция ${i + 1}` }));
    const base = draftInput('invoice', clientId);
    const res = await t.call('documents.preview', { ...base, lines: long, terms: { ...base.terms, templateId: twice.id } });
    expect(res.error).toEqual({
      code: 'VALIDATION',
      message: 'Документ получается слишком большим (более 500 000 знаков текста): упростите шаблон — повторяемые блоки не вкладывают друг в друга',
    });
    expect((await t.ok('documents.preview', draftInput('invoice', clientId))).fileName).toMatch(/\.pdf$/);
  });

  it('refuses a broken block and shows the errors in the live preview instead of a PDF', async () => {
    const preview = await t.ok('templates.preview', { kind: 'invoice', source: '{{#lines}}\n{{name}}\n' });
    expect(preview.pdf).toBeNull();
    expect(preview.errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(preview.errors[0].message).toMatch(/не закрыт/);
    const good = await t.ok('templates.preview', { kind: 'invoice', source: '# Счёт № {{doc.number}}\n::lines\n::totals\n' });
    expect(good.errors).toEqual([]);
    expect(await pdfText(Buffer.from(good.pdf?.base64 ?? '', 'base64'))).toContain('Счёт № 15');
  });

  it('re-opens an issued document byte for byte after the template, the stamp and the requisites changed', async () => {
    const stamp = makePng(40, 40, (x, y) => ((x - 20) ** 2 + (y - 20) ** 2 < 300 ? [30, 60, 200, 255] : [0, 0, 0, 0]));
    await t.ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(stamp).toString('base64') });
    const issued = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    const original = await t.ok('documents.pdf', { id: issued.id });

    const builtIn = (await t.ok('templates.list', { kind: 'invoice' }))[0];
    const source = `${(await t.ok('templates.get', { id: builtIn.id })).source}\n*Спасибо за покупку!*\n`;
    const mine = await t.ok('templates.save', { kind: 'invoice', name: 'С благодарностью', source });
    await t.ok('templates.setDefault', { id: mine.id });
    await t.ok('templates.save', { id: mine.id, version: mine.version, kind: 'invoice', name: 'С благодарностью', source: `${source}Вторая версия\n` });
    await t.ok('orgAssets.remove', { orgId: 1, kind: 'stamp' });
    t.app.store.sqlite.prepare("UPDATE organizations SET phone = '+7 999 000-00-00' WHERE id = 1").run();

    const again = await t.ok('documents.pdf', { id: issued.id });
    expect(again.base64).toBe(original.base64);
    const frozen = await t.app.store.documents.docs.frozen(issued.id);
    const rerendered = await renderSnapshot({ ...t.context(), user: null, actor: SYSTEM_ACTOR, origin: LOCAL_ORIGIN }, frozen?.snapshot ?? '');
    expect(Buffer.from(rerendered).toString('base64')).toBe(original.base64);

    const next = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    expect(next.templateVersion).toMatchObject({ templateName: 'С благодарностью', version: 2 });
    expect(await pdfText(Buffer.from((await t.ok('documents.pdf', { id: next.id })).base64, 'base64'))).toContain('Вторая версия');
  });

  it('keeps the built-in template unchanged: an edit is saved as the office’s own template', async () => {
    const builtIn = (await t.ok('templates.list', { kind: 'act_services' }))[0];
    const res = await t.call('templates.save', { id: builtIn.id, kind: 'act_services', name: 'Встроенный', source: '# Акт\n' });
    expect(res.error?.code).toBe('CONFLICT');
    expect(() => t.app.store.sqlite.prepare("UPDATE template_versions SET source = 'x'").run()).toThrow(/append-only/);
  });
});
