import { appendAudit, type Actor } from '../audit';
import type { RepoDeps } from '../drizzle';
import { longWrite } from '../long-write';
import { monthClosedSync } from './money-base-repo';
import { MonthClosedError } from './payments-repo';
import { loadFactStatesSync, recordImportFactsSync, refreshLaddersSync, type FactPayment } from './payment-facts';
import { insertPaymentsSync, type NewPayment } from './payment-writes';

/** A statement file to record with its payments. */
export interface NewStatement {
  fileName: string;
  fileSha256: string;
  formatVersion: string;
  encoding: string;
  sender: string;
  orgId: number;
  account: string;
  dateFrom: string | null;
  dateTo: string | null;
  openingBalanceKopecks: number | null;
  closingBalanceKopecks: number | null;
  documentCount: number;
  counts: Record<string, number>;
}

/** What the commit wrote. */
export interface StatementCommit {
  statementId: number | null;
  alreadyImported: boolean;
  added: number;
  duplicates: number;
}

/** How many payments a statement import writes between two turns of the event loop (and two progress reports). */
export const STATEMENT_CHUNK = 2000;

function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

// The audit entry lists each payment while that stays readable; a huge statement gets the id range.
const LISTED_PAYMENTS = 500;

/** Statement import (`store.money.commitImport`): one transaction for the file, its payments, allocations, ladder facts and the audit entry. */
export function createStatementImportRepo(deps: RepoDeps) {
  const invoiceLabelsSync = (sqlite: RepoDeps['sqlite'], ids: readonly number[]): Map<number, { number: string; docDate: string }> => {
    const out = new Map<number, { number: string; docDate: string }>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = sqlite.prepare(`SELECT id, number, doc_date FROM documents WHERE id IN (${part.map(() => '?').join(', ')})`).raw().all(...part) as [number, string, string][];
      for (const [id, number, docDate] of rows) out.set(id, { number, docDate });
    }
    return out;
  };
  return {
    /**
     * Writes the statement and the payments not stored yet (by dedupe key), in date order, all or
     * nothing. The same file again, or a file whose payments are all stored, adds nothing. A new
     * payment in a closed month refuses the whole import (MonthClosedError). A long write on its own
     * connection: the payments go in chunks, `onProgress` after each, the event loop served between them.
     */
    async commitImport(actor: Actor, st: NewStatement, payments: readonly NewPayment[], onProgress: (done: number, total: number) => void = () => {}): Promise<StatementCommit> {
      const at = deps.now().toISOString();
      return longWrite(deps.sqlite, deps.now, async (w, breathe) => {
        const sqlite = w.sqlite;
        const known = sqlite.prepare('SELECT id FROM bank_statements WHERE file_sha256 = ?').get(st.fileSha256) as { id: number } | undefined;
        if (known) return { statementId: known.id, alreadyImported: true, added: 0, duplicates: payments.length };
        const stored = new Set(
          sqlite
            .prepare('SELECT dedupe_key FROM payments WHERE dedupe_key IN (SELECT value FROM json_each(?))')
            .pluck()
            .all(JSON.stringify(payments.map((p) => p.dedupeKey))) as string[],
        );
        const fresh = payments.filter((p) => !stored.has(p.dedupeKey));
        if (fresh.length === 0) return { statementId: null, alreadyImported: false, added: 0, duplicates: payments.length };
        for (const month of new Set(fresh.map((p) => p.date.slice(0, 7)))) if (monthClosedSync(w, month)) throw new MonthClosedError(month);
        const statementId = Number(
          sqlite
            .prepare(
              `INSERT INTO bank_statements (file_name, file_sha256, format_version, encoding, sender, org_id, account, date_from, date_to,
                opening_balance_kopecks, closing_balance_kopecks, document_count, counts, imported_by, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              st.fileName,
              st.fileSha256,
              st.formatVersion,
              st.encoding,
              st.sender,
              st.orgId,
              st.account,
              st.dateFrom,
              st.dateTo,
              st.openingBalanceKopecks,
              st.closingBalanceKopecks,
              st.documentCount,
              JSON.stringify(st.counts),
              actor.userId,
              at,
            ).lastInsertRowid,
        );
        const ordered = [...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const matchedClients = ordered.flatMap((p) => (p.clientId !== null && p.allocations.length > 0 ? [p.clientId] : []));
        const states = loadFactStatesSync(w, matchedClients);
        // The invoices' numbers and dates for the ladder facts: as the plan read them, the others from the base.
        const labels = new Map<number, { number: string; docDate: string }>();
        for (const p of ordered) for (const a of p.allocations) if (a.invoice) labels.set(a.documentId, a.invoice);
        const unread = ordered.flatMap((p) => p.allocations.flatMap((a) => (labels.has(a.documentId) ? [] : [a.documentId])));
        for (const [id, label] of invoiceLabelsSync(sqlite, unread)) labels.set(id, label);
        const ids: { id: number; p: NewPayment }[] = [];
        const facts: FactPayment[] = [];
        const inserted: (number | null)[] = [];
        onProgress(0, ordered.length);
        for (let from = 0; from < ordered.length; from += STATEMENT_CHUNK) {
          inserted.push(...insertPaymentsSync(w, ordered.slice(from, from + STATEMENT_CHUNK), statementId, actor.userId, at));
          onProgress(inserted.length, ordered.length);
          await breathe();
        }
        for (const [i, p] of ordered.entries()) {
          const id = inserted[i];
          if (id === null) continue;
          ids.push({ id, p });
          if (p.clientId !== null && p.allocations.length > 0) {
            const invoices = p.allocations.flatMap((a) => {
              const l = labels.get(a.documentId);
              return l ? [{ id: a.documentId, ...l }] : [];
            });
            facts.push({ id, clientId: p.clientId, month: p.date.slice(0, 7), date: p.date, amountKopecks: p.amountKopecks, invoices });
          }
        }
        // The facts, then (the event loop served between them) the ladders: neither holds other desks up for long.
        const touched = recordImportFactsSync(w, states, facts, actor.userId, at);
        await breathe();
        refreshLaddersSync(w, touched, at);
        const listed =
          ids.length <= LISTED_PAYMENTS
            ? { payments: ids.map(({ id, p }) => ({ id, date: p.date, amountKopecks: p.amountKopecks, docNumber: p.docNumber, kind: p.kind })) }
            : { paymentIds: { from: ids[0]?.id ?? null, to: ids[ids.length - 1]?.id ?? null } };
        appendAudit(
          sqlite,
          actor,
          {
            action: 'import',
            entity: 'bank_statement',
            entityId: statementId,
            after: { fileName: st.fileName, sha256: st.fileSha256, account: st.account, from: st.dateFrom, to: st.dateTo, counts: st.counts, added: ids.length, ...listed },
          },
          at,
        );
        return { statementId, alreadyImported: false, added: ids.length, duplicates: payments.length - ids.length };
      });
    },
  };
}
