// Copying the WAL back into the base file (a checkpoint) off the writers' wait. SQLite's automatic
// checkpoint runs inside the COMMIT of whichever write takes the WAL past 1 000 pages: one person's
// small save, or a long list's commit (65 MB, a quarter of a second), waits for it. Writer connections
// here never checkpoint by themselves (openConnection); the store checkpoints a moment after a write,
// between calls, so every write returns as soon as its own pages are safe in the WAL.
import type { Sqlite } from './connection';

/** How often the store looks for new writes to checkpoint. */
export const CHECKPOINT_EVERY_MS = 500;

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
 * Checkpoints `sqlite` every CHECKPOINT_EVERY_MS while `writeStamp` says something was written since
 * the last one; the timer never keeps the process alive. `stop()` ends it (closing the last connection
 * checkpoints the rest).
 */
export function scheduleCheckpoints(sqlite: Sqlite, writeStamp: () => string): { stop(): void } {
  let done = writeStamp();
  const timer = setInterval(() => {
    // Never inside a transaction of this connection (one left open across an await).
    if (!sqlite.open || sqlite.inTransaction) return;
    const stamp = writeStamp();
    if (stamp === done) return;
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
    if (!result.busy && result.copiedFrames === result.walFrames) done = stamp;
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
