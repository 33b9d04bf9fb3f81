import type { DraftValues } from '../../db/repos/document-drafts';
import { buildViewModel, TemplateInvalidError, validateTemplate, type DocumentData, type PartyData } from '../../documents/index';
import type { DocumentKindKey, DocumentRef, PdfFile } from '../../shared/api/document-types';
import type { TemplateErrorDto } from '../../shared/api/document-templates';
import { AppError, found } from '../app-error';
import type { CallContext } from '../context';
import { buildDocumentData, orgParty, pdfFileName } from './document-data';
import { assertHasLines } from './issue-checks';
import { ensureBuiltInTemplates } from './prepare';
import { reconciliationData } from './reconciliation';
import { officeCalendar, shippingFacts } from './shipping';
import { sha256Hex } from './snapshot';

/** The number a draft prints in its preview: «б/н» (без номера). */
export const DRAFT_NUMBER = 'б/н';

/** A PDF as the window receives it. */
export function toPdfFile(fileName: string, bytes: Uint8Array): PdfFile {
  return { fileName, base64: Buffer.from(bytes).toString('base64'), sha256: sha256Hex(bytes) };
}

async function stampsOf(ctx: CallContext, orgId: number) {
  const stamp = await ctx.store.documents.settings.activeAsset(orgId, 'stamp');
  const signature = await ctx.store.documents.settings.activeAsset(orgId, 'signature');
  const logo = await ctx.store.documents.settings.activeAsset(orgId, 'logo');
  return { ...(stamp ? { stampPng: stamp.png } : {}), ...(signature ? { signaturePng: signature.png } : {}), ...(logo ? { logoImage: logo.png } : {}) };
}

async function render(ctx: CallContext, data: DocumentData, source: string, orgId: number): Promise<Uint8Array> {
  try {
    return await ctx.pdf.renderer().render(buildViewModel(data), { source }, await stampsOf(ctx, orgId));
  } catch (e) {
    if (e instanceof TemplateInvalidError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
}

/** A draft (saved or still in the editor) rendered as it would print, numbered «б/н». */
export async function renderDraft(ctx: CallContext, v: DraftValues, basis: DocumentRef | null): Promise<PdfFile> {
  assertHasLines(v.kind, v.lines.length, v.totals.gross);
  await ensureBuiltInTemplates(ctx);
  const org = found(await ctx.store.orgs.get(v.orgId), 'Организация не найдена');
  const client = found(await ctx.store.clients.get(v.clientId), 'Клиент не найден');
  const version = found(await ctx.store.documents.templates.currentVersion(v.kind, v.terms.templateId, client.kind === 'person'), 'Шаблон документа не найден');
  const manager = await ctx.store.users.get(v.managerId);
  const reconciliation = v.kind === 'reconciliation_act' && v.terms.periodFrom && v.terms.periodTo ? await reconciliationData(ctx, v.orgId, v.clientId, v.terms, basis?.id ?? null) : null;
  const data = buildDocumentData({
    kind: v.kind,
    draft: true,
    number: DRAFT_NUMBER,
    docDate: v.docDate,
    org,
    client,
    managerName: manager?.fullName ?? '',
    lines: v.lines,
    vatMode: v.vatMode,
    terms: v.terms,
    basis,
    passport: client.kind === 'person' ? await ctx.store.clientPassports.get(client.id) : null,
    dealTitle: null,
    correction: null,
    reconciliation: reconciliation ?? (v.kind === 'reconciliation_act' ? { periodFromIso: v.docDate, periodToIso: v.docDate, openingKopecks: 0, rows: [] } : null),
    shipping: await shippingFacts(ctx, v, basis),
    calendar: await officeCalendar(ctx),
  });
  return toPdfFile(pdfFileName(v.kind, '', v.docDate), await render(ctx, data, version.source, v.orgId));
}

const SAMPLE_BUYER: PartyData = {
  kind: 'legal',
  fullName: 'Общество с ограниченной ответственностью «Образец»',
  shortName: 'ООО «Образец»',
  inn: '7736207543',
  kpp: '773601001',
  ogrn: '1037700013020',
  legalAddress: '119991, г. Москва, Ленинский пр-т, д. 32А',
  postalAddress: '',
  bank: { bik: '044525225', name: 'ПАО Сбербанк', corrAccount: '30101810400000000225', account: '40702810938000000001' },
  directorPosition: 'Генеральный директор',
  directorName: 'Орлова Марина Андреевна',
  accountantName: '',
  phone: '+7 495 765-43-21',
  email: 'zakupki@obrazec.example',
};

/** Sample data for the template editor's preview: our organisation, a sample client, two lines, a contract. */
function sampleData(kind: DocumentKindKey, seller: PartyData, today: string): DocumentData {
  return {
    kind,
    number: '15',
    dateIso: today,
    seller,
    buyer: SAMPLE_BUYER,
    lines: [
      { name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 4000, priceKopecks: 1_250_000, vatRate: 22 },
      { name: 'Монтаж стеллажей', unit: 'усл. ед', okei: '876', quantityMilli: 1000, priceKopecks: 4_500_000, discountBp: 500, vatRate: 22 },
    ],
    vatMode: 'on_top',
    basis: { title: 'Договор поставки', number: '3/2026', dateIso: today },
    manager: { name: 'Иванов Пётр Алексеевич', phone: seller.phone, email: seller.email },
    city: 'г. Москва',
    validUntilIso: today,
    paymentTermsDays: 5,
    deliveryTermsDays: 10,
    notes: 'Пример примечания',
    subject: 'Пример темы',
    updStatus: 1,
    reconciliation:
      kind === 'reconciliation_act'
        ? { periodFromIso: today, periodToIso: today, openingKopecks: 1_000_000, rows: [{ dateIso: today, doc: 'Реализация (акт № 1)', debitKopecks: 6_100_000, creditKopecks: 0 }] }
        : null,
    deal: { title: 'Стеллажи для склада' },
  };
}

/** The template editor's live preview: the errors with line and column, or the PDF on sample data. */
export async function previewTemplate(ctx: CallContext, kind: DocumentKindKey, source: string): Promise<{ errors: TemplateErrorDto[]; pdf: PdfFile | null }> {
  const errors = validateTemplate(source, kind);
  if (errors.length > 0) return { errors, pdf: null };
  const orgs = await ctx.store.orgs.list();
  const org = orgs.find((o) => o.isDefault) ?? orgs[0];
  const seller = org ? orgParty(org) : { ...SAMPLE_BUYER, shortName: 'ООО «Наша компания»' };
  const today = ctx.now().toISOString().slice(0, 10);
  const bytes = await render(ctx, sampleData(kind, seller, today), source, org?.id ?? 0);
  return { errors: [], pdf: toPdfFile('Образец.pdf', bytes) };
}
