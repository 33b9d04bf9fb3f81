// The stages of active sales a deal moves through, and which moves and outcomes are allowed.

/** A stage of active sales, in the order the seed describes them. */
export type DealStage =
  | 'first_contact'
  | 'meeting'
  | 'needs'
  | 'proposal'
  | 'objections'
  | 'closing'
  | 'signing_payment'
  | 'fulfilment'
  | 'repeat_sales';

/** Whether a deal is still being worked, was won or was lost. */
export type DealOutcome = 'open' | 'won' | 'lost';

/** Every stage in order. */
export const DEAL_STAGES: readonly DealStage[] = [
  'first_contact',
  'meeting',
  'needs',
  'proposal',
  'objections',
  'closing',
  'signing_payment',
  'fulfilment',
  'repeat_sales',
];

/** Every outcome. */
export const DEAL_OUTCOMES: readonly DealOutcome[] = ['open', 'won', 'lost'];

/** The Russian names of the stages as the office says them. */
export const DEAL_STAGE_LABELS: Readonly<Record<DealStage, string>> = {
  first_contact: 'Первичный контакт / холодный звонок',
  meeting: 'Встреча',
  needs: 'Выявление потребностей',
  proposal: 'Предложение',
  objections: 'Работа с возражениями',
  closing: 'Завершение сделки',
  signing_payment: 'Подписание и оплата',
  fulfilment: 'Исполнение обязательств',
  repeat_sales: 'Повторные продажи',
};

/** The Russian names of the outcomes. */
export const DEAL_OUTCOME_LABELS: Readonly<Record<DealOutcome, string>> = {
  open: 'В работе',
  won: 'Выиграна',
  lost: 'Проиграна',
};

/** The first stage a won deal has reached: the client has agreed («ударили по рукам»). */
export const FIRST_WON_STAGE: DealStage = 'closing';

/** Stages that come after the agreement and need the deal to be marked won first. */
export const WON_ONLY_STAGES: readonly DealStage[] = ['fulfilment', 'repeat_sales'];

/** A deal's position: its stage and outcome. */
export type DealPosition = { stage: DealStage; outcome: DealOutcome };

/** The answer to "may this happen?": allowed, or a Russian reason why not. */
export type MoveCheck = { ok: true } | { ok: false; reason: string };

/** The 0-based place of a stage in the order. */
export function stageIndex(stage: DealStage): number {
  return DEAL_STAGES.indexOf(stage);
}

/** True for a known stage key. */
export function isDealStage(value: unknown): value is DealStage {
  return typeof value === 'string' && (DEAL_STAGES as readonly string[]).includes(value);
}

const refuse = (reason: string): MoveCheck => ({ ok: false, reason });
const OK: MoveCheck = { ok: true };

/**
 * May a deal move to stage `to`? Open deals move freely (forward, skipping a stage when a meeting
 * happened on the first call, or back when needs turn out different) but not past the agreement;
 * won deals stay at or after «Завершение сделки»; lost deals are reopened first.
 */
export function checkStageMove(from: DealPosition, to: DealStage): MoveCheck {
  if (from.stage === to) return refuse('Сделка уже на этом этапе');
  if (from.outcome === 'lost') return refuse('Сделка проиграна: сначала верните её в работу');
  if (from.outcome === 'open' && WON_ONLY_STAGES.includes(to)) {
    return refuse(`Этап «${DEAL_STAGE_LABELS[to]}» — после заключения сделки: сначала отметьте её выигранной`);
  }
  if (from.outcome === 'won' && stageIndex(to) < stageIndex(FIRST_WON_STAGE)) {
    return refuse('Выигранная сделка не может вернуться на этапы до завершения сделки');
  }
  return OK;
}

/** May an open deal be marked won? Only once it has reached «Завершение сделки». */
export function checkWin(from: DealPosition): MoveCheck {
  if (from.outcome !== 'open') return refuse('Отметить выигранной можно только сделку в работе');
  if (stageIndex(from.stage) < stageIndex(FIRST_WON_STAGE)) {
    return refuse('Выигранной можно отметить сделку на этапе «Завершение сделки» или позже');
  }
  return OK;
}

/** May the deal be marked lost? Any deal in work can be lost (a reason is required by the caller). */
export function checkLose(from: DealPosition): MoveCheck {
  return from.outcome === 'open' ? OK : refuse('Проигранной можно отметить только сделку в работе');
}

/** May a won or lost deal go back to work? It returns at the stage it had. */
export function checkReopen(from: DealPosition): MoveCheck {
  if (from.outcome === 'open') return refuse('Сделка уже в работе');
  if (from.outcome === 'won' && WON_ONLY_STAGES.includes(from.stage)) {
    return refuse('Сделку на этапе исполнения или повторных продаж нельзя вернуть в работу');
  }
  return OK;
}

/** The stages a deal may move to from where it stands (for menus and the kanban's drop targets). */
export function allowedStages(from: DealPosition): DealStage[] {
  return DEAL_STAGES.filter((s) => checkStageMove(from, s).ok);
}

/** Default probability (whole percent) a deal gets when it enters a stage, for the forecast. */
export const STAGE_DEFAULT_PROBABILITY: Readonly<Record<DealStage, number>> = {
  first_contact: 5,
  meeting: 10,
  needs: 20,
  proposal: 35,
  objections: 50,
  closing: 75,
  signing_payment: 90,
  fulfilment: 100,
  repeat_sales: 100,
};
