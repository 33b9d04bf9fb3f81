import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';
import { annulDocumentDirect, freshClient, issueDocumentDirect, signingAuditCount, signingOffice, travelTo, type SigningOffice } from '../helpers/signing-fixtures';

// One base for the file; every test works with a client of its own and counts audit entries from where it started.
let t: TestApp;
let o: SigningOffice;
let client: number;
let audit0: number;
beforeAll(async () => {
  t = await openTestApp();
  o = await signingOffice(t);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await travelTo(t, '2026-11-26T09:00:00Z');
  client = freshClient(t, o.managerId);
  audit0 = signingAuditCount(t.app.store.sqlite);
});

const audited = (entity?: string) => signingAuditCount(t.app.store.sqlite, entity) - (entity ? 0 : audit0);
const boardOf = () => t.ok('signing.board', { clientId: client });
const act = (extra: { grossKopecks?: number; issuedAt?: string } = {}) =>
  issueDocumentDirect(t.app.store.sqlite, { kind: 'act_services', clientId: client, managerId: o.managerId, grossKopecks: extra.grossKopecks ?? 150_000_00, issuedAt: extra.issuedAt });

describe('the lifecycle of an issued act', () => {
  it('starts at «выставлен», waiting for the client with deadlines counted from the issue', async () => {
    const id = act();
    const panel = await t.ok('signing.document', { documentId: id });
    expect(panel).toMatchObject({ state: 'issued', waitingFor: 'signature', scanDue: '2026-12-03', originalDue: '2026-12-28', dueDate: '2026-12-03', daysOverdue: 0 });
    expect(panel?.next).toEqual(['sent', 'signed_by_us', 'signed_by_client', 'original_received', 'refused']);
    const board = await boardOf();
    expect(board.groups[0].clients[0].rows.map((r) => r.documentId)).toEqual([id]);
  });

  it('records who and when at every step, with one audit entry per change, and leaves the board when the original is back', async () => {
    const id = act();
    await t.ok('signing.transition', { documentId: id, to: 'sent', method: 'courier', trackingNumber: 'СДЭК 1234567' });
    await travelTo(t, '2026-11-27T09:00:00Z');
    await t.ok('signing.transition', { documentId: id, to: 'signed_by_us' });
    await travelTo(t, '2026-12-01T09:00:00Z');
    const signed = await t.ok('signing.transition', { documentId: id, to: 'signed_by_client', comment: 'скан пришёл по почте' });
    expect(signed).toMatchObject({ state: 'signed_by_client', waitingFor: 'original', dueDate: '2026-12-28', sentOn: '2026-11-26', sentMethod: 'courier', trackingNumber: 'СДЭК 1234567' });
    const done = await t.ok('signing.transition', { documentId: id, to: 'original_received', filedWhere: 'Папка «Акты 2026», шкаф 2' });
    expect(done).toMatchObject({ state: 'original_received', waitingFor: null, dueDate: null, filedWhere: 'Папка «Акты 2026», шкаф 2', next: [] });
    expect(done.history.map((h) => [h.state, h.at, h.userName])).toEqual([
      ['sent', '2026-11-26', 'Петров Пётр Петрович'],
      ['signed_by_us', '2026-11-27', 'Петров Пётр Петрович'],
      ['signed_by_client', '2026-12-01', 'Петров Пётр Петрович'],
      ['original_received', '2026-12-01', 'Петров Пётр Петрович'],
    ]);
    expect(audited()).toBe(4);
    const audit = t.app.store.sqlite.prepare("SELECT before, after, user_name FROM audit_log WHERE entity = 'document_signing' AND entity_id = ? ORDER BY id").all(String(id)) as { before: string; after: string; user_name: string }[];
    expect(JSON.parse(audit[0].before)).toMatchObject({ state: 'issued' });
    expect(JSON.parse(audit[0].after)).toMatchObject({ state: 'sent', method: 'courier', trackingNumber: 'СДЭК 1234567' });
    expect((await boardOf()).count).toBe(0);
    
  });

  it('allows skipping steps (both signed at the meeting) but refuses going back and changes nothing', async () => {
    const id = act();
    await t.ok('signing.transition', { documentId: id, to: 'signed_by_client' });
    const before = audited();
    const back = await t.call('signing.transition', { documentId: id, to: 'sent', method: 'email' });
    expect(back.error?.code).toBe('CONFLICT');
    expect(back.error?.message).toBe('Нельзя перевести из «Подписан клиентом» в «Отправлен клиенту»: шаги идут только вперёд');
    expect(audited()).toBe(before);
    expect((await t.ok('signing.document', { documentId: id }))?.history).toHaveLength(1);
  });

  it('asks each step for what it carries and refuses dates in the future or before the last step', async () => {
    const id = act();
    const refuse = async (input: Parameters<TestApp['call']>[1]) => (await t.call('signing.transition', input as never)).error?.message;
    expect(await refuse({ documentId: id, to: 'sent' })).toBe('Укажите, как документ отправлен клиенту');
    expect(await refuse({ documentId: id, to: 'refused' })).toBe('Укажите причину отказа в подписании');
    expect(await refuse({ documentId: id, to: 'original_received' })).toBe('Укажите, где хранится оригинал');
    expect(await refuse({ documentId: id, to: 'sent', method: 'post', at: '2026-11-30' })).toBe('Дата 30.11.2026 ещё не наступила');
    expect(await refuse({ documentId: id, to: 'sent', method: 'post', at: '2026-11-20' })).toBe('Дата 20.11.2026 раньше предыдущего шага (26.11.2026)');
    expect(audited()).toBe(0);
  });

  it('keeps a refused document on the board until it is annulled, then ends tracking with the annulment in the history', async () => {
    const id = act();
    await t.ok('signing.transition', { documentId: id, to: 'refused', reason: 'Клиент не согласен с объёмом работ' });
    const board = await boardOf();
    expect(board.groups[0].clients[0].rows[0]).toMatchObject({ documentId: id, waitingFor: 'refusal', dueDate: null });
    expect((await t.call('signing.transition', { documentId: id, to: 'signed_by_client' })).error?.message).toMatch(/только аннулировать/);
    annulDocumentDirect(t.app.store.sqlite, id, o.directorId, 'Выставлен повторно с верным объёмом');
    const panel = await t.ok('signing.document', { documentId: id });
    expect(panel).toMatchObject({ state: 'annulled', waitingFor: null, next: [] });
    expect(panel?.history.map((h) => [h.state, h.reason])).toEqual([
      ['refused', 'Клиент не согласен с объёмом работ'],
      ['annulled', 'Выставлен повторно с верным объёмом'],
    ]);
    expect((await boardOf()).count).toBe(0);
  });

  it('answers null for a draft and «not found» for an unknown document', async () => {
    const draft = t.app.store.sqlite
      .prepare("INSERT INTO documents (kind, org_id, client_id, manager_id, series_key, doc_date, vat_mode, vat_rate, created_at, updated_at) VALUES ('act_services', 1, ?, ?, 'act', '2026-11-26', 'on_top', '22', 'x', 'x') RETURNING id")
      .get(client, o.managerId) as { id: number };
    expect(await t.ok('signing.document', { documentId: draft.id })).toBeNull();
    expect((await t.call('signing.transition', { documentId: 999, to: 'signed_by_client' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('deadlines and rules as data', () => {
  it('counts working days across the New Year holidays and moves an original due on a day off', async () => {
    await travelTo(t, '2026-12-28T10:00:00Z');
    const id = act({ issuedAt: '2026-12-28T10:00:00.000Z' });
    const sent = await t.ok('signing.transition', { documentId: id, to: 'sent', method: 'edo' });
    expect(sent).toMatchObject({ scanDue: '2027-01-13', originalDue: '2027-01-27' });
    const rule = { kind: 'act_services', needsClientSignature: true, needsOriginal: true, confirmsFulfilment: true, riskFromActs: false, scanWorkingDays: 5, originalDays: 30, note: '' };
    await t.ok('signing.updateRules', { version: (await t.ok('signing.rules', {})).version, rules: [{ ...rule, originalDays: 3 }] });
    expect(await t.ok('signing.document', { documentId: id })).toMatchObject({ scanDue: '2027-01-13', originalDue: '2027-01-11' });
    await t.ok('signing.updateRules', { version: (await t.ok('signing.rules', {})).version, rules: [rule] });
  });

  it('moves open deadlines when the calendar is edited, and audits the change', async () => {
    const id = act();
    const days = await t.ok('signing.holidays', {});
    const holidayAudits = signingAuditCount(t.app.store.sqlite, 'holidays');
    expect(days).toContainEqual({ day: '2026-11-04', kind: 'holiday', note: 'День народного единства' });
    await t.ok('signing.updateHolidays', { days: [...days, { day: '2026-12-02', kind: 'holiday', note: 'Санитарный день' }] });
    expect((await t.ok('signing.document', { documentId: id }))?.scanDue).toBe('2026-12-04');
    await t.ok('signing.updateHolidays', { days: [...days, { day: '2026-11-28', kind: 'working', note: 'Рабочая суббота' }] });
    expect((await t.ok('signing.document', { documentId: id }))?.scanDue).toBe('2026-12-02');
    expect(signingAuditCount(t.app.store.sqlite, 'holidays') - holidayAudits).toBe(2);
    const dup = await t.call('signing.updateHolidays', { days: [...days, { day: '2026-11-04', kind: 'holiday', note: '' }] });
    expect(dup.error?.message).toBe('День 2026-11-04 указан дважды');
    await t.ok('signing.updateHolidays', { days });
    expect((await t.ok('signing.document', { documentId: id }))?.scanDue).toBe('2026-12-03');
  });

  it('never puts a счёт-фактура or a счёт on the board, and says the счёт-фактура is no proof of fulfilment', async () => {
    const sqlite = t.app.store.sqlite;
    const factura = issueDocumentDirect(sqlite, { kind: 'invoice_factura', clientId: client, managerId: o.managerId, grossKopecks: 10_000 });
    issueDocumentDirect(sqlite, { kind: 'invoice', clientId: client, managerId: o.managerId, grossKopecks: 10_000 });
    expect((await boardOf()).count).toBe(0);
    const panel = await t.ok('signing.document', { documentId: factura });
    expect(panel).toMatchObject({ state: 'issued', waitingFor: null });
    expect(panel?.rule.note).toMatch(/не подтверждает исполнение обязательств/);
  });

  it('puts a kind on the board once its rule asks for the client’s signature', async () => {
    const free = issueDocumentDirect(t.app.store.sqlite, { kind: 'free_form', clientId: client, managerId: o.managerId, grossKopecks: 5_000 });
    expect((await boardOf()).count).toBe(0);
    const { rules } = await t.ok('signing.rules', {});
    const rule = rules.find((r) => r.kind === 'free_form');
    if (!rule) throw new Error('no free_form rule');
    const ruleAudits = signingAuditCount(t.app.store.sqlite, 'signing_rules');
    await t.ok('signing.updateRules', { version: (await t.ok('signing.rules', {})).version, rules: [{ ...rule, needsClientSignature: true }] });
    const board = await boardOf();
    expect(board.groups[0].clients[0].rows[0]).toMatchObject({ documentId: free, waitingFor: 'signature' });
    expect(signingAuditCount(t.app.store.sqlite, 'signing_rules') - ruleAudits).toBe(1);
    await t.ok('signing.updateRules', { version: (await t.ok('signing.rules', {})).version, rules: [rule] });
    expect((await boardOf()).count).toBe(0);
  });
});

describe('steps that fit the kind', () => {
  it('offers a счёт-фактура only sending and our signature, and refuses the client’s signature for it', async () => {
    const factura = issueDocumentDirect(t.app.store.sqlite, { kind: 'invoice_factura', clientId: client, managerId: o.managerId, grossKopecks: 10_000 });
    expect((await t.ok('signing.document', { documentId: factura }))?.next).toEqual(['sent', 'signed_by_us']);
    const res = await t.call('signing.transition', { documentId: factura, to: 'signed_by_client' });
    expect(res.error?.message).toBe('Для вида «Счёт-фактура» подпись клиента не отслеживается (Справочники → Сроки подписания и календарь)');
    await t.ok('signing.transition', { documentId: factura, to: 'sent', method: 'edo' });
  });
});
