import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { DOCUMENT_KIND_LABELS, type DocumentKindKey, type DocumentTermsInput } from '../../../../shared/api/document-types';
import { useEntry } from '../../api/call';
import { D } from './strings';
import type { TermsErrors } from './terms-fields';

const SHIPPING_KINDS: readonly DocumentKindKey[] = ['torg12', 'act_transfer', 'act_services', 'upd'];
const WITH_CONSIGNEE: readonly DocumentKindKey[] = ['torg12', 'upd', 'invoice_factura', 'act_transfer'];

function count(v: string | number): number | null {
  return typeof v === 'number' ? v : null;
}

/** The счёт-фактура's shipping document (строка 5а) among the client's issued ones. */
function ShippingDocument({ clientId, terms, set }: { clientId: number; terms: DocumentTermsInput; set: (patch: Partial<DocumentTermsInput>) => void }) {
  const issued = useEntry('documents.list', { clientId, status: 'issued', limit: 200 });
  const options = (issued.data?.rows ?? [])
    .filter((r) => SHIPPING_KINDS.includes(r.kind))
    .map((r) => ({ value: String(r.id), label: `${DOCUMENT_KIND_LABELS[r.kind]} № ${r.number} от ${r.docDate.split('-').reverse().join('.')}` }));
  return (
    <Select
      label={D.shippingDocument}
      description={D.shippingDocumentHint}
      data={[{ value: '', label: D.shippingDocumentAuto }, ...options]}
      value={terms.shippingDocumentId ? String(terms.shippingDocumentId) : ''}
      allowDeselect={false}
      onChange={(v) => set({ shippingDocumentId: v ? Number(v) : null })}
    />
  );
}

/** Грузоотправитель / грузополучатель when not the seller / the buyer, the ТОРГ-12 cargo and the счёт-фактура's shipping document. */
export function ShippingFields({
  kind,
  clientId,
  terms,
  set,
  errorOf,
}: {
  kind: DocumentKindKey;
  clientId: number | null;
  terms: DocumentTermsInput;
  set: (patch: Partial<DocumentTermsInput>) => void;
  errorOf: TermsErrors;
}) {
  if (!WITH_CONSIGNEE.includes(kind)) return null;
  return (
    <>
      <Group grow align="flex-start">
        <TextInput label={D.consignorName} description={D.consignorHint} error={errorOf('consignorName')} value={terms.consignorName ?? ''} onChange={(e) => set({ consignorName: e.currentTarget.value })} />
        <TextInput label={D.consignorAddress} error={errorOf('consignorAddress')} value={terms.consignorAddress ?? ''} onChange={(e) => set({ consignorAddress: e.currentTarget.value })} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={D.consigneeName} description={D.consigneeHint} error={errorOf('consigneeName')} value={terms.consigneeName ?? ''} onChange={(e) => set({ consigneeName: e.currentTarget.value })} />
        <TextInput label={D.consigneeAddress} error={errorOf('consigneeAddress')} value={terms.consigneeAddress ?? ''} onChange={(e) => set({ consigneeAddress: e.currentTarget.value })} />
      </Group>
      {kind === 'torg12' && (
        <Group grow align="flex-start">
          <NumberInput label={D.places} min={0} error={errorOf('places')} value={terms.places ?? ''} onChange={(v) => set({ places: count(v) })} />
          <TextInput label={D.massNet} placeholder="118,5 кг" error={errorOf('massNet')} value={terms.massNet ?? ''} onChange={(e) => set({ massNet: e.currentTarget.value })} />
          <TextInput label={D.massGross} placeholder="126 кг" error={errorOf('massGross')} value={terms.massGross ?? ''} onChange={(e) => set({ massGross: e.currentTarget.value })} />
          <NumberInput label={D.attachmentSheets} min={0} error={errorOf('attachmentSheets')} value={terms.attachmentSheets ?? ''} onChange={(v) => set({ attachmentSheets: count(v) })} />
        </Group>
      )}
      {kind === 'invoice_factura' && clientId !== null && <ShippingDocument clientId={clientId} terms={terms} set={set} />}
    </>
  );
}
