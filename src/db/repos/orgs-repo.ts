import { asc, eq } from 'drizzle-orm';
import type { Org, OrgInput } from '../../shared/api/orgs';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimVersionSync } from '../record-version';
import { organizations } from '../schema/foundation';

type OrgRow = typeof organizations.$inferSelect;

function toOrg(r: OrgRow): Org {
  return {
    id: r.id,
    kind: r.kind,
    fullName: r.fullName,
    shortName: r.shortName,
    inn: r.inn,
    kpp: r.kpp,
    ogrn: r.ogrn,
    legalAddress: r.legalAddress,
    postalAddress: r.postalAddress,
    bik: r.bik,
    bankName: r.bankName,
    corrAccount: r.corrAccount,
    account: r.account,
    directorPosition: r.directorPosition,
    directorName: r.directorName,
    accountantName: r.accountantName,
    phone: r.phone,
    email: r.email,
    defaultVatRate: r.defaultVatRate,
    isDefault: r.isDefault,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** Our organisations. */
export function createOrgsRepo(deps: RepoDeps) {
  const { db } = deps;
  const getSync = (id: number): Org | null => {
    const row = db.select().from(organizations).where(eq(organizations.id, id)).get();
    return row ? toOrg(row) : null;
  };
  /** Inserts inside an already open transaction (used by set-up and demo data). */
  const insertSync = (actor: Actor, input: OrgInput): Org => {
    const at = deps.now().toISOString();
    const isFirst = db.select({ id: organizations.id }).from(organizations).limit(1).all().length === 0;
    const row = db
      .insert(organizations)
      .values({ ...input, isDefault: isFirst, createdAt: at, updatedAt: at, updatedBy: actor.userId })
      .returning()
      .get();
    const org = toOrg(row);
    appendAudit(deps.sqlite, actor, { action: 'create', entity: 'organization', entityId: org.id, after: org }, at);
    return org;
  };
  return {
    insertSync,
    async list(): Promise<Org[]> {
      return db.select().from(organizations).orderBy(asc(organizations.id)).all().map(toOrg);
    },
    async get(id: number): Promise<Org | null> {
      return getSync(id);
    },
    async create(actor: Actor, input: OrgInput): Promise<Org> {
      return inTransaction(deps, () => insertSync(actor, input));
    },
    /** Saves the requisites over `version` (StaleRecordError when another save came first); null when there is no such organisation. */
    async update(actor: Actor, id: number, input: OrgInput, version: number): Promise<Org | null> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before) return null;
        claimVersionSync(deps.sqlite, 'organizations', id, version, actor.userId);
        const at = deps.now().toISOString();
        db.update(organizations).set({ ...input, updatedAt: at }).where(eq(organizations.id, id)).run();
        const after = getSync(id);
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'organization', entityId: id, before, after }, at);
        return after;
      });
    },
    async setDefault(actor: Actor, id: number): Promise<Org | null> {
      return inTransaction(deps, () => {
        const before = getSync(id);
        if (!before) return null;
        const at = deps.now().toISOString();
        db.update(organizations).set({ isDefault: false }).run();
        db.update(organizations).set({ isDefault: true, updatedAt: at }).where(eq(organizations.id, id)).run();
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'organization', entityId: id, after: { isDefault: true } }, at);
        return getSync(id);
      });
    },
  };
}

/** The organisations repository. */
export type OrgsRepo = ReturnType<typeof createOrgsRepo>;
