// The payment row as SQLite returns it, and its DTO; shared by the money repositories.
import type { MatchRule, PaymentDto, PaymentKind } from '../../shared/api/money-types';
import type { RepoDeps } from '../drizzle';
import { allocationsByPayment } from './money-base-repo';

/** A payment row joined with its client, manager and author. */
export interface PaymentRowShape {
  id: number;
  direction: 'in' | 'out';
  kind: PaymentKind;
  date: string;
  month: string;
  amount_kopecks: number;
  vat_kopecks: number;
  amount_net_kopecks: number;
  vat_source: PaymentDto['vatSource'];
  org_id: number;
  our_account: string;
  payer_inn: string;
  payer_name: string;
  payer_account: string;
  payee_inn: string;
  payee_name: string;
  payee_account: string;
  purpose: string;
  doc_number: string;
  doc_type: string;
  doc_date: string | null;
  statement_id: number | null;
  client_id: number | null;
  client_name: string | null;
  manager_id: number | null;
  manager_name: string | null;
  match_rule: MatchRule;
  comment: string;
  created_at: string;
  created_by_name: string | null;
  month_closed: number;
}

/** SELECT … FROM payments p with the names and whether the month is closed. */
export const PAYMENT_SELECT = `
  SELECT p.id, p.direction, p.kind, p.date, p.month, p.amount_kopecks, p.vat_kopecks, p.amount_net_kopecks, p.vat_source,
    p.org_id, p.our_account, p.payer_inn, p.payer_name, p.payer_account, p.payee_inn, p.payee_name, p.payee_account,
    p.purpose, p.doc_number, p.doc_type, p.doc_date, p.statement_id, p.client_id,
    coalesce(nullif(c.short_name, ''), c.full_name) AS client_name, p.manager_id, m.full_name AS manager_name,
    p.match_rule, p.comment, p.created_at, a.full_name AS created_by_name,
    EXISTS (SELECT 1 FROM month_closes mc WHERE mc.month = p.month AND mc.closed_at IS NOT NULL AND mc.reopened_at IS NULL) AS month_closed
  FROM payments p
  LEFT JOIN clients c ON c.id = p.client_id
  LEFT JOIN users m ON m.id = p.manager_id
  LEFT JOIN users a ON a.id = p.created_by`;

/** Turns rows into DTOs with their allocations (one query for all of them). */
export function toPaymentDtos(deps: RepoDeps, rows: readonly PaymentRowShape[]): PaymentDto[] {
  const allocations = allocationsByPayment(deps, rows.map((r) => r.id));
  return rows.map((r) => {
    const list = allocations.get(r.id) ?? [];
    const state: PaymentDto['state'] = r.kind === 'unsorted' ? 'unmatched' : r.kind !== 'client' || r.direction !== 'in' ? 'not_applicable' : list.length > 0 ? 'matched' : 'unmatched';
    return {
      id: r.id,
      direction: r.direction,
      kind: r.kind,
      date: r.date,
      month: r.month,
      amountKopecks: r.amount_kopecks,
      vatKopecks: r.vat_kopecks,
      amountNetKopecks: r.amount_net_kopecks,
      vatSource: r.vat_source,
      orgId: r.org_id,
      ourAccount: r.our_account,
      payerInn: r.payer_inn,
      payerName: r.payer_name,
      payerAccount: r.payer_account,
      payeeInn: r.payee_inn,
      payeeName: r.payee_name,
      payeeAccount: r.payee_account,
      purpose: r.purpose,
      docNumber: r.doc_number,
      docType: r.doc_type,
      docDate: r.doc_date,
      statementId: r.statement_id,
      clientId: r.client_id,
      clientName: r.client_name,
      managerId: r.manager_id,
      managerName: r.manager_name,
      matchRule: r.match_rule,
      allocations: list,
      state,
      monthClosed: r.month_closed === 1,
      comment: r.comment,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
    };
  });
}
