import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { DEFAULT_DIVISION, DIVISION_MODES, type DivisionStandard, type DivisionSubject } from '../../core/index';
import type { ClaimConflict, Responsible } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimConflicts, clients, divisionRules } from '../schema/clients';
import { settings, users } from '../schema/foundation';
import { setOwnerSync, type TransferKind } from './client-writes';

const SETTINGS_KEY = 'clients.division';

function readHead(raw: string | undefined): Omit<DivisionStandard, 'rules'> {
  const out = { mode: DEFAULT_DIVISION.mode, lapseDays: DEFAULT_DIVISION.lapseDays, shareBase: DEFAULT_DIVISION.shareBase };
  if (!raw) return out;
  const v: unknown = JSON.parse(raw);
  if (typeof v !== 'object' || v === null) return out;
  const mode = 'mode' in v ? DIVISION_MODES.find((m) => m === v.mode) : undefined;
  if (mode) out.mode = mode;
  if ('lapseDays' in v && typeof v.lapseDays === 'number') out.lapseDays = v.lapseDays;
  if ('shareBase' in v && typeof v.shareBase === 'boolean') out.shareBase = v.shareBase;
  return out;
}

/** The division of the base: the standard, transfers between managers, claims and their conflicts. */
export function createClientDivisionRepo(deps: RepoDeps) {
  const { db } = deps;
  const claimant = alias(users, 'claimant');
  const holder = alias(users, 'holder');
  const winner = alias(users, 'winner');
  const standardSync = (): DivisionStandard => {
    const head = readHead(db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()?.value);
    const rules =
      head.mode === 'claims'
        ? []
        : db
            .select({ value: divisionRules.value, managerId: divisionRules.managerId })
            .from(divisionRules)
            .where(eq(divisionRules.dimension, head.mode))
            .orderBy(asc(divisionRules.value))
            .all();
    return { ...head, rules };
  };
  const conflictsQuery = () =>
    db
      .select({ c: claimConflicts, clientName: clients.shortName, claimantName: claimant.fullName, holderName: holder.fullName, winnerName: winner.fullName })
      .from(claimConflicts)
      .innerJoin(clients, eq(clients.id, claimConflicts.clientId))
      .innerJoin(claimant, eq(claimant.id, claimConflicts.claimantId))
      .leftJoin(holder, eq(holder.id, claimConflicts.holderId))
      .leftJoin(winner, eq(winner.id, claimConflicts.winnerId));
  type ConflictJoin = Awaited<ReturnType<ReturnType<typeof conflictsQuery>['all']>>[number];
  const toConflict = (r: ConflictJoin): ClaimConflict => ({
    id: r.c.id,
    clientId: r.c.clientId,
    clientName: r.clientName,
    claimant: { id: r.c.claimantId, fullName: r.claimantName },
    holder: r.c.holderId === null ? null : { id: r.c.holderId, fullName: r.holderName ?? '' },
    reason: r.c.reason,
    status: r.c.status,
    createdAt: r.c.createdAt,
    resolvedAt: r.c.resolvedAt,
    winnerName: r.winnerName,
    resolution: r.c.resolution,
  });
  const conflictSync = (id: number) => {
    const r = conflictsQuery().where(eq(claimConflicts.id, id)).get();
    return r ? toConflict(r) : null;
  };
  return {
    async standard(): Promise<DivisionStandard> {
      return standardSync();
    },
    async saveStandard(actor: Actor, std: DivisionStandard): Promise<DivisionStandard> {
      return inTransaction(deps, () => {
        const before = standardSync();
        const head = JSON.stringify({ mode: std.mode, lapseDays: std.lapseDays, shareBase: std.shareBase });
        db.insert(settings).values({ key: SETTINGS_KEY, value: head }).onConflictDoUpdate({ target: settings.key, set: { value: head } }).run();
        if (std.mode !== 'claims') {
          const dimension = std.mode;
          db.delete(divisionRules).where(eq(divisionRules.dimension, dimension)).run();
          for (const r of std.rules) db.insert(divisionRules).values({ dimension, value: r.value, managerId: r.managerId }).onConflictDoNothing().run();
        }
        const after = standardSync();
        appendAudit(deps.sqlite, actor, { action: 'update', entity: 'division_standard', entityId: null, before, after }, deps.now().toISOString());
        return after;
      });
    },
    /** Active people who may hold clients: managers, the head of sales and the director. */
    async responsibles(): Promise<(Responsible & { role: string })[]> {
      return db
        .select({ id: users.id, fullName: users.fullName, role: users.role })
        .from(users)
        .where(and(eq(users.active, true), inArray(users.role, ['manager', 'head_of_sales', 'director'])))
        .orderBy(asc(users.fullName))
        .all();
    },
    async freeCount(): Promise<number> {
      return db.select({ n: count() }).from(clients).where(isNull(clients.responsibleId)).get()?.n ?? 0;
    },
    async freeClients(): Promise<(DivisionSubject & { id: number })[]> {
      return db
        .select({ id: clients.id, region: clients.region, segment: clients.segment, sourceId: clients.sourceId })
        .from(clients)
        .where(isNull(clients.responsibleId))
        .all();
    },
    /** Changes owners (one audit entry for the lot); returns how many changed. */
    async setOwners(actor: Actor, moves: { clientId: number; toUserId: number | null }[], kind: TransferKind, reason: string): Promise<number> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        let changed = 0;
        for (const m of moves) if (setOwnerSync(deps, { ...m, kind, byUserId: actor.userId, reason, at })) changed++;
        if (changed > 0) {
          const after = moves.length === 1 ? moves[0] : { count: changed, kind };
          appendAudit(deps.sqlite, actor, { action: kind, entity: 'client_owner', entityId: moves.length === 1 ? moves[0].clientId : null, after: { ...after, reason } }, at);
        }
        return changed;
      });
    },
    /** Opens a conflict (a claim on a held client) unless this claimant already has one open. */
    async openConflict(actor: Actor, c: { clientId: number; claimantId: number; holderId: number | null; reason: string }): Promise<number> {
      return inTransaction(deps, () => {
        const open = db
          .select({ id: claimConflicts.id })
          .from(claimConflicts)
          .where(and(eq(claimConflicts.clientId, c.clientId), eq(claimConflicts.claimantId, c.claimantId), eq(claimConflicts.status, 'open')))
          .get();
        if (open) return open.id;
        const at = deps.now().toISOString();
        const id = db.insert(claimConflicts).values({ ...c, createdAt: at }).returning({ id: claimConflicts.id }).get().id;
        appendAudit(deps.sqlite, actor, { action: 'create', entity: 'claim_conflict', entityId: id, after: c }, at);
        return id;
      });
    },
    async conflicts(status: 'open' | 'all'): Promise<ClaimConflict[]> {
      const q = conflictsQuery();
      const rows = status === 'open' ? q.where(eq(claimConflicts.status, 'open')).orderBy(asc(claimConflicts.createdAt)).all() : q.orderBy(desc(claimConflicts.createdAt)).all();
      return rows.map(toConflict);
    },
    async conflict(id: number): Promise<ClaimConflict | null> {
      return conflictSync(id);
    },
    /** The head of sales decides: the winner holds the client; the conflict is closed with a note. */
    async resolve(actor: Actor, id: number, winnerId: number, note: string): Promise<ClaimConflict | null> {
      return inTransaction(deps, () => {
        const before = conflictSync(id);
        if (!before || before.status !== 'open') return null;
        const at = deps.now().toISOString();
        const reason = `Решение по спору: ${note || 'без комментария'}`;
        setOwnerSync(deps, { clientId: before.clientId, toUserId: winnerId, kind: 'resolve', byUserId: actor.userId, reason, at });
        db.update(claimConflicts)
          .set({ status: 'resolved', resolvedAt: at, resolvedBy: actor.userId, winnerId, resolution: note })
          .where(eq(claimConflicts.id, id))
          .run();
        const after = conflictSync(id);
        appendAudit(deps.sqlite, actor, { action: 'approve', entity: 'claim_conflict', entityId: id, before, after }, at);
        return after;
      });
    },
  };
}

/** The division repository. */
export type ClientDivisionRepo = ReturnType<typeof createClientDivisionRepo>;
