import { and, desc, eq } from 'drizzle-orm';
import type { DocumentKindKey } from '../../shared/api/document-types';
import type { TemplateDetail, TemplateDto } from '../../shared/api/document-templates';
import { NEVER_SAVED, type RecordStamp } from '../../shared/record-version';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { expectVersion } from '../record-version';
import { templates, templateVersions } from '../schema/documents';

/** One stored version's text. */
export interface TemplateVersionRecord {
  id: number;
  templateId: number;
  kind: DocumentKindKey;
  name: string;
  version: number;
  source: string;
}

interface ListRow {
  id: number;
  kind: DocumentKindKey;
  name: string;
  is_default: number;
  built_in: number;
  archived: number;
  version: number;
  version_id: number;
  created_at: string;
  created_by: string | null;
}

const LIST = `
  SELECT t.id, t.kind, t.name, t.is_default, t.built_in, t.archived, v.version, v.id AS version_id, v.created_at, u.full_name AS created_by
  FROM templates t
  JOIN template_versions v ON v.id = (SELECT max(id) FROM template_versions WHERE template_id = t.id)
  LEFT JOIN users u ON u.id = v.created_by`;

function toDto(r: ListRow): TemplateDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    isDefault: r.is_default === 1,
    builtIn: r.built_in === 1,
    archived: r.archived === 1,
    version: r.version,
    versionId: r.version_id,
    updatedAt: r.created_at,
    updatedBy: r.created_by,
  };
}

/** Document templates and their append-only versions. */
export function createTemplatesRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const dtoSync = (id: number): TemplateDto | null => {
    const r = sqlite.prepare(`${LIST} WHERE t.id = ?`).get(id) as ListRow | undefined;
    return r ? toDto(r) : null;
  };
  const versionSync = (versionId: number): TemplateVersionRecord | null => {
    const r = db
      .select({ id: templateVersions.id, templateId: templates.id, kind: templates.kind, name: templates.name, version: templateVersions.version, source: templateVersions.source })
      .from(templateVersions)
      .innerJoin(templates, eq(templates.id, templateVersions.templateId))
      .where(eq(templateVersions.id, versionId))
      .get();
    return r ?? null;
  };
  const addVersionSync = (actor: Actor, templateId: number, source: string, comment: string, at: string): number => {
    const last = db.select({ version: templateVersions.version }).from(templateVersions).where(eq(templateVersions.templateId, templateId)).orderBy(desc(templateVersions.version)).get();
    const version = (last?.version ?? 0) + 1;
    const row = db.insert(templateVersions).values({ templateId, version, source, comment, createdBy: actor.userId, createdAt: at }).returning({ id: templateVersions.id }).get();
    appendAudit(sqlite, actor, { action: 'create', entity: 'template_version', entityId: row.id, after: { templateId, version, comment } }, at);
    return row.id;
  };
  /** Who saved a template's newest text and when, with its number (the template's version). */
  const newestTextSync = (templateId: number): RecordStamp => {
    const r = sqlite
      .prepare(
        `SELECT v.version AS version, v.created_at AS updatedAt, u.full_name AS name FROM template_versions v
         LEFT JOIN users u ON u.id = v.created_by WHERE v.template_id = ? ORDER BY v.version DESC LIMIT 1`,
      )
      .get(templateId) as { version: number; updatedAt: string; name: string | null } | undefined;
    return r ? { version: r.version, updatedByName: r.name, updatedAt: r.updatedAt } : NEVER_SAVED;
  };
  const detailSync = (id: number, versionId?: number): TemplateDetail | null => {
    const dto = dtoSync(id);
    if (!dto) return null;
    const versions = sqlite
      .prepare(
        `SELECT v.id, v.version, v.created_at AS createdAt, u.full_name AS createdBy, v.comment FROM template_versions v
         LEFT JOIN users u ON u.id = v.created_by WHERE v.template_id = ? ORDER BY v.version DESC`,
      )
      .all(id) as TemplateDetail['versions'];
    const chosen = versionSync(versionId ?? dto.versionId);
    if (!chosen || chosen.templateId !== id) return null;
    return { ...dto, source: chosen.source, versions };
  };

  return {
    versionSync,
    /**
     * Makes sure every kind has its built-in template and that its newest version is the shipped text
     * (a program update that changes a built-in adds a version; documents keep the one that made them).
     */
    async ensureBuiltIns(shipped: Readonly<Record<DocumentKindKey, string>>, consumerShipped: Readonly<Partial<Record<DocumentKindKey, string>>> = {}): Promise<void> {
      const wanted: { kind: DocumentKindKey; consumer: boolean; source: string }[] = [
        ...(Object.keys(shipped) as DocumentKindKey[]).map((kind) => ({ kind, consumer: false, source: shipped[kind] })),
        ...(Object.entries(consumerShipped) as [DocumentKindKey, string][]).map(([kind, source]) => ({ kind, consumer: true, source })),
      ];
      const stale = wanted.filter((w) => {
        const r = sqlite
          .prepare('SELECT v.source FROM templates t JOIN template_versions v ON v.template_id = t.id WHERE t.kind = ? AND t.built_in = 1 AND t.consumer = ? ORDER BY v.id DESC LIMIT 1')
          .get(w.kind, w.consumer ? 1 : 0) as { source: string } | undefined;
        return r?.source !== w.source;
      });
      if (stale.length === 0) return;
      inTransaction(deps, () => {
        const at = deps.now().toISOString();
        for (const w of stale) {
          const kind = w.kind;
          let t = db
            .select({ id: templates.id })
            .from(templates)
            .where(and(eq(templates.kind, kind), eq(templates.builtIn, true), eq(templates.consumer, w.consumer)))
            .get();
          if (!t) {
            const hasDefault = db.select({ id: templates.id }).from(templates).where(and(eq(templates.kind, kind), eq(templates.isDefault, true))).get();
            const name = w.consumer ? 'Встроенный — с потребителем (физлицо)' : 'Встроенный';
            t = db.insert(templates).values({ kind, name, builtIn: true, consumer: w.consumer, isDefault: !w.consumer && !hasDefault }).returning({ id: templates.id }).get();
            appendAudit(sqlite, SYSTEM_ACTOR, { action: 'create', entity: 'template', entityId: t.id, after: { kind, builtIn: true, consumer: w.consumer } }, at);
          }
          addVersionSync(SYSTEM_ACTOR, t.id, w.source, 'Шаблон из поставки программы', at);
        }
      });
    },
    async list(opts: { kind?: DocumentKindKey; includeArchived: boolean }): Promise<TemplateDto[]> {
      const where: string[] = [];
      const args: string[] = [];
      if (opts.kind) {
        where.push('t.kind = ?');
        args.push(opts.kind);
      }
      if (!opts.includeArchived) where.push('t.archived = 0');
      const sqlText = `${LIST} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.kind, t.built_in DESC, t.name`;
      return (sqlite.prepare(sqlText).all(...args) as ListRow[]).map(toDto);
    },
    async get(id: number, versionId?: number): Promise<TemplateDetail | null> {
      return detailSync(id, versionId);
    },
    async version(versionId: number): Promise<TemplateVersionRecord | null> {
      return versionSync(versionId);
    },
    /** The version a new document uses: the template's newest, or the kind's default template's newest. */
    /** The template a document uses: the chosen one, else for a consumer the consumer built-in (if the kind has one), else the default. */
    async currentVersion(kind: DocumentKindKey, templateId: number | null, consumer = false): Promise<TemplateVersionRecord | null> {
      const forConsumer = consumer
        ? db.select({ id: templates.id }).from(templates).where(and(eq(templates.kind, kind), eq(templates.builtIn, true), eq(templates.consumer, true))).get()
        : undefined;
      const t =
        templateId !== null
          ? db.select({ id: templates.id }).from(templates).where(and(eq(templates.id, templateId), eq(templates.kind, kind))).get()
          : (forConsumer ?? db.select({ id: templates.id }).from(templates).where(and(eq(templates.kind, kind), eq(templates.isDefault, true))).get());
      if (!t) return null;
      const dto = dtoSync(t.id);
      return dto ? versionSync(dto.versionId) : null;
    },
    /**
     * A new template (no id) or a new text of one. A template's version is its newest text's number:
     * a save based on an older one throws StaleRecordError naming who saved the newest text and when.
     */
    async save(actor: Actor, v: { id?: number; version?: number; kind: DocumentKindKey; name: string; source: string; comment: string }): Promise<TemplateDetail | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        let id = v.id;
        if (id === undefined) {
          id = db.insert(templates).values({ kind: v.kind, name: v.name, createdBy: actor.userId, createdAt: at }).returning({ id: templates.id }).get().id;
          appendAudit(sqlite, actor, { action: 'create', entity: 'template', entityId: id, after: { kind: v.kind, name: v.name } }, at);
        } else {
          const before = db.select().from(templates).where(eq(templates.id, id)).get();
          if (!before || before.kind !== v.kind) return null;
          if (v.version !== undefined) expectVersion(newestTextSync(id), v.version);
          if (before.name !== v.name) {
            db.update(templates).set({ name: v.name }).where(eq(templates.id, id)).run();
            appendAudit(sqlite, actor, { action: 'update', entity: 'template', entityId: id, before: { name: before.name }, after: { name: v.name } }, at);
          }
        }
        addVersionSync(actor, id, v.source, v.comment, at);
        return detailSync(id);
      });
    },
    async setDefault(actor: Actor, id: number): Promise<TemplateDto | null> {
      return inTransaction(deps, () => {
        const t = db.select().from(templates).where(eq(templates.id, id)).get();
        if (!t) return null;
        const at = deps.now().toISOString();
        db.update(templates).set({ isDefault: false }).where(eq(templates.kind, t.kind)).run();
        db.update(templates).set({ isDefault: true, archived: false }).where(eq(templates.id, id)).run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'template', entityId: id, after: { isDefault: true, kind: t.kind } }, at);
        return dtoSync(id);
      });
    },
    async archive(actor: Actor, id: number, archived: boolean): Promise<TemplateDto | null> {
      return inTransaction(deps, () => {
        const t = db.select().from(templates).where(eq(templates.id, id)).get();
        if (!t) return null;
        db.update(templates).set({ archived }).where(eq(templates.id, id)).run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'template', entityId: id, before: { archived: t.archived }, after: { archived } }, deps.now().toISOString());
        return dtoSync(id);
      });
    },
  };
}

/** The templates repository. */
export type TemplatesRepo = ReturnType<typeof createTemplatesRepo>;
