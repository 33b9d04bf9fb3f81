import { addDays, addMonths, isoWeek, monthsOfYear } from '../../core/index';
import type { Actor } from '../../db/audit';
import type { PlanCell } from '../../shared/api/plan-types';
import type { AppContext } from '../context';
import { localDay } from './local-day';

const rub = (n: number) => n * 100;

// A little seasonality: quiet January and May, a strong autumn and December.
const SEASON = [0.7, 0.9, 1, 1, 0.85, 1, 0.95, 0.9, 1.05, 1.1, 1.15, 1.3];

const SOURCES = ['Яндекс.Директ', 'Сайт (поиск)', 'Выставка «Склад-2026»', 'Рекомендации партнёров'];
const SUBJECTS = ['Нужны стеллажи на новый склад', 'Просят КП на погрузчик', 'Интересует монтаж мезонина', 'Запрос цены на балки', 'Хотят обследование склада'];
const CHANNELS = ['call', 'site', 'email', 'call', 'other'] as const;

/** Approved plans for this year and last: personal ones per manager, the department's (their sum) and the company's (10 % more). */
async function fillPlans(ctx: AppContext, director: Actor, head: Actor, managers: { id: number }[], year: number): Promise<void> {
  for (const y of [String(year - 1), String(year)]) {
    const cells: PlanCell[] = [];
    let deptYear = 0;
    monthsOfYear(y).forEach((month, i) => {
      let dept = 0;
      managers.forEach((m, k) => {
        const amount = rub(Math.round(((1_200_000 + k * 250_000) * SEASON[i]) / 10_000) * 10_000);
        dept += amount;
        cells.push({ scope: 'manager', userId: m.id, period: month, amountKopecks: amount });
      });
      deptYear += dept;
      cells.push({ scope: 'department', userId: null, period: month, amountKopecks: dept });
      cells.push({ scope: 'company', userId: null, period: month, amountKopecks: Math.round(dept * 1.1) });
    });
    cells.push({ scope: 'department', userId: null, period: y, amountKopecks: deptYear });
    cells.push({ scope: 'company', userId: null, period: y, amountKopecks: Math.round(deptYear * 1.1) });
    await ctx.store.plans.saveCells(head, 'revenue_net', cells);
    const periods = [...monthsOfYear(y), y];
    await ctx.store.plans.approve(head, 'revenue_net', periods, ['manager', 'department']);
    await ctx.store.plans.approve(director, 'revenue_net', periods, ['company']);
  }
}

/** Last week's picture of the pipeline, then this week's changes: a deal moved, one more likely, a new one. */
async function fillSnapshot(ctx: AppContext, today: string): Promise<void> {
  const lastWeek = addDays(today, -7);
  await ctx.store.forecast.take({ userId: null, userName: 'Система' }, 'auto', isoWeek(lastWeek), `${lastWeek}T07:00:00.000Z`);
  const open = (await ctx.store.sales.deals.list({ outcome: 'open' })).slice(0, 2);
  for (const [i, d] of open.entries()) {
    const detail = await ctx.store.sales.deals.get(d.id);
    if (!detail) continue;
    await ctx.store.sales.deals.update({ userId: d.managerId, userName: d.managerName }, d.id, {
      clientId: d.clientId, contactId: d.contactId, managerId: d.managerId, title: d.title, amountKopecks: d.amountKopecks, source: d.source, lines: detail.lines,
      closeMonth: i === 0 ? addMonths(d.closeMonth, 1) : d.closeMonth,
      probability: i === 1 ? Math.min(90, d.probability + 30) : d.probability,
    }, detail.version);
  }
  const first = open[0];
  if (first) {
    await ctx.store.sales.deals.create({ userId: first.managerId, userName: first.managerName }, {
      clientId: first.clientId, contactId: first.contactId, managerId: first.managerId, title: 'Расширение склада: второй ярус',
      amountKopecks: rub(2_400_000), closeMonth: addMonths(today.slice(0, 7), 1), probability: 30, source: 'Входящее обращение', stage: 'needs', lines: [],
    });
  }
}

/** Advertising sources with spend for the last three months and two months of inbound requests, some of which became deals. */
async function fillInbound(ctx: AppContext, director: Actor, today: string): Promise<void> {
  const ids: number[] = [];
  for (const name of SOURCES) {
    const saved = await ctx.store.inbound.saveSource(director, { name, clientSourceId: null, active: true });
    if (saved && saved !== 'duplicate') ids.push(saved.id);
  }
  const month = today.slice(0, 7);
  for (const offset of [-2, -1, 0]) {
    await ctx.store.inbound.saveSpend(director, ids[0], addMonths(month, offset), rub(60_000 + offset * 5_000));
    if (offset === -1) await ctx.store.inbound.saveSpend(director, ids[2], addMonths(month, offset), rub(250_000));
  }
  const deals = await ctx.store.sales.deals.list({});
  for (let k = 0; k < 22; k++) {
    const day = addDays(today, -k * 3);
    const deal = k % 3 === 0 ? deals[k % deals.length] : undefined;
    await ctx.store.inbound.save(director, null, {
      receivedAt: `${day}T${String(9 + (k % 8)).padStart(2, '0')}:${k % 2 ? '30' : '05'}`,
      channel: CHANNELS[k % CHANNELS.length],
      sourceId: ids[k % 3 === 2 ? 1 : k % 5 === 4 ? 3 : k % 7 === 6 ? 2 : 0],
      contactName: deal?.contactName ?? '',
      contactInfo: '',
      subject: SUBJECTS[k % SUBJECTS.length],
      clientId: deal?.clientId ?? null,
      dealId: deal?.id ?? null,
      managerId: deal?.managerId ?? null,
    });
  }
}

/** VIP tiers for a few working clients (one overdue), and two visits with answers, a testimonial and a referral. */
async function fillVip(ctx: AppContext, director: Actor, today: string): Promise<void> {
  const tiers = await ctx.store.vip.tiers();
  const clients = (await ctx.store.sales.lists.clients('', undefined, 500)).filter((c) => c.managerId !== null);
  const formId = await ctx.store.vip.formId();
  const form = formId === null ? null : await ctx.store.questionnaires.form(formId);
  for (const [i, c] of clients.slice(0, 8).entries()) {
    const tier = tiers[i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 2];
    await ctx.store.vip.setClientTier(director, c.id, tier.id, addDays(today, -40 - i * 20));
  }
  const visited = clients.slice(0, 2);
  for (const [i, c] of visited.entries()) {
    if (c.managerId === null) continue;
    await ctx.store.vipVisits.create({ userId: c.managerId, userName: null }, c.managerId, form, {
      clientId: c.id,
      visitedOn: addDays(today, -10 - i * 5),
      answers: form ? Object.fromEntries(form.fields.map((f) => [f.key, f.type === 'select' ? (f.options[1] ?? null) : f.type === 'checkbox' ? true : null])) : {},
      problems: i === 0 ? 'Задержка поставки в прошлом месяце' : '',
      suggestions: i === 0 ? 'Хотят график поставок на квартал вперёд' : 'Предлагают рамочный договор на год',
      testimonial: 'Надёжный поставщик, всегда помогают с монтажом.',
      referrals: i === 0 ? [{ shortName: 'ООО «Складские решения»', kind: 'legal', contactName: 'Белов Игорь Сергеевич', phone: '+7 495 222-33-44', note: 'Открывают новый склад весной' }] : [],
    });
  }
}

/** The plans area's demo: plans for this and last year, last week's forecast snapshot, the inbound flow, the VIP programme. */
export async function fillDemoPlans(ctx: AppContext, director: Actor): Promise<void> {
  const users = await ctx.store.users.list();
  const managers = users.filter((u) => u.role === 'manager' && u.active);
  const headUser = users.find((u) => u.role === 'head_of_sales' && u.active);
  const head = headUser ? { userId: headUser.id, userName: headUser.fullName } : director;
  const today = localDay(ctx.now());
  await fillPlans(ctx, director, head, managers, Number(today.slice(0, 4)));
  await fillSnapshot(ctx, today);
  await fillInbound(ctx, director, today);
  await fillVip(ctx, director, today);
}
