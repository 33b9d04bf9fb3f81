import { DIRECTIVE_DESCRIPTIONS, DIRECTIVES_BY_KIND, placeholdersFor, validateTemplate } from '../../documents/index';
import { AppError, found } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { refuseStale, versionForUpdate } from '../stale';
import { ensureBuiltInTemplates } from './prepare';
import { previewTemplate } from './preview';

const NO_TEMPLATE = 'Шаблон не найден';

/** Справочники → Шаблоны: versions, the default per kind, the picker's catalog and the live preview. */
export const templateHandlers: HandlerMap<
  'templates.list' | 'templates.get' | 'templates.save' | 'templates.setDefault' | 'templates.archive' | 'templates.catalog' | 'templates.preview'
> = {
  async 'templates.list'(input, ctx) {
    await ensureBuiltInTemplates(ctx);
    return ctx.store.documents.templates.list(input);
  },
  async 'templates.get'(input, ctx) {
    await ensureBuiltInTemplates(ctx);
    return found(await ctx.store.documents.templates.get(input.id, input.versionId), NO_TEMPLATE);
  },
  async 'templates.save'(input, ctx) {
    const errors = validateTemplate(input.source, input.kind);
    if (errors.length > 0) {
      const first = errors[0];
      throw new AppError(
        'VALIDATION',
        `Шаблон не сохранён: строка ${first.line}, позиция ${first.column} — ${first.message}${errors.length > 1 ? ` (и ещё ошибок: ${errors.length - 1})` : ''}`,
        errors.map((e) => ({ path: `source:${e.line}:${e.column}`, message: `Строка ${e.line}, позиция ${e.column}: ${e.message}` })),
      );
    }
    if (input.id !== undefined) {
      const t = found(await ctx.store.documents.templates.get(input.id), NO_TEMPLATE);
      if (t.kind !== input.kind) throw new AppError('VALIDATION', 'Вид документа шаблона не меняется');
      if (t.builtIn) throw new AppError('CONFLICT', 'Встроенный шаблон не изменяют: сохраните свою копию под новым названием');
    }
    const version = versionForUpdate(input.id, input.version);
    return found(await refuseStale(() => ctx.store.documents.templates.save(ctx.actor, { ...input, version })), NO_TEMPLATE);
  },
  async 'templates.setDefault'(input, ctx) {
    return found(await ctx.store.documents.templates.setDefault(ctx.actor, input.id), NO_TEMPLATE);
  },
  async 'templates.archive'(input, ctx) {
    const t = found(await ctx.store.documents.templates.get(input.id), NO_TEMPLATE);
    if (input.archived && t.isDefault) throw new AppError('CONFLICT', 'Шаблон по умолчанию не убирают в архив: сначала назначьте другой');
    return found(await ctx.store.documents.templates.archive(ctx.actor, input.id, input.archived), NO_TEMPLATE);
  },
  async 'templates.catalog'(input) {
    return {
      placeholders: placeholdersFor(input.kind).map((p) => ({ path: p.path, description: p.description, type: p.type, itemOf: p.itemOf ?? null })),
      directives: DIRECTIVES_BY_KIND[input.kind].map((name) => ({ name, description: DIRECTIVE_DESCRIPTIONS[name] })),
    };
  },
  async 'templates.preview'(input, ctx) {
    return previewTemplate(ctx, input.kind, input.source);
  },
};
