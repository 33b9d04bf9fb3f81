import { percentText, periodDays, returnPerRouble } from '../../core/index';
import type { InboundParsed, InboundReport, InboundReportRow } from '../../shared/api/inbound-types';
import { AppError, found } from '../app-error';
import type { CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { assertInboundAccess, assertInboundLinks, inboundScope } from './inbound-access';

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, [{ path: `request.${path}`, message }]);
}

/** Checks what a request links to; a deal's client fills an empty client. */
async function checked(ctx: CallContext, r: InboundParsed): Promise<InboundParsed> {
  if (!(await ctx.store.inbound.sources()).some((s) => s.id === r.sourceId)) invalid('sourceId', 'Выберите источник из списка');
  let clientId = r.clientId;
  let dealManagerId: number | null = null;
  if (r.dealId !== null) {
    const deal = await ctx.store.sales.deals.get(r.dealId);
    if (!deal) invalid('dealId', 'Сделка не найдена');
    if (clientId !== null && clientId !== deal.clientId) invalid('dealId', 'Сделка другого клиента');
    clientId = deal.clientId;
    dealManagerId = deal.managerId;
  }
  if (clientId !== null && !(await ctx.store.clients.get(clientId))) invalid('clientId', 'Клиент не найден');
  if (r.managerId !== null) {
    const user = await ctx.store.users.get(r.managerId);
    if (!user || !user.active) invalid('managerId', 'Выберите сотрудника из списка');
  }
  const request = { ...r, clientId };
  await assertInboundLinks(ctx, request, dealManagerId);
  return request;
}

type Counts = Pick<InboundReportRow, 'requests' | 'deals' | 'wonDeals' | 'revenueKopecks' | 'spendKopecks'>;

function withRatios(c: Counts): InboundReport['total'] {
  return { ...c, conversionPercent: percentText(c.deals, c.requests), revenuePerRouble: returnPerRouble(c.revenueKopecks, c.spendKopecks) };
}

/** Входящий поток: advertising sources with monthly spend, the request log, the report by source. */
export const inboundHandlers: HandlerMap<'inbound.sources' | 'inbound.saveSource' | 'inbound.saveSpend' | 'inbound.list' | 'inbound.save' | 'inbound.report'> = {
  async 'inbound.sources'(_input, ctx) {
    return ctx.store.inbound.sources();
  },

  async 'inbound.saveSource'(input, ctx) {
    const saved = await ctx.store.inbound.saveSource(ctx.actor, input);
    if (saved === 'duplicate') throw new AppError('CONFLICT', 'Источник с таким названием уже есть', [{ path: 'name', message: 'Уже есть' }]);
    return found(saved, 'Источник не найден');
  },

  async 'inbound.saveSpend'(input, ctx) {
    if (!(await ctx.store.inbound.sources()).some((s) => s.id === input.sourceId)) throw new AppError('NOT_FOUND', 'Источник не найден');
    await ctx.store.inbound.saveSpend(ctx.actor, input.sourceId, input.month, input.amountKopecks);
    return null;
  },

  async 'inbound.list'(input, ctx) {
    return ctx.store.inbound.list({
      fromDay: input.fromMonth ? periodDays(input.fromMonth).from : undefined,
      toDay: input.toMonth ? periodDays(input.toMonth).to : undefined,
      sourceId: input.sourceId,
      onlyManagerId: inboundScope(ctx),
    });
  },

  async 'inbound.save'(input, ctx) {
    if (input.id !== undefined) await assertInboundAccess(ctx, input.id);
    const request = await checked(ctx, input.request);
    return found(await ctx.store.inbound.save(ctx.actor, input.id ?? null, request), 'Обращение не найдено');
  },

  async 'inbound.report'(input, ctx) {
    if (input.toMonth < input.fromMonth) throw new AppError('VALIDATION', 'Конец периода раньше начала', [{ path: 'toMonth', message: 'Раньше начала' }]);
    const counts = await ctx.store.inbound.counts(periodDays(input.fromMonth).from, periodDays(input.toMonth).to);
    const spend = await ctx.store.inbound.spend(input.fromMonth, input.toMonth);
    const spendOf = new Map<number, number>();
    for (const s of spend) spendOf.set(s.sourceId, (spendOf.get(s.sourceId) ?? 0) + s.amountKopecks);
    const rows: InboundReportRow[] = counts.map((c) => ({
      sourceId: c.sourceId,
      sourceName: c.sourceName,
      ...withRatios({ requests: c.requests, deals: c.deals, wonDeals: c.wonDeals, revenueKopecks: c.revenueKopecks, spendKopecks: spendOf.get(c.sourceId) ?? null }),
    }));
    const sum = (pick: (r: InboundReportRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
    // Revenue per rouble in total counts only the sources whose spend is known.
    const spent = rows.filter((r) => r.spendKopecks !== null);
    const total = withRatios({
      requests: sum((r) => r.requests),
      deals: sum((r) => r.deals),
      wonDeals: sum((r) => r.wonDeals),
      revenueKopecks: sum((r) => r.revenueKopecks),
      spendKopecks: spent.length ? spent.reduce((s, r) => s + (r.spendKopecks ?? 0), 0) : null,
    });
    const perRouble = spent.length ? returnPerRouble(spent.reduce((s, r) => s + r.revenueKopecks, 0), total.spendKopecks) : null;
    return { fromMonth: input.fromMonth, toMonth: input.toMonth, rows, total: { ...total, revenuePerRouble: perRouble }, spend };
  },
};
