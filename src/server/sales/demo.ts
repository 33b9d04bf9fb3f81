import { addDays, dayOfWeek, DEAL_STAGES, STAGE_DEFAULT_PROBABILITY, type DealStage } from '../../core/index';
import type { Actor } from '../../db/audit';
import type { ActivityParsed } from '../../shared/api/sales-activities';
import type { AppContext } from '../context';
import { DEMO_LOSS_REASONS, DEMO_OBJECTIONS, DEMO_PRICE_LIST, DEMO_STANDARDS } from './demo-standards';

const DEAL_TITLES = ['Стеллажи для склада', 'Погрузчик с обслуживанием', 'Монтаж мезонина', 'Реконструкция зоны отгрузки', 'Поставка балок и настилов'];
const PRICES: [string, number][] = [
  ['Стеллаж паллетный СТ-200', 1_250_000],
  ['Погрузчик электрический 1,5 т', 215_000_000],
  ['Монтаж стеллажей, место', 45_000],
];

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// Deterministic, so every demo office looks the same.
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The sales area's demo: the standards library, loss reasons, ~15 deals across stages and a month of calls and meetings. */
export async function fillDemoSales(ctx: AppContext, director: Actor): Promise<void> {
  const sales = ctx.store.sales;
  const users = await ctx.store.users.list();
  const managers = users.filter((u) => u.role === 'manager' && u.active);
  const clients = await sales.lists.clients('', undefined, 500);
  const rand = generator(2026);
  const today = localDate(ctx.now());

  const competitorId = await sales.batch(() => {
    for (const title of DEMO_LOSS_REASONS) sales.lists.saveReasonSync(director, { title, archived: false });
    for (const o of DEMO_OBJECTIONS) {
      const saved = sales.objections.saveSync(director, { text: o.text, archived: false });
      if (saved) for (const a of o.answers) sales.objections.saveAnswerSync(director, { objectionId: saved.id, product: a.product, answer: a.answer, archived: false });
    }
    const byCode = new Map<string, number>();
    let competitor: number | null = null;
    for (const s of DEMO_STANDARDS) {
      const links = (s.links ?? []).flatMap((l) => {
        const targetId = byCode.get(l.to);
        return targetId ? [{ targetId, label: l.label }] : [];
      });
      const created = sales.standards.createSync(director, { kind: s.kind, code: s.code, title: s.title, body: s.body, stronger: s.stronger ?? '', weaker: s.weaker ?? '', offer: s.offer ?? '', note: '', links });
      if (created && s.code) byCode.set(s.code, created.id);
      if (created && s.kind === 'competitor') competitor = created.id;
    }
    return competitor;
  });
  if (competitorId) await sales.standards.attach(director, competitorId, { fileName: DEMO_PRICE_LIST.fileName, mime: DEMO_PRICE_LIST.mime, bytes: Buffer.from(DEMO_PRICE_LIST.text, 'utf8') });

  const objectionIds = (await sales.objections.list(false, null)).map((o) => o.id);
  const scriptVersion = (await sales.standards.list('script', false)).find((s) => s.code === '1')?.versionId ?? null;
  const reasons = await sales.lists.lossReasons();

  await sales.batch(() => {
    managers.forEach((m, mi) => {
      const actor = { userId: m.id, userName: m.fullName };
      const own = clients.filter((c) => c.managerId === m.id);
      if (own.length === 0) return;
      // Five deals per manager across the stages; one won, one lost.
      for (let k = 0; k < 5; k++) {
        const client = own[k % own.length];
        const target: DealStage = DEAL_STAGES[(mi * 3 + k * 2) % DEAL_STAGES.length];
        const [name, price] = PRICES[(mi + k) % PRICES.length];
        const quantityMilli = (1 + ((mi + k) % 4)) * 1000;
        const start = addDays(today, -40 + k * 3);
        const deal = sales.deals.createSync(actor, {
          clientId: client.id,
          contactId: client.contacts[0]?.id ?? null,
          managerId: m.id,
          title: DEAL_TITLES[(mi + k) % DEAL_TITLES.length],
          amountKopecks: (quantityMilli / 1000) * price,
          closeMonth: addDays(today, 20 + k * 12).slice(0, 7),
          probability: STAGE_DEFAULT_PROBABILITY.first_contact,
          source: k % 2 === 0 ? 'Холодный звонок' : 'Рекомендация',
          stage: 'first_contact',
          lines: [{ name, unit: 'шт', quantityMilli, priceKopecks: price, catalogItemId: null, amountKopecks: (quantityMilli / 1000) * price }],
        });
        const steps = DEAL_STAGES.slice(1, DEAL_STAGES.indexOf(target) + 1);
        let outcome: 'open' | 'won' = 'open';
        steps.forEach((stage, i) => {
          if (stage === 'fulfilment' && outcome === 'open') {
            sales.deals.changeSync(actor, deal.id, { stage: 'signing_payment', outcome: 'won', probability: 100 }, `${addDays(start, i * 3)}T12:00:00.000Z`);
            outcome = 'won';
          }
          sales.deals.changeSync(actor, deal.id, { stage, outcome, probability: outcome === 'won' ? 100 : STAGE_DEFAULT_PROBABILITY[stage] }, `${addDays(start, i * 3 + 1)}T12:00:00.000Z`);
        });
        if (k === 4 && outcome === 'open' && reasons[mi % reasons.length]) {
          sales.deals.changeSync(actor, deal.id, { stage: target, outcome: 'lost', probability: 0, lossReasonId: reasons[mi % reasons.length].id, lossNote: 'Клиент выбрал поставщика дешевле' });
        }
      }
      // A month of calls and meetings on working days, and today's plan.
      for (let d = -30; d <= 1; d++) {
        const day = addDays(today, d);
        const dow = dayOfWeek(day);
        if (dow === 0 || dow === 6) continue;
        const calls = d > 0 ? 0 : 5 + Math.floor(rand() * 6);
        const log = (v: Partial<ActivityParsed> & Pick<ActivityParsed, 'kind' | 'at' | 'clientId'>) =>
          sales.activities.createSync(actor, {
            status: 'done', managerId: m.id, contactId: null, dealId: null, subject: '', result: '', place: '', ourPerson: `${m.fullName}, ${m.position}`, theirPerson: '',
            reachedKeyPerson: false, madeContact: false, interested: false, meetingSet: false, scriptVersionId: null, objectionIds: [], participants: [], remindMinutes: null, ...v,
          });
        for (let c = 0; c < calls; c++) {
          const client = own[Math.floor(rand() * own.length)];
          const reached = rand() < 0.55;
          const contact = reached && rand() < 0.75;
          const interested = contact && rand() < 0.45;
          const meetingSet = interested && rand() < 0.5;
          log({
            kind: c % 4 === 3 ? 'call_followup' : 'call_cold',
            at: `${day}T${String(9 + c).padStart(2, '0')}:${String(Math.floor(rand() * 6) * 10).padStart(2, '0')}`,
            clientId: client.id,
            contactId: reached ? (client.contacts[0]?.id ?? null) : null,
            theirPerson: reached && client.contacts[0] ? `${client.contacts[0].name}, ${client.contacts[0].position}` : '',
            reachedKeyPerson: reached, madeContact: contact, interested, meetingSet,
            scriptVersionId: c % 4 === 3 ? null : scriptVersion,
            objectionIds: reached && rand() < 0.4 ? [objectionIds[Math.floor(rand() * objectionIds.length)]] : [],
          });
        }
        const meetingClient = own[Math.floor(rand() * own.length)];
        if (d <= 0 && rand() < 0.3) log({ kind: 'meeting', at: `${day}T15:00`, clientId: meetingClient.id, contactId: meetingClient.contacts[0]?.id ?? null, place: 'В офисе клиента', result: 'Выявили потребности, договорились о КП' });
        if (d <= 0 && rand() < 0.15) log({ kind: 'proposal', at: `${day}T17:30`, clientId: meetingClient.id, subject: 'Коммерческое предложение и проект договора' });
        if (d >= 0) {
          log({ kind: 'call_followup', status: 'planned', at: `${day}T11:00`, clientId: own[0].id, contactId: own[0].contacts[0]?.id ?? null, subject: 'Перезвонить по КП', remindMinutes: 15 });
          log({ kind: 'meeting', status: 'planned', at: `${day}T16:00`, clientId: meetingClient.id, contactId: meetingClient.contacts[0]?.id ?? null, place: 'В офисе клиента', remindMinutes: 60 });
        }
      }
    });
  });
}
