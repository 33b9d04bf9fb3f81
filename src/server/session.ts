import type { SessionUser } from '../shared/api/auth';

/** Who is signed in to this window, and since when nothing happened. */
export class Session {
  user: SessionUser | null = null;
  private lastActivity = 0;
  idleMinutes = 15;

  /** Signs a person in now. */
  signIn(user: SessionUser, now: Date, idleMinutes: number): void {
    this.user = user;
    this.idleMinutes = idleMinutes;
    this.lastActivity = now.getTime();
  }

  /** Signs out. */
  signOut(): void {
    this.user = null;
  }

  /** Records activity. */
  touch(now: Date): void {
    this.lastActivity = now.getTime();
  }

  /** True when the idle time has passed since the last activity (the main process enforces the lock). */
  isExpired(now: Date): boolean {
    return this.user !== null && now.getTime() - this.lastActivity > this.idleMinutes * 60_000;
  }
}
