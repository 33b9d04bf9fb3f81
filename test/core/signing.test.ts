import { describe, expect, it } from 'vitest';
import {
  canTransition,
  daysOverdue,
  nextSigningStates,
  RU_HOLIDAYS_2026_2027,
  signatureDeadlines,
  SIGNING_STATE_LABELS,
  SIGNING_STATES,
  signingMoveProblem,
  type SigningMove,
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

describe('deadlines over weekends and holidays', () => {
  it('skips the weekend for the scan and moves an original due inside the New Year holidays to the first working day', () => {
    // Friday 4 December 2026: five working days end on Friday the 11th; thirty days end on 3 January, inside the holidays.
    expect(signatureDeadlines({ sentAt: '2026-12-04' }, holidays)).toEqual({ scanDue: '2026-12-11', originalDue: '2027-01-11' });
    // Saturday 28 November: the count starts from the next working day.
    expect(signatureDeadlines({ sentAt: '2026-11-28', rules: { scanWorkingDays: 1, originalDays: 1 } }, holidays)).toEqual({ scanDue: '2026-11-30', originalDue: '2026-11-30' });
  });
  it('steps over 4 November and the May holidays', () => {
    expect(signatureDeadlines({ sentAt: '2026-11-02', rules: { scanWorkingDays: 3, originalDays: 2 } }, holidays)).toEqual({ scanDue: '2026-11-06', originalDue: '2026-11-05' });
    expect(signatureDeadlines({ sentAt: '2026-04-30', rules: { scanWorkingDays: 5, originalDays: 11 } }, holidays)).toEqual({ scanDue: '2026-05-08', originalDue: '2026-05-12' });
  });
  it('counts a weekend made working as a working day', () => {
    const working = new Set(['2026-11-28']);
    expect(signatureDeadlines({ sentAt: '2026-11-27', rules: { scanWorkingDays: 1, originalDays: 1 } }, holidays, working)).toEqual({ scanDue: '2026-11-28', originalDue: '2026-11-28' });
  });
});

describe('one move of a document', () => {
  const move = (m: Partial<SigningMove>): string | null =>
    signingMoveProblem({ from: 'issued', fromAt: '2026-11-26', to: 'sent', at: '2026-11-26', today: '2026-11-26', method: 'email', filedWhere: '', reason: '', ...m });
  it('lets a complete step through', () => {
    expect(move({})).toBeNull();
    expect(move({ to: 'original_received', filedWhere: 'Шкаф 2' })).toBeNull();
    expect(move({ from: 'sent', to: 'refused', reason: 'Не согласны с суммой', at: '2026-11-26' })).toBeNull();
  });
  it('names the states of a step backwards and after the end', () => {
    expect(move({ from: 'signed_by_client', to: 'sent' })).toBe('Нельзя перевести из «Подписан клиентом» в «Отправлен клиенту»: шаги идут только вперёд');
    expect(move({ from: 'original_received', to: 'refused', reason: 'x' })).toBe('Документ в состоянии «Оригинал получен»: дальше двигать некуда');
    expect(move({ from: 'sent', to: 'sent' })).toBe('Документ уже в состоянии «Отправлен клиенту»');
    expect(move({ from: 'refused', to: 'signed_by_client' })).toMatch(/можно только аннулировать/);
  });
  it('asks for what the step carries and refuses odd dates', () => {
    expect(move({ method: null })).toBe('Укажите, как документ отправлен клиенту');
    expect(move({ to: 'refused' })).toBe('Укажите причину отказа в подписании');
    expect(move({ to: 'original_received', filedWhere: '  ' })).toBe('Укажите, где хранится оригинал');
    expect(move({ at: '2026-11-27' })).toBe('Дата 27.11.2026 ещё не наступила');
    expect(move({ fromAt: '2026-11-26T12:00:00.000Z', at: '2026-11-25' })).toBe('Дата 25.11.2026 раньше предыдущего шага (26.11.2026)');
  });
});
