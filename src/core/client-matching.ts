// Reconciling a long list with the client base before anyone calls: every row lands in exactly
// one category — new, already ours, another manager's, conflict / ambiguous, or invalid.

/** What a row of a long list is, after reconciliation. */
export const ROW_CATEGORIES = ['new', 'ours', 'other', 'conflict', 'invalid'] as const;

/** One reconciliation category. */
export type RowCategory = (typeof ROW_CATEGORIES)[number];

/** Russian titles of the categories. */
export const ROW_CATEGORY_TITLES: Readonly<Record<RowCategory, string>> = {
  new: 'Новые',
  ours: 'Уже в базе',
  other: 'У других менеджеров',
  conflict: 'Неоднозначные',
  invalid: 'С ошибками',
};

/** A client of the base as the matcher sees it (phones normalised to +7, e-mails lower-case). */
export interface MatchableClient {
  id: number;
  name: string;
  inn: string;
  nameKey: string;
  ownerId: number | null;
  phones: readonly string[];
  emails: readonly string[];
  /** Company e-mail domains (public mail services already left out). */
  domains: readonly string[];
}

/** Lookup maps over the base, built once per reconciliation. */
export interface ClientIndex {
  clients: Map<number, MatchableClient>;
  byInn: Map<string, number[]>;
  byName: Map<string, number[]>;
  byPhone: Map<string, number[]>;
  byEmail: Map<string, number[]>;
  byDomain: Map<string, number[]>;
}

/** A row of a long list, read and normalised. */
export interface ImportCandidate {
  row: number;
  name: string;
  nameKey: string;
  inn: string;
  phones: readonly string[];
  emails: readonly string[];
  domains: readonly string[];
  /** Why the row cannot be taken (empty when it can). */
  problems: readonly string[];
}

/** Which signals tied a row to a client. */
export type MatchSignal = 'inn' | 'name' | 'phone' | 'email' | 'domain';

/** The verdict on one row. */
export interface RowVerdict {
  row: number;
  category: RowCategory;
  reason: string;
  /** The client of the base the row is (ours / other), or null. */
  matchId: number | null;
  /** Clients the row could be (conflict). */
  candidateIds: number[];
  signals: MatchSignal[];
  /** An earlier row of the same file this one repeats, or null. */
  duplicateOfRow: number | null;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** An empty index. */
export function emptyClientIndex(): ClientIndex {
  return { clients: new Map(), byInn: new Map(), byName: new Map(), byPhone: new Map(), byEmail: new Map(), byDomain: new Map() };
}

/** Adds (or re-adds) a client to an index. */
export function addToIndex(index: ClientIndex, c: MatchableClient): void {
  index.clients.set(c.id, c);
  push(index.byInn, c.inn, c.id);
  push(index.byName, c.nameKey, c.id);
  for (const p of c.phones) push(index.byPhone, p, c.id);
  for (const e of c.emails) push(index.byEmail, e, c.id);
  for (const d of c.domains) push(index.byDomain, d, c.id);
}

/** Every key the rows could match on: the base needs only the clients that share one of them. */
export interface MatchKeys {
  inns: string[];
  nameKeys: string[];
  phones: string[];
  emails: string[];
  domains: string[];
}

/** Collects the distinct match keys of a list's rows (rows with problems are left out). */
export function matchKeysOf(rows: readonly ImportCandidate[]): MatchKeys {
  const inns = new Set<string>();
  const nameKeys = new Set<string>();
  const phones = new Set<string>();
  const emails = new Set<string>();
  const domains = new Set<string>();
  for (const c of rows) {
    if (c.problems.length > 0) continue;
    if (c.inn) inns.add(c.inn);
    if (c.nameKey) nameKeys.add(c.nameKey);
    for (const p of c.phones) phones.add(p);
    for (const e of c.emails) emails.add(e);
    for (const d of c.domains) domains.add(d);
  }
  return { inns: [...inns], nameKeys: [...nameKeys], phones: [...phones], emails: [...emails], domains: [...domains] };
}

/** Builds the lookup maps over the base. */
export function buildClientIndex(clients: Iterable<MatchableClient>): ClientIndex {
  const index = emptyClientIndex();
  for (const c of clients) addToIndex(index, c);
  return index;
}

interface Matches {
  byInn: number[];
  same: Map<number, Set<MatchSignal>>;
  differentInn: number[];
  byDomain: number[];
}

function findMatches(index: ClientIndex, c: ImportCandidate): Matches {
  const byInn = c.inn ? (index.byInn.get(c.inn) ?? []) : [];
  const same = new Map<number, Set<MatchSignal>>();
  const differentInn = new Set<number>();
  const note = (ids: number[] | undefined, signal: MatchSignal) => {
    for (const id of ids ?? []) {
      const other = index.clients.get(id);
      // Same name or phone but another ИНН: a different company, or a mistake — a person decides.
      if (c.inn && other && other.inn && other.inn !== c.inn) {
        differentInn.add(id);
        continue;
      }
      const signals = same.get(id) ?? new Set<MatchSignal>();
      signals.add(signal);
      same.set(id, signals);
    }
  };
  if (byInn.length === 0) {
    note(index.byName.get(c.nameKey), 'name');
    for (const p of c.phones) note(index.byPhone.get(p), 'phone');
    for (const e of c.emails) note(index.byEmail.get(e), 'email');
  }
  const domains = new Set<number>();
  for (const d of c.domains) for (const id of index.byDomain.get(d) ?? []) domains.add(id);
  return { byInn, same, differentInn: [...differentInn], byDomain: [...domains] };
}

const SIGNAL_WORDS: Readonly<Record<MatchSignal, string>> = {
  inn: 'ИНН',
  name: 'наименование',
  phone: 'телефон',
  email: 'e-mail',
  domain: 'домен почты',
};

/** How the reconciliation names people and decides whose a row is. */
export interface ReconcileOptions {
  /** The manager the row would belong to (the importer, or the standard's pick). */
  ownerFor: (c: ImportCandidate) => number | null;
  /** A person's name for the reasons. */
  ownerName: (id: number) => string;
}

function quoteList(index: ClientIndex, ids: number[]): string {
  const names = ids.slice(0, 3).map((id) => `«${index.clients.get(id)?.name ?? id}»`);
  return ids.length > 3 ? `${names.join(', ')} и ещё ${ids.length - 3}` : names.join(', ');
}

function verdict(row: number, category: RowCategory, reason: string, extra: Partial<RowVerdict> = {}): RowVerdict {
  return { row, category, reason, matchId: null, candidateIds: [], signals: [], duplicateOfRow: null, ...extra };
}

function matched(index: ClientIndex, c: ImportCandidate, id: number, signals: MatchSignal[], opts: ReconcileOptions): RowVerdict {
  const client = index.clients.get(id);
  const by = signals.map((s) => SIGNAL_WORDS[s]).join(', ');
  const name = client?.name ?? String(id);
  const ownerId = client?.ownerId ?? null;
  if (ownerId === null) {
    return verdict(c.row, 'ours', `Уже в базе: «${name}» (совпадает ${by}), ответственный не назначен`, { matchId: id, signals });
  }
  if (ownerId === opts.ownerFor(c)) {
    return verdict(c.row, 'ours', `Уже в базе: «${name}» (совпадает ${by}), ответственный — ${opts.ownerName(ownerId)}`, { matchId: id, signals });
  }
  return verdict(c.row, 'other', `Уже в базе у другого менеджера: «${name}» (совпадает ${by}), ответственный — ${opts.ownerName(ownerId)}`, { matchId: id, signals });
}

function judgeAgainstBase(index: ClientIndex, c: ImportCandidate, m: Matches, opts: ReconcileOptions): RowVerdict | null {
  if (m.byInn.length === 1) return matched(index, c, m.byInn[0], ['inn'], opts);
  if (m.byInn.length > 1) {
    return verdict(c.row, 'conflict', `ИНН ${c.inn} есть у нескольких клиентов: ${quoteList(index, m.byInn)}`, { candidateIds: m.byInn, signals: ['inn'] });
  }
  const sameIds = [...m.same.keys()];
  if (sameIds.length === 1 && m.differentInn.length === 0) {
    const [id] = sameIds;
    return matched(index, c, id, [...(m.same.get(id) ?? [])], opts);
  }
  if (sameIds.length > 1) {
    return verdict(c.row, 'conflict', `Похож на нескольких клиентов: ${quoteList(index, sameIds)}`, { candidateIds: sameIds, signals: ['name'] });
  }
  if (m.differentInn.length > 0) {
    const ids = [...sameIds, ...m.differentInn];
    return verdict(c.row, 'conflict', `Совпадает наименование или телефон с ${quoteList(index, m.differentInn)}, но ИНН другой`, { candidateIds: ids, signals: ['name'] });
  }
  return null;
}

/**
 * Reconciles rows with the base and with the earlier rows of the same file. Rows already in the
 * base are ours (same manager or free) or another manager's; a row that could be several clients,
 * or contradicts one (same name, another ИНН), or repeats an earlier row, is a conflict.
 */
export function reconcile(rows: readonly ImportCandidate[], index: ClientIndex, opts: ReconcileOptions): RowVerdict[] {
  const inFile = emptyClientIndex();
  const out: RowVerdict[] = [];
  for (const c of rows) {
    if (c.problems.length > 0) {
      out.push(verdict(c.row, 'invalid', c.problems.join('; ')));
      continue;
    }
    const inBase = findMatches(index, c);
    const base = judgeAgainstBase(index, c, inBase, opts);
    if (base) {
      out.push(base);
      continue;
    }
    const earlier = findMatches(inFile, c);
    const earlierRows = [...new Set([...earlier.byInn, ...earlier.same.keys(), ...earlier.differentInn])];
    if (earlierRows.length > 0) {
      const first = Math.min(...earlierRows);
      out.push(verdict(c.row, 'conflict', `Повторяет строку ${first} этого файла`, { duplicateOfRow: first, signals: earlier.byInn.length ? ['inn'] : ['name'] }));
      continue;
    }
    const domainIds = inBase.byDomain;
    if (domainIds.length > 0) {
      out.push(verdict(c.row, 'conflict', `Совпадает домен почты с ${quoteList(index, domainIds)}`, { candidateIds: domainIds, signals: ['domain'] }));
    } else {
      out.push(verdict(c.row, 'new', 'Нет в базе'));
    }
    addToIndex(inFile, { id: c.row, name: c.name, inn: c.inn, nameKey: c.nameKey, ownerId: null, phones: c.phones, emails: c.emails, domains: [] });
  }
  return out;
}

/** Decisions a user may take on a row of each category (the first is the default; 'skip' always allowed). */
export const ROW_DECISIONS: Readonly<Record<RowCategory, readonly RowDecision[]>> = {
  new: ['create', 'skip'],
  ours: ['merge', 'skip'],
  other: ['skip', 'claim'],
  conflict: ['skip', 'create'],
  invalid: ['skip'],
};

/** What to do with a row: create a client, add its new data to the matched one, claim it, or skip. */
export type RowDecision = 'create' | 'merge' | 'claim' | 'skip';

/** Russian titles of the decisions. */
export const ROW_DECISION_TITLES: Readonly<Record<RowDecision, string>> = {
  create: 'Добавить как нового',
  merge: 'Дополнить карточку',
  claim: 'Заявить права (решит руководитель)',
  skip: 'Пропустить',
};
