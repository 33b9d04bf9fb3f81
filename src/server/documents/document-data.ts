import { addDays, formatDateNumeric, isWorkingDay } from '../../core/index';
import type { ClientRecord } from '../../db/repos/clients-repo';
import type { DocumentData, DocumentKind, PartyData, ReconciliationData } from '../../documents/index';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey, type DocumentLineDto, type DocumentRef, type DocumentTerms, type VatModeKey } from '../../shared/api/document-types';
import type { PassportDto } from '../../shared/api/client-passport';
import type { Org } from '../../shared/api/orgs';
import { vatRateOf } from './pricing';
import { typedParty, type ShippingFacts } from './shipping';

/** Everything a document is printed from; frozen as the issued document's snapshot. */
export interface DocumentSource {
  kind: DocumentKindKey;
  /** Rendered before issue (preview, a saved draft's PDF). */
  draft?: boolean;
  number: string;
  docDate: string;
  org: Org;
  client: ClientRecord;
  managerName: string;
  lines: readonly DocumentLineDto[];
  vatMode: VatModeKey;
  terms: DocumentTerms;
  basis: DocumentRef | null;
  dealTitle: string | null;
  correction: { number: number; dateIso: string } | null;
  reconciliation: ReconciliationData | null;
  /** The shipping document (счёт-фактура строка 5а) and whether it is works and services only. */
  shipping?: ShippingFacts;
  /** The production calendar (Подписи → календарь): «действителен до» moves to the next working day. */
  calendar?: OfficeCalendar;
  /** A private person's passport data (their own documents only), else null. */
  passport?: PassportDto | null;
}

/** Holidays and working weekends of the office's production calendar. */
export interface OfficeCalendar {
  holidays: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

/** The last day of validity: docDate + days, moved forward to a working day when the calendar is known. */
export function validUntil(docDate: string, days: number, calendar: OfficeCalendar | undefined): string {
  let day = addDays(docDate, days);
  if (calendar === undefined) return day;
  while (!isWorkingDay(day, calendar.holidays, calendar.workingWeekends)) day = addDays(day, 1);
  return day;
}

/** Our organisation as a party of a document. */
export function orgParty(org: Org): PartyData {
  return {
    kind: org.kind,
    fullName: org.fullName,
    shortName: org.shortName,
    inn: org.inn,
    kpp: org.kpp,
    ogrn: org.ogrn,
    legalAddress: org.legalAddress,
    postalAddress: org.postalAddress,
    bank: { bik: org.bik, name: org.bankName, corrAccount: org.corrAccount, account: org.account },
    directorPosition: org.directorPosition,
    directorName: org.directorName,
    accountantName: org.accountantName,
    phone: org.phone,
    email: org.email,
  };
}

/** The client's signer: as typed in the terms, else the key person who decides (a director first). */
export function buyerSigner(client: ClientRecord, terms: Pick<DocumentTerms, 'buyerSignerName' | 'buyerSignerPosition'>): { name: string; position: string } {
  if (terms.buyerSignerName !== '') return { name: terms.buyerSignerName, position: terms.buyerSignerPosition };
  const deciders = client.contacts.filter((c) => c.decisionRole === 'decision_maker');
  const head = [...deciders, ...client.contacts].find((c) => /директор|руководител/i.test(c.position)) ?? deciders[0];
  return head ? { name: head.fullName, position: head.position } : { name: '', position: terms.buyerSignerPosition };
}

/** «паспорт 4510 123456, выдан ОВД «Арбат» г. Москвы 01.02.2015, код подразделения 770-001, дата рождения 15.03.1985». */
export function passportLine(p: PassportDto): string {
  if (p.seriesNumber.trim() === '') return '';
  const digits = p.seriesNumber.replace(/\D/g, '');
  const parts = [`паспорт ${digits.slice(0, 4)}\u00a0${digits.slice(4)}`];
  if (p.issuedBy.trim() !== '' || p.issuedOn !== null) parts.push(['выдан', p.issuedBy.trim(), p.issuedOn === null ? '' : formatDateNumeric(p.issuedOn)].filter((x) => x !== '').join(' '));
  if (p.divisionCode !== '') parts.push(`код подразделения ${p.divisionCode}`);
  if (p.birthDate !== null) parts.push(`дата рождения ${formatDateNumeric(p.birthDate)}`);
  return parts.join(', ');
}

/** The client as a party: its primary bank account, first phone and e-mail; a person's passport data when given. */
export function clientParty(client: ClientRecord, terms: DocumentTerms, passport: PassportDto | null = null): PartyData {
  const account = client.accounts.find((a) => a.isPrimary) ?? client.accounts[0];
  const signer = buyerSigner(client, terms);
  return {
    kind: client.kind,
    fullName: client.fullName || client.shortName,
    shortName: client.shortName,
    inn: client.inn,
    kpp: client.kpp,
    ogrn: client.ogrn,
    legalAddress: client.legalAddress,
    postalAddress: client.postalAddress,
    bank: account ? { bik: account.bik, name: account.bankName, corrAccount: account.corrAccount, account: account.account } : null,
    directorPosition: signer.position,
    directorName: signer.name,
    accountantName: '',
    signerBasis: terms.buyerSignerBasis,
    phone: client.phones[0]?.value ?? '',
    email: client.emails[0]?.value ?? '',
    ...(client.kind === 'person' && passport !== null ? { passport: passportLine(passport), registrationAddress: passport.registrationAddress } : {}),
  };
}

/** The raw data the engine prints (integer kopecks, ISO dates); stored as the snapshot of an issued document. */
export function buildDocumentData(s: DocumentSource): DocumentData {
  const t = s.terms;
  const kind: DocumentKind = s.kind;
  return {
    kind,
    ...(s.draft === true ? { draft: true } : {}),
    number: s.number,
    dateIso: s.docDate,
    seller: { ...orgParty(s.org), signerBasis: t.sellerSignerBasis },
    buyer: clientParty(s.client, t, s.passport ?? null),
    consignor: typedParty(t.consignorName, t.consignorAddress),
    consignee: typedParty(t.consigneeName, t.consigneeAddress),
    cargo: s.kind === 'torg12' ? { places: t.places, massNet: t.massNet, massGross: t.massGross, attachmentSheets: t.attachmentSheets } : null,
    shippingDocument: s.shipping?.shippingDocument ?? null,
    servicesOnly: s.shipping?.servicesOnly ?? false,
    lines: s.lines.map((l) => ({
      name: l.name,
      unit: l.unit,
      okei: l.okei,
      quantityMilli: l.quantityMilli,
      priceKopecks: l.priceKopecks,
      discountBp: l.discountBp,
      vatRate: vatRateOf(l.vatRate),
      ...(l.countryCode === '' ? {} : { countryCode: l.countryCode, country: l.countryName }),
      ...(l.customsDeclaration === '' ? {} : { customsDeclaration: l.customsDeclaration }),
      ...(l.productKindCode === '' ? {} : { productKindCode: l.productKindCode }),
    })),
    vatMode: s.vatMode,
    basis: s.basis ? { title: DOCUMENT_KIND_LABELS[s.basis.kind], number: s.basis.number, dateIso: s.basis.docDate } : null,
    manager: { name: s.managerName, phone: s.org.phone, email: s.org.email },
    city: t.city,
    validUntilIso: t.validDays === null ? null : validUntil(s.docDate, t.validDays, s.calendar),
    paymentTermsDays: t.paymentDays,
    prepaymentPercent: t.prepaymentPercent,
    deliveryTermsDays: t.deliveryDays,
    notes: t.notes,
    subject: t.subject,
    updStatus: t.updStatus ?? 1,
    correction: s.correction ? { number: String(s.correction.number), dateIso: s.correction.dateIso } : null,
    reconciliation: s.reconciliation,
    deal: s.dealTitle ? { title: s.dealTitle } : null,
  };
}

/** A document's file name: «Счёт на оплату № 15 от 09.01.2026.pdf» (characters file systems refuse are replaced). */
export function pdfFileName(kind: DocumentKindKey, number: string, docDate: string): string {
  const base = `${DOCUMENT_KIND_LABELS[kind]} ${number === '' ? '(черновик)' : `№ ${number}`} от ${formatDateNumeric(docDate)}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '-')}.pdf`;
}
