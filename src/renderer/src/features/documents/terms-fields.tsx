import type { ReactNode } from 'react';
import { Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import { rublesToKopecks } from '../../../../core/index';
import type { DocumentKindKey, DocumentTermsInput } from '../../../../shared/api/document-types';
import type { TemplateDto } from '../../../../shared/api/document-templates';
import { ShippingFields } from './shipping-fields';
import { D } from './strings';
import { DateField } from '../../app/date-fields';

/** The message of a wrong term, if any. */
export type TermsErrors = (field: keyof DocumentTermsInput) => ReactNode;

const CONTRACTS: readonly DocumentKindKey[] = ['contract_supply', 'contract_services'];

/** Kinds whose VAT rate is checked against their date at issue (a mismatch needs a reason). */
const RATE_BY_DATE: readonly DocumentKindKey[] = ['act_services', 'act_transfer', 'torg12', 'upd', 'invoice_factura', 'invoice'];

function days(v: string | number): number | null {
  return typeof v === 'number' ? v : null;
}

/** The terms a kind prints: payment, delivery, validity, city, signer, notes, УПД status, period of an акт сверки, template. */
export function TermsFields({
  kind,
  terms,
  onChange,
  templates,
  clientId = null,
  errors,
}: {
  kind: DocumentKindKey;
  /** The draft's client (the счёт-фактура picks its shipping document among the client's). */
  clientId?: number | null;
  terms: DocumentTermsInput;
  onChange: (terms: DocumentTermsInput) => void;
  templates?: TemplateDto[];
  /** The message of a wrong field (the contract's, from the form's check or the host). */
  errors?: TermsErrors;
}) {
  const errorOf: TermsErrors = errors ?? (() => undefined);
  const set = (patch: Partial<DocumentTermsInput>) => onChange({ ...terms, ...patch });
  const ofKind = (templates ?? []).filter((t) => t.kind === kind && !t.archived);
  return (
    <>
      <Group grow align="flex-start">
        <TextInput label={D.city} error={errorOf('city')} value={terms.city ?? ''} onChange={(e) => set({ city: e.currentTarget.value })} />
        <NumberInput label={D.paymentDays} min={0} error={errorOf('paymentDays')} value={terms.paymentDays ?? ''} onChange={(v) => set({ paymentDays: days(v) })} />
        <NumberInput label={D.deliveryDays} min={0} error={errorOf('deliveryDays')} value={terms.deliveryDays ?? ''} onChange={(v) => set({ deliveryDays: days(v) })} />
        <NumberInput label={D.validDays} min={0} error={errorOf('validDays')} value={terms.validDays ?? ''} onChange={(v) => set({ validDays: days(v) })} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={D.signerName} description={D.signerHint} error={errorOf('buyerSignerName')} value={terms.buyerSignerName ?? ''} onChange={(e) => set({ buyerSignerName: e.currentTarget.value })} />
        <TextInput label={D.signerPosition} error={errorOf('buyerSignerPosition')} value={terms.buyerSignerPosition ?? ''} onChange={(e) => set({ buyerSignerPosition: e.currentTarget.value })} />
        <TextInput label={D.buyerSignerBasis} placeholder={D.basisPlaceholder} error={errorOf('buyerSignerBasis')} value={terms.buyerSignerBasis ?? ''} onChange={(e) => set({ buyerSignerBasis: e.currentTarget.value })} />
        <TextInput label={D.sellerSignerBasis} placeholder={D.basisPlaceholder} error={errorOf('sellerSignerBasis')} value={terms.sellerSignerBasis ?? ''} onChange={(e) => set({ sellerSignerBasis: e.currentTarget.value })} />
        {kind === 'upd' && (
          <Select
            label={D.updStatus}
            data={[
              { value: '', label: D.updStatusAuto },
              { value: '1', label: '1 — счёт-фактура и передаточный документ' },
              { value: '2', label: '2 — только передаточный документ' },
            ]}
            value={terms.updStatus ? String(terms.updStatus) : ''}
            allowDeselect={false}
            onChange={(v) => set({ updStatus: v === '2' ? 2 : v === '1' ? 1 : null })}
          />
        )}
        {templates && (
          <Select
            label={D.template}
            data={[{ value: '', label: D.defaultTemplate }, ...ofKind.map((t) => ({ value: String(t.id), label: `${t.name}${t.isDefault ? ' (по умолчанию)' : ''}` }))]}
            value={terms.templateId ? String(terms.templateId) : ''}
            allowDeselect={false}
            onChange={(v) => set({ templateId: v ? Number(v) : null })}
          />
        )}
      </Group>
      {kind === 'reconciliation_act' && (
        <Group grow align="flex-start">
          <DateField label={D.periodFrom} error={errorOf('periodFrom')} value={terms.periodFrom ?? ''} onChange={(v) => set({ periodFrom: v || null })} />
          <DateField label={D.periodTo} error={errorOf('periodTo')} value={terms.periodTo ?? ''} onChange={(v) => set({ periodTo: v || null })} />
          <NumberInput label={D.opening} description={D.openingHint} decimalScale={2} error={errorOf('openingKopecks')} value={(terms.openingKopecks ?? 0) / 100} onChange={(v) => set({ openingKopecks: rublesToKopecks(v) ?? 0 })} />
        </Group>
      )}
      {(kind === 'free_form' || kind === 'commercial_offer' || CONTRACTS.includes(kind)) && (
        <TextInput label={D.subject} error={errorOf('subject')} value={terms.subject ?? ''} onChange={(e) => set({ subject: e.currentTarget.value })} />
      )}
      <ShippingFields kind={kind} clientId={clientId} terms={terms} set={set} errorOf={errorOf} />
      {RATE_BY_DATE.includes(kind) && (
        <TextInput label={D.vatRateReason} description={D.vatRateReasonHint} error={errorOf('vatRateReason')} value={terms.vatRateReason ?? ''} onChange={(e) => set({ vatRateReason: e.currentTarget.value })} />
      )}
      <Textarea label={D.notes} autosize minRows={1} error={errorOf('notes')} value={terms.notes ?? ''} onChange={(e) => set({ notes: e.currentTarget.value })} />
    </>
  );
}
