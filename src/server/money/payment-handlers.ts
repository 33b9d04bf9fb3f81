import type { moneyApi } from '../../shared/api/money';
import type { PaymentDto } from '../../shared/api/money-types';
import { AppError, found } from '../app-error';
import type { ApiParsed, ApiResult } from '../../shared/contract';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { moneyWrite } from './errors';
import { assertKindFits, manualMatch, manualPayment } from './manual-payment';
import { planStatementImport } from './statement-plan';
import { reportProgress } from '../single-flight';

/** The manager a payment list is narrowed to: a manager sees their own clients' payments only. */
function ownManager(ctx: CallContext): number | null {
  const user = requireUser(ctx);
  return user.role === 'manager' ? user.id : null;
}

async function visiblePayment(ctx: CallContext, id: number): Promise<PaymentDto> {
  const p = found(await ctx.store.money.get(id), 'Платёж не найден');
  const only = ownManager(ctx);
  if (only !== null && p.managerId !== only) throw new AppError('NOT_FOUND', 'Платёж не найден');
  return p;
}

function importMessage(r: { alreadyImported: boolean; added: number; duplicates: number; matched: number; unmatched: number }): string {
  if (r.alreadyImported) return 'Эта выписка уже загружена — ничего не добавлено.';
  if (r.added === 0 && r.duplicates === 0) return 'В выписке нет платежей для загрузки — ничего не добавлено.';
  if (r.added === 0) return `Новых платежей нет: все ${r.duplicates} уже есть в базе — ничего не добавлено.`;
  const parts = [`Добавлено платежей: ${r.added}`, `разнесено по счетам: ${r.matched}`, `ждут ручной разноски: ${r.unmatched}`];
  if (r.duplicates > 0) parts.push(`уже были в базе: ${r.duplicates}`);
  return `${parts.join(', ')}.`;
}

/** Платежи: list, card, manual entry, statement import, manual matching, kinds, invoice states. */
export const paymentHandlers: HandlerMap<keyof typeof moneyApi> = {
  async 'payments.list'(input, ctx) {
    return ctx.store.money.list(input, ownManager(ctx));
  },

  async 'payments.get'(input, ctx) {
    return visiblePayment(ctx, input.id);
  },

  async 'payments.create'(input, ctx) {
    const payment = await manualPayment(ctx, input);
    return moneyWrite(() => ctx.store.money.create(ctx.actor, payment));
  },

  async 'payments.delete'(input, ctx) {
    found(await ctx.store.money.get(input.id), 'Платёж не найден');
    await moneyWrite(() => ctx.store.money.remove(ctx.actor, input.id));
    return { deleted: true as const };
  },

  async 'payments.importPreview'(input, ctx) {
    return (await planStatementImport(ctx, input, input.overrides)).preview;
  },

  async 'payments.importCommit'(input, ctx) {
    return commitStatement(input, ctx);
  },

  async 'payments.match'(input, ctx) {
    const p = found(await ctx.store.money.get(input.id), 'Платёж не найден');
    if (p.direction !== 'in' || (p.kind !== 'client' && p.kind !== 'unsorted')) throw new AppError('VALIDATION', 'Разнести на счета можно только поступление от клиента');
    const m = await manualMatch(ctx, p, input.clientId, input.allocations);
    return moneyWrite(() => ctx.store.money.match(ctx.actor, p.id, m));
  },

  async 'payments.setKind'(input, ctx) {
    const p = found(await ctx.store.money.get(input.id), 'Платёж не найден');
    assertKindFits(p.direction, input.kind);
    return moneyWrite(() => ctx.store.money.setKind(ctx.actor, p.id, input.kind, input.comment));
  },

  async 'payments.openInvoices'(input, ctx) {
    return ctx.store.money.openInvoices(input);
  },

  async 'payments.invoiceStatus'(input, ctx) {
    // A manager asks about his own clients' invoices; others' are left out as if absent.
    return ctx.store.money.invoiceStatus(input.documentIds, ownManager(ctx));
  },

  async 'payments.forDeal'(input, ctx) {
    const deal = await ctx.store.money.dealInvoices(input.dealId);
    const only = ownManager(ctx);
    if (deal.managerId === null || (only !== null && deal.managerId !== only)) throw new AppError('NOT_FOUND', 'Сделка не найдена');
    const ids = deal.invoices.map((i) => i.id);
    const states = new Map((await ctx.store.money.invoiceStatus(ids)).map((s) => [s.documentId, s]));
    const invoices = deal.invoices.flatMap((i) => {
      const s = states.get(i.id);
      return s ? [{ ...s, number: i.number, docDate: i.docDate }] : [];
    });
    return { invoices, payments: await ctx.store.money.forDocuments(ids) };
  },
};

/** The statement import itself: plans it again and writes it in one transaction, reporting its count as it goes. */
async function commitStatement(input: ApiParsed<'payments.importCommit'>, ctx: CallContext): Promise<ApiResult<'payments.importCommit'>> {
  const plan = await planStatementImport(ctx, input, input.overrides, 'commit');
  const written = await moneyWrite(() =>
    ctx.store.money.commitImport(ctx.actor, plan.statement, plan.payments, (done, total) => reportProgress(ctx, 'payments.importCommit', done, total)),
  );
  const counts = { ...plan.preview.counts };
  if (written.alreadyImported || written.added === 0) {
    Object.assign(counts, { new: 0, incoming: 0, outgoing: 0, fees: 0, other: 0, matched: 0, partial: 0, overpaid: 0, unmatched: 0 });
    counts.duplicates = counts.documents - counts.skipped;
  }
  return {
    statementId: written.statementId,
    alreadyImported: written.alreadyImported,
    counts,
    message: importMessage({ alreadyImported: written.alreadyImported, added: written.added, duplicates: counts.duplicates, matched: counts.matched, unmatched: counts.unmatched }),
  };
}
