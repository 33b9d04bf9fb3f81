import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/errors';
import { makeClient } from '../helpers/document-fixtures';
import { schemeAOrder } from '../helpers/payroll-fixtures';
import { openDesk, openTestApp, setUpOffice, VALID_ORG, type TestApp, type TestDesk } from '../helpers/temp-app';

// Two people open the same record, A saves at 12:03 on the office's clock, B saves what B typed on
// the version B loaded: refused, naming A and the time, and A's data stays; after a reload B's save
// goes through. Versions and messages are written out by hand.

const AT_1203 = new Date(2026, 10, 26, 12, 3, 0);
const BY_IVANOVA = 'Эту запись изменил(а) Иванова И. С. в 12:03. Обновите и повторите';
const BY_VOLKOVA = 'Эту запись изменил(а) Волкова А. С. в 12:03. Обновите и повторите';
const INVOICE = (note: string) => `# Счёт № {{doc.number}}\n${note}\n::lines\n`;

/** What a case needs to find its record again. */
interface Ref {
  id: number;
  clientId: number;
  other: number;
}

type Value = string | number | null;

interface Case {
  record: string;
  /** Who saves first: the head of sales Иванова, or (for the director's own records) the second director Волкова. */
  first: 'ivanova' | 'volkova';
  /** The version both forms are filled from: 1 for a row saved once, 0 for a set nobody saved yet. */
  start: number;
  make(d: TestApp): Promise<Ref>;
  /** The version the form is filled from and the one field the case changes. */
  load(d: TestDesk, r: Ref): Promise<{ version: number; value: Value }>;
  save(d: TestDesk, r: Ref, version: number, value: Value): Promise<{ error?: ApiError }>;
  /** A's value, then B's. */
  values: [Value, Value];
  /** The same save of an existing row without a version (refused as invalid), where the version is optional for a new one. */
  unversioned?: (d: TestDesk, r: Ref) => Promise<{ error?: ApiError }>;
}

const NO_REF: Ref = { id: 0, clientId: 0, other: 0 };
const text = (v: Value) => String(v);
const num = (v: Value) => Number(v);

const CASES: Case[] = [
  {
    record: 'a key person',
    first: 'ivanova',
    start: 1,
    async make(d) {
      const clientId = await makeClient(d, { shortName: 'ООО «Альфа»' });
      const c = await d.ok('clients.saveContact', { clientId, contact: { fullName: 'Орлова Марина Андреевна', position: 'Директор' } });
      return { id: c.id, clientId, other: 0 };
    },
    async load(d, r) {
      const c = (await d.ok('clients.get', { id: r.clientId })).contacts.find((x) => x.id === r.id);
      return { version: c?.version ?? -1, value: c?.position ?? null };
    },
    save: (d, r, version, value) => d.call('clients.saveContact', { clientId: r.clientId, id: r.id, version, contact: { fullName: 'Орлова Марина Андреевна', position: text(value) } }),
    values: ['Коммерческий директор', 'Главный инженер'],
    unversioned: (d, r) => d.call('clients.saveContact', { clientId: r.clientId, id: r.id, contact: { fullName: 'Орлова Марина Андреевна' } }),
  },
  {
    record: 'questionnaire answers',
    first: 'ivanova',
    start: 1,
    async make(d) {
      const form = await d.ok('clients.saveForm', { kind: 'other', title: 'Профиль склада', fields: [{ key: 'staff', label: 'Сотрудников на складе', type: 'number' }] });
      const clientId = await makeClient(d, { shortName: 'ООО «Бета»' });
      const a = await d.ok('clients.saveAnswer', { clientId, formId: form.id, filledOn: '2026-11-20', answers: { staff: 10 } });
      return { id: a.id, clientId, other: form.id };
    },
    async load(d, r) {
      const a = (await d.ok('clients.answers', { clientId: r.clientId })).find((x) => x.id === r.id);
      return { version: a?.version ?? -1, value: typeof a?.answers.staff === 'number' ? a.answers.staff : null };
    },
    save: (d, r, version, value) => d.call('clients.saveAnswer', { clientId: r.clientId, id: r.id, version, formId: r.other, filledOn: '2026-11-20', answers: { staff: num(value) } }),
    values: [45, 60],
    unversioned: (d, r) => d.call('clients.saveAnswer', { clientId: r.clientId, id: r.id, formId: r.other, filledOn: '2026-11-20', answers: { staff: 1 } }),
  },
  {
    record: 'a price list',
    first: 'ivanova',
    start: 1,
    async make(d) {
      const item = await d.ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж СТ-100', unit: 'шт', okei: '796', vatRate: '22' } });
      const list = await d.ok('priceLists.save', { name: 'Ноябрь', effectiveFrom: '2026-11-01', items: [{ catalogItemId: item.id, priceKopecks: 100_000 }] });
      return { id: list.id, clientId: 0, other: item.id };
    },
    async load(d, r) {
      const list = (await d.ok('priceLists.list', {})).find((x) => x.id === r.id);
      return { version: list?.version ?? -1, value: list?.items[0]?.priceKopecks ?? null };
    },
    save: (d, r, version, value) => d.call('priceLists.save', { id: r.id, version, name: 'Ноябрь', effectiveFrom: '2026-11-01', items: [{ catalogItemId: r.other, priceKopecks: num(value) }] }),
    values: [120_000, 95_000],
    unversioned: (d, r) => d.call('priceLists.save', { id: r.id, name: 'Ноябрь', effectiveFrom: '2026-11-01', items: [] }),
  },
  {
    record: 'the discount limits',
    first: 'ivanova',
    // The office's set-up writes the internal price list once.
    start: 1,
    make: async () => NO_REF,
    async load(d) {
      const limit = (await d.ok('discountLimits.list', {})).find((x) => x.role === 'manager');
      return { version: limit?.version ?? -1, value: limit?.maxDiscountBp ?? null };
    },
    save: (d, _r, version, value) => d.call('discountLimits.save', { role: 'manager', version, maxDiscountBp: num(value), conditions: '' }),
    values: [500, 700],
  },
  {
    record: 'a year’s plan',
    first: 'ivanova',
    start: 0,
    make: async () => NO_REF,
    async load(d) {
      const grid = await d.ok('plans.grid', { year: '2027' });
      return { version: grid.version, value: grid.plans.find((p) => p.scope === 'department' && p.period === '2027-03')?.amountKopecks ?? null };
    },
    save: (d, _r, version, value) => d.call('plans.save', { year: '2027', version, cells: [{ scope: 'department', period: '2027-03', amountKopecks: num(value) }] }),
    values: [300_000_000, 250_000_000],
  },
  {
    record: 'a payroll order draft',
    first: 'ivanova',
    start: 1,
    async make(d) {
      const order = await d.ok('payroll.orders.save', { order: schemeAOrder({ validFrom: '2027-05-01', title: 'Черновик шкалы' }) });
      return { id: order.id, clientId: 0, other: 0 };
    },
    async load(d, r) {
      const order = await d.ok('payroll.orders.get', { id: r.id });
      return { version: order.version, value: order.title };
    },
    save: (d, r, version, value) => d.call('payroll.orders.save', { id: r.id, version, order: schemeAOrder({ validFrom: '2027-05-01', title: text(value) }) }),
    values: ['Шкала 2027 (правка Ивановой)', 'Шкала 2027 (правка директора)'],
    unversioned: (d, r) => d.call('payroll.orders.save', { id: r.id, order: schemeAOrder({ validFrom: '2027-05-01' }) }),
  },
  {
    record: 'a template',
    first: 'ivanova',
    start: 1,
    async make(d) {
      const tpl = await d.ok('templates.save', { kind: 'invoice', name: 'Мой счёт', source: INVOICE('Спасибо за заказ') });
      return { id: tpl.id, clientId: 0, other: 0 };
    },
    async load(d, r) {
      const tpl = await d.ok('templates.get', { id: r.id });
      return { version: tpl.version, value: tpl.source };
    },
    save: (d, r, version, value) => d.call('templates.save', { id: r.id, version, kind: 'invoice', name: 'Мой счёт', source: text(value) }),
    values: [INVOICE('Оплата в течение 5 дней'), INVOICE('Оплата в течение 3 дней')],
    unversioned: (d, r) => d.call('templates.save', { id: r.id, kind: 'invoice', name: 'Мой счёт', source: INVOICE('Без версии') }),
  },
  {
    record: 'the signing rules',
    first: 'ivanova',
    start: 0,
    make: async () => NO_REF,
    async load(d) {
      const set = await d.ok('signing.rules', {});
      return { version: set.version, value: set.rules.find((x) => x.kind === 'act_services')?.originalDays ?? null };
    },
    async save(d, _r, version, value) {
      const rule = (await d.ok('signing.rules', {})).rules.find((x) => x.kind === 'act_services');
      if (!rule) throw new Error('no act_services rule');
      return d.call('signing.updateRules', { version, rules: [{ ...rule, originalDays: num(value) }] });
    },
    values: [20, 45],
  },
  {
    record: 'our organisation',
    first: 'volkova',
    start: 1,
    make: async () => ({ id: 1, clientId: 0, other: 0 }),
    async load(d, r) {
      const org = await d.ok('orgs.get', { id: r.id });
      return { version: org.version, value: org.phone };
    },
    save: (d, r, version, value) => d.call('orgs.update', { id: r.id, version, org: { ...VALID_ORG, phone: text(value) } }),
    values: ['+7 495 111-11-11', '+7 495 222-22-22'],
  },
  {
    record: 'the settings',
    first: 'volkova',
    start: 0,
    make: async () => NO_REF,
    async load(d) {
      const s = await d.ok('settings.get', {});
      return { version: s.version, value: s.idleLockMinutes };
    },
    save: (d, _r, version, value) => d.call('settings.update', { version, idleLockMinutes: num(value), loginDisabled: false }),
    values: [30, 60],
  },
];

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A fresh office with the director Петров at the app's own desk and A at a second desk. */
async function office(first: Case['first']): Promise<{ b: TestApp; a: TestDesk }> {
  const b = await openTestApp(undefined, new Date(2026, 10, 26, 12, 0, 0));
  t = b;
  await setUpOffice(b);
  const person =
    first === 'ivanova'
      ? { login: 'ivanova', fullName: 'Иванова Ирина Сергеевна', position: 'Руководитель отдела продаж', role: 'head_of_sales' as const }
      : { login: 'volkova', fullName: 'Волкова Анна Сергеевна', position: 'Директор по развитию', role: 'director' as const };
  await b.ok('users.create', { ...person, password: 'Stol-Lampa-2026' });
  const a = openDesk(b);
  await a.ok('auth.login', { login: person.login, password: 'Stol-Lampa-2026' });
  return { b, a };
}

describe('two people saving one record', () => {
  it.each(CASES)('$record: the later save on the old version is refused with who and when, and goes through after a reload', async (c) => {
    const { b, a } = await office(c.first);
    const ref = await c.make(b);
    const seenByA = await c.load(a, ref);
    const seenByB = await c.load(b, ref);
    expect(seenByA.version).toBe(c.start);
    expect(seenByB.version).toBe(c.start);

    b.clock.now = AT_1203;
    expect((await c.save(a, ref, seenByA.version, c.values[0])).error).toBeUndefined();
    const stale = await c.save(b, ref, seenByB.version, c.values[1]);
    expect(stale.error).toEqual({ code: 'STALE', message: c.first === 'ivanova' ? BY_IVANOVA : BY_VOLKOVA });
    // Nothing of B's save reached the base: the record is as A left it.
    expect(await c.load(b, ref)).toEqual({ version: c.start + 1, value: c.values[0] });

    // B reloads and saves again: accepted, and A now sees B's value.
    const reloaded = await c.load(b, ref);
    expect((await c.save(b, ref, reloaded.version, c.values[1])).error).toBeUndefined();
    expect(await c.load(a, ref)).toEqual({ version: c.start + 2, value: c.values[1] });

    if (c.unversioned) expect((await c.unversioned(b, ref)).error?.code).toBe('VALIDATION');
  });
});
