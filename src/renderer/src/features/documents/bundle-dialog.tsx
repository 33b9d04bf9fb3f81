import { Alert, Anchor, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric } from '../../../../core/index';
import { DOCUMENT_KIND_LABELS, type BundleResult, type DocumentLineInput, type VatRateKey } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { useContractForm } from '../../api/contract-form';
import { bundleInput, newBundleForm, validateBundle, type BundleForm } from './bundle-form';
import { ClientPicker } from '../sales/client-picker';
import { DealPicker } from './deal-picker';
import { lineFieldOf, toInput } from './line-draft';
import { LinesEditor, RATE_OPTIONS } from './lines-editor';
import { PdfFrame } from './pdf-frame';
import { D } from './strings';
import { TermsFields } from './terms-fields';
import { DateField } from '../../app/date-fields';

/** What the bundle starts from: a client, a deal and its lines (all optional). */
export interface BundlePreset {
  clientId: number | null;
  /** The deal; undefined: not chosen yet (the dialog offers the client's open deals). */
  dealId: number | null | undefined;
  lines: DocumentLineInput[];
}

/**
 * The bundle: one action makes the contract and the invoice based on it (and the commercial proposal
 * when asked), issued together; shows the combined PDF to print and links to each document.
 */
export function BundleDialog({ preset, onClose }: { preset: BundlePreset; onClose: (done: boolean) => void }) {
  const orgs = useEntry('orgs.list', {});
  const limit = useEntry('discountLimits.mine', {});
  // The contract's bundle schema checks the dialog: a field's message is the host's, and nothing is sent while one is wrong.
  const { form: bundle, check, placeHostErrors } = useContractForm<BundleForm>(newBundleForm(preset), validateBundle);
  const form = bundle.values;
  const errors = bundle.errors;
  const set = (patch: Partial<BundleForm>) => bundle.setValues(patch);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BundleResult | null>(null);
  const catalog = useEntry('catalog.list', { onDate: form.docDate });
  useEffect(() => {
    const def = orgs.data?.find((o) => o.isDefault) ?? orgs.data?.[0];
    if (def && form.orgId === null) bundle.setValues({ orgId: def.id, vatRate: def.defaultVatRate });
  }, [orgs.data, form.orgId, bundle]);
  const limitBp = limit.data?.maxDiscountBp ?? null;
  const overLimit = limitBp !== null && form.lines.some((l) => (toInput(l)?.discountBp ?? 0) > limitBp);

  const submit = async () => {
    if (!check()) return;
    const input = bundleInput(bundle.getValues(), overLimit);
    if (!input) return;
    setBusy(true);
    const res = await request('documents.bundle', input);
    setBusy(false);
    if (res.error) {
      placeHostErrors(res.error, lineFieldOf);
      return showError(res.error);
    }
    showSuccess(res.data.status === 'issued' ? D.bundleDone : D.bundlePending);
    setResult(res.data);
  };

  return (
    <Modal opened onClose={() => onClose(result !== null)} title={D.bundle} size={result?.combined ? 1100 : 1000} data-testid="bundle-dialog">
      {result ? (
        <Stack>
          <Alert color={result.status === 'issued' ? 'teal' : 'yellow'}>{result.status === 'issued' ? D.bundleDone : D.bundlePending}</Alert>
          {result.documents.map((d) => (
            <Anchor key={d.id} href={`#/documents/${d.id}`} onClick={() => onClose(true)}>
              {DOCUMENT_KIND_LABELS[d.kind]} № {d.number || D.noNumber} от {formatDateNumeric(d.docDate)}
            </Anchor>
          ))}
          {result.combined && (
            <>
              <Text fw={600}>{D.combined}</Text>
              <PdfFrame file={result.combined} target={{ kind: 'bundle', id: result.bundleId }} height={640} />
            </>
          )}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={D.org}
              data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))}
              value={form.orgId === null ? null : String(form.orgId)}
              allowDeselect={false}
              onChange={(v) => set({ orgId: v ? Number(v) : null })}
              error={errors.orgId}
            />
            <ClientPicker value={form.clientId} onChange={(c) => set({ clientId: c?.id ?? null, dealId: undefined })} error={errors.clientId} />
            {preset.dealId === undefined && <DealPicker clientId={form.clientId} value={form.dealId} onChange={(dealId) => set({ dealId })} />}
            <DateField label={D.docDate} value={form.docDate} onChange={(v) => set({ docDate: v })} error={errors.docDate} />
          </Group>
          <Group align="flex-end">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {D.contractKind}
              </Text>
              <SegmentedControl
                value={form.contractKind}
                onChange={(v) => set({ contractKind: v === 'contract_services' ? 'contract_services' : 'contract_supply' })}
                data={[
                  { value: 'contract_supply', label: 'поставки' },
                  { value: 'contract_services', label: 'оказания услуг' },
                ]}
              />
            </div>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {D.vatMode}
              </Text>
              <SegmentedControl
                value={form.vatMode}
                onChange={(v) => set({ vatMode: v === 'included' ? 'included' : 'on_top' })}
                data={[
                  { value: 'on_top', label: D.vatOnTop },
                  { value: 'included', label: D.vatIncluded },
                ]}
              />
            </div>
            <Select label={D.vatRate} w={130} data={RATE_OPTIONS} value={form.vatRate} allowDeselect={false} onChange={(v) => set({ vatRate: (v ?? '22') as VatRateKey })} />
            <Checkbox label={D.includeOffer} checked={form.offer} onChange={(e) => set({ offer: e.currentTarget.checked })} mb={6} />
          </Group>
          {preset.dealId !== null && preset.lines.length > 0 && (
            <Text size="xs" c="dimmed">
              {D.dealLines}
            </Text>
          )}
          <LinesEditor
            lines={form.lines}
            onChange={(lines) => set({ lines })}
            catalog={catalog.data ?? []}
            vatMode={form.vatMode}
            vatRate={form.vatRate}
            limitBp={limitBp}
            showCosts={false}
            errors={(i, field) => errors[`lines.${i}.${field}`]}
            listError={errors.lines}
          />
          {overLimit && (
            <Stack gap={4}>
              <Checkbox label={D.requestApproval} checked={form.requestApproval} onChange={(e) => set({ requestApproval: e.currentTarget.checked })} />
              {form.requestApproval && (
                <Textarea label={D.approvalReason} autosize minRows={1} value={form.approvalReason} onChange={(e) => set({ approvalReason: e.currentTarget.value })} error={errors.approvalReason} />
              )}
            </Stack>
          )}
          <TermsFields kind={form.contractKind} terms={form.terms} onChange={(terms) => set({ terms })} errors={(field) => errors[`terms.${field}`]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              Отмена
            </Button>
            <Button loading={busy} onClick={() => void submit()} data-testid="make-bundle">
              {overLimit && form.requestApproval ? D.sendForApproval : D.makeBundle}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
