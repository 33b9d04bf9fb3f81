import { describe, expect, it } from 'vitest';
import { claimLapsesOn, decideClaim, isClaimLapsed, pickManager, type DivisionStandard } from '../../src/core';

const byRegion: DivisionStandard = {
  mode: 'region',
  lapseDays: 0,
  shareBase: false,
  rules: [
    { value: 'Москва', managerId: 3 },
    { value: 'Санкт-Петербург', managerId: 4 },
  ],
};
const claims: DivisionStandard = { mode: 'claims', lapseDays: 30, shareBase: false, rules: [] };
const NOW = new Date('2026-11-26T09:00:00Z');

describe('the division standard', () => {
  it('gives a client to the manager of its region, ignoring case and ё', () => {
    expect(pickManager(byRegion, { region: 'москва', segment: '', sourceId: null })).toBe(3);
    expect(pickManager(byRegion, { region: 'САНКТ-ПЕТЕРБУРГ', segment: '', sourceId: null })).toBe(4);
    expect(pickManager(byRegion, { region: 'Казань', segment: '', sourceId: null })).toBeNull();
  });

  it('divides by source id in source mode', () => {
    const std: DivisionStandard = { ...byRegion, mode: 'source', rules: [{ value: '5', managerId: 7 }] };
    expect(pickManager(std, { region: 'Москва', segment: '', sourceId: 5 })).toBe(7);
    expect(pickManager(std, { region: 'Москва', segment: '', sourceId: null })).toBeNull();
  });

  it('picks nobody in claims mode: the first to claim takes the client', () => {
    expect(pickManager(claims, { region: 'Москва', segment: '', sourceId: null })).toBeNull();
    expect(decideClaim(claims, { ownerId: null, lastActivityAt: NOW.toISOString() }, 3, NOW)).toEqual({ kind: 'assign' });
  });

  it('lets a claim lapse after N days without activity', () => {
    const old = '2026-10-20T09:00:00Z';
    expect(isClaimLapsed(claims, old, NOW)).toBe(true);
    expect(isClaimLapsed(claims, '2026-11-01T09:00:00Z', NOW)).toBe(false);
    expect(decideClaim(claims, { ownerId: 4, lastActivityAt: old }, 3, NOW)).toEqual({ kind: 'lapsed', fromId: 4 });
    expect(claimLapsesOn(claims, '2026-11-01T09:00:00Z')).toBe('2026-12-01');
  });

  it('turns a claim on a held client into a conflict for the head of sales', () => {
    expect(decideClaim(claims, { ownerId: 4, lastActivityAt: NOW.toISOString() }, 3, NOW)).toEqual({ kind: 'conflict', holderId: 4 });
    expect(decideClaim(byRegion, { ownerId: 4, lastActivityAt: '2020-01-01T00:00:00Z' }, 3, NOW)).toEqual({ kind: 'conflict', holderId: 4 });
  });

  it('does nothing when the claimant already holds the client', () => {
    expect(decideClaim(claims, { ownerId: 3, lastActivityAt: NOW.toISOString() }, 3, NOW)).toEqual({ kind: 'already' });
  });
});
