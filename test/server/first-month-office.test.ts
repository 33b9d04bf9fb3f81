import { afterEach, describe, expect, it } from 'vitest';
import { addPerson, signIn } from '../helpers/client-fixtures';
import { issueDocument } from '../helpers/payroll-fixtures';
import { insertClient } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, VALID_ORG, type TestApp } from '../helpers/temp-app';

// Issue 16, items 9, 11, 12 and 13: a new office's set-up, staff, home page, deals and signatures.
let t: TestApp;
afterEach(async () => {
  await t.close();
});

describe('set-up asks for the discount limits (item 12)', () => {
  it('stores the limits typed at set-up, per role', async () => {
    t = await openTestApp();
    await t.ok('setup.complete', {
      org: VALID_ORG,
      director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' },
      discountLimits: { director: 10_000, head_of_sales: 2000, manager: 700, office_manager: 0, accountant: 0 },
    });
    const limits = await t.ok('discountLimits.list', {});
    expect(Object.fromEntries(limits.map((l) => [l.role, l.maxDiscountBp]))).toEqual({ director: 10_000, head_of_sales: 2000, manager: 700, office_manager: 0, accountant: 0 });
  });

  it('gives a manager 5 % and the head of sales 15 % when set-up leaves the defaults', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const limits = await t.ok('discountLimits.list', {});
    expect(limits.find((l) => l.role === 'manager')?.maxDiscountBp).toBe(500);
    expect(limits.find((l) => l.role === 'head_of_sales')?.maxDiscountBp).toBe(1500);
  });
});

describe('staff and the first steps (item 13)', () => {
  it('titles a person by their role unless a position is typed, and follows a role change', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const office = await t.ok('users.create', { login: 'orlova', fullName: 'Орлова Мария Петровна', position: '', role: 'office_manager', password: 'Stol-Lampa-2026' });
    expect(office.position).toBe('Офис-менеджер');
    const moved = await t.ok('users.update', { id: office.id, fullName: office.fullName, position: 'Офис-менеджер', role: 'accountant', active: true });
    expect(moved.position).toBe('Бухгалтер');
    const typed = await t.ok('users.create', { login: 'lead', fullName: 'Смирнова Ольга', position: 'Ведущий менеджер', role: 'manager', password: 'Stol-Lampa-2026' });
    expect(typed.position).toBe('Ведущий менеджер');
  });

  it('ticks each first step from the data and hides the list once all are done', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const first = await t.ok('home.firstSteps', {});
    const done = (r: typeof first) => Object.fromEntries(r.steps.map((s) => [s.key, s.done]));
    expect(done(first)).toEqual({ requisites: true, staff: false, discounts: true, plans: false, objections: true, client: false, bundle: false, statement: false, closer: false });
    expect(first.allDone).toBe(false);
    const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    await addPerson(t, 'buh', 'accountant', 'Кузнецова Анна Ивановна');
    insertClient(t.app.store.sqlite, 'Альфа-Строй', ivanov);
    await signIn(t, 'director');
    const later = done(await t.ok('home.firstSteps', {}));
    expect(later).toMatchObject({ staff: true, client: true, closer: true, plans: false, bundle: false, statement: false });
    // The rest, written straight into the base: an approved plan, an issued bundle, an imported statement.
    const db = t.app.store.sqlite;
    await t.app.store.plans.saveCells({ userId: 1, userName: 'Петров Пётр Петрович' }, 'revenue_net', [{ scope: 'manager', userId: ivanov, period: '2026-12', amountKopecks: 100_000_000 }]);
    await t.app.store.plans.approve({ userId: 1, userName: 'Петров Пётр Петрович' }, 'revenue_net', ['2026-12'], ['manager']);
    db.prepare("INSERT INTO bundles (org_id, client_id, status, created_at) VALUES (1, 1, 'issued', '2026-11-26')").run();
    db.prepare("INSERT INTO bank_statements (file_sha256, org_id, account, imported_at) VALUES ('x', 1, '40702810938000000001', '2026-11-26')").run();
    const all = await t.ok('home.firstSteps', {});
    expect(all.steps.filter((s) => !s.done)).toEqual([]);
    expect(all.allDone).toBe(true);
    await signIn(t, 'ivanov');
    expect((await t.call('home.firstSteps', {})).error?.code).toBe('FORBIDDEN');
  });
});

describe('a typed deal probability (item 11)', () => {
  /** A manager signed in with a client; `deal(p)` is a new deal's input at «Первый контакт» (default 5 %). */
  async function salesDesk() {
    t = await openTestApp();
    await setUpOffice(t);
    const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    const client = insertClient(t.app.store.sqlite, 'Альфа-Строй', ivanov);
    await signIn(t, 'ivanov');
    return (probability: number) => ({
      clientId: client.clientId,
      contactId: client.contactId,
      managerId: ivanov,
      title: 'Поставка стеллажей',
      closeMonth: '2026-12',
      probability,
      source: 'Холодный звонок',
      lines: [{ name: 'Стеллаж', quantityMilli: 1000, priceKopecks: 100_000 }],
    });
  }

  it('keeps the probability the manager typed through stage moves, and lets an untouched one follow the stage', async () => {
    const deal = await salesDesk();
    const typed = await t.ok('deals.create', deal(50));
    expect((await t.ok('deals.move', { id: typed.id, stage: 'meeting' })).probability).toBe(50);
    expect((await t.ok('deals.move', { id: typed.id, stage: 'needs' })).probability).toBe(50);
    const untouched = await t.ok('deals.create', deal(5));
    expect((await t.ok('deals.move', { id: untouched.id, stage: 'meeting' })).probability).toBe(10);
  });

  it('keeps a typed probability that happens to equal a later stage’s default through the moves after it', async () => {
    const deal = await salesDesk();
    // Typed 10 % at «Первый контакт» (default 5 %); «Встреча»'s default is also 10 %, «Выявление потребностей»' is 20 %.
    const typed = await t.ok('deals.create', deal(10));
    expect((await t.ok('deals.move', { id: typed.id, stage: 'meeting' })).probability).toBe(10);
    expect((await t.ok('deals.move', { id: typed.id, stage: 'needs' })).probability).toBe(10);
    // Set later in the form: 50 % at «Встреча», then moved to «Работа с возражениями» (50 %) and «Закрытие» (75 %).
    const later = await t.ok('deals.create', deal(5));
    expect((await t.ok('deals.move', { id: later.id, stage: 'meeting' })).probability).toBe(10);
    const full = await t.ok('deals.get', { id: later.id });
    await t.ok('deals.update', { id: later.id, version: full.version, deal: deal(50) });
    for (const stage of ['needs', 'proposal', 'objections', 'closing'] as const) await t.ok('deals.move', { id: later.id, stage });
    expect((await t.ok('deals.get', { id: later.id })).probability).toBe(50);
  });
});

describe('signing order (item 9)', () => {
  async function act(): Promise<number> {
    t = await openTestApp(undefined, new Date('2026-11-26T09:00:00Z'));
    await setUpOffice(t);
    const ivanov = await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    const { clientId } = insertClient(t.app.store.sqlite, 'Альфа-Строй', ivanov);
    await signIn(t, 'director');
    return issueDocument(t.app.store.sqlite, { kind: 'act_services', clientId, managerId: ivanov, grossKopecks: 1_000_000, date: '2026-11-10' });
  }

  it('records «Отправлен клиенту» after «Подписан нами», once, and refuses a client signature dated before the sending', async () => {
    const id = await act();
    await t.ok('signing.transition', { documentId: id, to: 'signed_by_us', at: '2026-11-11' });
    const sent = await t.ok('signing.transition', { documentId: id, to: 'sent', at: '2026-11-12', method: 'courier' });
    expect(sent.state).toBe('sent');
    expect(sent.next).not.toContain('signed_by_us');
    const early = await t.call('signing.transition', { documentId: id, to: 'signed_by_client', at: '2026-11-11' });
    expect(early.error?.code).toBe('CONFLICT');
    const ok = await t.ok('signing.transition', { documentId: id, to: 'signed_by_client', at: '2026-11-13' });
    expect(ok.state).toBe('signed_by_client');
  });

  it('records «Подписан нами» after «Отправлен клиенту» too, and then the client’s signature', async () => {
    const id = await act();
    const sent = await t.ok('signing.transition', { documentId: id, to: 'sent', at: '2026-11-11', method: 'courier' });
    expect(sent.next).toContain('signed_by_us');
    expect((await t.ok('signing.transition', { documentId: id, to: 'signed_by_us', at: '2026-11-12' })).state).toBe('signed_by_us');
    expect((await t.call('signing.transition', { documentId: id, to: 'signed_by_client', at: '2026-11-10' })).error?.code).toBe('CONFLICT');
    expect((await t.ok('signing.transition', { documentId: id, to: 'signed_by_client', at: '2026-11-13' })).state).toBe('signed_by_client');
  });

  it('still lets both sides sign at a meeting with no sending recorded', async () => {
    const id = await act();
    expect((await t.ok('signing.transition', { documentId: id, to: 'signed_by_client', at: '2026-11-11' })).state).toBe('signed_by_client');
  });
});

describe('the objection standard of a new office (item 10)', () => {
  it('ships the method’s standard objections with answers, editable by the head of sales', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    await addPerson(t, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
    await signIn(t, 'head');
    const list = await t.ok('objections.list', {});
    // The five objections of the article's «Работа с возражениями».
    expect(list.map((o) => o.text)).toEqual([
      'Нам это не нужно',
      'Это слишком дорого',
      'Мы можем работать на более выгодных условиях, чем ваши',
      'Мы работаем с вашими конкурентами и не хотим ничего менять',
      'Кто вы вообще такие и зачем нам тратить на вас время?',
    ]);
    expect(list.every((o) => o.answers.length > 0 && !o.proposed)).toBe(true);
    const first = list[0];
    if (!first) throw new Error('no objection');
    const edited = await t.ok('objections.save', { id: first.id, text: 'Нам это сейчас не нужно' });
    expect(edited.text).toBe('Нам это сейчас не нужно');
  });

  it('lets a manager propose an objection from the call form and the head of sales accept it', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    await addPerson(t, 'head', 'head_of_sales', 'Смирнова Ольга Николаевна');
    await addPerson(t, 'ivanov', 'manager', 'Иванов Иван Иванович');
    await addPerson(t, 'petrov', 'manager', 'Петров Олег Иванович');
    await signIn(t, 'ivanov');
    const proposed = await t.ok('objections.propose', { text: 'Пришлите предложение на почту', answer: 'Отправлю, а когда вам удобно обсудить?' });
    expect(proposed).toMatchObject({ proposed: true, proposedByName: 'Иванов Иван Иванович' });
    expect((await t.call('objections.accept', { id: proposed.id })).error?.code).toBe('FORBIDDEN');
    await signIn(t, 'petrov');
    expect((await t.ok('objections.list', {})).map((o) => o.id)).not.toContain(proposed.id);
    await signIn(t, 'head');
    expect((await t.ok('objections.list', {})).find((o) => o.id === proposed.id)?.proposed).toBe(true);
    expect((await t.ok('objections.accept', { id: proposed.id })).proposed).toBe(false);
    await signIn(t, 'petrov');
    expect((await t.ok('objections.list', {})).find((o) => o.id === proposed.id)?.answers[0]?.answer).toBe('Отправлю, а когда вам удобно обсудить?');
  });
});
