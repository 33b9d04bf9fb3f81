// «Неподписанные документы на дату»: each document's signing state as it stood on a given day,
// read back from the append-only history.
import type { SendingMethodKey, SigningStateKey } from '../../shared/api/signing-types';
import type { RepoDeps } from '../drizzle';
import type { SigningScope } from './signing-board-repo';

/** A document that was waiting on the day asked for, with its state and sending on that day. */
export interface UnsignedOnDate {
  documentId: number;
  kind: string;
  number: string;
  docDate: string;
  clientName: string;
  managerName: string;
  amountKopecks: number;
  riskKopecks: number;
  riskFromActs: boolean;
  issuedOn: string;
  stateOn: SigningStateKey;
  sentOn: string | null;
  sentMethod: SendingMethodKey | null;
  needsClientSignature: boolean;
  needsOriginal: boolean;
}

interface Row extends Omit<UnsignedOnDate, 'riskFromActs' | 'needsClientSignature' | 'needsOriginal'> {
  riskFromActs: number;
  needsClientSignature: number;
  needsOriginal: number;
}

/** A document going into a transfer register. */
export interface RegisterRow {
  documentId: number;
  orgId: number;
  clientId: number;
  kind: string;
  number: string;
  docDate: string;
  amountKopecks: number;
  state: SigningStateKey;
  managerId: number;
  clientResponsibleId: number | null;
}

/** The export's and the register's reads. */
export function createSigningExportRepo(deps: RepoDeps) {
  return {
    /** The listed issued documents as the transfer register prints them, in the order of their dates. */
    async registerRows(ids: readonly number[]): Promise<RegisterRow[]> {
      return deps.sqlite
        .prepare(
          `SELECT s.document_id AS documentId, d.org_id AS orgId, s.client_id AS clientId, s.kind, s.number, s.doc_date AS docDate,
             s.amount_kopecks AS amountKopecks, s.state, s.manager_id AS managerId, c.responsible_id AS clientResponsibleId
           FROM document_signing_state s JOIN documents d ON d.id = s.document_id JOIN clients c ON c.id = s.client_id
           WHERE s.document_id IN (SELECT value FROM json_each(?)) ORDER BY s.doc_date, s.document_id`,
        )
        .all(JSON.stringify([...new Set(ids)])) as RegisterRow[];
    },

    /**
     * Documents of kinds that need signatures, issued by `day`, that on `day` still lacked the client's
     * signature or the original (by the rules in force now), sorted by manager, client and date.
     */
    async unsignedOn(scope: SigningScope, day: string): Promise<UnsignedOnDate[]> {
      const args: Record<string, string | number> = { day };
      let scoped = '';
      if (scope) {
        args.me = scope.userId;
        scoped = ' AND (s.manager_id = :me OR c.responsible_id = :me)';
      }
      const rows = deps.sqlite
        .prepare(
          `SELECT * FROM (
             SELECT s.document_id AS documentId, s.kind, s.number, s.doc_date AS docDate, c.short_name AS clientName, u.full_name AS managerName,
               s.amount_kopecks AS amountKopecks, s.risk_kopecks AS riskKopecks, r.risk_from_acts AS riskFromActs, s.issued_on AS issuedOn,
               coalesce((SELECT e.state FROM document_signing_events e WHERE e.document_id = s.document_id AND e.at <= :day ORDER BY e.id DESC LIMIT 1), 'issued') AS stateOn,
               (SELECT e.at FROM document_signing_events e WHERE e.document_id = s.document_id AND e.state = 'sent' AND e.at <= :day ORDER BY e.id DESC LIMIT 1) AS sentOn,
               (SELECT e.method FROM document_signing_events e WHERE e.document_id = s.document_id AND e.state = 'sent' AND e.at <= :day ORDER BY e.id DESC LIMIT 1) AS sentMethod,
               r.needs_client_signature AS needsClientSignature, r.needs_original AS needsOriginal
             FROM document_signing_state s
             JOIN signing_rules r ON r.kind = s.kind AND (r.needs_client_signature = 1 OR r.needs_original = 1)
             JOIN clients c ON c.id = s.client_id
             JOIN users u ON u.id = s.manager_id
             WHERE s.issued_on <= :day AND (s.waiting_for IS NOT NULL OR s.state_at > :day)${scoped}
           )
           WHERE stateOn <> 'annulled' AND (
             (needsClientSignature = 1 AND stateOn IN ('issued', 'sent', 'signed_by_us', 'refused'))
             OR (needsOriginal = 1 AND stateOn <> 'original_received')
           )
           ORDER BY managerName, clientName, docDate, documentId`,
        )
        .all(args) as Row[];
      return rows.map((r) => ({ ...r, riskFromActs: r.riskFromActs === 1, needsClientSignature: r.needsClientSignature === 1, needsOriginal: r.needsOriginal === 1 }));
    },
  };
}
