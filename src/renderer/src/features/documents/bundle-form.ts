import { bundleInputSchema, type BundleInput } from '../../../../shared/api/documents';
import type { DocumentLineInput, DocumentTermsInput, VatModeKey, VatRateKey } from '../../../../shared/api/document-types';
import { contractValidator } from '../../api/contract-check';
import { DEFAULT_TERMS, todayIso } from './draft-form';
import { lineFieldOf, lineForCheck, toDraft, toInput, type LineDraft } from './line-draft';

/** The bundle dialog's values: numbers of the lines are text until sent. */
export interface BundleForm {
  orgId: number | null;
  clientId: number | null;
  /** The deal; undefined: not chosen (the host links the client's only open deal). */
  dealId: number | null | undefined;
  docDate: string;
  contractKind: 'contract_supply' | 'contract_services';
  vatMode: VatModeKey;
  vatRate: VatRateKey;
  lines: LineDraft[];
  terms: DocumentTermsInput;
  offer: boolean;
  requestApproval: boolean;
  approvalReason: string;
}

/** A new bundle's values from its preset (a client, a deal and its lines). */
export function newBundleForm(preset: { clientId: number | null; dealId: number | null | undefined; lines: DocumentLineInput[] }): BundleForm {
  return {
    orgId: null,
    clientId: preset.clientId,
    dealId: preset.dealId,
    docDate: todayIso(),
    contractKind: 'contract_supply',
    vatMode: 'on_top',
    vatRate: '22',
    lines: preset.lines.map(toDraft),
    terms: { ...DEFAULT_TERMS },
    offer: false,
    requestApproval: false,
    approvalReason: '',
  };
}

/** The bundle's fields that go to the host as they are (the picked ids, the lines and the approval aside). */
function plainFields(f: BundleForm) {
  return {
    dealId: f.dealId,
    docDate: f.docDate,
    contractKind: f.contractKind,
    vatMode: f.vatMode,
    vatRate: f.vatRate,
    terms: f.terms,
    include: { offer: f.offer },
    approvalReason: f.approvalReason,
  };
}

/** The bundle as the contract's schema reads it (picked ids may still be missing, numbers as typed when unreadable). */
export function bundleForCheck(f: BundleForm): Record<keyof BundleInput, unknown> {
  return { ...plainFields(f), orgId: f.orgId, clientId: f.clientId, lines: f.lines.map(lineForCheck), requestApproval: f.requestApproval };
}

/** The bundle dialog's check: the contract's own bundle schema, its messages placed on the dialog's fields. */
export const validateBundle = contractValidator(bundleInputSchema, bundleForCheck, lineFieldOf);

/** The bundle as the host takes it, once checked; null if a picked id or a number is still missing. */
export function bundleInput(f: BundleForm, overLimit: boolean): BundleInput | null {
  const lines = f.lines.map(toInput);
  if (f.orgId === null || f.clientId === null || lines.some((l) => l === null)) return null;
  return {
    ...plainFields(f),
    orgId: f.orgId,
    clientId: f.clientId,
    lines: lines.flatMap((l) => (l ? [l] : [])),
    // Discounts beyond the limit go for approval only when the person asked for it.
    requestApproval: overLimit && f.requestApproval,
  };
}
