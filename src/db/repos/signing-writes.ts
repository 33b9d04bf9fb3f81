// Writes of the signing area, run inside one transaction each: moves (one or many), scans, the
// rules per kind and the calendar. The triggers of the signing migration recompute due dates and
// the money at risk whenever a row's state changes.
import { signingMoveProblem, type SendingMethod, type SigningState } from '../../core/index';
import { SIGNING_KIND_LABELS, signingDocTitle, type HolidayDto, type SigningRuleDto } from '../../shared/api/signing-types';
import { appendAudit, type Actor } from '../audit';
import type { RepoDeps } from '../drizzle';
import type { SigningScope } from './signing-board-repo';

/** One step as the handler hands it over (the date already defaulted to today). */
export interface SigningStep {
  to: SigningState;
  at: string;
  method: SendingMethod | null;
  trackingNumber: string;
  filedWhere: string;
  reason: string;
  comment: string;
}

/** Why a move was refused: the document is unknown to the caller, or the step is not allowed (Russian message). */
export type MoveRefusal = { code: 'not_found'; documentId: number } | { code: 'refused'; documentId: number; message: string };

interface CurrentRow {
  needs_client_signature: number | null;
  needs_original: number | null;
  document_id: number;
  state: SigningState;
  state_at: string;
  kind: string;
  number: string;
  doc_date: string;
  client_name: string;
  visible: number;
  sent_on: string | null;
  signed_by_us: number;
}

const CURRENT = `
  SELECT s.document_id, s.state, s.state_at, s.kind, s.number, s.doc_date, c.short_name AS client_name, s.sent_on,
    EXISTS (SELECT 1 FROM document_signing_events e WHERE e.document_id = s.document_id AND e.state = 'signed_by_us') AS signed_by_us,
    CASE WHEN :me IS NULL OR s.manager_id = :me OR c.responsible_id = :me THEN 1 ELSE 0 END AS visible,
    r.needs_client_signature, r.needs_original
  FROM document_signing_state s JOIN clients c ON c.id = s.client_id LEFT JOIN signing_rules r ON r.kind = s.kind
  WHERE s.document_id = :id`;

/**
 * Whether a step makes sense for the kind's rule: the client's signature (and its refusal) only where
 * it is awaited, the original only where it is kept.
 */
export function stepFitsRule(to: string, rule: { needsClientSignature: boolean; needsOriginal: boolean }): boolean {
  if (to === 'signed_by_client' || to === 'refused') return rule.needsClientSignature;
  if (to === 'original_received') return rule.needsOriginal;
  return true;
}

function title(r: CurrentRow): string {
  return `${signingDocTitle({ kind: r.kind, number: r.number, docDate: r.doc_date })} (${r.client_name})`;
}

/**
 * Moves documents one step each, all or nothing: every document is checked first (the caller's
 * scope, the order of the chain, the date, what the step needs) and the first refusal, naming its
 * document, is returned before anything is written. Inside the caller's transaction.
 */
export function moveManySync(deps: RepoDeps, actor: Actor, scope: SigningScope, ids: readonly number[], step: SigningStep, today: string): MoveRefusal | null {
  const { sqlite } = deps;
  const read = sqlite.prepare(CURRENT);
  const rows: CurrentRow[] = [];
  for (const id of new Set(ids)) {
    const r = read.get({ id, me: scope?.userId ?? null }) as CurrentRow | undefined;
    if (!r || r.visible !== 1) return { code: 'not_found', documentId: id };
    const fits = stepFitsRule(step.to, { needsClientSignature: r.needs_client_signature === 1, needsOriginal: r.needs_original === 1 });
    const problem = fits
      ? signingMoveProblem({
          from: r.state,
          fromAt: r.state_at,
          to: step.to,
          at: step.at,
          today,
          method: step.method,
          filedWhere: step.filedWhere,
          reason: step.reason,
          history: { sentOn: r.sent_on, signedByUs: r.signed_by_us === 1 },
        })
      : `Для вида «${SIGNING_KIND_LABELS[r.kind] ?? r.kind}» ${step.to === 'original_received' ? 'возврат оригинала' : 'подпись клиента'} не отслеживается (Справочники → Сроки подписания и календарь)`;
    if (problem) return { code: 'refused', documentId: id, message: ids.length > 1 ? `${title(r)}: ${problem}` : problem };
    rows.push(r);
  }
  const recordedAt = deps.now().toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO document_signing_events (document_id, state, method, at, tracking_number, filed_where, reason, comment, user_id, recorded_at)
     VALUES (:id, :to, :method, :at, :trackingNumber, :filedWhere, :reason, :comment, :userId, :recordedAt)`,
  );
  const update = sqlite.prepare(
    `UPDATE document_signing_state SET state = :to, state_at = :at,
       sent_on = CASE WHEN :to = 'sent' THEN :at ELSE sent_on END,
       sent_method = CASE WHEN :to = 'sent' THEN :method ELSE sent_method END,
       tracking_number = CASE WHEN :trackingNumber <> '' THEN :trackingNumber ELSE tracking_number END,
       filed_where = CASE WHEN :to = 'original_received' THEN :filedWhere ELSE filed_where END,
       updated_at = :recordedAt
     WHERE document_id = :id`,
  );
  for (const r of rows) {
    const values = { id: r.document_id, ...step, userId: actor.userId, recordedAt };
    insert.run(values);
    update.run(values);
    const after = { state: step.to, at: step.at, method: step.method, trackingNumber: step.trackingNumber, filedWhere: step.filedWhere, reason: step.reason, comment: step.comment };
    appendAudit(sqlite, actor, { action: 'status', entity: 'document_signing', entityId: r.document_id, before: { state: r.state, at: r.state_at }, after }, recordedAt);
  }
  return null;
}

/** A scan already written to the attachments folder, to be recorded and linked to a document. */
export interface ScanRecord {
  documentId: number;
  sha256: string;
  sizeBytes: number;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  name: string;
  storedPath: string;
}

/** Records a scan (once per content) and links it to the document; 'existing' when the file was known already. */
export function attachScanSync(deps: RepoDeps, actor: Actor, s: ScanRecord): { stored: 'new' | 'existing'; linked: boolean } {
  const at = deps.now().toISOString();
  const created = deps.sqlite
    .prepare('INSERT OR IGNORE INTO scans (sha256, size_bytes, mime, original_name, stored_path, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(s.sha256, s.sizeBytes, s.mime, s.name, s.storedPath, actor.userId, at).changes;
  const linked = deps.sqlite
    .prepare('INSERT OR IGNORE INTO document_scans (document_id, sha256, name, attached_by, attached_at) VALUES (?, ?, ?, ?, ?)')
    .run(s.documentId, s.sha256, s.name, actor.userId, at).changes;
  if (linked === 1) {
    appendAudit(deps.sqlite, actor, { action: 'create', entity: 'document_scan', entityId: s.documentId, after: { sha256: s.sha256, name: s.name, mime: s.mime, sizeBytes: s.sizeBytes } }, at);
  }
  return { stored: created === 1 ? 'new' : 'existing', linked: linked === 1 };
}

/** Every state row that is not final re-derives its deadlines (after the rules or the calendar change). */
function rederiveSync(deps: RepoDeps): void {
  deps.sqlite.prepare("UPDATE document_signing_state SET state = state WHERE state NOT IN ('original_received', 'annulled')").run();
}

/** Replaces the rules of the given kinds and re-derives every open document's deadlines. */
export function updateRulesSync(deps: RepoDeps, actor: Actor, rules: readonly SigningRuleDto[], before: SigningRuleDto[]): void {
  const at = deps.now().toISOString();
  const stmt = deps.sqlite.prepare(
    `INSERT INTO signing_rules (kind, needs_client_signature, needs_original, confirms_fulfilment, risk_from_acts, scan_working_days, original_days, note, updated_by, updated_at)
     VALUES (:kind, :sig, :orig, :fulfil, :risk, :scanWorkingDays, :originalDays, :note, :by, :at)
     ON CONFLICT (kind) DO UPDATE SET needs_client_signature = excluded.needs_client_signature, needs_original = excluded.needs_original,
       confirms_fulfilment = excluded.confirms_fulfilment, risk_from_acts = excluded.risk_from_acts, scan_working_days = excluded.scan_working_days,
       original_days = excluded.original_days, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  for (const r of rules) {
    stmt.run({
      kind: r.kind,
      sig: r.needsClientSignature ? 1 : 0,
      orig: r.needsOriginal ? 1 : 0,
      fulfil: r.confirmsFulfilment ? 1 : 0,
      risk: r.riskFromActs ? 1 : 0,
      scanWorkingDays: r.scanWorkingDays,
      originalDays: r.originalDays,
      note: r.note,
      by: actor.userId,
      at,
    });
  }
  rederiveSync(deps);
  const changed = new Set(rules.map((r) => r.kind));
  appendAudit(deps.sqlite, actor, { action: 'update', entity: 'signing_rules', entityId: null, before: before.filter((r) => changed.has(r.kind)), after: rules }, at);
}

/** Replaces the production calendar, rebuilds the day table from it and re-derives every open deadline. */
export function updateHolidaysSync(deps: RepoDeps, actor: Actor, days: readonly HolidayDto[], before: HolidayDto[]): void {
  const { sqlite } = deps;
  sqlite.prepare('DELETE FROM holidays').run();
  const insert = sqlite.prepare('INSERT INTO holidays (day, kind, note) VALUES (?, ?, ?)');
  for (const d of days) insert.run(d.day, d.kind, d.note);
  sqlite.prepare('DELETE FROM calendar_days').run();
  sqlite.prepare('INSERT INTO calendar_days (day, working, work_no) SELECT day, working, work_no FROM calendar_days_source').run();
  rederiveSync(deps);
  const key = (d: HolidayDto) => `${d.day} ${d.kind} ${d.note}`;
  const was = new Set(before.map(key));
  const now = new Set(days.map(key));
  appendAudit(
    sqlite,
    actor,
    { action: 'update', entity: 'holidays', entityId: null, before: before.filter((d) => !now.has(key(d))), after: days.filter((d) => !was.has(key(d))) },
    deps.now().toISOString(),
  );
}
