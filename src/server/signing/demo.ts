import { addDays } from '../../core/index';
import type { Actor } from '../../db/audit';
import type { SigningStep } from '../../db/repos/signing-writes';
import type { CatalogItemDto } from '../../shared/api/catalog';
import { draftInputSchema, type DocumentKindKey, type DocumentLineInput } from '../../shared/api/document-types';
import { found } from '../app-error';
import type { AppContext } from '../context';
import { asDemoPerson } from '../demo-person';
import { documentHandlers } from '../documents/document-handlers';
import { localToday } from './access';

const asPerson = asDemoPerson;

function lineOf(items: readonly CatalogItemDto[], article: string, quantity: number): DocumentLineInput {
  const item = found(items.find((i) => i.article === article), `нет позиции ${article}`);
  return { catalogItemId: item.id, name: item.name, unit: item.unit, okei: item.okei, quantityMilli: quantity * 1000, priceKopecks: item.priceKopecks ?? 0, vatRate: item.vatRate };
}

const step = (to: SigningStep['to'], at: string, extra: Partial<SigningStep> = {}): SigningStep => ({
  to,
  at,
  method: null,
  trackingNumber: '',
  filedWhere: '',
  reason: '',
  comment: '',
  ...extra,
});

/**
 * The signing demo: January's contracts and ТОРГ-12 signed with their originals filed, the «Гамма»
 * contract waiting for its original and its act never signed (both long overdue), and this month's
 * documents: an act sent by courier and now overdue, one not sent yet, a УПД sent through ЭДО and
 * signed by us there, and an act the client refused to sign.
 */
export async function fillDemoSigning(ctx: AppContext, _director: Actor): Promise<void> {
  const office = await asPerson(ctx, 'pavlova');
  const boss = await asPerson(ctx, 'director');
  const today = localToday(ctx);
  const signing = ctx.store.signing;
  const client = async (inn: string) => found(await ctx.store.clients.findByInn(inn), `нет демо-клиента с ИНН ${inn}`).id;
  const alfa = await client('5027990026');
  const beta = await client('7810990038');
  const gamma = await client('7718990043');
  const first = async (kind: DocumentKindKey, clientId: number) =>
    (await ctx.store.documents.docs.list({ kind, clientId, status: 'issued', offset: 0, limit: 1 })).rows[0]?.id ?? null;
  // Steps dated in the future (a demo made before the documents' dates) are refused and simply skipped.
  const move = async (id: number | null, ...steps: SigningStep[]) => {
    for (const s of steps) {
      if (id === null || s.at > today) continue;
      const refusal = await signing.move(office.actor, null, [id], s, today);
      if (refusal) throw new Error(`signing demo: ${refusal.code === 'refused' ? refusal.message : 'нет документа'}`);
    }
  };

  await move(await first('contract_services', beta), step('signed_by_client', '2026-01-06', { comment: 'Подписали на встрече' }), step('original_received', '2026-01-06', { filedWhere: 'Договоры 2026, папка 1' }));
  await move(
    await first('contract_supply', alfa),
    step('sent', '2026-01-09', { method: 'email' }),
    step('signed_by_client', '2026-01-12', { comment: 'Скан пришёл по почте' }),
    step('original_received', '2026-01-26', { filedWhere: 'Договоры 2026, папка 1' }),
  );
  await move(await first('contract_services', gamma), step('sent', '2026-01-12', { method: 'courier', trackingNumber: 'Достависта 88-2130' }), step('signed_by_client', '2026-01-16'));
  await move(
    await first('torg12', alfa),
    step('sent', '2026-01-14', { method: 'in_person' }),
    step('signed_by_client', '2026-01-14'),
    step('original_received', '2026-01-14', { filedWhere: 'Накладные 2026' }),
  );
  await move(await first('act_services', gamma), step('sent', '2026-01-21', { method: 'email' }));

  const orgs = await ctx.store.orgs.list();
  const orgId = found(orgs.find((o) => o.isDefault) ?? orgs[0], 'нет организации').id;
  const items = await ctx.store.documents.catalog.list({ onDate: today, includeInactive: false });
  const issue = async (kind: DocumentKindKey, clientId: number, daysAgo: number, lines: DocumentLineInput[]) => {
    const input = draftInputSchema.parse({ kind, orgId, clientId, docDate: addDays(today, -daysAgo), vatMode: 'on_top', vatRate: '22', lines, terms: { city: 'г. Москва' } });
    const draft = await documentHandlers['documents.createDraft'](input, boss);
    return (await documentHandlers['documents.issue']({ id: draft.id }, boss)).id;
  };
  const courier = await issue('act_services', alfa, 12, [lineOf(items, 'У-МОН', 24)]);
  await move(courier, step('sent', addDays(today, -12), { method: 'courier', trackingNumber: 'СДЭК 1045-2231' }));
  await issue('act_transfer', beta, 3, [lineOf(items, 'СТ-200', 4)]);
  const upd = await issue('upd', gamma, 8, [lineOf(items, 'СП-60', 10)]);
  await move(upd, step('sent', addDays(today, -7), { method: 'edo', comment: 'Диадок' }), step('signed_by_us', addDays(today, -7), { comment: 'Подписан нашей электронной подписью' }));
  const refused = await issue('act_services', beta, 15, [lineOf(items, 'У-ТО', 6)]);
  await move(refused, step('sent', addDays(today, -14), { method: 'post', trackingNumber: '80081234567890' }), step('refused', addDays(today, -4), { reason: 'Клиент оспаривает объём работ, ждём акт разногласий' }));
}
