// A payment entered by hand goes the same way as a statement line: classified by what the person
// chose, matched by the same rules (or put on the invoices they picked), deduplicated by the same key.
import { createHash } from 'node:crypto';
import { allocationVat, createInvoiceMatcher, paymentDedupeSource, vatFromPurpose, type StatementDocument } from '../../core/index';
import type { PaymentMatch } from '../../db/repos/payments-repo';
import type { NewPayment } from '../../db/repos/payment-writes';
import type { PaymentParsed } from '../../shared/api/money';
import type { OpenInvoiceDto, PaymentKind } from '../../shared/api/money-types';
import { AppError, found } from '../app-error';
import type { CallContext } from '../context';
import { matchLine, paymentOf } from './statement-rows';

const KINDS_BY_DIRECTION: Record<'in' | 'out', readonly PaymentKind[]> = { in: ['client', 'other'], out: ['outgoing', 'bank_fee', 'other'] };

/** Refuses a kind that does not fit the direction (a bank fee coming in, client money going out). */
export function assertKindFits(direction: 'in' | 'out', kind: PaymentKind): void {
  if (!KINDS_BY_DIRECTION[direction].includes(kind)) {
    throw new AppError('VALIDATION', direction === 'in' ? 'Поступление — это оплата клиента или «прочее»' : 'Списание — это наш платёж, комиссия банка или «прочее»');
  }
}

/** Builds the payment to store from the form: the counterparty, our account, the match and the VAT. */
export async function manualPayment(ctx: CallContext, input: PaymentParsed): Promise<NewPayment> {
  assertKindFits(input.direction, input.kind);
  const org = found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
  let payerInn = input.payerInn;
  if (input.clientId !== null) {
    found(await ctx.store.money.clientName(input.clientId), 'Клиент не найден');
    if (payerInn === '') payerInn = (await ctx.store.money.clientInn(input.clientId)) ?? '';
  }
  const incoming = input.direction === 'in';
  const docDate = input.docDate ?? input.date;
  const doc: StatementDocument = {
    docType: 'Платежное поручение',
    number: input.docNumber,
    date: docDate,
    amount: input.amountKopecks,
    payerInn: incoming ? payerInn : org.inn,
    payerKpp: '',
    payerName: incoming ? input.payerName : org.shortName,
    payerAccount: incoming ? input.payerAccount : org.account,
    payerBik: incoming ? input.payerBik : org.bik,
    payerCorrAccount: '',
    payerBank: '',
    payeeInn: incoming ? org.inn : payerInn,
    payeeKpp: '',
    payeeName: incoming ? org.shortName : input.payerName,
    payeeAccount: incoming ? org.account : input.payerAccount,
    payeeBik: incoming ? org.bik : input.payerBik,
    payeeCorrAccount: '',
    payeeBank: '',
    purpose: input.purpose,
    operationType: '01',
    extra: {},
    line: 0,
  };
  const key = createHash('sha256')
    .update(paymentDedupeSource({ docDate, number: doc.number, amountKopecks: doc.amount, payerInn: doc.payerInn, ourAccount: org.account }))
    .digest('hex');
  const cls = { direction: input.direction, kind: input.kind, ourAccount: org.account, bookedDate: input.date };
  const matcher = createInvoiceMatcher(input.kind === 'client' && incoming ? await ctx.store.money.invoicesForMatching() : []);
  const override = { key, kind: input.kind, skip: false, allocations: input.allocations };
  const m = matchLine(matcher, { doc, cls, key, duplicate: null, skipped: null, override });
  const byInn = payerInn === '' ? undefined : (await ctx.store.money.clientsByInn([payerInn])).get(payerInn);
  const clientId = m.proposal.clientId ?? input.clientId ?? byInn?.clientId ?? null;
  // Client money from nobody we know waits as «Не разобрано» until a person names the client.
  const sorted = m.kind === 'client' && incoming && clientId === null ? { ...m, kind: 'unsorted' as const } : m;
  return { ...paymentOf({ doc, cls, key, duplicate: null, skipped: null, override }, sorted, clientId, org.id), extra: '{}', comment: input.comment };
}

/** A person's matching of a stored payment: the invoices (one client's, summing to the payment) or just a client. */
export async function manualMatch(
  ctx: CallContext,
  payment: { amountKopecks: number; purpose: string },
  clientId: number | null,
  chosen: readonly { documentId: number; amountKopecks: number }[],
): Promise<PaymentMatch> {
  if (chosen.length === 0) {
    if (clientId !== null) found(await ctx.store.money.clientName(clientId), 'Клиент не найден');
    const vat = vatFromPurpose(payment.purpose, payment.amountKopecks);
    return { clientId, allocations: [], vatKopecks: vat.vatKopecks, vatSource: vat.source, matchRule: 'none' };
  }
  const invoices = new Map<number, OpenInvoiceDto>((await ctx.store.money.invoicesById(chosen.map((c) => c.documentId))).map((i) => [i.documentId, i]));
  const clients = new Set<number>();
  let sum = 0;
  const allocations = chosen.map((c) => {
    const inv = invoices.get(c.documentId);
    if (!inv) throw new AppError('VALIDATION', 'Счёт не найден среди выставленных счетов');
    clients.add(inv.clientId);
    sum += c.amountKopecks;
    return { documentId: inv.documentId, amountKopecks: c.amountKopecks, vatKopecks: allocationVat(inv, c.amountKopecks), rule: 'manual' as const };
  });
  if (clients.size > 1) throw new AppError('VALIDATION', 'Один платёж можно разнести только на счета одного клиента');
  if (new Set(chosen.map((c) => c.documentId)).size !== chosen.length) throw new AppError('VALIDATION', 'Счёт указан дважды');
  if (sum !== payment.amountKopecks) throw new AppError('VALIDATION', 'Сумма разнесения по счетам должна равняться сумме платежа');
  return {
    clientId: [...clients][0] ?? clientId,
    allocations,
    vatKopecks: allocations.reduce((s, a) => s + a.vatKopecks, 0),
    vatSource: 'invoices',
    matchRule: 'manual',
  };
}
