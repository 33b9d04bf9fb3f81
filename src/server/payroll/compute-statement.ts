import type { Actor } from '../../db/audit';
import type { HeldRecord, PayrollLineRecord } from '../../db/repos/payroll-statements-repo';
import type { PayrollOrderRecord } from '../../db/repos/payroll-orders-repo';
import type { PayrollPerson } from '../../shared/api/payroll-types';
import { AppError } from '../app-error';
import type { AppContext } from '../context';
import { coveredIds, orderInForce } from './coverage';
import { computeLine, loadMonth, type ComputedLine } from './month-pay';
import { localDay } from './today';

/** Each person with the order in force for them in a month. */
export async function peopleUnderOrders(ctx: AppContext, month: string, people?: PayrollPerson[]): Promise<{ person: PayrollPerson; order: PayrollOrderRecord }[]> {
  const all = people ?? (await ctx.store.payroll.orders.people());
  const orders = await ctx.store.payroll.orders.inForceOrders();
  const candidates = new Set<number>();
  for (const o of orders) for (const id of coveredIds(o, all)) candidates.add(id);
  const out: { person: PayrollPerson; order: PayrollOrderRecord }[] = [];
  for (const person of all) {
    if (!candidates.has(person.id)) continue;
    const order = orderInForce(orders, person.id, month, all);
    if (order) out.push({ person, order });
  }
  return out;
}

/** Refuses a month that is not closed (a statement is computed on final figures only). */
export async function assertClosed(ctx: AppContext, month: string): Promise<void> {
  if (!(await ctx.store.money.isMonthClosed(month))) {
    throw new AppError('CONFLICT', 'Месяц ещё не закрыт: зарплата рассчитывается только за закрытый месяц (Платежи → Закрытие месяца).');
  }
}

/** Computes every line of a closed month under the orders in force (nothing saved). */
export async function computeMonthLines(ctx: AppContext, month: string): Promise<{ person: PayrollPerson; computed: ComputedLine }[]> {
  const m = await loadMonth(ctx, month, localDay(ctx.now()));
  const out: { person: PayrollPerson; computed: ComputedLine }[] = [];
  for (const { person, order } of await peopleUnderOrders(ctx, month)) out.push({ person, computed: await computeLine(ctx, m, person.id, order) });
  return out;
}

/** Computes (or recomputes the draft of) a closed month's statement and saves it in one transaction. */
export async function computeStatement(ctx: AppContext, actor: Actor, month: string): Promise<void> {
  await assertClosed(ctx, month);
  const existing = await ctx.store.payroll.statements.byMonth(month);
  if (existing?.status === 'approved') throw new AppError('CONFLICT', 'Ведомость за этот месяц уже утверждена и не пересчитывается.');
  const computed = await computeMonthLines(ctx, month);
  if (computed.length === 0) throw new AppError('CONFLICT', 'На этот месяц нет утверждённого приказа по оплате труда: некого рассчитывать.');
  const lines: PayrollLineRecord[] = computed.map((c) => c.computed.line);
  const held: HeldRecord[] = computed.flatMap((c) => c.computed.held);
  const released = computed.flatMap((c) => c.computed.releasedIds);
  const saved = await ctx.store.payroll.statements.saveDraft(actor, month, lines, held, released);
  if (!saved) throw new AppError('CONFLICT', 'Ведомость за этот месяц уже утверждена и не пересчитывается.');
}
