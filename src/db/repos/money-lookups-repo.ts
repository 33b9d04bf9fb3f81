// Reads the money area needs around a payment: our accounts, invoices to match, clients by ИНН,
// who owned a client on a day, stored dedupe keys, invoice payment states.
import { invoicePaymentState, type InvoiceForMatching } from '../../core/index';
import type { InvoiceStatusDto, OpenInvoiceDto } from '../../shared/api/money-types';
import type { RepoDeps } from '../drizzle';
import { ownersOnDaysSync } from './payment-owners';

interface InvoiceRow {
  id: number;
  number: string;
  number_seq: number | null;
  doc_date: string;
  client_id: number;
  client_inn: string;
  client_name: string;
  manager_name: string;
  gross_kopecks: number;
  vat_kopecks: number;
  paid: number;
}

const INVOICE_SELECT = `
  SELECT d.id, d.number, d.number_seq, d.doc_date, d.client_id, c.inn AS client_inn,
    coalesce(nullif(c.short_name, ''), c.full_name) AS client_name, u.full_name AS manager_name, d.gross_kopecks, d.vat_kopecks,
    coalesce((SELECT sum(a.amount_kopecks) FROM payment_allocations a WHERE a.document_id = d.id), 0) AS paid
  FROM documents d JOIN clients c ON c.id = d.client_id JOIN users u ON u.id = d.manager_id
  WHERE d.kind = 'invoice' AND d.status = 'issued'`;

function inList(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Lookups of the money area (`store.money`): everything a preview or a match reads. */
export function createMoneyLookupsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const toOpen = (r: InvoiceRow): OpenInvoiceDto => ({
    documentId: r.id,
    number: r.number,
    docDate: r.doc_date,
    clientId: r.client_id,
    clientName: r.client_name,
    clientInn: r.client_inn,
    managerName: r.manager_name,
    grossKopecks: r.gross_kopecks,
    vatKopecks: r.vat_kopecks,
    paidKopecks: r.paid,
    outstandingKopecks: Math.max(0, r.gross_kopecks - r.paid),
  });
  return {
    /** Our organisations' accounts (a statement must be for one of them). */
    async ourAccounts(): Promise<{ orgId: number; shortName: string; account: string }[]> {
      return sqlite.prepare('SELECT id AS orgId, short_name AS shortName, account FROM organizations ORDER BY is_default DESC, id').all() as {
        orgId: number;
        shortName: string;
        account: string;
      }[];
    },
    /**
     * Every issued invoice with what it has received, oldest first: the matcher's input (50 000 of them; the
     * kind index gives the order). The clients' ИНН come in a second query, once per client rather than
     * joined into every invoice row.
     */
    async invoicesForMatching(): Promise<InvoiceForMatching[]> {
      // Rows come out as the matcher's objects (no array per row to copy from); the ИНН is filled in below.
      const rows = sqlite
        .prepare(
          `SELECT d.id AS id, d.number AS number, d.number_seq AS numberSeq, d.doc_date AS docDate, d.client_id AS clientId, '' AS clientInn,
             d.gross_kopecks AS grossKopecks, d.vat_kopecks AS vatKopecks, coalesce(paid.s, 0) AS paidKopecks
           FROM documents d
           LEFT JOIN (SELECT document_id, sum(amount_kopecks) AS s FROM payment_allocations GROUP BY document_id) paid ON paid.document_id = d.id
           WHERE d.kind = 'invoice' AND d.status = 'issued' ORDER BY d.doc_date, d.id`,
        )
        .all() as InvoiceForMatching[];
      const clientIds = [...new Set(rows.map((r) => r.clientId))];
      const inns = new Map(sqlite.prepare('SELECT id, inn FROM clients WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(clientIds)) as [number, string][]);
      // Every invoice has its client (a foreign key); one without would not have come out of a join either.
      return rows.filter((r) => {
        const inn = inns.get(r.clientId);
        if (inn !== undefined) r.clientInn = inn;
        return inn !== undefined;
      });
    },
    /** Issued invoices by id with their client (for allocations chosen by a person). */
    async invoicesById(ids: readonly number[]): Promise<OpenInvoiceDto[]> {
      return chunks([...new Set(ids)]).flatMap((part) => (sqlite.prepare(`${INVOICE_SELECT} AND d.id IN (${inList(part.length)})`).all(...part) as InvoiceRow[]).map(toOpen));
    },
    /** Invoices that can take money: a client's or an ИНН's (owed first), or found by number; at most 200. */
    async openInvoices(q: { clientId?: number; inn?: string; search?: string }): Promise<OpenInvoiceDto[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (q.clientId !== undefined) {
        where.push('d.client_id = ?');
        args.push(q.clientId);
      }
      if (q.inn) {
        where.push('c.inn = ?');
        args.push(q.inn);
      }
      if (q.search) {
        where.push("(d.number LIKE ? ESCAPE '\\' OR c.short_name LIKE ? ESCAPE '\\' OR c.inn = ?)");
        const like = `%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        args.push(like, like, q.search);
      }
      const sql = `${INVOICE_SELECT}${where.length ? ` AND ${where.join(' AND ')}` : ''} ORDER BY (d.gross_kopecks > paid) DESC, d.doc_date DESC, d.id DESC LIMIT 200`;
      return (sqlite.prepare(sql).all(...args) as InvoiceRow[]).map(toOpen);
    },
    /** Payment state of invoices (only `onlyManagerId`'s, when set): paid / partly / unpaid with the amounts and the last payment's day. */
    async invoiceStatus(documentIds: readonly number[], onlyManagerId: number | null = null): Promise<InvoiceStatusDto[]> {
      return chunks([...new Set(documentIds)]).flatMap((part) =>
        (
          sqlite
            .prepare(
              `SELECT d.id, d.gross_kopecks, coalesce(sum(a.amount_kopecks), 0) AS paid, max(p.date) AS last
               FROM documents d LEFT JOIN payment_allocations a ON a.document_id = d.id LEFT JOIN payments p ON p.id = a.payment_id
               WHERE d.id IN (${inList(part.length)}) AND (? IS NULL OR d.manager_id = ?) GROUP BY d.id`,
            )
            .all(...part, onlyManagerId, onlyManagerId) as { id: number; gross_kopecks: number; paid: number; last: string | null }[]
        ).map((r) => ({
          documentId: r.id,
          state: invoicePaymentState(r.gross_kopecks, r.paid),
          grossKopecks: r.gross_kopecks,
          paidKopecks: r.paid,
          overpaidKopecks: Math.max(0, r.paid - r.gross_kopecks),
          lastPaymentDate: r.last,
        })),
      );
    },
    /** A deal's invoices (issued) with number and date, and its manager. */
    async dealInvoices(dealId: number): Promise<{ managerId: number | null; invoices: { id: number; number: string; docDate: string }[] }> {
      const deal = sqlite.prepare('SELECT manager_id FROM deals WHERE id = ?').get(dealId) as { manager_id: number } | undefined;
      const invoices = sqlite
        .prepare(
          `SELECT id, number, doc_date AS docDate FROM documents
           WHERE (deal_id = ? OR id IN (SELECT document_id FROM document_deal_links WHERE deal_id = ?)) AND kind = 'invoice' AND status = 'issued' ORDER BY doc_date, id`,
        )
        .all(dealId, dealId) as { id: number; number: string; docDate: string }[];
      return { managerId: deal?.manager_id ?? null, invoices };
    },
    /** Clients by ИНН (the first one with a manager wins when several share it); one query for all of them. */
    async clientsByInn(inns: readonly string[]): Promise<Map<string, { clientId: number; clientName: string }>> {
      const out = new Map<string, { clientId: number; clientName: string }>();
      const wanted = [...new Set(inns.filter((i) => i !== ''))];
      if (wanted.length === 0) return out;
      const rows = sqlite
        .prepare(
          `SELECT id, inn, coalesce(nullif(short_name, ''), full_name) FROM clients WHERE inn IN (SELECT value FROM json_each(?))
           ORDER BY (responsible_id IS NULL), id`,
        )
        .raw()
        .all(JSON.stringify(wanted)) as [number, string, string][];
      for (const [clientId, inn, clientName] of rows) if (!out.has(inn)) out.set(inn, { clientId, clientName });
      return out;
    },
    /** A client's name. */
    async clientName(clientId: number): Promise<string | null> {
      const r = sqlite.prepare("SELECT coalesce(nullif(short_name, ''), full_name) AS name FROM clients WHERE id = ?").get(clientId) as { name: string } | undefined;
      return r?.name ?? null;
    },
    /** A client's ИНН. */
    async clientInn(clientId: number): Promise<string | null> {
      const r = sqlite.prepare('SELECT inn FROM clients WHERE id = ?').get(clientId) as { inn: string } | undefined;
      return r?.inn ?? null;
    },
    /** Who owned each client on a day (the manager a payment of that day counts for), with names; keyed `${clientId}|${date}`. */
    async ownersAt(pairs: readonly { clientId: number; date: string }[]): Promise<Map<string, { managerId: number | null; managerName: string | null }>> {
      const names = new Map(sqlite.prepare('SELECT id, full_name FROM users').raw().all() as [number, string][]);
      const out = new Map<string, { managerId: number | null; managerName: string | null }>();
      for (const [key, managerId] of ownersOnDaysSync(deps, pairs)) out.set(key, { managerId, managerName: managerId === null ? null : (names.get(managerId) ?? null) });
      return out;
    },
    /** Stored payments by dedupe key: which of these bank documents are already in (one query for all of them). */
    async existingKeys(keys: readonly string[]): Promise<Map<string, { paymentId: number; statementId: number | null }>> {
      const out = new Map<string, { paymentId: number; statementId: number | null }>();
      if (keys.length === 0) return out;
      const rows = sqlite.prepare('SELECT id, statement_id, dedupe_key FROM payments WHERE dedupe_key IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(keys)) as [
        number,
        number | null,
        string,
      ][];
      for (const [paymentId, statementId, key] of rows) out.set(key, { paymentId, statementId });
      return out;
    },
    /** A statement imported before, by the file's SHA-256. */
    async statementBySha(sha: string): Promise<{ statementId: number; importedAt: string; importedByName: string | null } | null> {
      const r = sqlite
        .prepare('SELECT s.id, s.imported_at, u.full_name FROM bank_statements s LEFT JOIN users u ON u.id = s.imported_by WHERE s.file_sha256 = ?')
        .get(sha) as { id: number; imported_at: string; full_name: string | null } | undefined;
      return r ? { statementId: r.id, importedAt: r.imported_at, importedByName: r.full_name } : null;
    },
  };
}
