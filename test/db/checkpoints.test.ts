// A write returns as soon as its pages are safe in the WAL: copying them into the base file (a
// checkpoint) is never done inside a writer's COMMIT, but by the store a moment after, by itself.
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_AT_MOST_MS, CHECKPOINT_EVERY_MS, CHECKPOINT_QUIET_MS, checkpointSync, scheduleCheckpoints } from '../../src/db/checkpoints';
import { openConnection, type Sqlite } from '../../src/db/connection';
import { appsPerTest } from '../helpers/apps-per-test';
import { tempDir } from '../helpers/temp-app';

const openApp = appsPerTest();

/** More than SQLite's 1 000-page automatic checkpoint: 2 500 sources of 2 KB each (about 6 MB). */
function bigWrite(sqlite: Sqlite, tag: string): void {
  const insert = sqlite.prepare("INSERT INTO client_sources (name, kind, created_at) VALUES (?, 'other', '2026-12-07')");
  sqlite.transaction(() => {
    for (let i = 0; i < 2500; i++) insert.run(`${tag} ${i} ${'х'.repeat(1000)}`);
  })();
}

const fileSize = (file: string): number => statSync(file).size;

/** The base file's size once everything written so far (the set-up of the test's base) is copied into it. */
function settled(sqlite: Sqlite): number {
  const done = checkpointSync(sqlite);
  expect(done.copiedFrames).toBe(done.walFrames);
  return fileSize(sqlite.name);
}
const BIG = 4 * 1024 * 1024;

/** Waits (at most ten rounds of the store's timer) until the base file has grown by `by` bytes. */
async function grown(file: string, from: number, by: number): Promise<boolean> {
  for (let waited = 0; waited < CHECKPOINT_EVERY_MS * 10; waited += 50) {
    if (fileSize(file) >= from + by) return true;
    await sleep(50);
  }
  return false;
}

describe('checkpoints after the write, not inside it', () => {
  it('a writer connection does not checkpoint by itself', () => {
    const sqlite = openConnection(':memory:');
    try {
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it('a commit of more than 1 000 pages leaves them in the WAL, and the store copies them into the base a moment later', async () => {
    const t = await openApp();
    const file = t.app.store.sqlite.name;
    const before = settled(t.app.store.sqlite);
    bigWrite(t.app.store.sqlite, 'Источник');
    // Right after the COMMIT the base file is as it was: its pages are in the WAL only.
    expect(fileSize(file)).toBe(before);
    expect(fileSize(`${file}-wal`)).toBeGreaterThan(BIG);
    expect(await grown(file, before, BIG)).toBe(true);
    // Nothing is left to copy, and every row reads back.
    const left = checkpointSync(t.app.store.sqlite);
    expect(left.copiedFrames).toBe(left.walFrames);
    expect(t.app.store.sqlite.prepare("SELECT count(*) FROM client_sources WHERE name LIKE 'Источник %'").pluck().get()).toBe(2500);
  });

  it('the same for a write on a connection of its own (a long import), and a desk reading an older state holds up neither', async () => {
    const t = await openApp();
    const file = t.app.store.sqlite.name;
    const before = settled(t.app.store.sqlite);
    const reader = openConnection(file, { readonly: true });
    const writer = openConnection(file);
    try {
      // A desk in the middle of a read: its snapshot is from before the write.
      reader.exec('BEGIN');
      const seen = reader.prepare('SELECT count(*) FROM client_sources').pluck().get();
      bigWrite(writer, 'Список');
      expect(fileSize(file)).toBe(before);
      // The checkpoint may not copy what the reader's older state still needs: it waits for nobody and
      // leaves the base file as it was while the read goes on.
      await sleep(CHECKPOINT_EVERY_MS * 3);
      expect(reader.prepare('SELECT count(*) FROM client_sources').pluck().get()).toBe(seen);
      expect(fileSize(file)).toBe(before);
      reader.exec('COMMIT');
      // Once the read is over, the next round copies everything, without another write to prompt it.
      expect(await grown(file, before, BIG)).toBe(true);
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
      writer.close();
    }
  });

  it('waits while the store’s own connection is inside a transaction left open across an await, then copies it all', async () => {
    const t = await openApp();
    const sqlite = t.app.store.sqlite;
    const file = sqlite.name;
    const before = settled(sqlite);
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      bigWrite(sqlite, 'Незакрытая');
      await sleep(CHECKPOINT_EVERY_MS * 3);
      expect(fileSize(file)).toBe(before);
    } finally {
      sqlite.exec('COMMIT');
    }
    expect(await grown(file, before, BIG)).toBe(true);
  });
});

describe('when the checkpoint comes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A base of its own with one table, its checkpoints on a clock the test moves. */
  function base(): { sqlite: Sqlite; write(): void; stop(): void } {
    const sqlite = openConnection(join(tempDir('sdelka-checkpoint-'), 'base.sqlite'));
    sqlite.exec('CREATE TABLE notes (text TEXT NOT NULL)');
    checkpointSync(sqlite);
    const insert = sqlite.prepare('INSERT INTO notes (text) VALUES (?)');
    const changes = sqlite.prepare('SELECT total_changes()').pluck();
    vi.useFakeTimers();
    const schedule = scheduleCheckpoints(sqlite, () => String(changes.get()));
    return {
      sqlite,
      // About 40 KB: ten pages a save.
      write: () => insert.run('з'.repeat(20_000)),
      stop: () => {
        schedule.stop();
        sqlite.close();
      },
    };
  }

  it('waits for a pause in the writes: a burst of saves is copied once, a second after the last', () => {
    const b = base();
    try {
      const before = fileSize(b.sqlite.name);
      // Ten saves 300 ms apart: never a quiet second between them.
      for (let i = 0; i < 10; i++) {
        b.write();
        vi.advanceTimersByTime(300);
        expect(fileSize(b.sqlite.name)).toBe(before);
      }
      vi.advanceTimersByTime(CHECKPOINT_QUIET_MS - 300 + CHECKPOINT_EVERY_MS);
      expect(fileSize(b.sqlite.name)).toBeGreaterThan(before + 9 * 20_000 * 2);
    } finally {
      b.stop();
    }
  });

  it('under saves that never pause, copies at least every ten seconds', () => {
    const b = base();
    try {
      const sizes: number[] = [];
      // A save every 400 ms for 12 s.
      for (let t = 0; t < 12_000; t += 400) {
        b.write();
        vi.advanceTimersByTime(400);
        sizes.push(fileSize(b.sqlite.name));
      }
      const firstGrowth = sizes.findIndex((size) => size > sizes[0]);
      // Not before ten seconds of saves, and not much after (the next look of the timer).
      expect(firstGrowth * 400).toBeGreaterThanOrEqual(CHECKPOINT_AT_MOST_MS - 400);
      expect(firstGrowth * 400).toBeLessThanOrEqual(CHECKPOINT_AT_MOST_MS + CHECKPOINT_EVERY_MS);
    } finally {
      b.stop();
    }
  });
});

