import { Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import { rublesToKopecks } from '../../../../core/index';
import type { DocumentKindKey, DocumentTermsInput } from '../../../../shared/api/document-types';
import type { TemplateDto } from '../../../../shared/api/document-templates';
import { ShippingFields } from './shipping-fields';
import { D } from './strings';

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
}: {
  kind: DocumentKindKey;
  /** The draft's client (the счёт-фактура picks its shipping document among the client's). */
  clientId?: number | null;
  terms: DocumentTermsInput;
  onChange: (terms: DocumentTermsInput) => void;
  templates?: TemplateDto[];
}) {
  const set = (patch: Partial<DocumentTermsInput>) => onChange({ ...terms, ...patch });
  const ofKind = (templates ?? []).filter((t) => t.kind === kind && !t.archived);
  return (
    <>
      <Group grow align="flex-start">
        <TextInput label={D.city} value={terms.city ?? ''} onChange={(e) => set({ city: e.currentTarget.value })} />
        <NumberInput label={D.paymentDays} min={0} value={terms.paymentDays ?? ''} onChange={(v) => set({ paymentDays: days(v) })} />
        <NumberInput label={D.deliveryDays} min={0} value={terms.deliveryDays ?? ''} onChange={(v) => set({ deliveryDays: days(v) })} />
        <NumberInput label={D.validDays} min={0} value={terms.validDays ?? ''} onChange={(v) => set({ validDays: days(v) })} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={D.signerName} description={D.signerHint} value={terms.buyerSignerName ?? ''} onChange={(e) => set({ buyerSignerName: e.currentTarget.value })} />
        <TextInput label={D.signerPosition} value={terms.buyerSignerPosition ?? ''} onChange={(e) => set({ buyerSignerPosition: e.currentTarget.value })} />
        <TextInput label={D.buyerSignerBasis} placeholder={D.basisPlaceholder} value={terms.buyerSignerBasis ?? ''} onChange={(e) => set({ buyerSignerBasis: e.currentTarget.value })} />
        <TextInput label={D.sellerSignerBasis} placeholder={D.basisPlaceholder} value={terms.sellerSignerBasis ?? ''} onChange={(e) => set({ sellerSignerBasis: e.currentTarget.value })} />
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
          <TextInput type="date" label={D.periodFrom} value={terms.periodFrom ?? ''} onChange={(e) => set({ periodFrom: e.currentTarget.value || null })} />
          <TextInput type="date" label={D.periodTo} value={terms.periodTo ?? ''} onChange={(e) => set({ periodTo: e.currentTarget.value || null })} />
          <NumberInput label={D.opening} description={D.openingHint} decimalScale={2} value={(terms.openingKopecks ?? 0) / 100} onChange={(v) => set({ openingKopecks: rublesToKopecks(v) ?? 0 })} />
        </Group>
      )}
      {(kind === 'free_form' || kind === 'commercial_offer' || CONTRACTS.includes(kind)) && (
        <TextInput label={D.subject} value={terms.subject ?? ''} onChange={(e) => set({ subject: e.currentTarget.value })} />
      )}
      <ShippingFields kind={kind} clientId={clientId} terms={terms} set={set} />
      {RATE_BY_DATE.includes(kind) && (
        <TextInput label={D.vatRateReason} description={D.vatRateReasonHint} value={terms.vatRateReason ?? ''} onChange={(e) => set({ vatRateReason: e.currentTarget.value })} />
      )}
      <Textarea label={D.notes} autosize minRows={1} value={terms.notes ?? ''} onChange={(e) => set({ notes: e.currentTarget.value })} />
    </>
  );
}
