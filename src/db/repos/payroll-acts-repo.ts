import type { RepoDeps } from '../drizzle';

// Documents that confirm we fulfilled our side: the «held until signed» rule waits for these.
const ACT_KINDS = `'act_services', 'act_transfer', 'torg12', 'upd'`;

/** The acts behind payments: for each invoice, the issued acts of its contract or deal (or based on the invoice itself). */
export function createPayrollActsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  const hasSigningState = (): boolean =>
    sqlite.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'document_signing_state'").get() !== undefined;
  const pick = (ids: readonly number[], where: string, args: (string | number)[]): number[] => {
    if (ids.length === 0 || !hasSigningState()) return [];
    const marks = ids.map(() => '?').join(', ');
    const rows = sqlite.prepare(`SELECT document_id FROM document_signing_state WHERE document_id IN (${marks}) AND ${where} ORDER BY document_id`).all(...ids, ...args) as { document_id: number }[];
    return rows.map((r) => r.document_id);
  };
  return {
    /**
     * Acts among `actIds` still waiting for the client's signature with the deadline before `asOfIso`
     * (read from the signing area's state table; none while that area is not installed).
     */
    async unsignedPastDeadline(actIds: readonly number[], asOfIso: string): Promise<number[]> {
      return pick(actIds, `waiting_for = 'signature' AND due_date IS NOT NULL AND due_date < ?`, [asOfIso]);
    },
    /** Acts among `actIds` the client has signed (or whose original came back). */
    async signed(actIds: readonly number[]): Promise<number[]> {
      return pick(actIds, `state IN ('signed_by_client', 'original_received')`, []);
    },
    /** Invoice id → ids of the issued acts that confirm its contract's or deal's fulfilment. */
    async actsForInvoices(invoiceIds: readonly number[]): Promise<Map<number, number[]>> {
      const out = new Map<number, number[]>();
      const ids = [...new Set(invoiceIds)];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = sqlite
          .prepare(
            `SELECT inv.id AS invoice_id, a.id AS act_id
             FROM documents inv
             JOIN documents a ON a.kind IN (${ACT_KINDS}) AND a.status = 'issued' AND (
               a.basis_document_id = inv.id
               OR (inv.basis_document_id IS NOT NULL AND a.basis_document_id = inv.basis_document_id)
               OR (inv.deal_id IS NOT NULL AND a.deal_id = inv.deal_id)
             )
             WHERE inv.id IN (${chunk.map(() => '?').join(', ')})
             ORDER BY inv.id, a.id`,
          )
          .all(...chunk) as { invoice_id: number; act_id: number }[];
        for (const r of rows) {
          const list = out.get(r.invoice_id) ?? [];
          if (!list.includes(r.act_id)) list.push(r.act_id);
          out.set(r.invoice_id, list);
        }
      }
      return out;
    },
  };
}

/** The acts lookup (`store.payroll.acts`). */
export type PayrollActsRepo = ReturnType<typeof createPayrollActsRepo>;
