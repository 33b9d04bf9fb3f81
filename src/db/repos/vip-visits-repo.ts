import { z } from 'zod';
import type { FormField, QuestionnaireForm } from '../../shared/api/client-types';
import { formFieldSchema } from '../../shared/api/client-types';
import type { ReferralParsed, VipVisitDto, VipVisitParsed } from '../../shared/api/vip-types';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { readClientSync } from './clients-repo';
import { addEventSync, insertClientSync, logFirstOwnerSync } from './client-writes';
import { sourceIdByNameSync } from './client-sources-repo';

const fieldsJson = z.array(formFieldSchema);
const answersJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

interface VisitRow {
  id: number;
  clientId: number;
  clientName: string;
  managerId: number;
  managerName: string;
  visitedOn: string;
  fields: string;
  answers: string;
  problems: string;
  suggestions: string;
  testimonial: string;
}

const VISIT_SELECT = `
  SELECT v.id, v.client_id AS clientId, coalesce(nullif(c.short_name, ''), c.full_name) AS clientName, v.manager_id AS managerId,
         u.full_name AS managerName, v.visited_on AS visitedOn, v.fields, v.answers, v.problems, v.suggestions, v.testimonial
  FROM vip_visits v JOIN clients c ON c.id = v.client_id JOIN users u ON u.id = v.manager_id`;

/** VIP visits with their answers, and the referrals that became new clients. */
export function createVipVisitsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const referralsOf = (visitIds: number[]) => {
    if (visitIds.length === 0) return new Map<number, VipVisitDto['referrals']>();
    const rows = sqlite
      .prepare(
        `SELECT r.id, r.visit_id AS visitId, r.new_client_id AS newClientId, coalesce(nullif(c.short_name, ''), c.full_name) AS newClientName, r.note
         FROM vip_referrals r JOIN clients c ON c.id = r.new_client_id WHERE r.visit_id IN (${visitIds.map(() => '?').join(', ')}) ORDER BY r.id`,
      )
      .all(...visitIds) as (VipVisitDto['referrals'][number] & { visitId: number })[];
    const out = new Map<number, VipVisitDto['referrals']>();
    for (const { visitId, ...r } of rows) out.set(visitId, [...(out.get(visitId) ?? []), r]);
    return out;
  };
  const toVisits = (rows: VisitRow[]): VipVisitDto[] => {
    const refs = referralsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      fields: fieldsJson.parse(JSON.parse(r.fields)),
      answers: answersJson.parse(JSON.parse(r.answers)),
      referrals: refs.get(r.id) ?? [],
    }));
  };
  const visitSync = (id: number) => toVisits(sqlite.prepare(`${VISIT_SELECT} WHERE v.id = ?`).all(id) as VisitRow[])[0] ?? null;

  /** A referral becomes a client with the source «Рекомендации», the referring client's manager responsible. */
  const referralClientSync = (actor: Actor, from: { id: number; name: string }, managerId: number, r: ReferralParsed, at: string): number => {
    const sourceId =
      (sqlite.prepare("SELECT id FROM client_sources WHERE kind = 'referral' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id ??
      sourceIdByNameSync(deps, 'Рекомендации');
    const id = insertClientSync(
      deps,
      {
        kind: r.kind, shortName: r.shortName, fullName: r.shortName, inn: '', kpp: '', ogrn: '', legalAddress: '', postalAddress: '', actualAddress: '',
        website: '', segment: '', region: '', sourceId, comment: `Рекомендация клиента «${from.name}». ${r.note}`.trim(),
        phones: r.phone ? [{ value: r.phone, label: '' }] : [], emails: [], accounts: [],
        contacts: r.contactName ? [{ fullName: r.contactName, position: '' }] : [],
        responsibleId: managerId, importBatchId: null, createdBy: actor.userId,
      },
      at,
    );
    addEventSync(deps, { clientId: id, kind: 'created', text: `Карточка создана по рекомендации клиента «${from.name}»`, userId: actor.userId, at });
    logFirstOwnerSync(deps, id, managerId, 'assign', actor.userId, 'Рекомендация с VIP-визита', at);
    const created = readClientSync(deps, id);
    appendAudit(sqlite, actor, { action: 'create', entity: 'client', entityId: id, after: created ? { id, shortName: created.shortName, sourceName: created.sourceName, responsible: created.responsible } : null }, at);
    return id;
  };

  return {
    async get(id: number): Promise<VipVisitDto | null> {
      return visitSync(id);
    },
    /** Visits of a client, or the newest visits (of one manager, when given). */
    async list(f: { clientId?: number; managerId?: number; limit?: number }): Promise<VipVisitDto[]> {
      const where: string[] = [];
      const args: number[] = [];
      if (f.clientId !== undefined) {
        where.push('v.client_id = ?');
        args.push(f.clientId);
      }
      if (f.managerId !== undefined) {
        where.push('c.responsible_id = ?');
        args.push(f.managerId);
      }
      const rows = sqlite
        .prepare(`${VISIT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.visited_on DESC, v.id DESC LIMIT ?`)
        .all(...args, f.limit ?? 200) as VisitRow[];
      return toVisits(rows);
    },
    /**
     * Records a visit with the questionnaire's answers (against the form's fields as they are now),
     * adds it to the client's history and turns each referral into a new client — all in one transaction.
     */
    async create(actor: Actor, managerId: number, form: QuestionnaireForm | null, v: VipVisitParsed): Promise<VipVisitDto | null> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const client = readClientSync(deps, v.clientId);
        if (!client) return null;
        const fields: FormField[] = form?.fields ?? [];
        const { id } = sqlite
          .prepare(
            `INSERT INTO vip_visits (client_id, manager_id, visited_on, form_id, fields, answers, problems, suggestions, testimonial, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(v.clientId, managerId, v.visitedOn, form?.id ?? null, JSON.stringify(fields), JSON.stringify(v.answers), v.problems, v.suggestions, v.testimonial, at, at) as { id: number };
        const from = { id: client.id, name: client.shortName };
        for (const r of v.referrals) {
          const newClientId = referralClientSync(actor, from, managerId, r, at);
          sqlite.prepare('INSERT INTO vip_referrals (visit_id, from_client_id, new_client_id, note, created_at) VALUES (?, ?, ?, ?, ?)').run(id, v.clientId, newClientId, r.note, at);
        }
        const notes = [v.problems && 'проблемы', v.suggestions && 'предложения', v.testimonial && 'отзыв', v.referrals.length > 0 && `рекомендации: ${v.referrals.length}`].filter(Boolean);
        addEventSync(deps, {
          clientId: v.clientId, kind: 'vip_visit', userId: actor.userId, at, refEntity: 'vip_visit', refId: id,
          text: `VIP-визит ${v.visitedOn}${notes.length ? ` (${notes.join(', ')})` : ''}`,
        });
        const saved = visitSync(id);
        appendAudit(sqlite, actor, { action: 'create', entity: 'vip_visit', entityId: id, after: saved }, at);
        return saved;
      });
    },
  };
}

/** The VIP visits repository (`store.vipVisits`). */
export type VipVisitsRepo = ReturnType<typeof createVipVisitsRepo>;
