import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { invoke } from '../../src/server/invoke';
import { draftInput, makeClient } from '../helpers/document-fixtures';
import { openDesk, openTestApp, RESOURCES, setUpOffice, signInAs, VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

describe('sessions: one per person per desk', () => {
  it('keeps two desks signed in as different people at once', async () => {
    const desk = openDesk(t);
    await signInAs(desk, 'manager');
    expect((await t.ok('auth.status', {})).user?.role).toBe('director');
    expect((await desk.ok('auth.status', {})).user?.role).toBe('manager');
    // The manager's desk is refused the director's entry; the director's desk is not.
    expect((await desk.call('users.list', {})).error?.code).toBe('FORBIDDEN');
    expect((await t.call('users.list', {})).error).toBeUndefined();
  });

  it("ends only the signing-out desk's session", async () => {
    const desk = openDesk(t);
    await signInAs(desk, 'accountant');
    await desk.ok('auth.logout', {});
    expect((await desk.ok('auth.status', {})).user).toBeNull();
    expect((await t.ok('auth.status', {})).user?.login).toBe('director');
    // The old token is dead on the host even if the desk kept a copy of it.
    expect(desk.caller.credential.token).toBeNull();
  });

  it('stores only a hash of the token, in the office file and not in the base', async () => {
    const token = t.caller.credential.token ?? '';
    expect(token.length).toBeGreaterThanOrEqual(22); // 32 random bytes, base64url: ≥128 bits
    const rows = t.app.sessions.list();
    expect(rows.map((r) => r.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    const tables = (t.app.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('sessions');
  });

  it('never extends the idle time for background calls; the person’s own calls do', async () => {
    const desk = openDesk(t);
    await signInAs(desk, 'manager');
    const start = t.clock.now.getTime();
    // 14 minutes of badge polls only, then one more: the 15-minute limit counts from the last own action.
    for (let m = 1; m <= 14; m++) {
      t.clock.now = new Date(start + m * 60_000);
      expect((await desk.call('auth.ping', {}, { background: true })).error).toBeUndefined();
    }
    t.clock.now = new Date(start + 16 * 60_000);
    expect((await desk.call('auth.ping', {}, { background: true })).error?.code).toBe('SESSION_EXPIRED');
    // The director's desk worked meanwhile (own action at minute 14), so it is still in at 16.
    t.clock.now = new Date(start + 14 * 60_000);
    await t.ok('auth.ping', {});
    t.clock.now = new Date(start + 16 * 60_000);
    expect((await t.call('auth.ping', {})).error).toBeUndefined();
  });

  it('survives a restart of the host (same token, same person)', async () => {
    const token = t.caller.credential.token;
    t.app.sessions.close();
    await t.app.store.close();
    const again = await createApp({ dataDir: t.dir, resourcesDir: RESOURCES, version: '0.0.0-test', now: () => t.clock.now, log: () => {} });
    if ('failure' in again) throw new Error(again.failure.message);
    try {
      const res = await invoke(again.app, 'auth.status', {}, { origin: t.caller.origin, credential: { token } });
      expect(res.data).toMatchObject({ user: { login: 'director' } });
    } finally {
      again.app.sessions.close();
      await again.app.store.close();
      await again.app.pdf.close();
    }
    // The test app's own handles are closed above; reopen so afterEach can close them again.
    const reopened = await createApp({ dataDir: t.dir, resourcesDir: RESOURCES, version: '0.0.0-test', now: () => t.clock.now, log: () => {} });
    if ('failure' in reopened) throw new Error(reopened.failure.message);
    t.app.store = reopened.app.store;
    t.app.sessions = reopened.app.sessions;
  });

  it('lists who is signed in where, and the director ends another desk’s session', async () => {
    const desk = openDesk(t, { address: '192.168.1.23', computer: 'Бухгалтерия' });
    await signInAs(desk, 'accountant');
    const list = await t.ok('office.sessions', {});
    const theirs = list.find((s) => s.login === 'user-accountant');
    expect(theirs).toMatchObject({ computer: 'Бухгалтерия', address: '192.168.1.23', role: 'accountant', current: false });
    expect(list.find((s) => s.login === 'director')?.current).toBe(true);
    await t.ok('office.endSession', { id: theirs?.id ?? '' });
    expect((await desk.call('orgs.list', {})).error?.code).toBe('UNAUTHENTICATED');
    // Only the director sees and ends sessions.
    await signInAs(desk, 'head_of_sales');
    expect((await desk.call('office.sessions', {})).error?.code).toBe('FORBIDDEN');
  });

  it('ends a person’s sessions when the director switches them off', async () => {
    const desk = openDesk(t);
    await signInAs(desk, 'manager');
    const me = (await t.ok('users.list', {})).find((u) => u.login === 'user-manager');
    await t.ok('users.update', { id: me?.id ?? 0, fullName: 'Тест manager', position: '', role: 'manager', active: false });
    expect((await desk.call('orgs.list', {})).error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the audit trail records the computer', () => {
  it('keeps old (version 1) entries verifying beside new ones that carry the computer', async () => {
    const db = t.app.store.sqlite;
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string };
    // A version-1 entry, hashed the way the program did before the office (the fields, no computer).
    const v1 = [last.hash, '2026-11-26T09:00:01.000Z', null, 'Система', 'update', 'settings', null, null, '{"x":1}'];
    const v1Hash = createHash('sha256').update(JSON.stringify(v1)).digest('hex');
    db.prepare("INSERT INTO audit_log (at, user_id, user_name, action, entity, entity_id, before, after, prev_hash, hash, hash_version) VALUES ('2026-11-26T09:00:01.000Z', NULL, 'Система', 'update', 'settings', NULL, NULL, '{\"x\":1}', ?, ?, 1)").run(last.hash, v1Hash);
    const desk = openDesk(t, { address: '192.168.1.40', computer: 'Стол директора' });
    await signInAs(desk, 'director');
    await desk.ok('orgs.create', { ...VALID_ORG, shortName: 'ООО «Лютик»', fullName: 'Общество с ограниченной ответственностью «Лютик»' });
    const newest = db.prepare('SELECT computer, hash_version FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(newest).toEqual({ computer: 'Стол директора', hash_version: 2 });
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
    // Changing the recorded computer breaks the chain.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET computer = 'Другой' WHERE id = (SELECT max(id) FROM audit_log)").run();
    expect((await t.ok('audit.verify', {})).ok).toBe(false);
  });
});

describe('many writers', () => {
  it('gives the first answer to a retried write with the same request id and makes one record', async () => {
    const input = { ...VALID_ORG, shortName: 'ООО «Лютик»', fullName: 'Общество с ограниченной ответственностью «Лютик»' };
    const before = (await t.ok('orgs.list', {})).length;
    const [a, b] = await Promise.all([t.call('orgs.create', input, { requestId: 'req-1' }), t.call('orgs.create', input, { requestId: 'req-1' })]);
    const c = await t.call('orgs.create', input, { requestId: 'req-1' });
    expect(a.data?.id).toBeDefined();
    expect(b.data?.id).toBe(a.data?.id);
    expect(c.data?.id).toBe(a.data?.id);
    expect((await t.ok('orgs.list', {})).length).toBe(before + 1);
    // Another request id is another action.
    await t.ok('orgs.create', { ...input, shortName: 'ООО «Лютик-2»' });
    expect((await t.ok('orgs.list', {})).length).toBe(before + 2);
  });
});

describe('concurrent document issues from several desks', () => {
  it('queues twelve parallel issues: all issued, numbered 1…12 without gaps, none refused', async () => {
    const clientId = await makeClient(t);
    const desks = [t, openDesk(t), openDesk(t)];
    for (const d of desks.slice(1)) await signInAs(d, 'director');
    const drafts: number[] = [];
    for (let i = 0; i < 12; i++) drafts.push((await t.ok('documents.createDraft', draftInput('invoice', clientId))).id);
    const results = await Promise.all(drafts.map((id, i) => (desks[i % 3] ?? t).call('documents.issue', { id })));
    expect(results.map((r) => r.error?.message ?? null)).toEqual(Array(12).fill(null));
    expect(results.map((r) => Number(r.data?.number)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('makes one document when the same issue is retried with its request id', async () => {
    const clientId = await makeClient(t);
    const draftA = (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id;
    const first = await t.call('documents.issue', { id: draftA }, { requestId: 'issue-7' });
    const retry = await t.call('documents.issue', { id: draftA }, { requestId: 'issue-7' });
    expect(retry.data).toEqual(first.data);
    const issued = (t.app.store.sqlite.prepare("SELECT count(*) AS n FROM documents WHERE status = 'issued'").get() as { n: number }).n;
    expect(issued).toBe(1);
  });
});
