import { describe, expect, it } from 'vitest';
import { allowedStages, checkLose, checkReopen, checkStageMove, checkWin, DEAL_STAGES, DEAL_STAGE_LABELS, isDealStage } from '../../src/core';

describe('deal stages', () => {
  it('lists the nine stages of active sales in the seed order', () => {
    expect(DEAL_STAGES.map((s) => DEAL_STAGE_LABELS[s])).toEqual([
      'Первичный контакт / холодный звонок',
      'Встреча',
      'Выявление потребностей',
      'Предложение',
      'Работа с возражениями',
      'Завершение сделки',
      'Подписание и оплата',
      'Исполнение обязательств',
      'Повторные продажи',
    ]);
    expect(isDealStage('needs')).toBe(true);
    expect(isDealStage('won')).toBe(false);
  });

  it('lets an open deal move forward, skip a stage or step back, but not past the agreement', () => {
    const open = { stage: 'meeting' as const, outcome: 'open' as const };
    expect(checkStageMove(open, 'proposal').ok).toBe(true);
    expect(checkStageMove(open, 'first_contact').ok).toBe(true);
    expect(checkStageMove(open, 'signing_payment').ok).toBe(true);
    expect(checkStageMove(open, 'meeting')).toEqual({ ok: false, reason: 'Сделка уже на этом этапе' });
    const past = checkStageMove(open, 'fulfilment');
    expect(past.ok).toBe(false);
    expect(allowedStages(open)).toEqual(['first_contact', 'needs', 'proposal', 'objections', 'closing', 'signing_payment']);
  });

  it('marks a deal won only from «Завершение сделки» on, and keeps a won deal after the agreement', () => {
    expect(checkWin({ stage: 'objections', outcome: 'open' }).ok).toBe(false);
    expect(checkWin({ stage: 'closing', outcome: 'open' }).ok).toBe(true);
    expect(checkWin({ stage: 'closing', outcome: 'won' }).ok).toBe(false);
    const won = { stage: 'signing_payment' as const, outcome: 'won' as const };
    expect(checkStageMove(won, 'fulfilment').ok).toBe(true);
    expect(checkStageMove(won, 'repeat_sales').ok).toBe(true);
    expect(checkStageMove(won, 'proposal').ok).toBe(false);
  });

  it('freezes a lost deal until it is reopened, and reopens only what may go back', () => {
    const lost = { stage: 'proposal' as const, outcome: 'lost' as const };
    expect(checkStageMove(lost, 'objections').ok).toBe(false);
    expect(checkLose(lost).ok).toBe(false);
    expect(checkLose({ stage: 'first_contact', outcome: 'open' }).ok).toBe(true);
    expect(checkReopen(lost).ok).toBe(true);
    expect(checkReopen({ stage: 'closing', outcome: 'won' }).ok).toBe(true);
    expect(checkReopen({ stage: 'fulfilment', outcome: 'won' }).ok).toBe(false);
    expect(checkReopen({ stage: 'closing', outcome: 'open' }).ok).toBe(false);
  });
});
