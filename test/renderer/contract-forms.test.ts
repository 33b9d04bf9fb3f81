import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import type { SessionUser } from '../../src/shared/api/auth';
import { hostFieldErrors } from '../../src/renderer/src/api/contract-check';
import { bundleForCheck, bundleInput, newBundleForm, validateBundle } from '../../src/renderer/src/features/documents/bundle-form';
import { draftForCheck, formInput, newForm, validateDraft } from '../../src/renderer/src/features/documents/draft-form';
import { emptyLine, lineFieldOf } from '../../src/renderer/src/features/documents/line-draft';
import { activityOf, callValues, validateCall, type CallContext } from '../../src/renderer/src/features/sales/call-values';
import { countRows, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
});
afterEach(async () => {
  await t.close();
});

const line = (patch: Partial<ReturnType<typeof emptyLine>>) => ({ ...emptyLine('22'), name: 'Стеллаж паллетный СТ-200', price: '12 500,00', ...patch });

describe('the draft editor checked by the contract draft schema', () => {
  it('puts on each field the message the host gives for the same draft, and the host writes nothing', async () => {
    const form = { ...newForm('invoice', { orgId: 1, clientId: null, dealId: null, vatRate: '22' }), lines: [line({ quantity: '0' }), line({ name: '', quantity: 'два', discount: '120' })] };
    const desk = validateDraft(form);
    // Expected messages written out by hand from the contract (src/shared/api/document-types.ts).
    expect(desk).toEqual({
      clientId: 'Выберите клиента',
      'lines.0.quantity': 'Количество должно быть больше нуля',
      'lines.1.name': 'Укажите наименование',
      'lines.1.quantity': 'Количество — число, например 2 или 1,5',
      'lines.1.discount': 'Скидка не больше 100 %',
    });
    const host = await invoke(t.app, 'documents.createDraft', draftForCheck(form));
    expect(host.error?.code).toBe('VALIDATION');
    expect(host.error && hostFieldErrors(host.error, lineFieldOf)).toEqual(desk);
    expect(countRows(t, 'documents')).toBe(0);
  });

  it('passes a draft the host accepts, with the numbers as typed in Russian', async () => {
    const clientId = await makeClient(t);
    const form = { ...newForm('invoice', { orgId: 1, clientId, dealId: null, vatRate: '22' }), lines: [line({ quantity: '1,5', discount: '2,5' })] };
    expect(validateDraft(form)).toEqual({});
    const built = formInput(form);
    if (!('input' in built)) throw new Error(built.missing);
    const saved = await t.ok('documents.createDraft', built.input);
    // 1,5 × 12 500,00 with 2,5 % off = 18 281,25 net; VAT 22 % = 4 021,88 (half-up); total 22 303,13.
    expect(saved.lines[0]).toMatchObject({ quantityMilli: 1_500, priceKopecks: 1_250_000, discountBp: 250 });
    expect(saved).toMatchObject({ netKopecks: 1_828_125, vatKopecks: 402_188, grossKopecks: 2_230_313 });
  });
});

describe('the bundle dialog checked by the contract bundle schema', () => {
  it('asks for a line and an organisation with the host’s own words', async () => {
    const clientId = await makeClient(t);
    const form = { ...newBundleForm({ clientId, dealId: undefined, lines: [] }), orgId: null };
    const desk = validateBundle(form);
    expect(desk).toEqual({ orgId: 'Выберите организацию', lines: 'Добавьте хотя бы одну строку' });
    const host = await invoke(t.app, 'documents.bundle', bundleForCheck(form));
    expect(host.error && hostFieldErrors(host.error, lineFieldOf)).toEqual(desk);
    expect(bundleInput(form, false)).toBeNull();
    expect(countRows(t, 'documents')).toBe(0);
  });

  it('places a wrong price on the line’s own field and leaves a right line alone', () => {
    const form = { ...newBundleForm({ clientId: 1, dealId: null, lines: [] }), orgId: 1, lines: [line({ price: '-5' }), line({ price: 'сто' }), line({ quantity: '1,5' })] };
    expect(validateBundle(form)).toEqual({ 'lines.0.price': 'Цена не может быть отрицательной', 'lines.1.price': 'Цена — число в рублях, например 1 250,50' });
  });
});

describe('the call form checked by the contract activity schema', () => {
  const user: SessionUser = { id: 1, login: 'director', fullName: 'Петров Пётр Петрович', position: 'Директор', role: 'director' };
  const ctx: CallContext = { managerId: 1, people: [], contacts: [], dealIds: [] };

  it('asks for the client and a full time, as the host does', async () => {
    const values = { ...callValues(user, {}), at: '2026-11-26T' };
    const desk = validateCall(ctx)(values);
    expect(desk).toEqual({ clientId: 'Выберите клиента', at: 'Укажите дату и время полностью' });
    const host = await invoke(t.app, 'activities.create', activityOf(values, ctx));
    expect(host.error && hostFieldErrors(host.error)).toEqual(desk);
    expect(countRows(t, 'activities')).toBe(0);
  });
});
