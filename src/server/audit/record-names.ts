// The names behind the ids a journal entry's fields hold («Клиент: ООО «Вектор»» rather than «Клиент (№): 1»),
// looked up once per page of the journal.
import type { AuditRawEntry } from '../../shared/api/system';
import type { CallContext } from '../context';

/** A record's name by the field that holds its id; undefined when there is none (the number is shown). */
export type NameOf = (field: string, id: number) => string | undefined;

type Kind = 'client' | 'org' | 'user' | 'deal';

/** The id fields whose records have names, and which kind of record each holds. */
const ID_FIELDS: Readonly<Record<string, Kind>> = {
  clientId: 'client',
  orgId: 'org',
  userId: 'user',
  managerId: 'user',
  ownerId: 'user',
  responsibleId: 'user',
  dealId: 'deal',
};

function idsIn(value: unknown, found: Map<Kind, Set<number>>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const kind = ID_FIELDS[key];
    if (kind && typeof v === 'number' && Number.isSafeInteger(v)) {
      let set = found.get(kind);
      if (!set) {
        set = new Set();
        found.set(kind, set);
      }
      set.add(v);
    }
  }
}

async function nameOf(ctx: CallContext, kind: Kind, id: number): Promise<string | undefined> {
  switch (kind) {
    case 'client':
      return (await ctx.store.money.clientName(id)) ?? undefined;
    case 'org':
      return (await ctx.store.orgs.get(id))?.shortName;
    case 'user':
      return (await ctx.store.users.get(id))?.fullName;
    case 'deal':
      return (await ctx.store.sales.deals.get(id))?.title;
  }
}

/** Looks up the names of the records the entries' fields point at. */
export async function recordNames(ctx: CallContext, entries: readonly AuditRawEntry[]): Promise<NameOf> {
  const found = new Map<Kind, Set<number>>();
  for (const e of entries) {
    idsIn(e.before, found);
    idsIn(e.after, found);
  }
  const names = new Map<string, string>();
  for (const [kind, ids] of found) {
    for (const id of ids) {
      const name = await nameOf(ctx, kind, id);
      if (name) names.set(`${kind}:${id}`, name);
    }
  }
  return (field, id) => {
    const kind = ID_FIELDS[field];
    return kind ? names.get(`${kind}:${id}`) : undefined;
  };
}
