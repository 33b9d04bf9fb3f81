import { formatDateNumeric, isIsoDate, periodDays, validatePayrollScheme } from '../../core/index';
import type { PayrollOrderDto, PayrollOrderParsed, PayrollPerson } from '../../shared/api/payroll-types';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import { AppError, found } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { refuseStale, versionForUpdate } from '../stale';
import { seesOrder } from './access';
import { checkOverlap, coveredIds } from './coverage';
import { orderPrint } from './order-print';
import { orderDto, orderSummary } from './order-view';
import { monthTitle } from './statement-view';
import { localDay } from './today';

const NO_ORDER = 'Приказ не найден';

async function loadPeople(ctx: CallContext): Promise<PayrollPerson[]> {
  return ctx.store.payroll.orders.people();
}

async function dtoOf(ctx: CallContext, o: PayrollOrderRecord, people?: PayrollPerson[]): Promise<PayrollOrderDto> {
  return orderDto(o, people ?? (await loadPeople(ctx)), await ctx.store.payroll.orders.acknowledgements(o.id), requireUser(ctx));
}

async function visibleOrder(ctx: CallContext, id: number, people: PayrollPerson[]): Promise<PayrollOrderRecord> {
  const o = found(await ctx.store.payroll.orders.get(id), NO_ORDER);
  if (!seesOrder(requireUser(ctx), o, people)) throw new AppError('NOT_FOUND', NO_ORDER);
  return o;
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

/** Checks an order's dates (whole months), coverage and scheme; throws VALIDATION with Russian messages. */
function checkTerms(o: Pick<PayrollOrderParsed, 'validFrom' | 'validTo' | 'userIds' | 'roles' | 'scheme'>): void {
  if (!isIsoDate(o.validFrom) || !o.validFrom.endsWith('-01')) throw invalid('validFrom', 'Приказ действует с первого числа месяца');
  if (o.validTo !== null) {
    if (!isIsoDate(o.validTo) || periodDays(o.validTo.slice(0, 7)).to !== o.validTo) throw invalid('validTo', 'Приказ действует по последнее число месяца');
    if (o.validTo < o.validFrom) throw invalid('validTo', 'Окончание действия раньше начала');
  }
  if (o.userIds.length === 0 && o.roles.length === 0) throw invalid('userIds', 'Укажите, на кого распространяется приказ: сотрудников или должности');
  const problems = validatePayrollScheme(o.scheme);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join('; '), problems.map((message) => ({ path: 'scheme', message })));
}

/** Refuses an order that overlaps another for the same people and period; returns the approved ones it would supersede. */
async function checkNoOverlap(ctx: CallContext, o: Pick<PayrollOrderRecord, 'id' | 'userIds' | 'roles' | 'validFrom' | 'validTo'>, people: PayrollPerson[]): Promise<number[]> {
  const others = await ctx.store.payroll.orders.list();
  const { conflict, supersedes } = checkOverlap(o, others, people);
  if (conflict) {
    const name = conflict.status === 'sent' ? 'приказом, отправленным на утверждение' : 'действующим приказом';
    const other = others.find((x) => x.id === conflict.id);
    const label = other && other.number !== '' ? `№ ${other.number}` : `«${other?.title ?? ''}»`;
    throw new AppError(
      'CONFLICT',
      `Приказ пересекается с ${name} ${label} (с ${formatDateNumeric(conflict.validFrom)}) для тех же сотрудников и периода. Измените период или состав.`,
    );
  }
  return supersedes;
}

/** Зарплата → приказы: list, editor, the approval path, acknowledgement, PDF. */
export const ordersHandlers: HandlerMap<
  | 'payroll.orders.list'
  | 'payroll.orders.get'
  | 'payroll.orders.save'
  | 'payroll.orders.remove'
  | 'payroll.orders.send'
  | 'payroll.orders.return'
  | 'payroll.orders.approve'
  | 'payroll.orders.acknowledge'
  | 'payroll.orders.pdf'
  | 'payroll.people'
> = {
  async 'payroll.orders.list'(_input, ctx) {
    const people = await loadPeople(ctx);
    const user = requireUser(ctx);
    const all = await ctx.store.payroll.orders.list();
    return all.filter((o) => seesOrder(user, o, people)).map((o) => orderSummary(o, people));
  },

  async 'payroll.orders.get'(input, ctx) {
    const people = await loadPeople(ctx);
    return dtoOf(ctx, await visibleOrder(ctx, input.id, people), people);
  },

  async 'payroll.orders.save'(input, ctx) {
    const people = await loadPeople(ctx);
    checkTerms(input.order);
    await checkNoOverlap(ctx, { id: input.id ?? 0, ...input.order }, people);
    if (input.id === undefined) return dtoOf(ctx, await ctx.store.payroll.orders.create(ctx.actor, input.order), people);
    const { id } = input;
    const version = versionForUpdate(id, input.version);
    found(await ctx.store.payroll.orders.get(id), NO_ORDER);
    const saved = await refuseStale(() => ctx.store.payroll.orders.update(ctx.actor, id, input.order, version));
    if (!saved) throw new AppError('CONFLICT', 'Изменять можно только черновик приказа');
    return dtoOf(ctx, saved, people);
  },

  async 'payroll.orders.remove'(input, ctx) {
    found(await ctx.store.payroll.orders.get(input.id), NO_ORDER);
    if (!(await ctx.store.payroll.orders.remove(ctx.actor, input.id))) throw new AppError('CONFLICT', 'Удалить можно только черновик приказа');
    return { ok: true };
  },

  async 'payroll.orders.send'(input, ctx) {
    const people = await loadPeople(ctx);
    const o = found(await ctx.store.payroll.orders.get(input.id), NO_ORDER);
    checkTerms(o);
    await checkNoOverlap(ctx, o, people);
    const sent = await ctx.store.payroll.orders.send(ctx.actor, input.id);
    if (!sent) throw new AppError('CONFLICT', 'На утверждение отправляется только черновик');
    return dtoOf(ctx, sent, people);
  },

  async 'payroll.orders.return'(input, ctx) {
    found(await ctx.store.payroll.orders.get(input.id), NO_ORDER);
    const back = await ctx.store.payroll.orders.returnToDraft(ctx.actor, input.id);
    if (!back) throw new AppError('CONFLICT', 'Вернуть на доработку можно только приказ, отправленный на утверждение');
    return dtoOf(ctx, back);
  },

  async 'payroll.orders.approve'(input, ctx) {
    const people = await loadPeople(ctx);
    const o = found(await ctx.store.payroll.orders.get(input.id), NO_ORDER);
    if (o.status !== 'sent') throw new AppError('CONFLICT', 'Утвердить можно только приказ, отправленный на утверждение');
    checkTerms(o);
    const supersedes = await checkNoOverlap(ctx, o, people);
    // Approved statements stay as paid: a new order cannot reach back into their months.
    const paid = (await ctx.store.payroll.statements.list()).filter((s) => s.status === 'approved' && s.month >= o.validFrom.slice(0, 7));
    if (paid.length > 0) {
      throw new AppError('CONFLICT', `Ведомость за ${monthTitle(paid[0]?.month ?? '')} уже утверждена: новый приказ может начинаться только с месяца после последней утверждённой ведомости.`);
    }
    const today = localDay(ctx.now());
    const approved = await ctx.store.payroll.orders.approve(ctx.actor, o.id, { orderDate: today, year: Number(today.slice(0, 4)), supersedes });
    if (!approved) throw new AppError('CONFLICT', 'Приказ уже утверждён или изменён');
    return dtoOf(ctx, approved, people);
  },

  async 'payroll.orders.acknowledge'(input, ctx) {
    const user = requireUser(ctx);
    const people = await loadPeople(ctx);
    const o = found(await ctx.store.payroll.orders.get(input.id), NO_ORDER);
    if (o.status !== 'approved' && o.status !== 'superseded') throw new AppError('CONFLICT', 'Ознакомиться можно только с утверждённым приказом');
    if (!coveredIds(o, people).has(user.id)) throw new AppError('FORBIDDEN', 'Приказ на вас не распространяется');
    await ctx.store.payroll.orders.acknowledge(ctx.actor, o.id, user.id);
    return dtoOf(ctx, o, people);
  },

  async 'payroll.orders.pdf'(input, ctx) {
    const people = await loadPeople(ctx);
    const dto = await dtoOf(ctx, await visibleOrder(ctx, input.id, people), people);
    const orgs = await ctx.store.orgs.list();
    const org = orgs.find((x) => x.isDefault) ?? orgs[0] ?? null;
    const bytes = await ctx.pdf.renderer().print({ form: 'payrollOrder', data: orderPrint(dto, org) });
    const name = dto.number !== '' ? `Приказ ${dto.number}` : `Проект приказа ${dto.id}`;
    return { fileName: `${name}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  },

  async 'payroll.people'(_input, ctx) {
    return loadPeople(ctx);
  },
};
