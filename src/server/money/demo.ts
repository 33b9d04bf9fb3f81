import { addMonths, formatDateNumeric } from '../../core/index';
import type { Actor } from '../../db/audit';
import { paymentInputSchema, type PaymentInput } from '../../shared/api/money';
import type { CatalogItemDto } from '../../shared/api/catalog';
import { draftInputSchema, type DocumentLineInput, type DraftInput } from '../../shared/api/document-types';
import { found } from '../app-error';
import type { AppContext, CallContext } from '../context';
import { asDemoPerson } from '../demo-person';
import { documentHandlers } from '../documents/document-handlers';
import { manualPayment } from './manual-payment';

const asPerson = asDemoPerson;

function lineOf(items: readonly CatalogItemDto[], article: string, quantity: number): DocumentLineInput {
  const item = found(items.find((i) => i.article === article), `нет позиции ${article}`);
  return { catalogItemId: item.id, name: item.name, unit: item.unit, okei: item.okei, quantityMilli: quantity * 1000, priceKopecks: item.priceKopecks ?? 0, vatRate: item.vatRate };
}

async function issueInvoice(ctx: CallContext, input: DraftInput): Promise<{ id: number; number: string; docDate: string; gross: number }> {
  const draft = await documentHandlers['documents.createDraft'](draftInputSchema.parse(input), ctx);
  const issued = await documentHandlers['documents.issue']({ id: draft.id }, ctx);
  return { id: issued.id, number: issued.number, docDate: issued.docDate, gross: issued.grossKopecks };
}

async function pay(ctx: CallContext, input: PaymentInput): Promise<void> {
  await ctx.store.money.create(ctx.actor, await manualPayment(ctx, paymentInputSchema.parse(input)));
}

const of = (inv: { number: string; docDate: string }) => `№ ${inv.number} от ${formatDateNumeric(inv.docDate)}`;

/**
 * The money demo: invoices of last month and this one, paid in full, in part (the rest this month: a
 * repeat payment), by the number in the purpose and by the payer's ИНН; a bank fee and our rent; last
 * month closed by the head of sales and the accountant (payroll computes it). Invoices № 15–17 of the
 * documents demo stay unpaid, so importing the reference statement matches them.
 */
export async function fillDemoMoney(ctx: AppContext, _director: Actor): Promise<void> {
  const boss = await asPerson(ctx, 'director');
  const accountant = await asPerson(ctx, 'volkova');
  const orgs = await ctx.store.orgs.list();
  const org = found(orgs.find((o) => o.isDefault) ?? orgs[0], 'нет организации');
  const today = ctx.now().toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const last = addMonths(month, -1);
  const day = (m: string, d: number) => (`${m}-${String(d).padStart(2, '0')}` > today ? today : `${m}-${String(d).padStart(2, '0')}`);
  const items = await ctx.store.documents.catalog.list({ onDate: `${last}-01`, includeInactive: false });
  const client = async (inn: string) => ({ inn, ...found(await ctx.store.clients.findByInn(inn), `нет демо-клиента с ИНН ${inn}`) });
  const stroy = await client('7748000046');
  const severstal = await client('7766414868');
  const technocom = await client('7768040223');
  const uralmash = await client('6660060261');
  const invoice = (clientId: number, docDate: string, lines: DocumentLineInput[]) =>
    issueInvoice(boss, { kind: 'invoice', orgId: org.id, clientId, docDate, vatMode: 'on_top', vatRate: '22', lines, terms: { city: 'г. Москва', paymentDays: 5 } });

  const a = await invoice(stroy.id, day(last, 3), [lineOf(items, 'СП-60', 60)]);
  const b = await invoice(severstal.id, day(last, 6), [lineOf(items, 'СТ-200', 40)]);
  const c = await invoice(technocom.id, day(last, 12), [lineOf(items, 'У-МОН', 200)]);
  const d = await invoice(uralmash.id, day(month, 2), [lineOf(items, 'СТ-200', 30)]);
  const half = Math.round(b.gross / 2);

  const payer = (p: { name: string; inn: string }) => ({ orgId: org.id, payerName: p.name, payerInn: p.inn });
  await pay(accountant, { ...payer(stroy), date: day(last, 8), amountKopecks: a.gross, docNumber: '214', purpose: `Оплата по счету ${of(a)} за стеллажи` });
  await pay(accountant, { ...payer(severstal), date: day(last, 15), amountKopecks: half, docNumber: '1187', purpose: 'Предоплата 50% за стеллажи по договору поставки' });
  await pay(accountant, { ...payer(technocom), date: day(last, 20), amountKopecks: c.gross, docNumber: '96', purpose: 'Оплата за монтажные работы, в т.ч. НДС' });
  await pay(accountant, { direction: 'out', kind: 'bank_fee', orgId: org.id, payerName: 'ПАО Сбербанк', payerInn: '7707083893', date: day(last, 28), amountKopecks: 49_000, docNumber: '300128', purpose: 'Комиссия за ведение счета. НДС не облагается' });
  await pay(accountant, { direction: 'out', kind: 'outgoing', orgId: org.id, payerName: 'ООО «Пречистенка Недвижимость»', date: day(last, 25), amountKopecks: 18_000_000, docNumber: '131', purpose: 'Арендная плата за офис за месяц. В т.ч. НДС 22% 32459-02' });
  await pay(accountant, { ...payer(severstal), date: day(month, 4), amountKopecks: b.gross - half, docNumber: '1240', purpose: `Окончательный расчёт по счету ${of(b)}` });
  if (day(month, 9) > d.docDate) await pay(accountant, { ...payer(uralmash), date: day(month, 9), amountKopecks: d.gross, docNumber: '77', purpose: `Оплата по сч. ${of(d)}` });

  const head = await asPerson(ctx, 'morozova');
  const totals = await ctx.store.money.departmentBase(last);
  await ctx.store.money.confirm(head.actor, last, 'head_of_sales', totals);
  await ctx.store.money.confirm(accountant.actor, last, 'accountant', totals);
}
