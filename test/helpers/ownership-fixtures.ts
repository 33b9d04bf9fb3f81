import { issueInvoice } from './money-fixtures';
import { insertClient } from './sales-fixtures';
import { openTestApp, setUpOffice, type TestApp } from './temp-app';

/** Whose record a call touches, seen from the manager «Иванов». */
export type Whose = 'own' | 'other' | 'free';

/** Records of one kind: Иванов's, Петрова's and (where a record can be unowned) nobody's. */
export type ByWhose = Record<Whose, number>;

/** An office with two managers whose clients, deals, calls, invoices and requests are kept apart. */
export interface TwoManagers {
  t: TestApp;
  /** «Иванов», the manager who calls in the tests. */
  ivanov: number;
  /** «Петрова», the other manager whose records Иванов must not reach. */
  petrova: number;
  clients: ByWhose;
  /** The key person of each client. */
  contacts: ByWhose;
  /** Deals on the own and the other client (a deal always has a manager; `free` is the own one). */
  deals: ByWhose;
  /** Calls logged on the own and the other client. */
  activities: ByWhose;
  /** Issued invoices of the own, the other and the free client (the free one made by the head of sales). */
  invoices: ByWhose;
  /** Inbound requests: Иванов's, Петрова's, and one nobody has taken yet. */
  inbound: ByWhose;
  /** The advertising source of the requests. */
  sourceId: number;
}

const PASSWORD = 'Stol-Lampa-2026';

/** Texts that appear only in Петрова's records (her client, its key person, her deal, call and request). */
export const OTHER_MARKERS = ['Бета', 'Соколова', 'Петровой'] as const;

/** Signs a person in by login. */
export async function signInLogin(t: TestApp, login: string): Promise<void> {
  await t.ok('auth.login', { login, password: PASSWORD });
}

/** Builds the office: director, head of sales, office manager, accountant and the two managers; leaves the director signed in. */
export async function twoManagers(): Promise<TwoManagers> {
  const t = await openTestApp(undefined, new Date('2026-11-26T10:00:00Z'));
  await setUpOffice(t);
  const person = async (login: string, fullName: string, role: 'manager' | 'head_of_sales' | 'office_manager' | 'accountant') =>
    (await t.ok('users.create', { login, fullName, position: '', role, password: PASSWORD })).id;
  const ivanov = await person('ivanov', 'Иванов Пётр Алексеевич', 'manager');
  const petrova = await person('petrova', 'Петрова Анна Сергеевна', 'manager');
  const head = await person('morozova', 'Морозова Елена Сергеевна', 'head_of_sales');
  await person('pavlova', 'Павлова Ольга Николаевна', 'office_manager');
  await person('volkova', 'Волкова Татьяна Ивановна', 'accountant');
  const s = t.app.store.sqlite;
  const own = insertClient(s, 'Альфа', ivanov, 'Орлов Игорь Петрович');
  const other = insertClient(s, 'Бета', petrova, 'Соколова Вера Андреевна');
  const free = insertClient(s, 'Гамма', null, 'Лебедев Олег Ильич');
  // Петрова's records carry «Петровой» in their texts, so a leak shows in any answer (see OTHER_MARKERS).
  const mark = (managerId: number) => (managerId === petrova ? ' Петровой' : '');
  const deal = async (clientId: number, managerId: number) =>
    (await t.ok('deals.create', { clientId, managerId, title: `Стеллажи${mark(managerId)}`, closeMonth: '2026-12', probability: 20, amountKopecks: 1_000_000 })).id;
  const ownDeal = await deal(own.clientId, ivanov);
  const otherDeal = await deal(other.clientId, petrova);
  const call = async (clientId: number, managerId: number) =>
    (await t.ok('activities.create', { kind: 'call_followup', status: 'done', at: '2026-11-20T10:00', managerId, clientId, subject: `Звонок${mark(managerId)}` })).id;
  const ownCall = await call(own.clientId, ivanov);
  const otherCall = await call(other.clientId, petrova);
  const invoice = (clientId: number, managerId: number, n: number) =>
    issueInvoice(s, { clientId, managerId, number: String(n), numberSeq: n, docDate: '2026-11-10', grossKopecks: 1_220_000, vatKopecks: 220_000 });
  const sourceId = (await t.ok('inbound.saveSource', { name: 'Яндекс.Директ' })).id;
  const request = async (clientId: number | null, dealId: number | null, managerId: number | null) =>
    (await t.ok('inbound.save', { request: { receivedAt: '2026-11-02T10:15', channel: 'call', sourceId, contactName: 'Орлов', subject: `Нужны стеллажи${managerId === null ? '' : mark(managerId)}`, clientId, dealId, managerId } })).id;
  return {
    t,
    ivanov,
    petrova,
    clients: { own: own.clientId, other: other.clientId, free: free.clientId },
    contacts: { own: own.contactId, other: other.contactId, free: free.contactId },
    deals: { own: ownDeal, other: otherDeal, free: ownDeal },
    activities: { own: ownCall, other: otherCall, free: ownCall },
    invoices: { own: invoice(own.clientId, ivanov, 501), other: invoice(other.clientId, petrova, 502), free: invoice(free.clientId, head, 503) },
    inbound: { own: await request(own.clientId, ownDeal, ivanov), other: await request(other.clientId, otherDeal, petrova), free: await request(null, null, null) },
    sourceId,
  };
}
