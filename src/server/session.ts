import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../shared/api/auth';
import type { OfficeFile } from '../db/office-file';
import type { CallOrigin } from './context';

/** One person signed in at one desk (a window, a browser, a desk connected to the office). */
export interface DeskSession {
  /** A short public id of the session (for the list and for ending it); not the token. */
  id: string;
  tokenHash: string;
  user: SessionUser;
  address: string;
  computer: string;
  createdAt: string;
  lastActivity: number;
}

/** Activity is written to disk at most this often; the limit is counted from memory. */
const PERSIST_EVERY_MS = 15_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The sessions of every desk, kept in memory and in the office file (hashed): they survive a
 * restart of the host; a restore ends them all. One person's sign-out never touches another's.
 */
export class SessionStore {
  /** The idle limit from the settings (minutes), the same for everyone. */
  idleMinutes = 15;
  private readonly byHash = new Map<string, DeskSession & { persisted: number }>();
  private readonly endListeners = new Set<(tokenHash: string) => void>();

  constructor(private readonly file: OfficeFile) {
    for (const r of file.sessions()) {
      const user = JSON.parse(r.userJson) as SessionUser;
      this.byHash.set(r.tokenHash, { id: r.tokenHash.slice(0, 16), tokenHash: r.tokenHash, user, address: r.address, computer: r.computer, createdAt: r.createdAt, lastActivity: r.lastActivity, persisted: r.lastActivity });
    }
  }

  /** Starts a session; returns its token (≥128 random bits), which only the caller's transport keeps. */
  create(user: SessionUser, origin: CallOrigin, now: Date): string {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const s = { id: tokenHash.slice(0, 16), tokenHash, user, address: origin.address, computer: origin.computer, createdAt: now.toISOString(), lastActivity: now.getTime(), persisted: now.getTime() };
    this.file.insertSession({ tokenHash, userId: user.id, userJson: JSON.stringify(user), address: s.address, computer: s.computer, createdAt: s.createdAt, lastActivity: s.lastActivity });
    this.byHash.set(tokenHash, s);
    return token;
  }

  /** The session of a token, or null. */
  find(token: string | null): DeskSession | null {
    if (!token) return null;
    return this.byHash.get(hashToken(token)) ?? null;
  }

  /** Whether a token's session is still alive: present and not idle past the limit. */
  isLive(token: string | null, now: Date): boolean {
    const s = this.find(token);
    return s !== null && !this.isExpired(s, now);
  }

  /** Calls `listener` with the hashed token of each session that ends (sign-out, «Завершить», a restore); returns the unsubscribe. */
  onEnd(listener: (tokenHash: string) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** The hashed form of a token, as `onEnd` reports it. */
  static hashOf(token: string): string {
    return hashToken(token);
  }

  /** True when the idle limit has passed since the person's own last action. */
  isExpired(s: DeskSession, now: Date): boolean {
    return now.getTime() - s.lastActivity > this.idleMinutes * 60_000;
  }

  /** Records the person's own action (background calls never come here). */
  touch(s: DeskSession, now: Date): void {
    const kept = this.byHash.get(s.tokenHash);
    if (!kept) return;
    kept.lastActivity = now.getTime();
    if (kept.lastActivity - kept.persisted >= PERSIST_EVERY_MS || kept.lastActivity < kept.persisted) {
      kept.persisted = kept.lastActivity;
      this.file.touchSession(kept.tokenHash, kept.lastActivity);
    }
  }

  /** Ends the session of a token (sign-out). */
  endToken(token: string | null): void {
    if (!token) return;
    this.end(hashToken(token));
  }

  /** Ends a session by its public id (the director's «Завершить»); false when there is none. */
  endById(id: string): boolean {
    const s = [...this.byHash.values()].find((x) => x.id === id);
    if (!s) return false;
    this.end(s.tokenHash);
    return true;
  }

  /** Ends every session of a person (deactivated). */
  endForUser(userId: number): void {
    for (const s of [...this.byHash.values()]) if (s.user.id === userId) this.end(s.tokenHash);
  }

  /** Ends every session (a restore). */
  endAll(): void {
    const ended = [...this.byHash.keys()];
    this.byHash.clear();
    for (const h of ended) for (const l of this.endListeners) l(h);
    this.file.clear();
  }

  /** Every live session, oldest first. */
  list(): DeskSession[] {
    return [...this.byHash.values()].map(({ persisted: _p, ...s }) => s).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Closes the file. */
  close(): void {
    this.file.close();
  }

  private end(tokenHash: string): void {
    this.byHash.delete(tokenHash);
    this.file.deleteSession(tokenHash);
    for (const l of this.endListeners) l(tokenHash);
  }
}
