import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, clientInput, signIn } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let id: number;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
  await addPerson(t, 'head', 'head_of_sales', 'Морозова Елена');
  await signIn(t, 'ivanov');
  id = (await t.ok('clients.create', { client: clientInput() })).id;
});
afterEach(async () => {
  await t.close();
});

describe('the dossier', () => {
  it('keeps notes in the history, newest first, with who wrote them', async () => {
    await t.ok('clients.addNote', { clientId: id, text: 'Первый звонок: секретарь соединила с директором' });
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await t.ok('clients.addNote', { clientId: id, text: 'Прислали реквизиты' });
    const timeline = await t.ok('clients.timeline', { clientId: id });
    expect(timeline.map((e) => [e.kind, e.text])).toEqual([
      ['note', 'Прислали реквизиты'],
      ['note', 'Первый звонок: секретарь соединила с директором'],
      ['transfer', 'Назначен ответственный: без ответственного → Иванов Иван. Карточка создана'],
      ['created', 'Карточка клиента создана'],
    ]);
    expect(timeline[0].userName).toBe('Иванов Иван');
  });

  it('comes with the four questionnaires of the seed, which the head of sales can change', async () => {
    const forms = await t.ok('clients.forms', {});
    // Other areas may add their own forms (the VIP programme adds its VIP-анкета); the seed's four come first.
    expect(forms.map((f) => f.title).slice(0, 4)).toEqual(['Анкета клиента', 'Техпаспорт объекта', 'Паспорт торговой точки', 'Техническое задание']);
    await signIn(t, 'head');
    const form = await t.ok('clients.saveForm', {
      kind: 'other',
      title: 'Анкета удовлетворённости',
      fields: [
        { key: 'satisfied', label: 'Довольны ли работой', type: 'select', options: ['Да', 'Скорее да', 'Нет'], required: true },
        { key: 'visits', label: 'Встреч за год', type: 'number' },
      ],
    });
    expect(form.fields).toHaveLength(2);
    const bad = await t.call('clients.saveForm', { kind: 'other', title: 'X', fields: [{ key: 'a', label: 'A', type: 'select' }, { key: 'a', label: 'B', type: 'text' }] });
    expect(bad.error?.details?.fields?.map((f) => f.path)).toEqual(['fields.0.options', 'fields.1.key']);
    await signIn(t, 'ivanov');
    expect((await t.call('clients.saveForm', { kind: 'other', title: 'X', fields: [{ key: 'a', label: 'A', type: 'text' }] })).error?.code).toBe('FORBIDDEN');
  });

  it('stores dated answers per client and checks them against the field types', async () => {
    const [profile] = await t.ok('clients.forms', {});
    const bad = await t.call('clients.saveAnswer', { clientId: id, formId: profile.id, filledOn: '2026-11-26', answers: { staff: 'много', channel: 'Голубиная почта', unknown: 'x' } });
    expect(bad.error?.code).toBe('VALIDATION');
    expect(bad.error?.details?.fields?.map((f) => f.path).sort()).toEqual(['answers.channel', 'answers.staff', 'answers.unknown']);
    const saved = await t.ok('clients.saveAnswer', { clientId: id, formId: profile.id, filledOn: '2026-11-26', answers: { staff: 45, budget: true, channel: 'Телефон', next: '2026-12-10' } });
    expect(saved).toMatchObject({ title: 'Анкета клиента', filledOn: '2026-11-26', userName: 'Иванов Иван', answers: { staff: 45, budget: true, supplier: null } });
    // The answer keeps the form's fields as they were, even after the form changes.
    await signIn(t, 'head');
    await t.ok('clients.saveForm', { id: profile.id, kind: profile.kind, title: profile.title, fields: [{ key: 'only', label: 'Одно поле', type: 'text' }] });
    const [kept] = await t.ok('clients.answers', { clientId: id });
    expect(kept.fields.map((f) => f.key)).toContain('staff');
    expect((await t.ok('clients.timeline', { clientId: id }))[0].text).toBe('Заполнена анкета «Анкета клиента» от 2026-11-26');
  });
});

describe('the «наш клиент» ladder', () => {
  it('starts at potential and is never typed in', async () => {
    const card = await t.ok('clients.get', { id });
    expect(card.ladder.current).toBe('potential');
    expect(card.ladder.steps.filter((s) => s.reached)).toHaveLength(1);
  });

  it('moves when an area records a fact in the client history, and shows in the list', async () => {
    await t.app.store.clientDossier.record({ userId: null, userName: 'Система' }, { clientId: id, kind: 'meeting', text: 'Встреча в офисе клиента' });
    expect((await t.ok('clients.get', { id })).ladder).toMatchObject({ current: 'meeting', ourClient: false });
    expect((await t.ok('clients.list', { step: 'meeting' })).rows.map((r) => r.id)).toEqual([id]);
  });
});

describe('the sources directory', () => {
  it('lists the seed\'s sources and refuses a duplicate name', async () => {
    const sources = await t.ok('clients.sources', {});
    expect(sources.map((s) => s.name)).toContain('Справочники');
    await signIn(t, 'head');
    await t.ok('clients.saveSource', { name: '2ГИС', kind: 'directory' });
    expect((await t.call('clients.saveSource', { name: '2гис', kind: 'database' })).error?.code).toBe('CONFLICT');
  });
});
