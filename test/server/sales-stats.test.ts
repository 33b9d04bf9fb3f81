import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/core';
import type { ActivityInput } from '../../src/shared/api/sales-activities';
import type { WorkMetricKey } from '../../src/shared/api/sales-stats';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';
import { insertClient, userId } from '../helpers/sales-fixtures';

let t: TestApp;
const managers: number[] = [];
const clients: { clientId: number; contactId: number }[] = [];
const objectionIds: number[] = [];

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await signInAs(t, 'head_of_sales');
  await signInAs(t, 'director');
  for (const login of ['m1', 'm2', 'm3']) {
    managers.push((await t.ok('users.create', { login, fullName: `Менеджер ${login}`, position: '', role: 'manager', password: 'Stol-Lampa-2026' })).id);
  }
  managers.forEach((m, i) => clients.push(insertClient(t.app.store.sqlite, `Клиент ${i}`, m)));
  for (const text of ['Это слишком дорого', 'Нам это не нужно', 'Мы работаем с вашими конкурентами']) {
    objectionIds.push((await t.ok('objections.save', { text })).id);
  }
});
afterAll(async () => {
  await t.close();
});

type Direct = Record<string, number>;

function directCount(from: string, to: string, managerId?: number): Direct {
  const where = `status = 'done' AND day BETWEEN ? AND ?${managerId ? ' AND manager_id = ?' : ''}`;
  const args = managerId ? [from, to, managerId] : [from, to];
  return t.app.store.sqlite
    .prepare(
      `SELECT sum(kind LIKE 'call_%') AS calls, sum(kind LIKE 'call_%' AND reached_key_person) AS keyPersons,
              sum(kind LIKE 'call_%' AND made_contact) AS contacts, sum(kind LIKE 'call_%' AND interested) AS interested,
              sum(kind LIKE 'call_%' AND meeting_set) AS meetingsSet, sum(kind = 'meeting') AS meetingsHeld,
              sum(kind = 'proposal') AS proposals FROM activities WHERE ${where}`,
    )
    .get(...args) as Direct;
}

/** A month of 240 activities of three managers, some completed, cancelled or moved afterwards: made once, read by every test. */
let generated: Promise<void> | null = null;
function generatedMonth(): Promise<void> {
  generated ??= (async () => {
    await signInAs(t, 'director');
    const rand = rng(7);
    const kinds = ['call_cold', 'call_cold', 'call_cold', 'call_followup', 'call_incoming', 'meeting', 'letter', 'proposal'] as const;
    const created: number[] = [];
    for (let i = 0; i < 240; i++) {
      const m = Math.floor(rand() * managers.length);
      const day = 1 + Math.floor(rand() * 30);
      const input: ActivityInput = {
        kind: kinds[Math.floor(rand() * kinds.length)],
        status: rand() < 0.85 ? 'done' : 'planned',
        at: `2026-11-${String(day).padStart(2, '0')}T${String(9 + Math.floor(rand() * 9)).padStart(2, '0')}:15`,
        managerId: managers[m],
        clientId: clients[m].clientId,
        contactId: clients[m].contactId,
        reachedKeyPerson: rand() < 0.6,
        madeContact: rand() < 0.5,
        interested: rand() < 0.3,
        meetingSet: rand() < 0.15,
        objectionIds: objectionIds.filter(() => rand() < 0.25),
      };
      created.push((await t.ok('activities.create', input)).id);
    }
    // Change some: complete planned ones, cancel done ones, move one to another day.
    for (const id of created.filter((_, i) => i % 9 === 0)) {
      const a = await t.ok('activities.get', { id });
      await t.ok('activities.setStatus', { id, status: a.status === 'done' ? 'cancelled' : 'done' });
    }
    const moved = await t.ok('activities.get', { id: created[1] });
    await t.ok('activities.update', {
      id: moved.id,
      activity: { ...moved, at: '2026-11-30T17:00', objectionIds: [objectionIds[0]], participants: [] },
    });
  })();
  return generated;
}

describe('statistics of commercial work', () => {
  it('equal a direct count over a generated month of activities, edits and cancellations included', async () => {
    await generatedMonth();
    await signInAs(t, 'director');
    const stats = await t.ok('workStats.get', { from: '2026-11-01', to: '2026-11-30', granularity: 'week' });
    const dept = directCount('2026-11-01', '2026-11-30');
    for (const [k, v] of Object.entries(dept)) expect(stats.department.counts[k as WorkMetricKey], k).toBe(v);
    for (const m of managers) {
      const row = stats.rows.find((r) => r.managerId === m);
      const direct = directCount('2026-11-01', '2026-11-30', m);
      for (const [k, v] of Object.entries(direct)) expect(row?.counts[k as WorkMetricKey], `${m} ${k}`).toBe(v);
    }
    // The documents area counts contracts and invoices, the money area payments (none here): zeros, not «—».
    expect(stats.connected.contracts).toBe(true);
    expect(stats.department.counts.contracts).toBe(0);
    expect(stats.department.counts.invoices).toBe(0);
    expect(stats.connected.payments).toBe(true);
    expect(stats.department.counts.payments).toBe(0);

    // Each week's bucket equals the direct count over that week's days.
    for (const p of stats.series) {
      const from = p.bucket < '2026-11-01' ? '2026-11-01' : p.bucket;
      const end = new Date(`${p.bucket}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 6);
      const to = end.toISOString().slice(0, 10) > '2026-11-30' ? '2026-11-30' : end.toISOString().slice(0, 10);
      expect(bucketOf(from, 'week')).toBe(p.bucket);
      const direct = directCount(from, to);
      const calls = Object.values(p.byManager).reduce((s, c) => s + (c.calls ?? 0), 0);
      expect(calls, p.bucket).toBe(direct.calls ?? 0);
    }

    const heard = t.app.store.sqlite
      .prepare(
        "SELECT ao.objection_id AS id, count(*) AS n FROM activity_objections ao JOIN activities a ON a.id = ao.activity_id WHERE a.status = 'done' AND a.day BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY ao.objection_id",
      )
      .all() as { id: number; n: number }[];
    expect(Object.fromEntries(stats.topObjections.map((o) => [o.objectionId, o.count]))).toEqual(Object.fromEntries(heard.map((h) => [h.id, h.n])));
    expect(stats.department.conversions[0].percent).toMatch(/^\d+(,\d)?\u00a0%$/);
  });

  it('shows a manager their own rows and the department totals only', async () => {
    await generatedMonth();
    await t.ok('auth.login', { login: 'm1', password: 'Stol-Lampa-2026' });
    const stats = await t.ok('workStats.get', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.rows.map((r) => r.managerId)).toEqual([managers[0]]);
    expect(stats.department.counts.calls).toBe(directCount('2026-11-01', '2026-11-30').calls);
    expect(Object.keys(stats.series[0].byManager)).toEqual([String(managers[0])]);
  });

  it('exports the statistics as an XLSX workbook', async () => {
    await generatedMonth();
    await signInAs(t, 'head_of_sales');
    const file = await t.ok('workStats.export', { from: '2026-11-01', to: '2026-11-30', granularity: 'month' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(bytes).buffer);
    const sheet = wb.getWorksheet('Статистика');
    const deptRow = sheet?.getRow(5 + managers.length);
    expect(deptRow?.getCell(1).value).toBe('Отдел');
    expect(deptRow?.getCell(2).value).toBe(directCount('2026-11-01', '2026-11-30').calls);
    expect(userId(t.app.store.sqlite, 'm1')).toBe(managers[0]);
  });
});
