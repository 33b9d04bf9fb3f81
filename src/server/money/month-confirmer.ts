// Who gives the month close's second confirmation: the accountant; where the office has none, the
// director or the person the director names (Настройки → Общие, or the close screen; stored in settings).
import { ROLE_TITLES } from '../../shared/roles';
import type { SessionUser } from '../../shared/api/auth';
import type { AppContext, CallContext } from '../context';

const KEY = 'monthCloseConfirmerId';

/** The second side of a month close as this office has it. */
export interface SecondConfirmer {
  /** In words for the close screen and set-up. */
  title: string;
  /** The office has an active accountant: the director cannot name anyone. */
  accountant: boolean;
  /** The person the director named (no accountant), or null. */
  namedId: number | null;
  /** Whether `user` gives the second confirmation. */
  gives(user: SessionUser): boolean;
}

/** Reads who confirms second in this office. */
export async function secondConfirmer(ctx: AppContext): Promise<SecondConfirmer> {
  const people = (await ctx.store.users.list()).filter((u) => u.active);
  const accountants = people.filter((u) => u.role === 'accountant');
  if (accountants.length > 0) {
    return { title: `${ROLE_TITLES.accountant}: ${accountants.map((a) => a.fullName).join(', ')}`, accountant: true, namedId: null, gives: (u) => u.role === 'accountant' };
  }
  const raw = await ctx.store.settings.getKey(KEY);
  const named = typeof raw === 'number' ? (people.find((p) => p.id === raw && p.role !== 'head_of_sales') ?? null) : null;
  const directors = people.filter((u) => u.role === 'director').map((d) => d.fullName);
  const title = named
    ? `${named.fullName} (назначен директором: в офисе нет бухгалтера)`
    : `${ROLE_TITLES.director}: ${directors.join(', ')} (в офисе нет бухгалтера)`;
  return { title, accountant: false, namedId: named?.id ?? null, gives: (u) => u.role === 'director' || u.id === named?.id };
}

/** Stores the person the director names (null: the director confirms). */
export async function nameConfirmer(ctx: CallContext, userId: number | null): Promise<void> {
  await ctx.store.settings.setKey(ctx.actor, KEY, userId);
}
