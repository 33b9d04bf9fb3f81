import type { Actor } from '../../db/audit';
import type { CatalogItemDto } from '../../shared/api/catalog';
import { bundleInputSchema, type BundleInput } from '../../shared/api/documents';
import { draftInputSchema, type DocumentLineInput, type DraftInput } from '../../shared/api/document-types';
import { found } from '../app-error';
import type { AppContext, CallContext } from '../context';
import { asDemoPerson } from '../demo-person';
import { makeBundle } from './bundle';
import { DEMO_CATALOG, DEMO_DISCOUNT_LIMITS, DEMO_SERIES } from './demo-catalog';
import { documentHandlers } from './document-handlers';

const YEAR = 2026;

const asPerson = asDemoPerson;

async function clientIdOf(ctx: AppContext, inn: string): Promise<number> {
  return found(await ctx.store.clients.findByInn(inn), `нет демо-клиента с ИНН ${inn}`).id;
}

function lineOf(items: readonly CatalogItemDto[], article: string, quantity: number, discountBp = 0): DocumentLineInput {
  const item = found(items.find((i) => i.article === article), `нет позиции ${article}`);
  return {
    catalogItemId: item.id,
    name: item.name,
    unit: item.unit,
    okei: item.okei,
    quantityMilli: Math.round(quantity * 1000),
    priceKopecks: item.priceKopecks ?? 0,
    discountBp,
    vatRate: item.vatRate,
  };
}

async function draft(ctx: CallContext, input: DraftInput): Promise<number> {
  return (await documentHandlers['documents.createDraft'](draftInputSchema.parse(input), ctx)).id;
}

async function issue(ctx: CallContext, input: DraftInput): Promise<number> {
  const id = await draft(ctx, input);
  await documentHandlers['documents.issue']({ id }, ctx);
  return id;
}

async function bundle(ctx: CallContext, input: BundleInput): Promise<number> {
  const res = await makeBundle(ctx, bundleInputSchema.parse(input));
  return found(res.documents.find((d) => d.kind === 'contract_supply' || d.kind === 'contract_services'), 'нет договора').id;
}

/**
 * The documents' demo: the catalog and price list, the internal price list, the 2026 numbering, issued
 * bundles matching the reference bank statement (invoice № 15 of 09.01.2026 to «Альфа-Трейд» for
 * 122 000,00 ₽, № 16 of 10.01.2026 to «Бета Системс» for 61 000,00 ₽ by contract № 3/2026 of 05.01.2026,
 * № 17 of 12.01.2026 to «Гамма» for 15 000,00 ₽ without VAT), shipping documents and acts, drafts and
 * a discount waiting for the head of sales.
 */
export async function fillDemoDocuments(ctx: AppContext, director: Actor): Promise<void> {
  const docs = ctx.store.documents;
  const orgs = await ctx.store.orgs.list();
  const orgId = found(orgs.find((o) => o.isDefault) ?? orgs[0], 'нет организации').id;
  await docs.batch(() => {
    const ids = DEMO_CATALOG.map(({ priceKopecks: _price, ...item }) => found(docs.catalog.saveItemSync(director, undefined, item), 'позиция').id);
    docs.catalog.savePriceListSync(director, undefined, {
      name: 'Прайс-лист 2026',
      effectiveFrom: `${YEAR}-01-01`,
      effectiveTo: null,
      items: DEMO_CATALOG.map((item, i) => ({ catalogItemId: ids[i], priceKopecks: item.priceKopecks })),
    });
    for (const limit of DEMO_DISCOUNT_LIMITS) docs.settings.saveLimitSync(director, limit);
    for (const s of DEMO_SERIES) docs.settings.saveSeriesSync(director, { orgId, year: YEAR, ...s });
  });
  const items = await docs.catalog.list({ onDate: `${YEAR}-01-01`, includeInactive: false });
  const boss = await asPerson(ctx, 'director');
  const alfa = await clientIdOf(ctx, '5027990026');
  const beta = await clientIdOf(ctx, '7810990038');
  const gamma = await clientIdOf(ctx, '7718990043');
  const terms = { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 };
  const dealOf = async (clientId: number) => (await ctx.store.sales.deals.list({ clientId }))[0]?.id ?? null;

  const betaContract = await issue(boss, {
    kind: 'contract_services',
    orgId,
    clientId: beta,
    docDate: '2026-01-05',
    vatMode: 'on_top',
    vatRate: '22',
    lines: [{ name: 'Настройка системы складского учёта', unit: 'усл. ед', okei: '876', quantityMilli: 1000, priceKopecks: 5_000_000, vatRate: '22' }],
    terms: { ...terms, subject: 'Оказание услуг по настройке складского учёта' },
  });
  const alfaContract = await bundle(boss, {
    orgId,
    clientId: alfa,
    dealId: await dealOf(alfa),
    docDate: '2026-01-09',
    contractKind: 'contract_supply',
    vatMode: 'on_top',
    vatRate: '22',
    lines: [lineOf(items, 'СТ-200', 8)],
    terms,
    include: { offer: true },
  });
  await issue(boss, {
    kind: 'invoice',
    orgId,
    clientId: beta,
    docDate: '2026-01-10',
    vatMode: 'on_top',
    vatRate: '22',
    basisDocumentId: betaContract,
    lines: [{ name: 'Настройка системы складского учёта', unit: 'усл. ед', okei: '876', quantityMilli: 1000, priceKopecks: 5_000_000, vatRate: '22' }],
    terms,
  });
  const gammaContract = await bundle(boss, {
    orgId,
    clientId: gamma,
    dealId: await dealOf(gamma),
    docDate: '2026-01-12',
    contractKind: 'contract_services',
    vatMode: 'on_top',
    vatRate: 'none',
    lines: [lineOf(items, 'У-КОН', 6)],
    terms,
  });
  const shipped = [lineOf(items, 'СТ-200', 8)];
  await issue(boss, { kind: 'torg12', orgId, clientId: alfa, docDate: '2026-01-14', vatMode: 'on_top', vatRate: '22', basisDocumentId: alfaContract, lines: shipped, terms });
  await issue(boss, { kind: 'invoice_factura', orgId, clientId: alfa, docDate: '2026-01-14', vatMode: 'on_top', vatRate: '22', basisDocumentId: alfaContract, lines: shipped, terms });
  await issue(boss, { kind: 'act_services', orgId, clientId: gamma, docDate: '2026-01-20', vatMode: 'on_top', vatRate: 'none', basisDocumentId: gammaContract, lines: [lineOf(items, 'У-КОН', 6)], terms });
  await draft(boss, { kind: 'commercial_offer', orgId, clientId: beta, docDate: '2026-11-20', vatMode: 'on_top', vatRate: '22', lines: [lineOf(items, 'ПЭ-15', 1), lineOf(items, 'У-ТО', 10)], terms });
  // A manager's discount beyond the limit, waiting in the head of sales' queue.
  const ivanov = await asPerson(ctx, 'ivanov');
  await draft(ivanov, {
    kind: 'invoice',
    orgId,
    clientId: alfa,
    docDate: '2026-11-24',
    vatMode: 'on_top',
    vatRate: '22',
    basisDocumentId: alfaContract,
    lines: [lineOf(items, 'СП-60', 20, 800), lineOf(items, 'У-МОН', 16)],
    terms,
    requestApproval: true,
    approvalReason: 'Клиент сравнивает с предложением конкурента, обещает заказ на второй склад',
  });
}
