import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { StandardDetail, StandardFileDto, StandardKind, StandardParsed, StandardSummary } from '../../shared/api/standards';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { users } from '../schema/foundation';
import { standardFiles, standardLinks, standards, standardVersions } from '../schema/sales';

/** A standard's new version with defaults applied (as the contract's schema outputs it). */
export type StandardValues = StandardParsed;

interface SummaryRow {
  id: number;
  kind: StandardKind;
  code: string;
  title: string;
  archived: number;
  version: number;
  version_id: number;
  created_at: string;
}

const SUMMARY_SQL = `
  SELECT s.id, s.kind, s.code, s.title, s.archived, v.version, v.id AS version_id, v.created_at
  FROM standards s JOIN standard_versions v ON v.standard_id = s.id
  WHERE v.version = (SELECT max(version) FROM standard_versions WHERE standard_id = s.id)`;

function toSummary(r: SummaryRow): StandardSummary {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    version: r.version,
    versionId: r.version_id,
    updatedAt: r.created_at,
    archived: r.archived === 1,
  };
}

/** The sales standards library: versioned texts, links between script branches, attached files. */
export function createSalesStandardsRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const summarySync = (id: number): StandardSummary | null => {
    const r = sqlite.prepare(`${SUMMARY_SQL} AND s.id = ?`).get(id) as SummaryRow | undefined;
    return r ? toSummary(r) : null;
  };
  const filesSync = (standardId: number): StandardFileDto[] =>
    db
      .select({ id: standardFiles.id, fileName: standardFiles.fileName, mime: standardFiles.mime, size: standardFiles.size, createdAt: standardFiles.createdAt })
      .from(standardFiles)
      .where(eq(standardFiles.standardId, standardId))
      .orderBy(asc(standardFiles.id))
      .all();
  const detailSync = (id: number, version?: number): StandardDetail | null => {
    const summary = summarySync(id);
    if (!summary) return null;
    const v = db
      .select({ row: standardVersions, authorName: users.fullName })
      .from(standardVersions)
      .leftJoin(users, eq(users.id, standardVersions.authorId))
      .where(and(eq(standardVersions.standardId, id), eq(standardVersions.version, version ?? summary.version)))
      .get();
    if (!v) return null;
    const links = db
      .select({ targetId: standards.id, targetCode: standards.code, targetTitle: standards.title, targetKind: standards.kind, label: standardLinks.label })
      .from(standardLinks)
      .innerJoin(standards, eq(standards.id, standardLinks.targetId))
      .where(eq(standardLinks.versionId, v.row.id))
      .orderBy(asc(standardLinks.id))
      .all();
    const versions = db
      .select({ id: standardVersions.id, version: standardVersions.version, createdAt: standardVersions.createdAt, authorName: users.fullName, note: standardVersions.note })
      .from(standardVersions)
      .leftJoin(users, eq(users.id, standardVersions.authorId))
      .where(eq(standardVersions.standardId, id))
      .orderBy(desc(standardVersions.version))
      .all();
    return {
      ...summary,
      version: v.row.version,
      versionId: v.row.id,
      updatedAt: v.row.createdAt,
      body: v.row.body,
      stronger: v.row.stronger,
      weaker: v.row.weaker,
      offer: v.row.offer,
      note: v.row.note,
      authorName: v.authorName,
      links,
      versions,
      files: filesSync(id),
    };
  };
  const addVersionSync = (actor: Actor, standardId: number, input: StandardValues, at: string): void => {
    const last = db
      .select({ version: standardVersions.version })
      .from(standardVersions)
      .where(eq(standardVersions.standardId, standardId))
      .orderBy(desc(standardVersions.version))
      .get();
    const version = db
      .insert(standardVersions)
      .values({
        standardId,
        version: (last?.version ?? 0) + 1,
        body: input.body,
        stronger: input.stronger,
        weaker: input.weaker,
        offer: input.offer,
        note: input.note,
        authorId: actor.userId,
        createdAt: at,
      })
      .returning({ id: standardVersions.id })
      .get();
    for (const l of input.links) db.insert(standardLinks).values({ versionId: version.id, targetId: l.targetId, label: l.label }).run();
  };
  const existingIds = (ids: number[]): Set<number> =>
    new Set(ids.length ? db.select({ id: standards.id }).from(standards).where(inArray(standards.id, ids)).all().map((r) => r.id) : []);

  /** Creates a standard with its first version inside an open transaction (demo data uses it too). */
  const createSync = (actor: Actor, input: StandardValues): StandardDetail | null => {
    const at = deps.now().toISOString();
    const targets = existingIds(input.links.map((l) => l.targetId));
    if (input.links.some((l) => !targets.has(l.targetId))) return null;
    const row = db.insert(standards).values({ kind: input.kind, code: input.code, title: input.title, createdAt: at }).returning().get();
    addVersionSync(actor, row.id, input, at);
    const detail = detailSync(row.id);
    appendAudit(sqlite, actor, { action: 'create', entity: 'standard', entityId: row.id, after: detail }, at);
    return detail;
  };

  return {
    createSync,
    async list(kind: StandardKind | undefined, includeArchived: boolean): Promise<StandardSummary[]> {
      const where = [kind ? 's.kind = ?' : '', includeArchived ? '' : 's.archived = 0'].filter(Boolean);
      const sqlText = `${SUMMARY_SQL} ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY s.kind, s.sort, s.code, s.title`;
      const rows = sqlite.prepare(sqlText).all(...(kind ? [kind] : [])) as SummaryRow[];
      return rows.map(toSummary);
    },
    async get(id: number, version?: number): Promise<StandardDetail | null> {
      return detailSync(id, version);
    },
    /** Null when a link points to a standard that does not exist. */
    async create(actor: Actor, input: StandardValues): Promise<StandardDetail | null> {
      return inTransaction(deps, () => createSync(actor, input));
    },
    /** Saves a new version (the old ones stay); 'missing' when the standard or a link target is unknown. */
    async saveVersion(actor: Actor, id: number, input: StandardValues): Promise<StandardDetail | 'missing'> {
      return inTransaction(deps, () => {
        const before = detailSync(id);
        const targets = existingIds(input.links.map((l) => l.targetId));
        if (!before || input.links.some((l) => !targets.has(l.targetId))) return 'missing';
        const at = deps.now().toISOString();
        db.update(standards).set({ code: input.code, title: input.title }).where(eq(standards.id, id)).run();
        addVersionSync(actor, id, input, at);
        const after = detailSync(id);
        if (!after) return 'missing';
        appendAudit(sqlite, actor, { action: 'update', entity: 'standard', entityId: id, before: { version: before.version, title: before.title }, after }, at);
        return after;
      });
    },
    async archive(actor: Actor, id: number, archived: boolean): Promise<StandardSummary | null> {
      return inTransaction(deps, () => {
        const res = db.update(standards).set({ archived }).where(eq(standards.id, id)).run();
        if (res.changes === 0) return null;
        appendAudit(sqlite, actor, { action: 'update', entity: 'standard', entityId: id, after: { archived } }, deps.now().toISOString());
        return summarySync(id);
      });
    },
    async attach(actor: Actor, standardId: number, file: { fileName: string; mime: string; bytes: Buffer }): Promise<StandardFileDto | null> {
      return inTransaction(deps, () => {
        if (!summarySync(standardId)) return null;
        const at = deps.now().toISOString();
        const sha256 = createHash('sha256').update(file.bytes).digest('hex');
        const row = db
          .insert(standardFiles)
          .values({ standardId, fileName: file.fileName, mime: file.mime, size: file.bytes.length, sha256, content: file.bytes, createdAt: at, createdBy: actor.userId })
          .returning({ id: standardFiles.id, fileName: standardFiles.fileName, mime: standardFiles.mime, size: standardFiles.size, createdAt: standardFiles.createdAt })
          .get();
        appendAudit(sqlite, actor, { action: 'create', entity: 'standard_file', entityId: row.id, after: { standardId, fileName: row.fileName, size: row.size, sha256 } }, at);
        return row;
      });
    },
    async file(id: number): Promise<{ fileName: string; mime: string; bytes: Buffer } | null> {
      const r = db.select({ fileName: standardFiles.fileName, mime: standardFiles.mime, content: standardFiles.content }).from(standardFiles).where(eq(standardFiles.id, id)).get();
      return r ? { fileName: r.fileName, mime: r.mime, bytes: r.content } : null;
    },
    async detach(actor: Actor, id: number): Promise<boolean> {
      return inTransaction(deps, () => {
        const before = db.select({ standardId: standardFiles.standardId, fileName: standardFiles.fileName, sha256: standardFiles.sha256 }).from(standardFiles).where(eq(standardFiles.id, id)).get();
        if (!before) return false;
        db.delete(standardFiles).where(eq(standardFiles.id, id)).run();
        appendAudit(sqlite, actor, { action: 'delete', entity: 'standard_file', entityId: id, before }, deps.now().toISOString());
        return true;
      });
    },
    /** Every current, non-archived standard in full (the sales book). */
    async book(): Promise<StandardDetail[]> {
      const rows = sqlite.prepare(`${SUMMARY_SQL} AND s.archived = 0 ORDER BY s.kind, s.sort, s.code, s.title`).all() as SummaryRow[];
      return rows.map((r) => detailSync(r.id)).filter((d): d is StandardDetail => d !== null);
    },
  };
}

/** The standards repository. */
export type SalesStandardsRepo = ReturnType<typeof createSalesStandardsRepo>;
