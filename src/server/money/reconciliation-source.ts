import type { ReconciliationSource } from '../documents/reconciliation-types';

/** The client's incoming payments (credit): the whole payment, or with a contract only what paid that contract's invoices. */
export const paymentsReconciliationSource: ReconciliationSource = {
  async rows(ctx, q) {
    const payments = await ctx.store.money.clientPaymentsUpTo(q);
    return payments
      .map((p) => {
        const amount = q.contractId === null ? p.amountKopecks : p.allocations.filter((a) => a.basisDocumentId === q.contractId).reduce((s, a) => s + a.amountKopecks, 0);
        return { dateIso: p.date, doc: p.docNumber === '' ? 'Оплата' : `Оплата (п/п №\u00a0${p.docNumber})`, debitKopecks: 0, creditKopecks: amount };
      })
      .filter((r) => r.creditKopecks > 0);
  },
};
