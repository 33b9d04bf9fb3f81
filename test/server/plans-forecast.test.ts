import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureWeeklySnapshot } from '../../src/server/plans/weekly-snapshot';
import type { ForecastChangeDto } from '../../src/shared/api/forecast-types';
import { setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { buildTemplate, type Template } from '../helpers/world-template';
import { insertClient, userId } from '../helpers/sales-fixtures';

// Three Mondays of one office: 16, 23 and 30 November 2026 (ISO weeks 47, 48, 49). The office and its four
// deals are built once; each test opens its own copy and plays the weeks it needs (weekOne…weekThree).
const WEEK1 = new Date('2026-11-16T09:00:00');
const WEEK2 = new Date('2026-11-23T08:30:00');
const WEEK3 = new Date('2026-11-30T10:00:00');

let template: Template<null>;
let t: TestApp;
let ivanov: number;
let petrova: number;
let deals: Record<'a' | 'b' | 'c' | 'd', number>;
let client: { clientId: number; contactId: number };

const rub = (n: number) => n * 100;
const deal = (managerId: number, title: string, closeMonth: string, probability: number, amount: number, stage: 'first_contact' | 'closing' = 'first_contact') => ({
  clientId: client.clientId, contactId: null, managerId, title, closeMonth, probability, amountKopecks: rub(amount), stage,
});
const kinds = (changes: ForecastChangeDto[]) => changes.map((c) => `${c.kind}:${c.title}:${String(c.from)}→${String(c.to)}`).sort();

beforeAll(async () => {
  template = await buildTemplate(async (w) => {
    await setUpOffice(w);
    await signInAs(w, 'head_of_sales');
    await signInAs(w, 'manager');
    ivanov = userId(w.app.store.sqlite, 'user-manager');
    await signInAs(w, 'director');
    petrova = (await w.ok('users.create', { login: 'petrova', fullName: 'Петрова Анна', position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id;
    client = insertClient(w.app.store.sqlite, 'Альфа', ivanov);
    deals = {
      a: (await w.ok('deals.create', deal(ivanov, 'Стеллажи', '2026-12', 50, 1_000_000))).id,
      b: (await w.ok('deals.create', deal(ivanov, 'Погрузчик', '2027-01', 20, 500_000))).id,
      c: (await w.ok('deals.create', deal(petrova, 'Мезонин', '2026-12', 40, 300_000))).id,
      d: (await w.ok('deals.create', deal(petrova, 'Монтаж', '2026-12', 90, 200_000, 'closing'))).id,
    };
    await w.ok('plans.save', { year: '2026', version: (await w.ok('plans.grid', { year: '2026' })).version, cells: [{ scope: 'department', period: '2026-12', amountKopecks: rub(900_000) }] });
    return null;
  }, WEEK1);
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open();
  await signInAs(t, 'director');
});
afterEach(async () => {
  await t.close();
});

/** Monday of week 47: the automatic snapshot of the four deals. */
async function weekOne(): Promise<void> {
  await ensureWeeklySnapshot(t.app);
}

/** During week 47 A moves to January, B's probability rises, C is lost, D is won, E appears; the clock then on Monday of week 48. */
async function weekTwo(): Promise<{ id: number }> {
  await weekOne();
  const reason = await t.ok('lossReasons.save', { title: 'Выбрали конкурента' });
  await t.ok('deals.update', { id: deals.a, version: (await t.ok('deals.get', { id: deals.a })).version, deal: deal(ivanov, 'Стеллажи', '2027-01', 50, 1_000_000) });
  await t.ok('deals.update', { id: deals.b, version: (await t.ok('deals.get', { id: deals.b })).version, deal: deal(ivanov, 'Погрузчик', '2027-01', 60, 500_000) });
  await t.ok('deals.lose', { id: deals.c, reasonId: reason.id });
  await t.ok('deals.win', { id: deals.d });
  const e = await t.ok('deals.create', deal(petrova, 'Реконструкция', '2026-12', 30, 700_000));
  t.clock.now = WEEK2;
  await signInAs(t, 'director');
  return e;
}

/** Week 48: B's amount grows to 650 000 before Monday of week 49. */
async function weekThree(): Promise<void> {
  await weekTwo();
  await ensureWeeklySnapshot(t.app);
  t.clock.now = WEEK3;
  await signInAs(t, 'director');
  await t.ok('deals.update', { id: deals.b, version: (await t.ok('deals.get', { id: deals.b })).version, deal: deal(ivanov, 'Погрузчик', '2027-01', 60, 650_000) });
}

describe('forecast snapshots across weeks', () => {
  it('takes the automatic snapshot once per ISO week, on the first start of the week', async () => {
    const first = await ensureWeeklySnapshot(t.app);
    expect(first?.week).toBe('2026-W47');
    expect(first?.kind).toBe('auto');
    expect(first?.dealCount).toBe(4);
    t.clock.now = new Date('2026-11-18T15:00:00');
    expect(await ensureWeeklySnapshot(t.app)).toBeNull();
    const audit = await t.app.store.audit.list({ entity: 'forecast_snapshot', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0].userName).toBe('Система');
    await signInAs(t, 'director');
  });

  it('shows what appeared, moved, changed probability, was won or lost between two Mondays, per manager and against plan', async () => {
    const e = await weekTwo();
    const second = await ensureWeeklySnapshot(t.app);
    expect(second?.week).toBe('2026-W48');
    // The closed C and D are kept once, closed, so the comparison sees them won and lost.
    expect(second?.dealCount).toBe(5);
    const snapshots = await t.ok('forecast.snapshots', {});
    const view = await t.ok('forecast.week', { fromId: snapshots[1].id, toId: snapshots[0].id, months: 3 });
    expect(view).not.toBeNull();
    if (!view) return;
    expect(kinds(view.changes)).toEqual([
      'appeared:Реконструкция:null→2026-12',
      'lost:Мезонин:open→lost',
      'moved:Стеллажи:2026-12→2027-01',
      'probability:Погрузчик:20→60',
      'won:Монтаж:open→won',
    ]);
    const delta = Object.fromEntries(view.changes.map((c) => [c.title, c.weightedDeltaKopecks]));
    expect(delta).toEqual({ Реконструкция: rub(210_000), Мезонин: -rub(120_000), Стеллажи: 0, Погрузчик: rub(200_000), Монтаж: -rub(180_000) });
    // December: A 500 000 + C 120 000 + D 180 000 before; E 210 000 after. January: B 100 000 → A 500 000 + B 300 000.
    expect(view.months).toEqual([
      { month: '2026-11', planKopecks: null, beforeKopecks: 0, afterKopecks: 0 },
      { month: '2026-12', planKopecks: rub(900_000), beforeKopecks: rub(800_000), afterKopecks: rub(210_000) },
      { month: '2027-01', planKopecks: null, beforeKopecks: rub(100_000), afterKopecks: rub(800_000) },
    ]);
    const byName = Object.fromEntries(view.managers.map((m) => [m.managerName, m]));
    expect(byName['Тест manager']).toMatchObject({ beforeKopecks: rub(600_000), afterKopecks: rub(800_000), changes: { moved: 1, probability: 1 } });
    expect(byName['Петрова Анна']).toMatchObject({ beforeKopecks: rub(300_000), afterKopecks: rub(210_000), changes: { appeared: 1, lost: 1, won: 1 } });
    expect(view.total).toEqual({ beforeKopecks: rub(900_000), afterKopecks: rub(1_010_000) });
    expect(e.id).toBeGreaterThan(deals.d);
  });

  it('compares the last week’s snapshot with the pipeline now by default, without closed deals reappearing', async () => {
    await weekThree();
    const view = await t.ok('forecast.week', { months: 3 });
    expect(view?.from.week).toBe('2026-W48');
    expect(view?.to).toBeNull();
    expect(kinds(view?.changes ?? [])).toEqual(['amount:Погрузчик:50000000→65000000']);
    // After this week's snapshot the default still starts from last week.
    await ensureWeeklySnapshot(t.app);
    const again = await t.ok('forecast.week', { months: 3 });
    expect(again?.from.week).toBe('2026-W48');
  });

  it('narrows the forecast and the week to a manager’s own deals and refuses them another’s', async () => {
    await weekThree();
    await ensureWeeklySnapshot(t.app);
    await signInAs(t, 'manager');
    const forecast = await t.ok('forecast.get', { months: 3 });
    expect(forecast.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(forecast.managers.map((m) => m.managerId)).toEqual([ivanov]);
    expect(forecast.bigDeals.map((d) => d.title)).toEqual(['Стеллажи', 'Погрузчик']);
    expect(forecast.total[2]).toMatchObject({ weightedKopecks: rub(500_000 + 390_000), dealCount: 2 });
    const week = await t.ok('forecast.week', { fromId: (await t.ok('forecast.snapshots', {}))[2].id, months: 3 });
    expect(new Set(week?.changes.map((c) => c.managerId))).toEqual(new Set([ivanov]));
    expect((await t.call('forecast.get', { managerId: petrova })).error?.code).toBe('FORBIDDEN');
    expect((await t.call('forecast.takeSnapshot', {})).error?.code).toBe('FORBIDDEN');
  });

  it('takes a snapshot on demand for the head of sales, audited', async () => {
    await signInAs(t, 'head_of_sales');
    const taken = await t.ok('forecast.takeSnapshot', {});
    expect(taken.kind).toBe('manual');
    expect(taken.takenByName).toBe('Тест head_of_sales');
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
