import { asc, count, eq } from 'drizzle-orm';
import type { UserDto } from '../../shared/api/users';
import type { Role } from '../../shared/roles';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { users } from '../schema/foundation';

type UserRow = typeof users.$inferSelect;

/** A user with the stored password hash (never leaves the main process). */
export interface UserWithHash extends UserDto {
  passwordHash: string;
}

function toUser(r: UserRow): UserWithHash {
  return {
    id: r.id,
    login: r.login,
    fullName: r.fullName,
    position: r.position,
    role: r.role,
    active: r.active,
    passwordHash: r.passwordHash,
  };
}

/** Strips the hash for the outside world. */
export function publicUser(u: UserWithHash): UserDto {
  return { id: u.id, login: u.login, fullName: u.fullName, position: u.position, role: u.role, active: u.active };
}

/** New person's fields (the password already hashed). */
export interface NewUser {
  login: string;
  fullName: string;
  position: string;
  role: Role;
  passwordHash: string;
}

/** The office's people. */
export function createUsersRepo(deps: RepoDeps) {
  const { db } = deps;
  const getSync = (id: number) => {
    const r = db.select().from(users).where(eq(users.id, id)).get();
    return r ? toUser(r) : null;
  };
  const byLoginSync = (login: string) => {
    const r = db.select().from(users).where(eq(users.login, login)).get();
    return r ? toUser(r) : null;
  };
  /** Inserts inside an open transaction. Returns null when the login is taken. */
  const insertSync = (actor: Actor, u: NewUser): UserWithHash | null => {
    if (byLoginSync(u.login)) return null;
    const at = deps.now().toISOString();
    const row = db.insert(users).values({ ...u, createdAt: at }).returning().get();
    const created = toUser(row);
    appendAudit(deps.sqlite, actor, { action: 'create', entity: 'user', entityId: created.id, after: publicUser(created) }, at);
    return created;
  };
  return {
    insertSync,
    async count(): Promise<number> {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },
    async list(): Promise<UserDto[]> {
      return db.select().from(users).orderBy(asc(users.id)).all().map((r) => publicUser(toUser(r)));
    },
    async get(id: number): Promise<UserWithHash | null> {
      return getSync(id);
    },
    async byLogin(login: string): Promise<UserWithHash | null> {
      return byLoginSync(login);
    },
    async onlyActive(): Promise<UserWithHash | null> {
      const rows = db.select().from(users).where(eq(users.active, true)).limit(2).all();
      return rows.length === 1 ? toUser(rows[0]) : null;
    },
    async create(actor: Actor, u: NewUser): Promise<UserWithHash | null> {
      return inTransaction(deps, () => insertSync(actor, u));
    },
    async update(
      actor: Actor,
      id: number,
      patch: { fullName: string; position: string; role: Role; active: boolean },
    ): Promise<UserWithHash | null> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before) return null;
        db.update(users).set(patch).where(eq(users.id, id)).run();
        const after = getSync(id);
        const at = deps.now().toISOString();
        appendAudit(
          deps.sqlite,
          actor,
          { action: 'update', entity: 'user', entityId: id, before: publicUser(before), after: after && publicUser(after) },
          at,
        );
        return after;
      });
    },
    async setPassword(actor: Actor, id: number, passwordHash: string): Promise<boolean> {
      return inTransaction(deps, () => {
        const res = db.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
        if (res.changes === 0) return false;
        // The audit entry says the password changed, never what it is.
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'user', entityId: id, after: { password: 'изменён' } }, deps.now().toISOString());
        return true;
      });
    },
  };
}

/** The users repository. */
export type UsersRepo = ReturnType<typeof createUsersRepo>;
