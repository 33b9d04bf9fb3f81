import { DEFAULT_REQUIRED_FIELDS, type RequisiteField } from '../../core/index';
import type { ClientRecord } from '../../db/repos/clients-repo';
import { CONTRACT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKindKey, type DocumentRef } from '../../shared/api/document-types';
import type { Org } from '../../shared/api/orgs';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { assertRequisites, OWN_ORG_REQUIRED } from '../requisites';
import { CHRONOLOGICAL_SERIES } from './series';

const BANK_FIELDS: readonly RequisiteField[] = ['bik', 'account', 'corrAccount'];

function rethrowNamed(e: unknown, whose: string, fix: string): never {
  if (e instanceof AppError && e.code === 'INVALID_REQUISITES') {
    const list = (e.fields ?? []).map((f) => f.message).join('; ');
    throw new AppError('INVALID_REQUISITES', `Документ не выставлен: реквизиты ${whose} заполнены с ошибками — ${list}. ${fix}`, e.fields);
  }
  throw e;
}

/** Our organisation must have every requisite a document prints, bank details included. */
export function assertOrgRequisites(org: Org): void {
  try {
    assertRequisites(org, { prefix: 'org.', required: OWN_ORG_REQUIRED[org.kind] });
  } catch (e) {
    rethrowNamed(e, `нашей организации «${org.shortName}»`, 'Исправьте их в Настройки → Организации');
  }
}

/** The client's ИНН (and КПП for a company) always; its bank details only when the kind prints them (contracts). */
export function assertClientRequisites(client: ClientRecord, kind: DocumentKindKey): void {
  const account = client.accounts.find((a) => a.isPrimary) ?? client.accounts[0];
  const printsBank = CONTRACT_KINDS.includes(kind) && client.kind !== 'person';
  const required = [...DEFAULT_REQUIRED_FIELDS[client.kind], ...(printsBank ? BANK_FIELDS : [])];
  try {
    assertRequisites(
      { kind: client.kind, inn: client.inn, kpp: client.kpp, ogrn: client.ogrn, bik: account?.bik ?? '', account: account?.account ?? '', corrAccount: account?.corrAccount ?? '' },
      { prefix: 'client.', required },
    );
  } catch (e) {
    rethrowNamed(e, `клиента «${client.shortName}»`, 'Исправьте карточку клиента');
  }
  if (client.kind !== 'person' && client.legalAddress.trim() === '' && client.postalAddress.trim() === '') {
    throw new AppError('INVALID_REQUISITES', `Документ не выставлен: у клиента «${client.shortName}» не указан адрес. Исправьте карточку клиента`, [
      { path: 'client.legalAddress', message: 'Укажите юридический адрес' },
    ]);
  }
}

/** Lines and a non-zero total are needed on every kind but the акт сверки, at preview and at issue. */
export function assertHasLines(kind: DocumentKindKey, lineCount: number, grossKopecks: number): void {
  if (kind === 'reconciliation_act') return;
  if (lineCount === 0) {
    throw new AppError('VALIDATION', `${DOCUMENT_KIND_LABELS[kind]}: добавьте хотя бы одну строку — документ без строк не печатается`, [{ path: 'lines', message: 'Нет строк' }]);
  }
  if (grossKopecks === 0) {
    throw new AppError('VALIDATION', `${DOCUMENT_KIND_LABELS[kind]}: сумма документа равна нулю — укажите цены в строках`, [{ path: 'lines', message: 'Сумма документа 0,00' }]);
  }
}

/** An act of services is based on a services contract, never on a supply contract (and a waybill never on a services one). */
export function assertBasisFits(kind: DocumentKindKey, basis: DocumentRef | null): void {
  if (basis === null) return;
  if (kind === 'act_services' && basis.kind === 'contract_supply') {
    throw new AppError('VALIDATION', 'Акт об оказании услуг не составляют по договору поставки: выберите договор оказания услуг или оформите передачу товара накладной', [
      { path: 'basisDocumentId', message: 'Договор поставки — не основание для акта услуг' },
    ]);
  }
  if ((kind === 'torg12' || kind === 'act_transfer') && basis.kind === 'contract_services') {
    throw new AppError('VALIDATION', 'Товар не передают по договору оказания услуг: выберите договор поставки', [{ path: 'basisDocumentId', message: 'Договор услуг — не основание для передачи товара' }]);
  }
}

/** A basis must be an issued contract of the same client and organisation. */
export async function basisRef(ctx: CallContext, basisId: number | null, clientId: number, orgId: number): Promise<DocumentRef | null> {
  if (basisId === null) return null;
  const b = await ctx.store.documents.docs.get(basisId);
  if (!b || b.clientId !== clientId || b.orgId !== orgId || !CONTRACT_KINDS.includes(b.kind)) {
    throw new AppError('VALIDATION', 'Основанием может быть только договор этого клиента с этой организацией', [{ path: 'basisDocumentId', message: 'Выберите договор клиента' }]);
  }
  if (b.status !== 'issued') {
    const state = b.status === 'draft' ? 'ещё черновик — сначала выставьте его' : 'аннулирован';
    throw new AppError('CONFLICT', `Договор-основание ${b.number ? `№ ${b.number} ` : ''}${state}`);
  }
  return { id: b.id, kind: b.kind, status: b.status, number: b.number, docDate: b.docDate };
}

/** A счёт-фактура (and a УПД) is numbered in date order: no date earlier than the last one issued. */
export function assertChronological(seriesKey: string, docDate: string, lastIssuedDate: string | null): void {
  if (!CHRONOLOGICAL_SERIES.includes(seriesKey) || lastIssuedDate === null || docDate >= lastIssuedDate) return;
  throw new AppError('CONFLICT', `Счета-фактуры нумеруются в хронологическом порядке: последний выставлен ${lastIssuedDate.split('-').reverse().join('.')}, дата нового не может быть раньше`);
}

/**
 * An акт сверки states the balance at the end of its period: it is not dated before that day (an act dated
 * 26.11 that says «на 30.11 задолженность…» would vouch for four days not yet lived).
 */
export function assertReconciliationDated(kind: DocumentKindKey, docDate: string, periodTo: string | null): void {
  if (kind !== 'reconciliation_act' || periodTo === null || docDate >= periodTo) return;
  const ru = (iso: string) => iso.split('-').reverse().join('.');
  throw new AppError('VALIDATION', `Акт сверки датируется не раньше конца периода сверки (${ru(periodTo)}), а дата документа — ${ru(docDate)}`, [
    { path: 'docDate', message: `Не раньше ${ru(periodTo)} — конца периода сверки` },
  ]);
}
