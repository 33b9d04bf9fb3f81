import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, type TestApp } from '../helpers/temp-app';
import { annulDocumentDirect, freshClient, issueDocumentDirect, signingAuditCount, signingOffice, travelTo, type SigningOffice } from '../helpers/signing-fixtures';

let t: TestApp;
let o: SigningOffice;
let client: number;
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
});

const issue = (kind: string, grossKopecks: number, extra: { basisId?: number; clientId?: number; managerId?: number; number?: string } = {}) =>
  issueDocumentDirect(t.app.store.sqlite, { kind, clientId: extra.clientId ?? client, managerId: extra.managerId ?? o.managerId, grossKopecks, basisId: extra.basisId, number: extra.number });

describe('bulk moves', () => {
  it('marks several documents sent in one transaction, one audit entry each', async () => {
    const ids = [issue('act_services', 100_00), issue('torg12', 200_00), issue('upd', 300_00)];
    const before = signingAuditCount(t.app.store.sqlite);
    expect(await t.ok('signing.transitionMany', { documentIds: ids, to: 'sent', method: 'courier', trackingNumber: 'К-77' })).toEqual({ moved: 3 });
    expect(signingAuditCount(t.app.store.sqlite) - before).toBe(3);
    const panels = await Promise.all(ids.map((documentId) => t.ok('signing.document', { documentId })));
    expect(panels.map((p) => [p?.state, p?.sentMethod, p?.trackingNumber])).toEqual([
      ['sent', 'courier', 'К-77'],
      ['sent', 'courier', 'К-77'],
      ['sent', 'courier', 'К-77'],
    ]);
  });

  it('moves nothing when one document cannot move, and names that document', async () => {
    const a = issue('act_services', 100_00);
    const b = issue('act_transfer', 200_00, { number: 'АП-7' });
    await t.ok('signing.transition', { documentId: b, to: 'original_received', filedWhere: 'Шкаф 1' });
    const before = signingAuditCount(t.app.store.sqlite);
    const res = await t.call('signing.transitionMany', { documentIds: [a, b], to: 'sent', method: 'post' });
    expect(res.error?.code).toBe('CONFLICT');
    expect(res.error?.message).toMatch(/^Акт приёма-передачи № АП-7 от 26\.11\.2026 \(ООО «Клиент \d+»\): Документ в состоянии «Оригинал получен»: дальше двигать некуда$/);
    expect(signingAuditCount(t.app.store.sqlite)).toBe(before);
    expect((await t.ok('signing.document', { documentId: a }))?.state).toBe('issued');
  });
});

describe('money at risk', () => {
  it('counts a contract’s risk as the sum of its unsigned acts, never the счёт or the счёт-фактура', async () => {
    const contract = issue('contract_supply', 1_000_000_00);
    const acts = [issue('act_services', 100_000_00, { basisId: contract }), issue('torg12', 250_000_00, { basisId: contract }), issue('upd', 50_000_00, { basisId: contract })];
    issue('invoice', 400_000_00, { basisId: contract });
    issue('invoice_factura', 400_000_00, { basisId: contract });
    const riskOf = async (id: number) => (await t.ok('signing.document', { documentId: id }))?.riskKopecks;
    expect(await riskOf(contract)).toBe(400_000_00);
    await t.ok('signing.transition', { documentId: acts[1], to: 'signed_by_client' });
    expect(await riskOf(contract)).toBe(150_000_00);
    annulDocumentDirect(t.app.store.sqlite, acts[2], o.directorId, 'Ошибка в количестве');
    expect(await riskOf(contract)).toBe(100_000_00);
    const board = await t.ok('signing.board', { clientId: client });
    const rows = board.groups[0].clients[0].rows;
    // The contract and the unsigned act carry 100 000 ₽ each, the signed ТОРГ-12 waits for its original (250 000 ₽).
    expect(rows.map((r) => [r.kind, r.riskKopecks])).toEqual([
      ['torg12', 250_000_00],
      ['contract_supply', 100_000_00],
      ['act_services', 100_000_00],
    ]);
    expect(board.riskKopecks).toBe(350_000_00);
    expect(board.groups[0].clients[0].riskKopecks).toBe(350_000_00);
  });

  it('sorts managers and clients by money at risk and shows days overdue', async () => {
    const small = freshClient(t, o.managerId);
    const big = freshClient(t, o.directorId);
    issue('act_services', 10_000_00, { clientId: small });
    issue('act_services', 90_000_000_00, { clientId: big, managerId: o.directorId });
    issue('act_services', 5_000_00, { clientId: big, managerId: o.directorId });
    await travelTo(t, '2026-12-10T09:00:00Z');
    const board = await t.ok('signing.board', { overdueOnly: true });
    const director = board.groups.find((g) => g.managerId === o.directorId);
    const manager = board.groups.find((g) => g.managerId === o.managerId);
    expect(board.groups.indexOf(director ?? board.groups[0])).toBeLessThan(board.groups.indexOf(manager ?? board.groups[0]));
    const bigGroup = director?.clients.find((c) => c.clientId === big);
    expect(bigGroup?.rows.map((r) => [r.riskKopecks, r.dueDate, r.daysOverdue])).toEqual([
      [90_000_000_00, '2026-12-03', 7],
      [5_000_00, '2026-12-03', 7],
    ]);
    const badge = await t.ok('signing.badge', {});
    expect(badge.overdue).toBeGreaterThanOrEqual(3);
    const summary = await t.ok('signing.overdueSince', { since: '2026-12-03' });
    expect(summary.items[0]).toMatchObject({ riskKopecks: 90_000_000_00, daysOverdue: 7, clientName: expect.stringMatching(/^ООО «Клиент/) });
    expect((await t.ok('signing.overdueSince', { since: '2026-12-10' })).newlyOverdue).toBe(0);
  });

  it('tells payroll which acts are unsigned past the deadline and which are signed', async () => {
    const contract = issue('contract_services', 0);
    const late = issue('act_services', 1_000_00, { basisId: contract });
    const signed = issue('act_services', 2_000_00, { basisId: contract });
    const refused = issue('act_services', 3_000_00, { basisId: contract });
    const invoice = issue('invoice', 6_000_00, { basisId: contract });
    await t.ok('signing.transition', { documentId: signed, to: 'signed_by_client' });
    await t.ok('signing.transition', { documentId: refused, to: 'refused', reason: 'Нет подписанта' });
    const store = t.app.store.signing;
    expect(await store.unsignedPastDeadline([late, signed, refused], '2026-12-03')).toEqual([refused]);
    expect(await store.unsignedPastDeadline([late, signed, refused], '2026-12-04')).toEqual([late, refused]);
    expect(await store.signed([late, signed, refused])).toEqual([signed]);
    const around = await store.overdueAround([invoice], '2026-12-04');
    expect(around.get(invoice)?.map((d) => d.documentId)).toEqual([contract, late]);
  });
});

describe('who sees and moves what', () => {
  it('shows a manager only their own clients’ documents; the accountant reads all and moves none', async () => {
    const mine = issue('act_services', 1_00);
    const other = freshClient(t, o.directorId);
    const theirs = issue('act_services', 2_00, { clientId: other, managerId: o.directorId });
    await signInAs(t, 'manager');
    const ids = (await t.ok('signing.board', {})).groups.flatMap((g) => g.clients.flatMap((c) => c.rows.map((r) => r.documentId)));
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect((await t.call('signing.transition', { documentId: theirs, to: 'signed_by_client' })).error?.code).toBe('NOT_FOUND');
    expect((await t.call('signing.document', { documentId: theirs })).error?.code).toBe('NOT_FOUND');
    expect((await t.ok('signing.document', { documentId: mine }))?.canWrite).toBe(true);
    expect((await t.call('signing.updateRules', { version: 0, rules: [] })).error?.code).toBe('FORBIDDEN');
    await signInAs(t, 'accountant');
    expect((await t.ok('signing.document', { documentId: theirs }))).toMatchObject({ canWrite: false, next: [] });
    expect((await t.call('signing.transition', { documentId: mine, to: 'sent', method: 'email' })).error?.code).toBe('FORBIDDEN');
    await signInAs(t, 'director');
  });
});

describe('signing states in other lists', () => {
  it('filters the documents list by signing state and gives states for its rows and the client card', async () => {
    const waiting = issue('act_services', 1_00);
    const done = issue('torg12', 2_00);
    const invoice = issue('invoice', 3_00);
    await t.ok('signing.transition', { documentId: done, to: 'original_received', filedWhere: 'Шкаф 3' });
    const ids = async (signing: 'waiting' | 'original_received' | 'issued') => (await t.ok('documents.list', { clientId: client, signing })).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await ids('waiting')).toEqual([waiting]);
    expect(await ids('original_received')).toEqual([done]);
    expect(await ids('issued')).toEqual([waiting, invoice]);
    const states = await t.ok('signing.states', { documentIds: [waiting, done, invoice] });
    expect(states.map((s) => [s.documentId, s.state, s.waitingFor])).toEqual([
      [waiting, 'issued', 'signature'],
      [done, 'original_received', null],
      [invoice, 'issued', null],
    ]);
    // The client card lists only the kinds that need signatures.
    expect((await t.ok('signing.clientDocuments', { clientId: client })).map((s) => s.documentId).sort((a, b) => a - b)).toEqual([waiting, done]);
  });
});
