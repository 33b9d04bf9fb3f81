import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import { openTestApp, setUpOffice, VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

describe('the IPC wrapper', () => {
  it('returns data for valid input', async () => {
    const res = await t.call('orgs.create', { ...VALID_ORG, shortName: 'ИП Петров', kind: 'ip', inn: '500100000015', kpp: '', ogrn: '304770000000020' });
    expect(res.data?.shortName).toBe('ИП Петров');
  });

  it('refuses input that breaks the schema with field details and writes nothing', async () => {
    const audit = await t.app.store.audit.count();
    const res = await invoke(t.app, 'orgs.create', { ...VALID_ORG, fullName: '', defaultVatRate: '18' });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.details?.fields?.map((f) => f.path).sort()).toEqual(['defaultVatRate', 'fullName']);
    expect(res.error?.message).toMatch(/Полное наименование/);
    expect(await t.app.store.orgs.list()).toHaveLength(1);
    expect(await t.app.store.audit.count()).toBe(audit);
  });

  it('turns a handler failure into an error code and writes nothing', async () => {
    const audit = await t.app.store.audit.count();
    const res = await t.call('orgs.update', { id: 999, version: 1, org: VALID_ORG });
    expect(res.error).toMatchObject({ code: 'NOT_FOUND', message: 'Организация не найдена' });
    expect(await t.app.store.audit.count()).toBe(audit);
  });

  it('turns an unexpected exception into INTERNAL without throwing', async () => {
    const broken = { ...t.app, store: { ...t.app.store, orgs: { ...t.app.store.orgs, list: () => Promise.reject(new Error('disk gone')) } } };
    const res = await invoke(broken, 'orgs.list', {});
    expect(res.error?.code).toBe('INTERNAL');
  });

  it('refuses an unknown entry name', async () => {
    expect((await invoke(t.app, 'orgs.dropAll', {})).error?.code).toBe('UNKNOWN_ENTRY');
    expect((await invoke(t.app, { toString: () => 'orgs.list' }, {})).error?.code).toBe('UNKNOWN_ENTRY');
  });

  it('refuses writes when the base is open for recovery only', async () => {
    const readOnly = { ...t.app, store: { ...t.app.store, readOnly: true } };
    expect((await invoke(readOnly, 'orgs.create', VALID_ORG)).error?.code).toBe('READ_ONLY');
    expect((await invoke(readOnly, 'orgs.list', {})).data).toHaveLength(1);
  });

  it('records each change in the hash-chained audit trail', async () => {
    const [org] = await t.ok('orgs.list', {});
    await t.ok('orgs.update', { id: org.id, version: org.version, org: { ...VALID_ORG, phone: '+7 495 111-11-11' } });
    const { entries, chainOk } = await t.ok('audit.list', { entity: 'organization', limit: 10 });
    expect(chainOk).toBe(true);
    expect(entries[0]).toMatchObject({ action: 'update', entity: 'organization', userName: 'Петров Пётр Петрович' });
    expect(entries[0].after).toMatchObject({ phone: '+7 495 111-11-11' });
    expect(entries[0].before).toMatchObject({ phone: '+7 495 000-00-00' });
  });
});

describe('the audit trail', () => {
  it('cannot be altered through SQL', () => {
    expect(() => t.app.store.sqlite.prepare("UPDATE audit_log SET user_name = 'x'").run()).toThrow(/append-only/);
    expect(() => t.app.store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('reports the first entry whose hash no longer matches', async () => {
    await t.ok('users.create', { login: 'ivanov', fullName: 'Иванов', position: '', role: 'manager', password: 'Stol-Lampa-2026' });
    const db = t.app.store.sqlite;
    const ids = (db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET after = '{\"role\":\"director\"}' WHERE id = ?").run(ids[1]);
    expect(await t.app.store.audit.verify()).toBe(ids[1]);
    expect((await t.ok('audit.list', { limit: 5 })).chainOk).toBe(false);
  });
});
