import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { formFieldSchema, type AnswerValue, type FormField, type QuestionnaireAnswer, type QuestionnaireForm } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimVersionSync } from '../record-version';
import { questionnaireAnswers, questionnaireForms } from '../schema/clients';
import { users } from '../schema/foundation';
import { addEventSync } from './client-writes';

type FormRow = typeof questionnaireForms.$inferSelect;

const fieldsJson = z.array(formFieldSchema);
const answersJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

function toForm(r: FormRow): QuestionnaireForm {
  return { id: r.id, kind: r.kind, title: r.title, fields: fieldsJson.parse(JSON.parse(r.fields)), active: r.active };
}

/** Input of a form as saved. */
export interface FormInput {
  kind: QuestionnaireForm['kind'];
  title: string;
  fields: FormField[];
  active: boolean;
}

/** Questionnaires: the forms the office defines and each client's dated answers. */
export function createQuestionnairesRepo(deps: RepoDeps) {
  const { db } = deps;
  const formSync = (id: number) => {
    const r = db.select().from(questionnaireForms).where(eq(questionnaireForms.id, id)).get();
    return r ? toForm(r) : null;
  };
  const answerSync = (id: number): QuestionnaireAnswer | null => {
    const r = db
      .select({ a: questionnaireAnswers, userName: users.fullName })
      .from(questionnaireAnswers)
      .leftJoin(users, eq(users.id, questionnaireAnswers.userId))
      .where(eq(questionnaireAnswers.id, id))
      .get();
    return r ? toAnswer(r.a, r.userName) : null;
  };
  const toAnswer = (a: typeof questionnaireAnswers.$inferSelect, userName: string | null): QuestionnaireAnswer => ({
    id: a.id,
    clientId: a.clientId,
    formId: a.formId,
    title: a.title,
    filledOn: a.filledOn,
    fields: fieldsJson.parse(JSON.parse(a.fields)),
    answers: answersJson.parse(JSON.parse(a.answers)),
    userName,
    updatedAt: a.updatedAt,
    version: a.version,
  });
  return {
    async forms(includeInactive: boolean): Promise<QuestionnaireForm[]> {
      const q = db.select().from(questionnaireForms);
      const rows = includeInactive ? q.orderBy(asc(questionnaireForms.id)).all() : q.where(eq(questionnaireForms.active, true)).orderBy(asc(questionnaireForms.id)).all();
      return rows.map(toForm);
    },
    async form(id: number): Promise<QuestionnaireForm | null> {
      return formSync(id);
    },
    async saveForm(actor: Actor, id: number | null, input: FormInput): Promise<QuestionnaireForm | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const values = { ...input, fields: JSON.stringify(input.fields), updatedAt: at };
        const before = id === null ? null : formSync(id);
        if (id !== null && !before) return null;
        const savedId =
          id === null
            ? db.insert(questionnaireForms).values({ ...values, createdAt: at }).returning({ id: questionnaireForms.id }).get().id
            : (db.update(questionnaireForms).set(values).where(eq(questionnaireForms.id, id)).run(), id);
        const after = formSync(savedId);
        appendAudit(deps.sqlite, actor, { action: id === null ? 'create' : 'update', entity: 'questionnaire_form', entityId: savedId, before: before ?? undefined, after }, at);
        return after;
      });
    },
    async answers(clientId: number): Promise<QuestionnaireAnswer[]> {
      return db
        .select({ a: questionnaireAnswers, userName: users.fullName })
        .from(questionnaireAnswers)
        .leftJoin(users, eq(users.id, questionnaireAnswers.userId))
        .where(eq(questionnaireAnswers.clientId, clientId))
        .orderBy(desc(questionnaireAnswers.filledOn), desc(questionnaireAnswers.id))
        .all()
        .map((r) => toAnswer(r.a, r.userName));
    },
    /** Saves a filled questionnaire (new when id is null) with the form's fields as they are now. */
    async saveAnswer(
      actor: Actor,
      a: { id: number | null; version?: number; clientId: number; form: QuestionnaireForm; filledOn: string; answers: Record<string, AnswerValue> },
    ): Promise<QuestionnaireAnswer | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const values = {
          clientId: a.clientId,
          formId: a.form.id,
          title: a.form.title,
          filledOn: a.filledOn,
          fields: JSON.stringify(a.form.fields),
          answers: JSON.stringify(a.answers),
          userId: actor.userId,
          updatedAt: at,
        };
        let id = a.id;
        const before = id === null ? null : answerSync(id);
        if (id !== null) {
          if (!before || before.clientId !== a.clientId) return null;
          if (a.version !== undefined) claimVersionSync(deps.sqlite, 'questionnaire_answers', id, a.version, actor.userId);
          db.update(questionnaireAnswers).set(values).where(and(eq(questionnaireAnswers.id, id), eq(questionnaireAnswers.clientId, a.clientId))).run();
        } else {
          id = db.insert(questionnaireAnswers).values({ ...values, createdAt: at }).returning({ id: questionnaireAnswers.id }).get().id;
        }
        addEventSync(deps, {
          clientId: a.clientId,
          kind: 'questionnaire',
          text: `${before ? 'Изменена' : 'Заполнена'} анкета «${a.form.title}» от ${a.filledOn}`,
          userId: actor.userId,
          at,
          refEntity: 'questionnaire_answer',
          refId: id,
        });
        const after = answerSync(id);
        appendAudit(deps.sqlite, actor, { action: before ? 'update' : 'create', entity: 'questionnaire_answer', entityId: id, before: before ?? undefined, after }, at);
        return after;
      });
    },
  };
}

/** The questionnaires repository. */
export type QuestionnairesRepo = ReturnType<typeof createQuestionnairesRepo>;
