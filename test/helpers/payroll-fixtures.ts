import { createHash } from 'node:crypto';
import { SCHEME_A_EXAMPLE } from '../../src/core';
import type { Sqlite } from '../../src/db/connection';
import type { PayrollOrderInput } from '../../src/shared/api/payroll-types';
import type { TestApp } from './temp-app';

const DIRECTOR = { userId: 1, userName: 'Петров Пётр Петрович' };
let seq = 0;

/** An order input with Scheme A covering the managers' role (override anything). */
export function schemeAOrder(overrides: Partial<PayrollOrderInput> = {}): PayrollOrderInput {
  return {
    title: 'Об утверждении Положения о мотивации менеджеров по продажам',
    validFrom: '2026-01-01',
    validTo: null,
    roles: ['manager'],
    scheme: SCHEME_A_EXAMPLE,
    holdUnsigned: true,
    holdGraceDays: 0,
    conditions: '',
    ...overrides,
  };
}

/** Saves, sends and approves an order (signs the director in); returns its id. */
export async function approveOrder(t: TestApp, order: PayrollOrderInput): Promise<number> {
  await t.ok('auth.login', { login: 'director', password: 'Stol-Lampa-2026' });
  const saved = await t.ok('payroll.orders.save', { order });
  await t.ok('payroll.orders.send', { id: saved.id });
  await t.ok('payroll.orders.approve', { id: saved.id });
  return saved.id;
}

/** Approved plans for a month (revenue unless told): each manager's and the department's (through the plans repository). */
export async function approvePlans(
  t: TestApp,
  month: string,
  personal: Record<number, number>,
  departmentKopecks: number,
  measure: 'revenue_net' | 'gross_margin' = 'revenue_net',
): Promise<void> {
  await t.app.store.plans.saveCells(DIRECTOR, measure, [
    ...Object.entries(personal).map(([userId, amountKopecks]) => ({ scope: 'manager' as const, userId: Number(userId), period: month, amountKopecks })),
    { scope: 'department' as const, userId: null, period: month, amountKopecks: departmentKopecks },
  ]);
  await t.app.store.plans.approve(DIRECTOR, measure, [month], ['manager', 'department']);
}

/** One incoming client payment, written into the money area's `payments` table (no write API for tests there yet). */
export function insertPayment(sqlite: Sqlite, p: { date: string; netKopecks: number; managerId: number; clientId?: number | null }): number {
  const org = sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get() as { id: number };
  return (
    sqlite
      .prepare(
        `INSERT INTO payments (direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, org_id, client_id, manager_id, dedupe_key, updated_at)
         VALUES ('in', 'client', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(p.date, p.date.slice(0, 7), p.netKopecks, p.netKopecks, org.id, p.clientId ?? null, p.managerId, `payroll-test-${++seq}`, `${p.date}T12:00:00Z`) as { id: number }
  ).id;
}

/** Allocates a payment to an invoice. */
export function allocate(sqlite: Sqlite, paymentId: number, invoiceId: number, amountKopecks: number): void {
  sqlite
    .prepare("INSERT INTO payment_allocations (payment_id, document_id, amount_kopecks, rule, created_at) VALUES (?, ?, ?, 'manual', '2026-10-20T10:00:00Z')")
    .run(paymentId, invoiceId, amountKopecks);
}

/** Closes a month the way both confirmations do (head of sales and accountant), written into `month_closes`. */
export function closeMonth(sqlite: Sqlite, month: string): void {
  const at = `${month}-28T18:00:00.000Z`;
  sqlite
    .prepare(
      `INSERT INTO month_closes (month, head_of_sales_confirmed_at, accountant_confirmed_at, closed_at, closed_totals, created_at)
       VALUES (?, ?, ?, ?, '{}', ?)`,
    )
    .run(month, at, at, at, at);
}

/** A line of a test document: its net amount, quantity (thousandths) and cost per unit (null: unknown). */
export interface TestLine {
  netKopecks: number;
  quantityMilli: number;
  costKopecks: number | null;
}

/** An issued document (draft first, with its lines, then issued with number, snapshot and PDF, as the documents triggers require). */
export function issueDocument(
  sqlite: Sqlite,
  d: {
    kind: 'invoice' | 'act_services' | 'contract_services';
    clientId: number;
    managerId: number;
    grossKopecks: number;
    date: string;
    basisId?: number | null;
    dealId?: number | null;
    lines?: TestLine[];
  },
): number {
  const org = (sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get() as { id: number }).id;
  const at = `${d.date}T09:00:00.000Z`;
  const { id } = sqlite
    .prepare(
      `INSERT INTO documents (kind, org_id, client_id, deal_id, manager_id, series_key, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks,
         basis_document_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'payroll-test', ?, 'on_top', 'none', ?, 0, ?, ?, ?, ?) RETURNING id`,
    )
    .get(d.kind, org, d.clientId, d.dealId ?? null, d.managerId, d.date, d.grossKopecks, d.grossKopecks, d.basisId ?? null, at, at) as { id: number };
  for (const [i, l] of (d.lines ?? []).entries()) {
    sqlite
      .prepare(
        `INSERT INTO document_lines (document_id, position, name, unit, quantity_milli, price_kopecks, vat_rate, net_kopecks, vat_kopecks, gross_kopecks, cost_kopecks)
         VALUES (?, ?, ?, 'шт', ?, ?, 'none', ?, 0, ?, ?)`,
      )
      .run(id, i + 1, `Позиция ${i + 1}`, l.quantityMilli, l.netKopecks, l.netKopecks, l.netKopecks, l.costKopecks);
  }
  const tv = sqlite.prepare('SELECT id FROM template_versions ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  const version =
    tv?.id ??
    (() => {
      const tpl = sqlite.prepare("INSERT INTO templates (kind, name) VALUES (?, 'Тест') RETURNING id").get(d.kind) as { id: number };
      return (sqlite.prepare("INSERT INTO template_versions (template_id, version, source, created_at) VALUES (?, 1, '# Тест', ?) RETURNING id").get(tpl.id, at) as { id: number }).id;
    })();
  const pdf = Buffer.from(`%PDF-1.4 payroll test ${id}`);
  sqlite
    .prepare(
      `UPDATE documents SET status = 'issued', number = ?, number_seq = ?, series_year = ?, snapshot = '{}', pdf = ?, pdf_sha256 = ?, template_version_id = ?,
         issued_at = ?, issued_by = NULL WHERE id = ?`,
    )
    .run(`П-${id}`, id, Number(d.date.slice(0, 4)), pdf, createHash('sha256').update(pdf).digest('hex'), version, at, id);
  return id;
}

/** Records the client's signature on a document through the signing area's handler (the director must be signed in). */
export async function markSignedByClient(t: TestApp, documentId: number, day: string): Promise<void> {
  await t.ok('signing.transition', { documentId, to: 'signed_by_client', at: day });
}
