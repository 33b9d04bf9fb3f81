import type { DraftValues } from '../../db/repos/document-drafts';
import type { DocumentRef as PrintedRef, PartyData } from '../../documents/index';
import type { DocumentKindKey, DocumentRef } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import type { OfficeCalendar } from './document-data';

/** Shipping documents a счёт-фактура refers to in its строка 5а. */
const SHIPPING_KINDS: readonly DocumentKindKey[] = ['torg12', 'act_transfer', 'act_services', 'upd'];

/** A счёт-фактура is issued within 5 days of the shipment (п.3 ст.168 НК): the window to look for it in. */
const FACTURA_DAYS = 5;

/** What a document prints about the shipment: the shipping document (строка 5а) and whether it is works or services only. */
export interface ShippingFacts {
  shippingDocument: PrintedRef | null;
  servicesOnly: boolean;
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

async function chosenShipping(ctx: CallContext, v: DraftValues): Promise<DocumentRef | null> {
  const id = v.terms.shippingDocumentId;
  if (id === null) return null;
  const d = await ctx.store.documents.docs.get(id);
  if (!d || d.clientId !== v.clientId || d.orgId !== v.orgId || !SHIPPING_KINDS.includes(d.kind) || d.status !== 'issued') {
    throw new AppError('VALIDATION', 'Документ об отгрузке (строка 5а) — выставленные накладная, акт или УПД этого клиента этой организации', [
      { path: 'terms.shippingDocumentId', message: 'Выберите документ об отгрузке клиента' },
    ]);
  }
  return { id: d.id, kind: d.kind, status: d.status, number: d.number, docDate: d.docDate };
}

/** Without a choice: the one issued shipping document of the client with the same total, up to 5 days before the счёт-фактура. */
async function matchingShipping(ctx: CallContext, v: DraftValues): Promise<DocumentRef | null> {
  const from = new Date(Date.parse(`${v.docDate}T00:00:00Z`) - FACTURA_DAYS * 86_400_000).toISOString().slice(0, 10);
  const { rows } = await ctx.store.documents.docs.list({ clientId: v.clientId, status: 'issued', from, to: v.docDate, offset: 0, limit: 500 });
  const matches = rows.filter(
    (r) => SHIPPING_KINDS.includes(r.kind) && r.orgId === v.orgId && r.grossKopecks === v.totals.gross && r.correctionNumber === null && daysBetween(r.docDate, v.docDate) <= FACTURA_DAYS,
  );
  if (matches.length !== 1) return null;
  const m = matches[0];
  return { id: m.id, kind: m.kind, status: m.status, number: m.number, docDate: m.docDate };
}

async function allServices(ctx: CallContext, v: DraftValues): Promise<boolean> {
  if (v.lines.length === 0) return false;
  for (const line of v.lines) {
    if (line.catalogItemId === null) return false;
    const item = await ctx.store.documents.catalog.get(line.catalogItemId, v.docDate);
    if (item?.kind !== 'service') return false;
  }
  return true;
}

/** The shipping document of a счёт-фактура and whether the document is for works and services only (строки 3 и 4 «—»). */
export async function shippingFacts(ctx: CallContext, v: DraftValues, basis: DocumentRef | null): Promise<ShippingFacts> {
  const shipping = v.kind === 'invoice_factura' ? ((await chosenShipping(ctx, v)) ?? (await matchingShipping(ctx, v))) : null;
  const servicesOnly = shipping?.kind === 'act_services' || basis?.kind === 'contract_services' || v.kind === 'act_services' || (await allServices(ctx, v));
  return { shippingDocument: shipping ? { number: shipping.number, dateIso: shipping.docDate } : null, servicesOnly };
}

/** The office's production calendar as the documents use it. */
export async function officeCalendar(ctx: CallContext): Promise<OfficeCalendar> {
  const days = await ctx.store.signing.holidays();
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workingWeekends: new Set(days.filter((d) => d.kind === 'working').map((d) => d.day)),
  };
}

/** A consignor or consignee typed on the document (another warehouse, a branch), or null for «он же». */
export function typedParty(name: string, address: string): PartyData | null {
  if (name.trim() === '') return null;
  return {
    kind: 'legal',
    fullName: name.trim(),
    shortName: name.trim(),
    inn: '',
    kpp: '',
    ogrn: '',
    legalAddress: address.trim(),
    postalAddress: '',
    bank: null,
    directorPosition: '',
    directorName: '',
    accountantName: '',
    phone: '',
    email: '',
  };
}
