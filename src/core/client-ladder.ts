// The "our client" ladder: computed from facts about a client, never typed in by anyone.

/** The steps of the ladder, from a company in the base to «наш клиент». */
export const LADDER_STEPS = ['potential', 'contact', 'meeting', 'proposal', 'contract', 'payment', 'closed', 'repeat'] as const;

/** One step of the ladder. */
export type LadderStep = (typeof LADDER_STEPS)[number];

/** Russian titles of the steps, as shown to users. */
export const LADDER_TITLES: Readonly<Record<LadderStep, string>> = {
  potential: 'Потенциальный',
  contact: 'Контакт',
  meeting: 'Встреча',
  proposal: 'Предложение',
  contract: 'Договор',
  payment: 'Оплата',
  closed: 'Обязательства исполнены, документы подписаны',
  repeat: 'Повторная оплата — «наш клиент»',
};

/**
 * What is known about a client, as counts; each area feeds its own: calls and meetings (deals),
 * proposals and contracts (documents), payments (money), signed closing documents (signing).
 */
export interface LadderFacts {
  contacts?: number;
  meetings?: number;
  proposals?: number;
  contracts?: number;
  payments?: number;
  closedSigned?: number;
  repeatPayments?: number;
}

/** Timeline event kinds that count as ladder facts (an area records one event per fact). */
export const LADDER_FACT_KINDS: Readonly<Record<string, keyof LadderFacts>> = {
  contact: 'contacts',
  meeting: 'meetings',
  proposal: 'proposals',
  contract: 'contracts',
  payment: 'payments',
  closed_signed: 'closedSigned',
  repeat_payment: 'repeatPayments',
};

/** One step as shown: reached by its own fact, or implied by a later step. */
export interface LadderStepState {
  step: LadderStep;
  title: string;
  reached: boolean;
  /** Reached only because a later step was reached (its own fact is not recorded). */
  implied: boolean;
}

/** The computed ladder of one client. */
export interface Ladder {
  current: LadderStep;
  steps: LadderStepState[];
  ourClient: boolean;
}

function ownFacts(f: LadderFacts): Record<LadderStep, boolean> {
  const n = (v: number | undefined) => (v ?? 0) > 0;
  return {
    potential: true,
    contact: n(f.contacts),
    meeting: n(f.meetings),
    proposal: n(f.proposals),
    contract: n(f.contracts),
    payment: n(f.payments),
    closed: n(f.closedSigned),
    // A second payment is a repeat payment even if the money area does not flag it.
    repeat: n(f.repeatPayments) || (f.payments ?? 0) >= 2,
  };
}

/** Computes the ladder: the highest step with a fact is current; every step below it counts as reached. */
export function computeLadder(facts: LadderFacts): Ladder {
  const own = ownFacts(facts);
  let top = 0;
  LADDER_STEPS.forEach((step, i) => {
    if (own[step]) top = i;
  });
  const steps = LADDER_STEPS.map((step, i) => ({
    step,
    title: LADDER_TITLES[step],
    reached: i <= top,
    implied: i <= top && !own[step],
  }));
  const current = LADDER_STEPS[top];
  return { current, steps, ourClient: current === 'repeat' };
}

/** Turns counts of timeline events by kind into ladder facts (unknown kinds are ignored). */
export function factsFromEventCounts(counts: Readonly<Record<string, number>>): LadderFacts {
  const facts: LadderFacts = {};
  for (const [kind, count] of Object.entries(counts)) {
    const key = LADDER_FACT_KINDS[kind];
    if (key) facts[key] = (facts[key] ?? 0) + count;
  }
  return facts;
}

/** Type guard for a stored step name. */
export function isLadderStep(s: unknown): s is LadderStep {
  return typeof s === 'string' && (LADDER_STEPS as readonly string[]).includes(s);
}
