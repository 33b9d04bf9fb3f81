// Sign-in throttling: growing delays per login from one address, per address and per login, and a
// temporary lock of one login from one address (another desk never locks the director out).
import type { CallOrigin } from '../context';

/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures of one login from one address before delays start, and before that pair is locked. */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_LOCK_FAILURES = 10;
/** How long a login stays locked from the address that failed it. */
export const LOCK_MS = 15 * 60_000;
/** Failures from one address (any logins) before delays start: guessing across many logins. */
export const ADDRESS_FREE_FAILURES = 10;
/** Failures of one login (any addresses) before delays start: guessing from many desks. */
export const LOGIN_FREE_FAILURES = 20;
/** The longest delay between two attempts, in seconds (per login across addresses: shorter). */
const MAX_DELAY_S = 60;
const MAX_LOGIN_DELAY_S = 30;
/** Counters kept at most; older ones are dropped first when there are more (a flood of made-up logins). */
const MAX_COUNTERS = 10_000;

interface Counter {
  failures: number;
  lastMs: number;
  lockedUntilMs: number | null;
  computer: string;
}

/** A login locked from one address, as the director sees it. */
export interface SignInLock {
  login: string;
  address: string;
  computer: string;
  failures: number;
  until: string;
}

/** Why an attempt is refused before the password is even checked. */
export type SignInRefusal = { message: string; retryAfterS: number };

function delaySeconds(failures: number, free: number, max: number): number {
  return failures < free ? 0 : Math.min(2 ** (failures - free), max);
}

function pairKey(login: string, address: string): string {
  return `${login}\u0000${address}`;
}

/** Counts failed sign-ins in memory; every decision takes `now` from the caller's clock. */
export class SignInThrottle {
  private readonly pairs = new Map<string, Counter & { login: string; address: string }>();
  private readonly addresses = new Map<string, Counter>();
  private readonly logins = new Map<string, Counter>();

  /** A refusal when this login from this address must wait (or is locked), or null when it may try. */
  check(login: string, origin: CallOrigin, now: Date): SignInRefusal | null {
    const t = now.getTime();
    const pair = this.live(this.pairs, pairKey(login, origin.address), t);
    if (pair?.lockedUntilMs != null && pair.lockedUntilMs > t) {
      const minutes = Math.ceil((pair.lockedUntilMs - t) / 60_000);
      return {
        message: `Вход под логином «${login}» с этого компьютера временно заблокирован после ${pair.failures} неудачных попыток — попробуйте через ${minutes} мин. или обратитесь к директору`,
        retryAfterS: Math.ceil((pair.lockedUntilMs - t) / 1000),
      };
    }
    const waits = [
      pair ? pair.lastMs + delaySeconds(pair.failures, PAIR_FREE_FAILURES, MAX_DELAY_S) * 1000 : 0,
      this.waitUntil(this.addresses, origin.address, t, ADDRESS_FREE_FAILURES, MAX_DELAY_S),
      this.waitUntil(this.logins, login, t, LOGIN_FREE_FAILURES, MAX_LOGIN_DELAY_S),
    ];
    const until = Math.max(...waits);
    if (until <= t) return null;
    const seconds = Math.ceil((until - t) / 1000);
    return { message: `Слишком много неудачных попыток входа — попробуйте через ${seconds} с`, retryAfterS: seconds };
  }

  /** Records a failed attempt; returns the lock when this failure locked the login from this address. */
  failed(login: string, origin: CallOrigin, now: Date): SignInLock | null {
    const t = now.getTime();
    const bump = (counter: Counter | null): Counter => ({
      failures: (counter?.failures ?? 0) + 1,
      lastMs: t,
      lockedUntilMs: null,
      computer: origin.computer,
    });
    const key = pairKey(login, origin.address);
    const pair = { ...bump(this.live(this.pairs, key, t)), login, address: origin.address };
    if (pair.failures >= PAIR_LOCK_FAILURES) pair.lockedUntilMs = t + LOCK_MS;
    this.put(this.pairs, key, pair);
    this.put(this.addresses, origin.address, bump(this.live(this.addresses, origin.address, t)));
    this.put(this.logins, login, bump(this.live(this.logins, login, t)));
    return pair.lockedUntilMs === null ? null : this.lockOf(pair);
  }

  /** A successful sign-in clears that login's counters from that address. */
  succeeded(login: string, origin: CallOrigin): void {
    this.pairs.delete(pairKey(login, origin.address));
    this.addresses.delete(origin.address);
  }

  /** Logins locked now, newest lock first. */
  locks(now: Date): SignInLock[] {
    const t = now.getTime();
    return [...this.pairs.values()]
      .filter((p) => p.lockedUntilMs !== null && p.lockedUntilMs > t)
      .sort((a, b) => b.lastMs - a.lastMs)
      .map((p) => this.lockOf(p));
  }

  /** Lifts a lock (the director's decision); true when there was one. */
  unlock(login: string, address: string, now: Date): boolean {
    const key = pairKey(login, address);
    const pair = this.pairs.get(key);
    const locked = pair?.lockedUntilMs != null && pair.lockedUntilMs > now.getTime();
    this.pairs.delete(key);
    return locked;
  }

  private lockOf(p: Counter & { login: string; address: string }): SignInLock {
    return { login: p.login, address: p.address, computer: p.computer, failures: p.failures, until: new Date(p.lockedUntilMs ?? p.lastMs).toISOString() };
  }

  private waitUntil(map: Map<string, Counter>, key: string, t: number, free: number, max: number): number {
    const counter = this.live(map, key, t);
    return counter ? counter.lastMs + delaySeconds(counter.failures, free, max) * 1000 : 0;
  }

  /** The counter, unless its last failure (and its lock) are older than the window. */
  private live<C extends Counter>(map: Map<string, C>, key: string, t: number): C | null {
    const counter = map.get(key);
    if (counter === undefined) return null;
    const end = Math.max(counter.lastMs + FAILURE_WINDOW_MS, counter.lockedUntilMs ?? 0);
    if (end > t) return counter;
    map.delete(key);
    return null;
  }

  private put<C extends Counter>(map: Map<string, C>, key: string, value: C): void {
    // Re-inserted so that the map's order is by last failure; the oldest go first when it is full.
    map.delete(key);
    map.set(key, value);
    while (map.size > MAX_COUNTERS) {
      const oldest = map.keys().next();
      if (oldest.done === true) break;
      map.delete(oldest.value);
    }
  }
}
