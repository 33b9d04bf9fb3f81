import type Database from 'better-sqlite3';
import { alias } from 'drizzle-orm/sqlite-core';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { importRowRecord, normalizePhone, type ColumnMapping, type ImportRow, type RowCategory, type RowDecision } from '../../core/index';
import type { ImportBatchDto } from '../../shared/api/client-types';
import { appendAudit, type Actor } from '../audit';
import type { Sqlite } from '../connection';
import type { RepoDeps } from '../drizzle';
import { longWrite } from '../long-write';
import { importBatches } from '../schema/clients';
import { users } from '../schema/foundation';
import {
  addEventSync,
  deferClientIndexSync,
  indexDeferredClientsSync,
  insertChannelsSync,
  refreshSearchSync,
  setOwnerSync,
  type NewClientData,
} from './client-writes';
import { insertClientsSync, logNewClientsSync, type NewClientLog } from './client-bulk-writes';
import { insertRowsSync } from '../batch-insert';
import { sourceIdByNameSync } from './client-sources-repo';

/** One row of a committed import: what it is and what to do with it. */
export interface ImportPlanRow {
  row: ImportRow;
  category: RowCategory;
  decision: RowDecision;
  reason: string;
  matchId: number | null;
  /** Whose a created row becomes (and a free merged client too); the claimant for a claim. */
  ownerId: number | null;
  /** The manager holding a claimed client. */
  holderId: number | null;
}

/** Everything an import commit writes, decided before the transaction opens. */
export interface ImportPlan {
  fileName: string;
  fileHash: string;
  format: string;
  encoding: string;
  delimiter: string;
  mapping: ColumnMapping;
  ownerId: number | null;
  counts: Record<RowCategory, number>;
  rows: ImportPlanRow[];
}

/** What the commit did. */
export interface ImportOutcome {
  batchId: number | null;
  duplicateOf: { batchId: number; at: string; fileName: string } | null;
  created: number;
  merged: number;
  claimed: number;
  skipped: number;
}

const countsJson = z.object({
  created: z.number().default(0),
  merged: z.number().default(0),
  claimed: z.number().default(0),
  skipped: z.number().default(0),
  totalRows: z.number().default(0),
});

type Counts = z.output<typeof countsJson>;

const FILLABLE = ['inn', 'kpp', 'ogrn', 'region', 'segment', 'website', 'legal_address'] as const;

/** The statements a merged row runs, prepared once. */
function prepareMerge(sqlite: Sqlite) {
  return {
    current: sqlite.prepare('SELECT inn, kpp, ogrn, region, segment, website, legal_address, responsible_id FROM clients WHERE id = ?'),
    fill: Object.fromEntries(FILLABLE.map((col) => [col, sqlite.prepare(`UPDATE clients SET ${col} = ?, updated_at = ? WHERE id = ?`)])) as Record<(typeof FILLABLE)[number], Database.Statement>,
    phones: sqlite.prepare('SELECT value, normalized FROM client_phones WHERE client_id = ?'),
    emails: sqlite.prepare('SELECT email FROM client_emails WHERE client_id = ?'),
    contact: sqlite.prepare('SELECT 1 FROM client_contacts WHERE client_id = ? AND full_name = ?'),
    addContact: sqlite.prepare("INSERT INTO client_contacts (client_id, full_name, position, decision_role, created_at, updated_at) VALUES (?, ?, ?, 'other', ?, ?)"),
  };
}

/** Each connection's merge statements. */
const mergeCache = new WeakMap<Sqlite, ReturnType<typeof prepareMerge>>();

function mergeStatements(sqlite: Sqlite): ReturnType<typeof prepareMerge> {
  let q = mergeCache.get(sqlite);
  if (!q) {
    q = prepareMerge(sqlite);
    mergeCache.set(sqlite, q);
  }
  return q;
}

/** What became of a row. */
type ImportOutcomeKind = 'created' | 'merged' | 'claimed' | 'skipped';

const IMPORT_ROW_INSERT = 'INSERT INTO import_rows (batch_id, row_no, category, decision, outcome, client_id, reason, name, data)';
const IMPORT_ROW_WIDTH = 9;

/** How many rows an import writes between two turns of the event loop (and two progress reports). */
export const IMPORT_CHUNK = 250;

/** The writers of one import's rows, on the connection of `deps`. */
function rowWriters(deps: RepoDeps) {
  const mergeSync = (p: ImportPlanRow, batchId: number, actor: Actor, at: string, fileName: string): boolean => {
    const q = mergeStatements(deps.sqlite);
    const id = p.matchId;
    const current = id === null ? undefined : (q.current.get(id) as
      | { inn: string; kpp: string; ogrn: string; region: string; segment: string; website: string; legal_address: string; responsible_id: number | null }
      | undefined);
    if (id === null || !current) return false;
    const r = p.row;
    // Only empty fields are filled: a long list never overwrites what the card already says.
    const fill = (col: (typeof FILLABLE)[number], value: string) => {
      if (value && !current[col]) q.fill[col].run(value, at, id);
    };
    fill('inn', r.inn);
    fill('kpp', r.kpp);
    fill('ogrn', r.ogrn);
    fill('region', r.region);
    fill('segment', r.segment);
    fill('website', r.website);
    fill('legal_address', r.address);
    const phones = new Set((q.phones.all(id) as { value: string; normalized: string | null }[]).map((x) => x.normalized ?? x.value));
    const emails = new Set((q.emails.all(id) as { email: string }[]).map((x) => x.email));
    const newPhones = r.phones.filter((x) => !phones.has(normalizePhone(x.value) ?? x.value)).map((x) => ({ value: x.value, label: '' }));
    const newEmails = r.emails.filter((e) => !emails.has(e)).map((e) => ({ value: e, label: '' }));
    insertChannelsSync(deps, id, null, newPhones, newEmails);
    if (r.contactName) {
      const known = q.contact.get(id, r.contactName);
      if (!known) q.addContact.run(id, r.contactName, r.contactPosition, at, at);
    }
    if (current.responsible_id === null && p.ownerId !== null) {
      setOwnerSync(deps, { clientId: id, toUserId: p.ownerId, kind: 'import', byUserId: actor.userId, reason: `Список «${fileName}»`, at });
    }
    refreshSearchSync(deps, id);
    addEventSync(deps, { clientId: id, kind: 'import', text: `Дополнен из списка «${fileName}» (строка ${r.row})`, userId: actor.userId, at, refEntity: 'import_batch', refId: batchId });
    return true;
  };
  /** A new client's data from its row (the row's source looked up, or added, once per distinct name). */
  const newClientOf = (p: ImportPlanRow, batchId: number, actor: Actor, sources: Map<string, number | null>): NewClientData => {
    const r = p.row;
    let sourceId: number | null = null;
    if (r.source) {
      const cached = sources.get(r.source);
      sourceId = cached === undefined ? sourceIdByNameSync(deps, r.source) : cached;
      sources.set(r.source, sourceId);
    }
    return {
      kind: r.kind,
      shortName: r.name,
      fullName: r.fullName,
      inn: r.inn,
      kpp: r.kpp,
      ogrn: r.ogrn,
      legalAddress: r.address,
      postalAddress: '',
      actualAddress: '',
      website: r.website,
      segment: r.segment,
      region: r.region,
      sourceId,
      comment: r.note,
      phones: r.phones.map((x) => ({ value: x.value, label: '' })),
      emails: r.emails.map((e) => ({ value: e, label: '' })),
      accounts: [],
      contacts: r.contactName ? [{ fullName: r.contactName, position: r.contactPosition }] : [],
      responsibleId: p.ownerId,
      importBatchId: batchId,
      createdBy: actor.userId,
    };
  };
  /** What a created row logs: its first owner, then «Добавлен из списка» (inserted at `at`: only the history line is new). */
  const logOf = (p: ImportPlanRow, clientId: number, batchId: number, actor: Actor, fileName: string): NewClientLog => ({
    clientId,
    ownerId: p.ownerId,
    kind: 'import',
    byUserId: actor.userId,
    reason: `Список «${fileName}»`,
    event: { kind: 'import', text: `Добавлен из списка «${fileName}» (строка ${p.row.row})`, userId: actor.userId, refEntity: 'import_batch', refId: batchId },
  });
  /** Creates the rows' clients many to a statement (the rows insertClientSync, logFirstOwnerSync and insertEventSync write one by one); returns their ids in order. */
  const createManySync = (ps: readonly ImportPlanRow[], batchId: number, actor: Actor, at: string, fileName: string, sources: Map<string, number | null>): number[] => {
    const ids = insertClientsSync(deps, ps.map((p) => newClientOf(p, batchId, actor, sources)), at);
    logNewClientsSync(deps, ps.map((p, k) => logOf(p, ids[k], batchId, actor, fileName)), at);
    return ids;
  };
  return { mergeSync, createManySync };
}

/** Long-list imports: the batches, their report rows and the all-or-nothing commit. */
export function createClientImportRepo(deps: RepoDeps) {
  const { db } = deps;
  const owner = alias(users, 'owner');
  const byHashSync = (d: RepoDeps, hash: string) => {
    const b = d.db.select().from(importBatches).where(eq(importBatches.fileHash, hash)).get();
    return b ? { batchId: b.id, at: b.createdAt, fileName: b.fileName } : null;
  };
  return {
    async byHash(hash: string): Promise<{ batchId: number; at: string; fileName: string } | null> {
      return byHashSync(deps, hash);
    },
    /**
     * Writes every accepted row, the report and one audit entry in one transaction (a long write on its
     * own connection, chunk by chunk, `onProgress` after each); a known file adds nothing. New clients
     * are indexed for search in one statement at the end.
     */
    async commit(actor: Actor, plan: ImportPlan, onProgress: (done: number, total: number) => void = () => {}): Promise<ImportOutcome> {
      return longWrite(deps.sqlite, deps.now, async (w, breathe) => {
        const none = { created: 0, merged: 0, claimed: 0, skipped: plan.rows.length };
        const known = byHashSync(w, plan.fileHash);
        if (known) return { batchId: null, duplicateOf: known, ...none };
        const at = w.now().toISOString();
        const batchId = w.db
          .insert(importBatches)
          .values({
            fileName: plan.fileName,
            fileHash: plan.fileHash,
            format: plan.format,
            encoding: plan.encoding,
            delimiter: plan.delimiter,
            mapping: JSON.stringify(plan.mapping),
            ownerId: plan.ownerId,
            userId: actor.userId,
            counts: '{}',
            createdAt: at,
          })
          .returning({ id: importBatches.id })
          .get().id;
        const conflict = w.sqlite.prepare('INSERT INTO claim_conflicts (client_id, claimant_id, holder_id, reason, created_at) VALUES (?, ?, ?, ?, ?)');
        const { createManySync, mergeSync } = rowWriters(w);
        const counts: Counts = { created: 0, merged: 0, claimed: 0, skipped: 0, totalRows: plan.rows.length };
        // The source column repeats a handful of names: each distinct one is looked up (or added) once.
        const sources = new Map<string, number | null>();
        // A list that only adds clients (no merges reading their phones and e-mails back) may load in bulk.
        const createsOnly = plan.rows.every((p) => p.decision === 'create' || p.decision === 'skip');
        const deferral = deferClientIndexSync(w, createsOnly ? { bulkRows: plan.rows.filter((p) => p.decision === 'create').length } : {});
        const total = plan.rows.length;
        onProgress(0, total);
        for (let from = 0; from < total; from += IMPORT_CHUNK) {
          // Each row's report line; the clients of a run of created rows are written together, before the
          // next row that is not one (a merge may read what the rows before it wrote).
          const report: { p: ImportPlanRow; outcome: ImportOutcomeKind; clientId: number | null }[] = [];
          let run: typeof report = [];
          const writeRun = () => {
            if (run.length === 0) return;
            const ids = createManySync(run.map((e) => e.p), batchId, actor, at, plan.fileName, sources);
            run.forEach((e, k) => (e.clientId = ids[k]));
            run = [];
          };
          for (const p of plan.rows.slice(from, from + IMPORT_CHUNK)) {
            if (p.decision === 'create') {
              const entry = { p, outcome: 'created' as const, clientId: null };
              report.push(entry);
              run.push(entry);
              continue;
            }
            writeRun();
            let outcome: ImportOutcomeKind = 'skipped';
            if (p.decision === 'merge' && mergeSync(p, batchId, actor, at, plan.fileName)) {
              outcome = 'merged';
            } else if (p.decision === 'claim' && p.matchId !== null && p.ownerId !== null) {
              conflict.run(p.matchId, p.ownerId, p.holderId, `Заявка из списка «${plan.fileName}» (строка ${p.row.row})`, at);
              outcome = 'claimed';
            }
            report.push({ p, outcome, clientId: p.matchId });
          }
          writeRun();
          const reportRows: unknown[] = [];
          for (const { p, outcome, clientId } of report) {
            counts[outcome]++;
            reportRows.push(batchId, p.row.row, p.category, p.decision, outcome, clientId, p.reason, p.row.name, importRowRecord(p.row));
          }
          insertRowsSync(w.sqlite, IMPORT_ROW_INSERT, IMPORT_ROW_WIDTH, reportRows);
          onProgress(Math.min(total, from + IMPORT_CHUNK), total);
          await breathe();
        }
        indexDeferredClientsSync(w, deferral);
        const summary = { ...counts, categories: plan.counts };
        w.db.update(importBatches).set({ counts: JSON.stringify(summary) }).where(eq(importBatches.id, batchId)).run();
        appendAudit(w.sqlite, actor, { action: 'import', entity: 'import_batch', entityId: batchId, after: { fileName: plan.fileName, fileHash: plan.fileHash, ...summary } }, at);
        return { batchId, duplicateOf: null, created: counts.created, merged: counts.merged, claimed: counts.claimed, skipped: counts.skipped };
      });
    },
    async batches(ownerId: number | null): Promise<ImportBatchDto[]> {
      const q = db
        .select({ b: importBatches, userName: users.fullName, ownerName: owner.fullName })
        .from(importBatches)
        .leftJoin(users, eq(users.id, importBatches.userId))
        .leftJoin(owner, eq(owner.id, importBatches.ownerId));
      const rows = (ownerId === null ? q : q.where(eq(importBatches.userId, ownerId))).orderBy(desc(importBatches.id)).limit(200).all();
      return rows.map((r) => {
        const c = countsJson.parse(JSON.parse(r.b.counts));
        return { id: r.b.id, fileName: r.b.fileName, at: r.b.createdAt, userName: r.userName, ownerName: r.ownerName, ...c };
      });
    },
  };
}

/** The import repository. */
export type ClientImportRepo = ReturnType<typeof createClientImportRepo>;
