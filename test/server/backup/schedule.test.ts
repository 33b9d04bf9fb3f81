import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduledDuties } from '../../../src/server/backup/schedule';
import { enterRecovery } from '../../../src/server/health';
import { openTestApp, setUpOffice, tempDir, type TestApp } from '../../helpers/temp-app';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const HOUR = 3600_000;
const stamps = (root: string, kind: string) => readdirSync(join(root, kind)).filter((n) => !n.startsWith('.')).sort();
const day = (stamp: string) => stamp.slice(0, 10);

function expectDaily(root: string, last: string[]): void {
  expect(stamps(root, 'daily').map(day)).toEqual(last);
}

describe('the daily schedule', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly copies over a simulated year', { timeout: 60_000 }, async () => {
    t = await openTestApp(tempDir(), new Date('2026-01-01T08:00:00Z'));
    await setUpOffice(t);
    // From 1 January 2026 to 31 January 2027: a start every fourth day for eleven months (monthly and
    // weekly rotation), then twice a day for the last five weeks (daily and weekly rotation).
    const starts: Date[] = [];
    for (let d = 0; d < 360; d += 4) starts.push(new Date(Date.UTC(2026, 0, 1 + d, 8)));
    for (let h = 0; h < 36 * 24; h += 12) starts.push(new Date(Date.UTC(2026, 11, 27, 8) + h * HOUR));
    let dailies = 0;
    for (const at of starts) {
      t.clock.now = at;
      if ((await runScheduledDuties(t.app)).daily) dailies += 1;
    }
    expect(dailies).toBe(90 + 36);
    const root = join(t.dir, 'backups');
    expectDaily(root, ['2027-01-25', '2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29', '2027-01-30', '2027-01-31']);
    const weekly = stamps(root, 'weekly');
    expect(weekly).toHaveLength(4);
    expect(weekly.slice(1).map((s, i) => (Date.parse(day(s)) - Date.parse(day(weekly[i]))) / (24 * HOUR))).toEqual([7, 7, 7]);
    expect(stamps(root, 'monthly').map((s) => s.slice(0, 7))).toEqual([
      '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07',
      '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01',
    ]);
    // A weekly is the same day's daily, hard-linked: no extra space on the same disk.
    expect(stamps(root, 'daily')).toContain(weekly.at(-1));
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
    expect((await t.ok('backup.list', {})).backups).toHaveLength(7 + 4 + 12);
  });

  it('rotates the second folder the same way', async () => {
    t = await openTestApp(tempDir(), new Date('2026-03-01T08:00:00Z'));
    await setUpOffice(t);
    const usb = tempDir('sdelka-usb-');
    t.app.pickFolder = async () => usb;
    await t.ok('backup.chooseSecondDir', {});
    for (let d = 0; d < 40; d++) {
      t.clock.now = new Date(Date.UTC(2026, 2, 1, 8) + d * 24 * HOUR);
      await runScheduledDuties(t.app);
    }
    const root = join(usb, 'sdelka-backups');
    expectDaily(root, ['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09']);
    expect(stamps(root, 'weekly').map(day)).toEqual(['2026-03-15', '2026-03-22', '2026-03-29', '2026-04-05']);
    expect(stamps(root, 'monthly').map(day)).toEqual(['2026-03-01', '2026-04-01']);
    expect(stamps(root, 'daily')).toEqual(stamps(join(t.dir, 'backups'), 'daily'));
    rmSync(usb, { recursive: true, force: true });
  });
});

describe('the schedule', () => {
  it('does nothing on an empty base, then makes one daily copy a day', async () => {
    t = await openTestApp();
    expect((await runScheduledDuties(t.app)).daily).toBeNull();
    await setUpOffice(t);
    expect((await runScheduledDuties(t.app)).daily?.kind).toBe('daily');
    t.clock.now = new Date(t.clock.now.getTime() + 12 * HOUR);
    expect((await runScheduledDuties(t.app)).daily).toBeNull();
    t.clock.now = new Date(t.clock.now.getTime() + 12 * HOUR);
    expect((await runScheduledDuties(t.app)).daily?.kind).toBe('daily');
  });

  it('makes no copies of a damaged base (they would push the good ones out)', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    enterRecovery(t.app, 'испорчена страница');
    expect(await runScheduledDuties(t.app)).toEqual({ daily: null, fullCheck: 'not-due' });
  });

  it('runs the full check once a week while the program stays open', async () => {
    t = await openTestApp();
    await setUpOffice(t);
    const first = t.app.health.lastFullCheckAt;
    expect(first).toBe('2026-11-26T09:00:00.000Z');
    t.clock.now = new Date(t.clock.now.getTime() + 3 * 24 * HOUR);
    expect((await runScheduledDuties(t.app)).fullCheck).toBe('not-due');
    t.clock.now = new Date(t.clock.now.getTime() + 4 * 24 * HOUR);
    expect((await runScheduledDuties(t.app)).fullCheck).toBe('passed');
    expect(t.app.health.lastFullCheckAt).toBe(t.clock.now.toISOString());
  });
});
