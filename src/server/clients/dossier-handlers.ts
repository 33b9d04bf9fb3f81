import { isIsoDate } from '../../core/index';
import type { AnswerValue, FormField } from '../../shared/api/client-types';
import type { FieldError } from '../../shared/errors';
import { AppError, found } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { refuseStale, versionForUpdate } from '../stale';
import { editableCard, openCard } from './card-handlers';

function checkAnswer(field: FormField, value: AnswerValue | undefined): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) return field.required && field.type !== 'checkbox' ? `Заполните поле «${field.label}»` : null;
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : `«${field.label}»: нужен текст`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `«${field.label}»: нужно число`;
    case 'date':
      return isIsoDate(value) ? null : `«${field.label}»: нужна дата`;
    case 'select':
      return typeof value === 'string' && field.options.includes(value) ? null : `«${field.label}»: выберите значение из списка`;
    case 'checkbox':
      return typeof value === 'boolean' ? null : `«${field.label}»: да или нет`;
  }
}

/** Checks answers against a questionnaire's fields (unknown keys, types, required) and fills the missing ones. */
export function assertAnswers(fields: FormField[], answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) errors.push({ path: `answers.${key}`, message: `В анкете нет поля «${key}»` });
  const clean: Record<string, AnswerValue> = {};
  for (const f of fields) {
    const problem = checkAnswer(f, answers[f.key]);
    if (problem) errors.push({ path: `answers.${f.key}`, message: problem });
    clean[f.key] = answers[f.key] ?? (f.type === 'checkbox' ? false : null);
  }
  if (errors.length > 0) throw new AppError('VALIDATION', `Анкета заполнена с ошибками: ${errors.map((e) => e.message).join('; ')}`, errors);
  return clean;
}

/** The dossier: history, notes, questionnaires and the sources directory. */
export const clientDossierHandlers: HandlerMap<
  'clients.timeline' | 'clients.addNote' | 'clients.forms' | 'clients.saveForm' | 'clients.answers' | 'clients.saveAnswer' | 'clients.sources' | 'clients.saveSource'
> = {
  async 'clients.timeline'(input, ctx) {
    await openCard(ctx, input.clientId);
    return (await ctx.store.clientDossier.events(input.clientId)).map((e) => ({ ...e, id: `e${e.id}` }));
  },

  async 'clients.addNote'(input, ctx) {
    await editableCard(ctx, input.clientId);
    const e = found(await ctx.store.clientDossier.record(ctx.actor, { clientId: input.clientId, kind: 'note', text: input.text }), 'Клиент не найден');
    return { ...e, id: `e${e.id}` };
  },

  async 'clients.forms'(input, ctx) {
    return ctx.store.questionnaires.forms(input.includeInactive);
  },

  async 'clients.saveForm'(input, ctx) {
    const keys = input.fields.map((f) => f.key);
    const errors: FieldError[] = [];
    input.fields.forEach((f, i) => {
      if (keys.indexOf(f.key) !== i) errors.push({ path: `fields.${i}.key`, message: `Код поля «${f.key}» повторяется` });
      if (f.type === 'select' && f.options.length === 0) errors.push({ path: `fields.${i}.options`, message: `У списка «${f.label}» нет вариантов` });
    });
    if (errors.length > 0) throw new AppError('VALIDATION', errors.map((e) => e.message).join('; '), errors);
    const { id, ...form } = input;
    return found(await ctx.store.questionnaires.saveForm(ctx.actor, id, form), 'Анкета не найдена');
  },

  async 'clients.answers'(input, ctx) {
    await openCard(ctx, input.clientId);
    return ctx.store.questionnaires.answers(input.clientId);
  },

  async 'clients.saveAnswer'(input, ctx) {
    await editableCard(ctx, input.clientId);
    if (!isIsoDate(input.filledOn)) throw new AppError('VALIDATION', 'Такой даты нет', [{ path: 'filledOn', message: 'Такой даты нет' }]);
    const form = found(await ctx.store.questionnaires.form(input.formId), 'Анкета не найдена');
    const answers = assertAnswers(form.fields, input.answers);
    const version = versionForUpdate(input.id, input.version);
    const saved = await refuseStale(() => ctx.store.questionnaires.saveAnswer(ctx.actor, { id: input.id, version, clientId: input.clientId, form, filledOn: input.filledOn, answers }));
    return found(saved, 'Заполненная анкета не найдена');
  },

  async 'clients.sources'(_input, ctx) {
    return ctx.store.clientSources.list();
  },

  async 'clients.saveSource'(input, ctx) {
    const { id, ...source } = input;
    const saved = await ctx.store.clientSources.save(ctx.actor, id, source);
    if (saved === 'duplicate') throw new AppError('CONFLICT', `Источник «${input.name}» уже есть`, [{ path: 'name', message: 'Такой источник уже есть' }]);
    return found(saved, 'Источник не найден');
  },
};
