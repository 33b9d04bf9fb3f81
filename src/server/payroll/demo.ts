import { addMonths, SCHEME_A_EXAMPLE } from '../../core/index';
import type { Actor } from '../../db/audit';
import type { AppContext } from '../context';
import { computeStatement } from './compute-statement';
import { localDay } from './today';

const CONDITIONS = 'Премия не начисляется по оплатам клиентов, переданных работнику после даты оплаты. Спорные случаи решает директор.';

/**
 * The demo office's payroll: the order in force (Scheme A for all managers, from a year ago, the
 * «held until signed» condition with 5 days' grace), acknowledged by two of the managers; a draft
 * with progressive rates for what-if; and the last closed month's statement as a draft when the
 * money area has closed one (runs after the money and plans fillers).
 */
export async function fillDemoPayroll(ctx: AppContext, actor: Actor): Promise<void> {
  const orders = ctx.store.payroll.orders;
  const today = localDay(ctx.now());
  const month = today.slice(0, 7);
  const start = addMonths(month, -12);
  const order = await orders.create(actor, {
    title: 'Об утверждении Положения о мотивации менеджеров по продажам',
    validFrom: `${start}-01`,
    validTo: null,
    userIds: [],
    roles: ['manager'],
    scheme: { ...SCHEME_A_EXAMPLE, name: 'Схема А' },
    holdUnsigned: true,
    holdGraceDays: 5,
    conditions: CONDITIONS,
  });
  await orders.send(actor, order.id);
  const orderDay = `${addMonths(start, -1)}-25`;
  await orders.approve(actor, order.id, { orderDate: orderDay, year: Number(orderDay.slice(0, 4)), supersedes: [] });
  const managers = (await orders.people()).filter((p) => p.role === 'manager' && p.active);
  for (const m of managers.slice(0, 2)) await orders.acknowledge({ userId: m.id, userName: m.fullName }, order.id, m.id);

  await orders.create(actor, {
    title: 'Проект: ставка по частям факта, без скачков на границах ступеней',
    validFrom: `${addMonths(month, 1)}-01`,
    validTo: null,
    userIds: [],
    roles: ['manager'],
    scheme: { ...SCHEME_A_EXAMPLE, name: 'Схема А, ставка по частям', rateMode: 'progressive', minPersonalBasisPoints: 5000 },
    holdUnsigned: true,
    holdGraceDays: 5,
    conditions: CONDITIONS,
  });

  const last = addMonths(month, -1);
  if (await ctx.store.money.isMonthClosed(last)) await computeStatement(ctx, actor, last);
}
