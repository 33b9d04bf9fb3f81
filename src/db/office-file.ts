import Database from 'better-sqlite3';
import type { Sqlite } from './connection';
import { ownerOnlyFiles } from './owner-only';

/** A session as stored: the token's hash, never the token itself. */
export interface SessionRow {
  tokenHash: string;
  userId: number;
  userJson: string;
  address: string;
  computer: string;
  createdAt: string;
  lastActivity: number;
}

/**
 * The office's own small SQLite file beside the base (`office.sqlite`): desk sessions. It is never part
 * of a backup; a restore empties it. (Answers to write calls by request id live in the base, written
 * with the writes they answer.)
 */
export class OfficeFile {
  private constructor(private readonly db: Sqlite) {}

  /** Opens (or creates) the file and its tables. */
  static open(file: string): OfficeFile {
    const db = new Database(file);
    // Session hashes and who sits where: owner-only, as the base (SQLite gives its -wal and -shm the file's mode).
    ownerOnlyFiles(file, `${file}-wal`, `${file}-shm`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL,
        user_json TEXT NOT NULL,
        address TEXT NOT NULL,
        computer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_activity INTEGER NOT NULL
      );
      DROP TABLE IF EXISTS request_results;`);
    return new OfficeFile(db);
  }

  /** Every stored session. */
  sessions(): SessionRow[] {
    return (
      this.db.prepare('SELECT * FROM sessions').all() as {
        token_hash: string;
        user_id: number;
        user_json: string;
        address: string;
        computer: string;
        created_at: string;
        last_activity: number;
      }[]
    ).map((r) => ({
      tokenHash: r.token_hash,
      userId: r.user_id,
      userJson: r.user_json,
      address: r.address,
      computer: r.computer,
      createdAt: r.created_at,
      lastActivity: r.last_activity,
    }));
  }

  /** Stores a new session. */
  insertSession(s: SessionRow): void {
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, user_json, address, computer, created_at, last_activity) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.tokenHash, s.userId, s.userJson, s.address, s.computer, s.createdAt, s.lastActivity);
  }

  /** Records the last activity of a session. */
  touchSession(tokenHash: string, lastActivity: number): void {
    this.db.prepare('UPDATE sessions SET last_activity = ? WHERE token_hash = ?').run(lastActivity, tokenHash);
  }

  /** Removes one session. */
  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  /** Removes every session (a restore: the base is another one now). */
  clear(): void {
    this.db.exec('DELETE FROM sessions');
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }
}
