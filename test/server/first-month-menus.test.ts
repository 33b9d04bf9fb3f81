import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sectionsFor } from '../../src/shared/sections';
import type { TestApp } from '../helpers/temp-app';
import { referenceTemplate, SAMPLE_BASE64, signIn, type WorldTemplate } from '../helpers/money-fixtures';

// Issue 16, item 7: menus show only what a role can use; counts read with the right plural forms.
let template: WorldTemplate;
let t: TestApp;
beforeAll(async () => {
  template = await referenceTemplate();
});
afterAll(() => template.remove());
afterEach(async () => {
  await t.close();
});

describe('menus by role', () => {
  it('keeps «Зарплата» out of the office manager’s menu, whose calls there are refused, and in the roles that use it', async () => {
    t = await template.open('director');
    expect(sectionsFor('office_manager').map((s) => s.label)).not.toContain('Зарплата');
    for (const role of ['director', 'head_of_sales', 'manager', 'accountant'] as const) expect(sectionsFor(role).map((s) => s.label), role).toContain('Зарплата');
    await signIn(t, 'pavlova');
    expect((await t.call('payroll.statements.list', {})).error?.code).toBe('FORBIDDEN');
    expect((await t.call('payroll.orders.list', {})).error?.code).toBe('FORBIDDEN');
  });
});

describe('the statement preview’s counts', () => {
  it('words each count with its plural form', async () => {
    t = await template.open('volkova');
    const p = await t.ok('payments.importPreview', { fileName: 'выписка.txt', base64: SAMPLE_BASE64 });
    expect(p.counts.phrases.map((x) => x.text)).toEqual(['5 документов', '5 новых', '3 поступления', '3 разнесено', '1 частичная оплата', '1 наш платёж', '1 комиссия банка']);
  });
});
