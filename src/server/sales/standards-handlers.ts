import { AppError, found } from '../app-error';
import { SALES_HEADS } from '../../shared/api/sales';
import { requireUser } from '../context';
import type { HandlerMap } from '../handler-types';

const NO_STANDARD = 'Стандарт не найден';
const BAD_LINK = 'Ссылка ведёт на стандарт, которого нет';

/** Справочники → Стандарты продаж: scripts, letters, presentation, competitors, objections, the sales book. */
export const standardsHandlers: HandlerMap<
  | 'standards.list'
  | 'standards.get'
  | 'standards.create'
  | 'standards.saveVersion'
  | 'standards.archive'
  | 'standards.attach'
  | 'standards.file'
  | 'standards.detach'
  | 'standards.book'
  | 'objections.list'
  | 'objections.save'
  | 'objections.saveAnswer'
  | 'objections.worked'
  | 'objections.propose'
  | 'objections.accept'
> = {
  async 'standards.list'(input, ctx) {
    return ctx.store.sales.standards.list(input.kind, input.includeArchived);
  },

  async 'standards.get'(input, ctx) {
    return found(await ctx.store.sales.standards.get(input.id, input.version), NO_STANDARD);
  },

  async 'standards.create'(input, ctx) {
    const created = await ctx.store.sales.standards.create(ctx.actor, input);
    if (!created) throw new AppError('VALIDATION', BAD_LINK, [{ path: 'links', message: BAD_LINK }]);
    return created;
  },

  async 'standards.saveVersion'(input, ctx) {
    const before = found(await ctx.store.sales.standards.get(input.id), NO_STANDARD);
    if (before.kind !== input.standard.kind) throw new AppError('CONFLICT', 'Вид стандарта не меняется');
    const saved = await ctx.store.sales.standards.saveVersion(ctx.actor, input.id, input.standard);
    if (saved === 'missing') throw new AppError('VALIDATION', BAD_LINK, [{ path: 'links', message: BAD_LINK }]);
    return saved;
  },

  async 'standards.archive'(input, ctx) {
    return found(await ctx.store.sales.standards.archive(ctx.actor, input.id, input.archived), NO_STANDARD);
  },

  async 'standards.attach'(input, ctx) {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new AppError('VALIDATION', 'Файл пустой');
    return found(await ctx.store.sales.standards.attach(ctx.actor, input.standardId, { fileName: input.fileName, mime: input.mime, bytes }), NO_STANDARD);
  },

  async 'standards.file'(input, ctx) {
    const f = found(await ctx.store.sales.standards.file(input.id), 'Файл не найден');
    return { fileName: f.fileName, mime: f.mime, base64: f.bytes.toString('base64') };
  },

  async 'standards.detach'(input, ctx) {
    if (!(await ctx.store.sales.standards.detach(ctx.actor, input.id))) throw new AppError('NOT_FOUND', 'Файл не найден');
    return null;
  },

  async 'standards.book'(_input, ctx) {
    const user = requireUser(ctx);
    const [standards, objections] = await Promise.all([ctx.store.sales.standards.book(), ctx.store.sales.objections.list(false, user.id, false)]);
    return { standards, objections };
  },

  async 'objections.list'(input, ctx) {
    const user = requireUser(ctx);
    return ctx.store.sales.objections.list(input.includeArchived, user.id, SALES_HEADS.includes(user.role));
  },

  async 'objections.propose'(input, ctx) {
    return found(await ctx.store.sales.objections.propose(ctx.actor, input), 'Возражение не найдено');
  },

  async 'objections.accept'(input, ctx) {
    const o = (await ctx.store.sales.objections.list(true, null)).find((x) => x.id === input.id);
    if (!o) throw new AppError('NOT_FOUND', 'Возражение не найдено');
    if (!o.proposed) throw new AppError('CONFLICT', 'Это возражение уже в стандарте');
    return found(await ctx.store.sales.objections.accept(ctx.actor, input.id), 'Возражение не найдено');
  },

  async 'objections.save'(input, ctx) {
    return found(await ctx.store.sales.objections.save(ctx.actor, input), 'Возражение не найдено');
  },

  async 'objections.saveAnswer'(input, ctx) {
    return found(await ctx.store.sales.objections.saveAnswer(ctx.actor, input), 'Возражение или ответ не найдены');
  },

  async 'objections.worked'(input, ctx) {
    const user = requireUser(ctx);
    if (input.activityId !== null) {
      const a = await ctx.store.sales.activities.get(input.activityId);
      if (!a || (user.role === 'manager' && a.managerId !== user.id)) throw new AppError('NOT_FOUND', 'Запись о звонке не найдена');
    }
    return found(await ctx.store.sales.objections.markWorked(ctx.actor, user.id, input.answerId, input.activityId), 'Ответ не найден');
  },
};
