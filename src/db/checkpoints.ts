// Copying the WAL back into the base file (a checkpoint) off the writers' wait. SQLite's automatic
// checkpoint runs inside the COMMIT of whichever write takes the WAL past 1 000 pages: one person's
// small save, or a long list's commit (65 MB, a quarter of a second), waits for it. Writer connections
// here never checkpoint by themselves (openConnection); the store checkpoints once the writes pause for a
// moment, between calls, so every write returns as soon as its own pages are safe in the WAL.
import type { Sqlite } from './connection';

/** How often the store looks for new writes to checkpoint. */
export const CHECKPOINT_EVERY_MS = 500;

/**
 * A checkpoint waits until no write came for this long (a burst of saves is copied once, not once a
 * save: each checkpoint syncs the disk twice, which an office PC's disk may take tens of milliseconds for)…
 */
export const CHECKPOINT_QUIET_MS = 1000;

/** …but under writes that never pause, it runs at least this often, so the WAL does not grow without end. */
export const CHECKPOINT_AT_MOST_MS = 10_000;

/** SQLite's answer to a checkpoint: WAL frames in all and frames now copied into the base file. */
export type CheckpointResult = { busy: boolean; walFrames: number; copiedFrames: number };

/**
 * A PASSIVE checkpoint: copies what it can without waiting for readers or the writer, so it never
 * blocks another desk; what a reader still needs stays in the WAL for the next one.
 */
export function checkpointSync(sqlite: Sqlite): CheckpointResult {
  const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { busy: row.busy !== 0, walFrames: row.log, copiedFrames: row.checkpointed };
}

/**
 * Checkpoints `sqlite` once nothing was written for CHECKPOINT_QUIET_MS (or CHECKPOINT_AT_MOST_MS
 * after the first write not yet copied), looking every CHECKPOINT_EVERY_MS; `writeStamp` tells a
 * write. The timer never keeps the process alive. `stop()` ends it (closing the last connection
 * checkpoints the rest).
 */
export function scheduleCheckpoints(sqlite: Sqlite, writeStamp: () => string, now: () => number = Date.now): { stop(): void } {
  let done = writeStamp();
  let seen = done;
  let lastWriteAt = 0;
  let pendingSince: number | null = null;
  const timer = setInterval(() => {
    // Never inside a transaction of this connection (one left open across an await).
    if (!sqlite.open || sqlite.inTransaction) return;
    const stamp = writeStamp();
    if (stamp === done) return;
    const at = now();
    if (stamp !== seen) {
      seen = stamp;
      lastWriteAt = at;
      pendingSince ??= at;
    }
    if (at - lastWriteAt < CHECKPOINT_QUIET_MS && at - (pendingSince ?? at) < CHECKPOINT_AT_MOST_MS) return;
    let result: CheckpointResult;
    try {
      result = checkpointSync(sqlite);
    } catch {
      // Busy or locked by another process past busy_timeout, or the disk refusing: the writes are safe
      // in the WAL and the next round tries again (a disk that keeps refusing fails the next write,
      // which tells its person; a timer has no one to tell).
      return;
    }
    // A checkpoint that could not copy everything (a reader still on older pages) is tried again next time.
    if (!result.busy && result.copiedFrames === result.walFrames) {
      done = stamp;
      pendingSince = null;
    }
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
