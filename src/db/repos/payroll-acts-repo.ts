import type { RepoDeps } from '../drizzle';

// Documents that confirm we fulfilled our side: the «held until signed» rule waits for these.
const ACT_KINDS = `'act_services', 'act_transfer', 'torg12', 'upd'`;

/** The acts behind payments: for each invoice, the issued acts of its contract or deal (or based on the invoice itself). */
export function createPayrollActsRepo(deps: RepoDeps) {
  const { sqlite } = deps;
  return {
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
