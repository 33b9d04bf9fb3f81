import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await t.ok('setup.demo', {});
});
afterAll(async () => {
  await t.close();
});

describe('the demo office’s signatures', () => {
  it('has signed documents with originals filed, a couple long overdue, this month’s in every state, and a clean audit chain', async () => {
    await t.ok('auth.login', { login: 'morozova', password: 'Stol-Lampa-2026' });
    const board = await t.ok('signing.board', {});
    const rows = board.groups.flatMap((g) => g.clients.flatMap((c) => c.rows));
    expect(rows.map((r) => r.state).sort()).toEqual(['issued', 'refused', 'sent', 'sent', 'signed_by_client', 'signed_by_us']);
    expect(rows.filter((r) => r.daysOverdue > 30)).toHaveLength(2);
    expect(board.overdue).toBeGreaterThanOrEqual(3);
    expect(new Set(board.groups.map((g) => g.managerName))).toEqual(new Set(['Иванов Пётр Алексеевич', 'Кузнецова Анна Дмитриевна', 'Смирнов Дмитрий Олегович']));
    const badge = await t.ok('signing.badge', {});
    expect(badge.waiting).toBe(rows.length);
    expect(await t.app.store.audit.verify()).toBeNull();
  });
});
