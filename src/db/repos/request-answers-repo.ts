import { eq, lt } from 'drizzle-orm';
import type { Sqlite } from '../connection';
import type { RepoDeps } from '../drizzle';
import { requestAnswers } from '../schema/foundation';

/** A stored answer: the entry it answered and the JSON envelope the caller got. */
export interface StoredAnswer {
  entry: string;
  envelope: string;
}

/** An answer to keep with its call's writes. */
export interface AnswerToKeep extends StoredAnswer {
  requestKey: string;
  userId: number | null;
}

function commitOrRollBack(sqlite: Sqlite): void {
  if (!sqlite.inTransaction) return;
  try {
    sqlite.exec('COMMIT');
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}

/** Answers to write calls by request key, kept in the base with the writes they answer. */
export function createRequestAnswersRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  return {
    /** The stored answer of a request key, or null (synchronous: checked before a repeat can start). */
    find(requestKey: string): StoredAnswer | null {
      return db.select({ entry: requestAnswers.entry, envelope: requestAnswers.envelope }).from(requestAnswers).where(eq(requestAnswers.requestKey, requestKey)).get() ?? null;
    },

    /**
     * Runs one write call in one IMMEDIATE transaction (the repositories' own transactions nest in it
     * as savepoints) and keeps `answerOf(result)` in that same transaction: the call's writes and its
     * answer land together or not at all, so no crash falls between them. A call that fails keeps what
     * it wrote, as its own transactions would have, and no answer; `answerOf` may decline (null).
     * Answers older than `keepAfter` (ms) are dropped. The caller runs one such call at a time.
     */
    async withAnswer<T>(work: () => Promise<T>, answerOf: (result: T) => AnswerToKeep | null, at: number, keepAfter: number): Promise<T> {
      if (sqlite.inTransaction) throw new Error('a write call started inside an open transaction');
      sqlite.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await work();
      } catch (e) {
        commitOrRollBack(sqlite);
        throw e;
      }
      // SQLite rolled the whole transaction back on its own (a full disk): nothing of the call is left to answer for.
      if (!sqlite.inTransaction) throw new Error('the write call’s transaction ended before its answer was kept');
      try {
        const answer = answerOf(result);
        if (answer) {
          db.insert(requestAnswers).values({ ...answer, at }).onConflictDoNothing().run();
          db.delete(requestAnswers).where(lt(requestAnswers.at, keepAfter)).run();
        }
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw e;
      }
      commitOrRollBack(sqlite);
      return result;
    },

    /** Forgets every answer (a restore: the base came from a backup, its callers signed in again). */
    clear(): void {
      db.delete(requestAnswers).run();
    },
  };
}
