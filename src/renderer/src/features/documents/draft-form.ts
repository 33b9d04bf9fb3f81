import { draftInputSchema, type DocumentDetail, type DocumentKindKey, type DocumentTerms, type DocumentTermsInput, type DraftInput, type VatModeKey, type VatRateKey } from '../../../../shared/api/document-types';
import { contractValidator } from '../../api/contract-check';
import { lineFieldOf, lineForCheck, toDraft, toInput, type LineDraft } from './line-draft';

/** The editor's state of a draft. */
export interface DraftForm {
  kind: DocumentKindKey;
  orgId: number | null;
  clientId: number | null;
  dealId: number | null;
  docDate: string;
  vatMode: VatModeKey;
  vatRate: VatRateKey;
  basisDocumentId: number | null;
  terms: DocumentTermsInput;
  lines: LineDraft[];
  requestApproval: boolean;
  approvalReason: string;
}

/** Today in the office's time zone, as an ISO date. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Default terms of a new document. */
export const DEFAULT_TERMS: DocumentTermsInput = { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 };

/** A new draft's form. */
export function newForm(kind: DocumentKindKey, preset: { orgId: number | null; clientId: number | null; dealId: number | null; vatRate: VatRateKey }): DraftForm {
  return {
    kind,
    orgId: preset.orgId,
    clientId: preset.clientId,
    dealId: preset.dealId,
    docDate: todayIso(),
    vatMode: 'on_top',
    vatRate: preset.vatRate,
    basisDocumentId: null,
    terms: { ...DEFAULT_TERMS },
    lines: [],
    requestApproval: false,
    approvalReason: '',
  };
}

/** A saved draft's form. */
export function formOf(doc: DocumentDetail): DraftForm {
  const terms: DocumentTerms = doc.terms;
  return {
    kind: doc.kind,
    orgId: doc.orgId,
    clientId: doc.clientId,
    dealId: doc.dealId,
    docDate: doc.docDate,
    vatMode: doc.vatMode,
    vatRate: doc.vatRate,
    basisDocumentId: doc.basis?.id ?? null,
    terms,
    lines: doc.lines.map(toDraft),
    requestApproval: false,
    approvalReason: '',
  };
}

/** The draft's fields that go to the host as they are (the picked ids and the lines aside). */
function plainFields(f: DraftForm) {
  return {
    kind: f.kind,
    // No deal picked: the server links the client's only open deal (several: none is guessed).
    dealId: f.dealId ?? undefined,
    docDate: f.docDate,
    vatMode: f.vatMode,
    vatRate: f.vatRate,
    basisDocumentId: f.basisDocumentId,
    terms: f.terms,
    requestApproval: f.requestApproval,
    approvalReason: f.approvalReason,
  };
}

/** The form as the API takes it, or null with what is missing. */
export function formInput(f: DraftForm): { input: DraftInput } | { missing: string } {
  if (f.orgId === null) return { missing: 'Выберите организацию' };
  if (f.clientId === null) return { missing: 'Выберите клиента' };
  const lines = f.lines.map(toInput);
  if (lines.some((l) => l === null)) return { missing: 'Проверьте числа в строках' };
  return { input: { ...plainFields(f), orgId: f.orgId, clientId: f.clientId, lines: lines.flatMap((l) => (l ? [l] : [])) } };
}

/** The draft as the contract's schema reads it (picked ids may still be missing, numbers as typed when unreadable). */
export function draftForCheck(f: DraftForm): Record<keyof DraftInput, unknown> {
  return { ...plainFields(f), orgId: f.orgId, clientId: f.clientId, lines: f.lines.map(lineForCheck) };
}

/** The draft editor's check: the contract's own draft schema, its messages placed on the editor's fields. */
export const validateDraft = contractValidator(draftInputSchema, draftForCheck, lineFieldOf);
