// The standard of dividing the client base among managers: by region, segment or source, or by
// first-come claims that lapse after N days without activity.
import { searchKey } from './names';

/** How the office divides its base. */
export const DIVISION_MODES = ['region', 'segment', 'source', 'claims'] as const;

/** One way of dividing the base. */
export type DivisionMode = (typeof DIVISION_MODES)[number];

/** Russian titles of the modes. */
export const DIVISION_MODE_TITLES: Readonly<Record<DivisionMode, string>> = {
  region: 'По регионам',
  segment: 'По сегментам',
  source: 'По источникам',
  claims: 'Кто первый закрепил (с истечением срока)',
};

/** One rule: clients whose region/segment/source equals `value` go to `managerId`. */
export interface DivisionRule {
  value: string;
  managerId: number;
}

/** The office's written standard of division. */
export interface DivisionStandard {
  mode: DivisionMode;
  /** Claims lapse after this many days without activity (claims mode); 0 = never. */
  lapseDays: number;
  /** Managers may open other managers' cards (otherwise they only see whose a client is). */
  shareBase: boolean;
  rules: DivisionRule[];
}

/** The standard a new base starts with. */
export const DEFAULT_DIVISION: DivisionStandard = { mode: 'claims', lapseDays: 30, shareBase: false, rules: [] };

/** What the rules look at in a client. */
export interface DivisionSubject {
  region: string;
  segment: string;
  sourceId: number | null;
}

function subjectValue(mode: DivisionMode, c: DivisionSubject): string {
  if (mode === 'region') return searchKey(c.region);
  if (mode === 'segment') return searchKey(c.segment);
  if (mode === 'source') return c.sourceId === null ? '' : String(c.sourceId);
  return '';
}

/** The manager the standard gives a client to, or null (claims mode, or no rule fits). */
export function pickManager(std: DivisionStandard, c: DivisionSubject): number | null {
  if (std.mode === 'claims') return null;
  const value = subjectValue(std.mode, c);
  if (value === '') return null;
  const rule = std.rules.find((r) => searchKey(r.value) === value);
  return rule ? rule.managerId : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when a claim has lapsed: claims mode, a limit is set and no activity for longer than it. */
export function isClaimLapsed(std: DivisionStandard, lastActivityAt: string, now: Date): boolean {
  if (std.mode !== 'claims' || std.lapseDays <= 0) return false;
  const last = Date.parse(lastActivityAt);
  if (Number.isNaN(last)) return false;
  return now.getTime() - last > std.lapseDays * DAY_MS;
}

/** What happens when a manager claims a client. */
export type ClaimOutcome =
  | { kind: 'assign' }
  | { kind: 'already' }
  | { kind: 'lapsed'; fromId: number }
  | { kind: 'conflict'; holderId: number };

/**
 * Decides a claim: a free client is assigned, a lapsed claim passes to the claimant, a client
 * held by another manager becomes a conflict for the head of sales.
 */
export function decideClaim(
  std: DivisionStandard,
  client: { ownerId: number | null; lastActivityAt: string },
  claimantId: number,
  now: Date,
): ClaimOutcome {
  if (client.ownerId === null) return { kind: 'assign' };
  if (client.ownerId === claimantId) return { kind: 'already' };
  if (isClaimLapsed(std, client.lastActivityAt, now)) return { kind: 'lapsed', fromId: client.ownerId };
  return { kind: 'conflict', holderId: client.ownerId };
}

/** The day (ISO date) a claim lapses, or null when it never does. */
export function claimLapsesOn(std: DivisionStandard, lastActivityAt: string): string | null {
  if (std.mode !== 'claims' || std.lapseDays <= 0) return null;
  const last = Date.parse(lastActivityAt);
  if (Number.isNaN(last)) return null;
  return new Date(last + std.lapseDays * DAY_MS).toISOString().slice(0, 10);
}
