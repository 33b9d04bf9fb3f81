// Issuing renders its PDFs before it joins the one writer: a rehearsal outside the queue builds the plan
// (numbers read from the series, every PDF rendered), and the real run in the queue only re-checks and
// writes it. Other desks' writes never wait behind a bundle's rendering.
import type { BundlePlan } from '../../db/repos/document-issue-repo';
import type { NumberReservations } from './number-reservations';
import type { PreparedItem } from './prepare';

/** A plan with its PDFs rendered: what the write needs. */
export interface RenderedPlan {
  items: PreparedItem[];
  bundle: BundlePlan | null;
}

/** Where an issuing call stands: rehearsing outside the writer, or writing what the rehearsal rendered. */
export type IssueStage = { mode: 'rehearse'; reservations: NumberReservations } | { mode: 'commit'; plan: RenderedPlan };

/** Ends a rehearsal once its plan is rendered, carrying the plan to the run in the writer. */
export class Rehearsed extends Error {
  constructor(readonly plan: RenderedPlan) {
    super('issue rehearsed');
  }
}

/** The run in the writer found the series moved since the rehearsal: render again outside the writer. */
export class RehearseAgain extends Error {
  constructor() {
    super('series moved since the rehearsal');
  }
}

/** A rehearsal reached a path that writes before it renders (a bundle sent for approval): run it in the writer. */
export class NothingToRehearse extends Error {
  constructor() {
    super('nothing to render first');
  }
}

/** The entries that issue documents: invoke rehearses them outside the writer. */
export const RENDERS_FIRST: ReadonlySet<string> = new Set(['documents.issue', 'documents.bundle', 'documents.issueBundle']);

/** Rounds of rehearsal before the run in the writer renders by itself (so a busy series still gets its turn). */
export const REHEARSALS = 3;

/** The longest a rehearsed call waits for the numbers held before its own (a safety net: numbers are held in one order, renders have their own time limit). */
export const TURN_MS = 10_000;
