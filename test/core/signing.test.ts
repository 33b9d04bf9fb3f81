import { describe, expect, it } from 'vitest';
import {
  canTransition,
  daysOverdue,
  nextSigningStates,
  RU_HOLIDAYS_2026_2027,
  signatureDeadlines,
  SIGNING_STATE_LABELS,
  SIGNING_STATES,
  type SigningState,
} from '../../src/core';

const holidays = new Set(RU_HOLIDAYS_2026_2027);

describe('signing transitions', () => {
  it.each<[SigningState, SigningState]>([
    ['issued', 'sent'],
    ['issued', 'signed_by_client'],
    ['sent', 'original_received'],
    ['signed_by_us', 'signed_by_client'],
    ['issued', 'refused'],
    ['signed_by_client', 'annulled'],
    ['refused', 'annulled'],
  ])('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));
  it.each<[SigningState, SigningState]>([
    ['sent', 'issued'],
    ['signed_by_client', 'signed_by_us'],
    ['original_received', 'annulled'],
    ['original_received', 'refused'],
    ['annulled', 'issued'],
    ['annulled', 'refused'],
    ['refused', 'sent'],
    ['refused', 'refused'],
    ['sent', 'sent'],
  ])('forbids %s → %s', (from, to) => expect(canTransition(from, to)).toBe(false));
  it('lists the next states and leaves nothing after a final state', () => {
    expect(nextSigningStates('signed_by_client')).toEqual(['original_received', 'refused', 'annulled']);
    expect(nextSigningStates('original_received')).toEqual([]);
    expect(nextSigningStates('annulled')).toEqual([]);
  });
  it('has a Russian label for every state', () => {
    for (const state of SIGNING_STATES) expect(SIGNING_STATE_LABELS[state]).toMatch(/^[А-ЯЁ][а-яё ]+$/);
    expect(SIGNING_STATE_LABELS.refused).toBe('Отказ в подписании');
  });
});

describe('signature deadlines', () => {
  it('gives five working days for the scan and thirty days for the original, moved off a weekend', () => {
    expect(signatureDeadlines({ sentAt: '2026-11-26' }, holidays)).toEqual({
      scanDue: '2026-12-03',
      originalDue: '2026-12-28',
    });
  });
  it('steps over the New Year holidays and reads a date-time', () => {
    expect(signatureDeadlines({ sentAt: '2026-12-28T15:30:00', rules: { scanWorkingDays: 5, originalDays: 3 } }, holidays)).toEqual({
      scanDue: '2027-01-13',
      originalDue: '2027-01-11',
    });
  });
  it('counts days overdue, never below zero', () => {
    expect(daysOverdue('2026-12-03', '2026-12-10')).toBe(7);
    expect(daysOverdue('2026-12-03', '2026-12-03')).toBe(0);
    expect(daysOverdue('2026-12-03', '2026-11-30')).toBe(0);
  });
  it('refuses a date it cannot read', () => {
    expect(() => signatureDeadlines({ sentAt: '28.12.2026' }, holidays)).toThrow(RangeError);
  });
});
