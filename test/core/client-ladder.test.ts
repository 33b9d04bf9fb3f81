import { describe, expect, it } from 'vitest';
import { computeLadder, factsFromEventCounts, LADDER_STEPS } from '../../src/core';

describe('the «наш клиент» ladder', () => {
  it('starts every company in the base as potential', () => {
    const ladder = computeLadder({});
    expect(ladder.current).toBe('potential');
    expect(ladder.steps.filter((s) => s.reached).map((s) => s.step)).toEqual(['potential']);
    expect(ladder.ourClient).toBe(false);
  });

  it('climbs to the highest step with a fact and counts the steps below as reached', () => {
    const ladder = computeLadder({ contacts: 2, proposals: 1 });
    expect(ladder.current).toBe('proposal');
    expect(ladder.steps.map((s) => [s.step, s.reached, s.implied])).toEqual([
      ['potential', true, false],
      ['contact', true, false],
      ['meeting', true, true],
      ['proposal', true, false],
      ['contract', false, false],
      ['payment', false, false],
      ['closed', false, false],
      ['repeat', false, false],
    ]);
  });

  it('makes a client «наш клиент» only with a repeat payment', () => {
    expect(computeLadder({ payments: 1, closedSigned: 1 }).ourClient).toBe(false);
    expect(computeLadder({ payments: 1, closedSigned: 1, repeatPayments: 1 }).ourClient).toBe(true);
    expect(computeLadder({ payments: 2 }).current).toBe('repeat');
  });

  it('has eight steps in the order of the seed', () => {
    expect(LADDER_STEPS).toEqual(['potential', 'contact', 'meeting', 'proposal', 'contract', 'payment', 'closed', 'repeat']);
  });

  it('turns counts of timeline events into facts and ignores notes', () => {
    expect(factsFromEventCounts({ note: 5, meeting: 1, payment: 2, closed_signed: 1 })).toEqual({ meetings: 1, payments: 2, closedSigned: 1 });
    expect(computeLadder(factsFromEventCounts({ note: 9 })).current).toBe('potential');
  });
});
