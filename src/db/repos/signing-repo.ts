import type { HolidayDto, ScanDto, SigningEventDto, SigningRuleDto, SigningRuleSet, SigningStateKey, WaitingFor } from '../../shared/api/signing-types';
import type { Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { claimStampSync, readStampSync } from '../record-version';
import { createSigningBoardRepo, type SigningScope } from './signing-board-repo';
import { createSigningExportRepo } from './signing-export-repo';
import { attachScanSync, moveManySync, updateHolidaysSync, updateRulesSync, type MoveRefusal, type ScanRecord, type SigningStep } from './signing-writes';

/** One document's signing as stored: the state row, its rule, history and scans (the handler adds the moves allowed). */
export interface SigningRecord {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  clientId: number;
  clientName: string;
  clientResponsibleId: number | null;
  managerId: number;
  managerName: string;
  amountKopecks: number;
  riskKopecks: number;
  state: SigningStateKey;
  stateAt: string;
  issuedOn: string;
  waitingFor: WaitingFor | null;
  sentOn: string | null;
  sentMethod: SigningEventDto['method'];
  trackingNumber: string;
  filedWhere: string;
  scanDue: string | null;
  originalDue: string | null;
  dueDate: string | null;
  daysOverdue: number;
  rule: SigningRuleDto;
  history: SigningEventDto[];
  scans: ScanDto[];
}

interface RuleRow {
  kind: string;
  needs_client_signature: number;
  needs_original: number;
  confirms_fulfilment: number;
  risk_from_acts: number;
  scan_working_days: number;
  original_days: number;
  note: string;
}

function toRule(r: RuleRow): SigningRuleDto {
  return {
    kind: r.kind,
    needsClientSignature: r.needs_client_signature === 1,
    needsOriginal: r.needs_original === 1,
    confirmsFulfilment: r.confirms_fulfilment === 1,
    riskFromActs: r.risk_from_acts === 1,
    scanWorkingDays: r.scan_working_days,
    originalDays: r.original_days,
    note: r.note,
  };
}

/** The signing rules' key in record_stamps. */
const RULES_STAMP = 'signing_rules';

const NO_RULE = (kind: string): SigningRuleDto => ({
  kind,
  needsClientSignature: false,
  needsOriginal: false,
  confirmsFulfilment: false,
  riskFromActs: false,
  scanWorkingDays: 5,
  originalDays: 30,
  note: '',
});

const DETAIL = `
  SELECT s.document_id AS documentId, s.kind, s.number, s.doc_date AS docDate, s.client_id AS clientId, c.short_name AS clientName,
    c.responsible_id AS clientResponsibleId, s.manager_id AS managerId, u.full_name AS managerName, s.amount_kopecks AS amountKopecks,
    s.risk_kopecks AS riskKopecks, s.state, s.state_at AS stateAt, s.issued_on AS issuedOn, s.waiting_for AS waitingFor, s.sent_on AS sentOn,
    s.sent_method AS sentMethod, s.tracking_number AS trackingNumber, s.filed_where AS filedWhere, s.scan_due AS scanDue,
    s.original_due AS originalDue, s.due_date AS dueDate,
    CASE WHEN s.due_date IS NOT NULL AND s.due_date < :today THEN CAST(julianday(:today) - julianday(s.due_date) AS INTEGER) ELSE 0 END AS daysOverdue
  FROM document_signing_state s JOIN clients c ON c.id = s.client_id JOIN users u ON u.id = s.manager_id
  WHERE s.document_id = :id`;

/** The signing area's store: reads for the board and the panel, and every write in one transaction with its audit entry. */
export function createSigningRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const rulesSync = (): SigningRuleDto[] => (sqlite.prepare('SELECT * FROM signing_rules ORDER BY kind').all() as RuleRow[]).map(toRule);
  const holidaysSync = (): HolidayDto[] => sqlite.prepare('SELECT day, kind, note FROM holidays ORDER BY day').all() as HolidayDto[];
  const scansSync = (documentId: number): ScanDto[] =>
    sqlite
      .prepare(
        `SELECT ds.sha256, ds.name, s.mime, s.size_bytes AS sizeBytes, u.full_name AS attachedBy, ds.attached_at AS attachedAt
         FROM document_scans ds JOIN scans s ON s.sha256 = ds.sha256 LEFT JOIN users u ON u.id = ds.attached_by
         WHERE ds.document_id = ? ORDER BY ds.attached_at, ds.sha256`,
      )
      .all(documentId) as ScanDto[];
  const historySync = (documentId: number): SigningEventDto[] =>
    sqlite
      .prepare(
        `SELECT e.id, e.state, e.method, e.at, e.tracking_number AS trackingNumber, e.filed_where AS filedWhere, e.reason, e.comment,
           u.full_name AS userName, e.recorded_at AS recordedAt
         FROM document_signing_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.document_id = ? ORDER BY e.id`,
      )
      .all(documentId) as SigningEventDto[];
  const detailSync = (documentId: number, today: string): SigningRecord | null => {
    const row = sqlite.prepare(DETAIL).get({ id: documentId, today }) as Omit<SigningRecord, 'rule' | 'history' | 'scans'> | undefined;
    if (!row) return null;
    const rule = sqlite.prepare('SELECT * FROM signing_rules WHERE kind = ?').get(row.kind) as RuleRow | undefined;
    return { ...row, rule: rule ? toRule(rule) : NO_RULE(row.kind), history: historySync(documentId), scans: scansSync(documentId) };
  };

  return {
    ...createSigningBoardRepo(deps),
    ...createSigningExportRepo(deps),
    /** One document's signing (null while it is a draft or unknown). */
    async detail(documentId: number, today: string): Promise<SigningRecord | null> {
      return detailSync(documentId, today);
    },
    /** Moves one or several documents (all or nothing); the refusal, if any, names the document. */
    async move(actor: Actor, scope: SigningScope, ids: readonly number[], step: SigningStep, today: string): Promise<MoveRefusal | null> {
      return inTransaction(deps, () => {
        const refusal = moveManySync(deps, actor, scope, ids, step, today);
        // A refusal is found before the first write, so returning it commits nothing.
        return refusal;
      });
    },
    /** Records a scan already placed in the attachments folder and links it to the document. */
    async attachScan(actor: Actor, scan: ScanRecord): Promise<{ stored: 'new' | 'existing'; linked: boolean; scans: ScanDto[] }> {
      return inTransaction(deps, () => ({ ...attachScanSync(deps, actor, scan), scans: scansSync(scan.documentId) }));
    },
    /** A scan of a document: where it is stored, its name and kind (null when not attached to that document). */
    async scanOf(documentId: number, sha256: string): Promise<{ storedPath: string; name: string; mime: string } | null> {
      const r = sqlite
        .prepare('SELECT s.stored_path AS storedPath, ds.name, s.mime FROM document_scans ds JOIN scans s ON s.sha256 = ds.sha256 WHERE ds.document_id = ? AND ds.sha256 = ?')
        .get(documentId, sha256) as { storedPath: string; name: string; mime: string } | undefined;
      return r ?? null;
    },
    /** Where a known file is stored (to reuse it instead of writing it again). */
    async storedScan(sha256: string): Promise<string | null> {
      const r = sqlite.prepare('SELECT stored_path AS storedPath FROM scans WHERE sha256 = ?').get(sha256) as { storedPath: string } | undefined;
      return r?.storedPath ?? null;
    },
    async rules(): Promise<SigningRuleDto[]> {
      return rulesSync();
    },
    /** The rules as the editor shows them, with the set's version. */
    async ruleSet(): Promise<SigningRuleSet> {
      return { version: readStampSync(sqlite, RULES_STAMP).version, rules: rulesSync() };
    },
    /** Saves the rules over the set's `version` (StaleRecordError when another save came first). */
    async updateRules(actor: Actor, rules: readonly SigningRuleDto[], version: number): Promise<SigningRuleSet> {
      return inTransaction(deps, () => {
        claimStampSync(sqlite, RULES_STAMP, version, actor.userId, deps.now().toISOString());
        updateRulesSync(deps, actor, rules, rulesSync());
        return { version: readStampSync(sqlite, RULES_STAMP).version, rules: rulesSync() };
      });
    },
    async holidays(): Promise<HolidayDto[]> {
      return holidaysSync();
    },
    async updateHolidays(actor: Actor, days: readonly HolidayDto[]): Promise<HolidayDto[]> {
      return inTransaction(deps, () => {
        updateHolidaysSync(deps, actor, days, holidaysSync());
        return holidaysSync();
      });
    },
  };
}

/** The signing repository. */
export type SigningRepo = ReturnType<typeof createSigningRepo>;
