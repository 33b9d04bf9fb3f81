import { asc, eq } from 'drizzle-orm';
import type { ObjectionAnswerDto, ObjectionDto } from '../../shared/api/standards';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { answerFeedback, objectionAnswers, objections } from '../schema/sales';

interface FeedbackCount {
  answer_id: number;
  n: number;
  mine: number;
}

/** The objection standard: objections, strong answers by product, and "this answer worked" marks. */
export function createSalesObjectionsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const names = (): Map<number, string> =>
    new Map((sqlite.prepare('SELECT id, full_name FROM users').all() as { id: number; full_name: string }[]).map((u) => [u.id, u.full_name]));
  const listSync = (includeArchived: boolean, viewerId: number | null, seesProposals = true): ObjectionDto[] => {
    const people = names();
    const counts = new Map<number, FeedbackCount>();
    const rows = sqlite
      .prepare('SELECT answer_id, count(*) AS n, sum(user_id = ?) AS mine FROM answer_feedback GROUP BY answer_id')
      .all(viewerId ?? -1) as FeedbackCount[];
    for (const r of rows) counts.set(r.answer_id, r);
    const answers = db.select().from(objectionAnswers).orderBy(asc(objectionAnswers.sort), asc(objectionAnswers.id)).all();
    return db
      .select()
      .from(objections)
      .orderBy(asc(objections.sort), asc(objections.id))
      .all()
      .filter((o) => (includeArchived || !o.archived) && (o.accepted || seesProposals || o.proposedBy === viewerId))
      .map((o) => ({
        id: o.id,
        text: o.text,
        archived: o.archived,
        proposed: !o.accepted,
        proposedByName: o.proposedBy === null ? null : (people.get(o.proposedBy) ?? null),
        answers: answers
          .filter((a) => a.objectionId === o.id && (includeArchived || !a.archived))
          .map((a): ObjectionAnswerDto => ({
            id: a.id,
            product: a.product,
            answer: a.answer,
            archived: a.archived,
            worked: counts.get(a.id)?.n ?? 0,
            workedByMe: counts.get(a.id)?.mine ?? 0,
          })),
      }));
  };
  const oneSync = (id: number, viewerId: number | null) => listSync(true, viewerId).find((o) => o.id === id) ?? null;

  /** Adds or changes an objection inside an open transaction. */
  const saveSync = (actor: Actor, input: { id?: number; text: string; archived: boolean }): ObjectionDto | null => {
    const at = deps.now().toISOString();
    if (input.id === undefined) {
      const last = sqlite.prepare('SELECT coalesce(max(sort), 0) AS s FROM objections').get() as { s: number };
      const row = db.insert(objections).values({ text: input.text, archived: input.archived, sort: last.s + 1 }).returning().get();
      appendAudit(sqlite, actor, { action: 'create', entity: 'objection', entityId: row.id, after: row }, at);
      return oneSync(row.id, actor.userId);
    }
    const before = db.select().from(objections).where(eq(objections.id, input.id)).get();
    if (!before) return null;
    db.update(objections).set({ text: input.text, archived: input.archived }).where(eq(objections.id, input.id)).run();
    appendAudit(sqlite, actor, { action: 'update', entity: 'objection', entityId: input.id, before, after: input }, at);
    return oneSync(input.id, actor.userId);
  };

  /** Adds or changes an answer inside an open transaction. */
  const saveAnswerSync = (
    actor: Actor,
    input: { id?: number; objectionId: number; product: string; answer: string; archived: boolean },
  ): ObjectionDto | null => {
    const at = deps.now().toISOString();
    if (!db.select({ id: objections.id }).from(objections).where(eq(objections.id, input.objectionId)).get()) return null;
    const values = { objectionId: input.objectionId, product: input.product, answer: input.answer, archived: input.archived, updatedAt: at };
    if (input.id === undefined) {
      const row = db.insert(objectionAnswers).values(values).returning().get();
      appendAudit(sqlite, actor, { action: 'create', entity: 'objection_answer', entityId: row.id, after: row }, at);
    } else {
      const before = db.select().from(objectionAnswers).where(eq(objectionAnswers.id, input.id)).get();
      if (!before || before.objectionId !== input.objectionId) return null;
      db.update(objectionAnswers).set(values).where(eq(objectionAnswers.id, input.id)).run();
      // The audit keeps every earlier wording of the answer: the standard's history.
      appendAudit(sqlite, actor, { action: 'update', entity: 'objection_answer', entityId: input.id, before, after: values }, at);
    }
    return oneSync(input.objectionId, actor.userId);
  };

  return {
    saveSync,
    saveAnswerSync,
    /** The objections a viewer sees: accepted ones, their own proposals, and every proposal when `seesProposals`. */
    async list(includeArchived: boolean, viewerId: number | null, seesProposals = true): Promise<ObjectionDto[]> {
      return listSync(includeArchived, viewerId, seesProposals);
    },
    /** A manager's proposal of a new objection (with their answer, if any), waiting for the head of sales. */
    async propose(actor: Actor, input: { text: string; answer: string }): Promise<ObjectionDto | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const last = sqlite.prepare('SELECT coalesce(max(sort), 0) AS s FROM objections').get() as { s: number };
        const row = db.insert(objections).values({ text: input.text, sort: last.s + 1, proposedBy: actor.userId, accepted: false }).returning().get();
        appendAudit(sqlite, actor, { action: 'propose', entity: 'objection', entityId: row.id, after: row }, at);
        if (input.answer !== '') saveAnswerSync(actor, { objectionId: row.id, product: '', answer: input.answer, archived: false });
        return oneSync(row.id, actor.userId);
      });
    },
    /** The head of sales accepts a proposal: it joins the standard every manager sees. Null when unknown. */
    async accept(actor: Actor, id: number): Promise<ObjectionDto | null> {
      return inTransaction(deps, () => {
        const before = db.select().from(objections).where(eq(objections.id, id)).get();
        if (!before) return null;
        db.update(objections).set({ accepted: true }).where(eq(objections.id, id)).run();
        appendAudit(sqlite, actor, { action: 'accept', entity: 'objection', entityId: id, before: { accepted: before.accepted }, after: { accepted: true } }, deps.now().toISOString());
        return oneSync(id, actor.userId);
      });
    },
    async save(actor: Actor, input: { id?: number; text: string; archived: boolean }): Promise<ObjectionDto | null> {
      return inTransaction(deps, () => saveSync(actor, input));
    },
    async saveAnswer(
      actor: Actor,
      input: { id?: number; objectionId: number; product: string; answer: string; archived: boolean },
    ): Promise<ObjectionDto | null> {
      return inTransaction(deps, () => saveAnswerSync(actor, input));
    },
    /** Records "this answer worked"; null when the answer is unknown. */
    async markWorked(actor: Actor, userId: number, answerId: number, activityId: number | null): Promise<ObjectionAnswerDto | null> {
      return inTransaction(deps, () => {
        const answer = db.select().from(objectionAnswers).where(eq(objectionAnswers.id, answerId)).get();
        if (!answer) return null;
        const at = deps.now().toISOString();
        const row = db.insert(answerFeedback).values({ answerId, userId, activityId, at }).returning().get();
        appendAudit(sqlite, actor, { action: 'create', entity: 'answer_feedback', entityId: row.id, after: row }, at);
        return oneSync(answer.objectionId, userId)?.answers.find((a) => a.id === answerId) ?? null;
      });
    },
    /** Which of the ids are known objections. */
    async existing(ids: number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const known = new Set(db.select({ id: objections.id }).from(objections).all().map((r) => r.id));
      return ids.filter((id) => known.has(id));
    },
  };
}

/** The objection standard repository. */
export type SalesObjectionsRepo = ReturnType<typeof createSalesObjectionsRepo>;
