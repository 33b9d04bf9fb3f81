import type { ClientInput } from '../../shared/api/client-types';
import type { Actor } from '../../db/audit';
import type { AppContext } from '../context';
import { DEMO_BANKS, DEMO_CLIENTS, type DemoClient } from './demo-clients';
import { assertClientInput } from './validate';

function toInput(c: DemoClient, sourceId: number | null): ClientInput {
  const bank = c.bank ? DEMO_BANKS[c.bank] : null;
  return {
    kind: c.kind,
    shortName: c.shortName,
    fullName: c.fullName,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    legalAddress: c.address,
    postalAddress: '',
    actualAddress: '',
    website: c.website,
    segment: c.segment,
    region: c.region,
    sourceId,
    comment: '',
    phones: c.phone ? [{ value: c.phone, label: 'офис' }] : [],
    emails: c.email ? [{ value: c.email, label: '' }] : [],
    accounts: bank ? [{ ...bank, account: c.account, isPrimary: true }] : [],
  };
}

const NOTES: Record<string, string[]> = {
  '5027990026': ['Обсудили поставку оборудования на склад в Люберцах; ждут счёт до конца месяца.', 'Громов просил прислать сертификаты соответствия.'],
  '7748000046': ['Тендер на отделочные материалы в феврале, Кравцов пришлёт ТЗ.'],
};

/** The demo client base: ~25 clients with key persons, owners among the demo managers, notes, an анкета and one open claim conflict. */
export async function fillDemoClients(ctx: AppContext, director: Actor): Promise<void> {
  const people = new Map((await ctx.store.users.list()).map((u) => [u.login, { userId: u.id, userName: u.fullName }]));
  const sources = new Map((await ctx.store.clientSources.list()).map((s) => [s.name, s.id]));
  const profile = (await ctx.store.questionnaires.forms(false)).find((f) => f.kind === 'client_profile');
  const ids = new Map<string, number>();
  for (const c of DEMO_CLIENTS) {
    const owner = c.owner ? people.get(c.owner) : undefined;
    const actor = owner ?? director;
    const input = toInput(c, sources.get(c.source) ?? null);
    assertClientInput(input);
    const created = await ctx.store.clients.create(actor, input, owner?.userId ?? null);
    ids.set(c.inn, created.id);
    for (const p of c.contacts) {
      await ctx.store.clientContacts.save(actor, created.id, null, {
        fullName: p.fullName,
        position: p.position,
        decisionRole: p.role,
        phones: p.phone ? [{ value: p.phone, label: 'мобильный' }] : [],
        emails: p.email ? [{ value: p.email, label: '' }] : [],
        notes: p.notes,
        birthday: p.birthday,
      });
    }
    for (const text of NOTES[c.inn] ?? []) await ctx.store.clientDossier.record(actor, { clientId: created.id, kind: 'note', text });
  }
  const alfa = ids.get('5027990026');
  const ivanov = people.get('ivanov');
  if (profile && alfa && ivanov) {
    await ctx.store.questionnaires.saveAnswer(ivanov, {
      id: null,
      clientId: alfa,
      form: profile,
      filledOn: ctx.now().toISOString().slice(0, 10),
      answers: {
        activity: 'Оптовая торговля оборудованием',
        staff: 45,
        supplier: 'Работают с двумя поставщиками из Москвы',
        needs: 'Складское оборудование, сроки поставки до 2 недель',
        decision: 'Генеральный директор после согласования с бухгалтерией',
        budget: true,
        channel: 'Телефон',
        next: null,
      },
    });
  }
  // One open conflict for the head of sales: Кузнецова claims a client of Иванов.
  const stroy = ids.get('7748000046');
  const kuznetsova = people.get('kuznetsova');
  if (stroy && kuznetsova?.userId && ivanov?.userId) {
    await ctx.store.clientDivision.openConflict(kuznetsova, {
      clientId: stroy,
      claimantId: kuznetsova.userId,
      holderId: ivanov.userId,
      reason: 'Вела переговоры с их снабжением в прошлом году, есть договорённость о встрече',
    });
  }
}
