import { createHash } from 'node:crypto';
import type { Sqlite } from '../../src/db/connection';
import { insertClient, userId } from './sales-fixtures';
import { setUpOffice, signInAs, type TestApp } from './temp-app';

/** What an issued test document needs: its kind, client, manager, amount, and optionally its contract. */
export interface IssueSpec {
  kind: string;
  clientId: number;
  managerId: number;
  grossKopecks: number;
  basisId?: number | null;
  /** The moment of issue (ISO date-time); its date starts the deadlines while the document is not sent. */
  issuedAt?: string;
  number?: string;
}

function templateVersionId(sqlite: Sqlite, kind: string): number {
  const found = sqlite
    .prepare('SELECT tv.id FROM template_versions tv JOIN templates t ON t.id = tv.template_id WHERE t.kind = ? ORDER BY tv.id LIMIT 1')
    .get(kind) as { id: number } | undefined;
  if (found) return found.id;
  const { id } = sqlite.prepare("INSERT INTO templates (kind, name, is_default, built_in) VALUES (?, 'Тестовый', 1, 0) RETURNING id").get(kind) as { id: number };
  return (sqlite.prepare("INSERT INTO template_versions (template_id, version, source, created_at) VALUES (?, 1, '# Тест', '2026-01-01') RETURNING id").get(id) as { id: number }).id;
}

/**
 * An issued document written straight into the documents area's tables (a draft, then issued with its
 * number, snapshot and PDF, as the store's triggers require): the signing area sees it exactly as it
 * sees one issued through the documents handlers.
 */
export function issueDocumentDirect(sqlite: Sqlite, spec: IssueSpec): number {
  const at = spec.issuedAt ?? '2026-11-26T09:00:00.000Z';
  const orgId = (sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get() as { id: number }).id;
  const tv = templateVersionId(sqlite, spec.kind);
  const { id } = sqlite
    .prepare(
      `INSERT INTO documents (kind, org_id, client_id, manager_id, series_key, doc_date, vat_mode, vat_rate, net_kopecks, vat_kopecks, gross_kopecks,
         basis_document_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'test', ?, 'on_top', 'none', ?, 0, ?, ?, ?, ?) RETURNING id`,
    )
    .get(spec.kind, orgId, spec.clientId, spec.managerId, at.slice(0, 10), spec.grossKopecks, spec.grossKopecks, spec.basisId ?? null, at, at) as { id: number };
  const pdf = Buffer.from(`%PDF-1.4 test ${id}`);
  sqlite
    .prepare(
      `UPDATE documents SET status = 'issued', number = ?, number_seq = ?, series_year = 2026, snapshot = '{}', pdf = ?, pdf_sha256 = ?,
         template_version_id = ?, issued_at = ?, updated_at = ? WHERE id = ?`,
    )
    .run(spec.number ?? `Т-${id}`, id, pdf, createHash('sha256').update(pdf).digest('hex'), tv, at, at, id);
  return id;
}

/** Annuls an issued document the way the documents area does (the only change its triggers allow). */
export function annulDocumentDirect(sqlite: Sqlite, id: number, userId: number, reason: string, at = '2026-11-27T10:00:00.000Z'): void {
  sqlite.prepare("UPDATE documents SET status = 'annulled', annulled_at = ?, annulled_by = ?, annulled_reason = ? WHERE id = ?").run(at, userId, reason, id);
}

/** The people and clients the signing tests work with. */
export interface SigningOffice {
  directorId: number;
  managerId: number;
  /** A client of the manager. */
  alpha: number;
  /** A client of the director. */
  beta: number;
}

/** Sets up the office, a manager (login user-manager) and two clients; the director is signed in at the end. */
export async function signingOffice(t: TestApp): Promise<SigningOffice> {
  await setUpOffice(t);
  await signInAs(t, 'manager');
  await signInAs(t, 'director');
  const sqlite = t.app.store.sqlite;
  const managerId = userId(sqlite, 'user-manager');
  const directorId = userId(sqlite, 'director');
  return { directorId, managerId, alpha: insertClient(sqlite, 'Альфа', managerId).clientId, beta: insertClient(sqlite, 'Бета', directorId).clientId };
}

/** Audit entries written for documents' signing (one per change). */
export function signingAuditCount(sqlite: Sqlite, entity = 'document_signing'): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get(entity) as { n: number }).n;
}

/** Moves the test clock and signs the director in again (a jump in time ends the idle session). */
export async function travelTo(t: TestApp, iso: string, login = 'director'): Promise<void> {
  t.clock.now = new Date(iso);
  await t.ok('auth.login', { login, password: 'Stol-Lampa-2026' });
}

let clientNo = 0;

/** A fresh client of the given manager, so tests sharing one base do not see each other's documents. */
export function freshClient(t: TestApp, responsibleId: number): number {
  clientNo += 1;
  return insertClient(t.app.store.sqlite, `Клиент ${clientNo}`, responsibleId).clientId;
}
