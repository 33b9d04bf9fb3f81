import { Alert, Anchor, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateNumeric } from '../../../../core/index';
import { DOCUMENT_KIND_LABELS, type BundleResult, type DocumentLineInput, type DocumentTermsInput, type VatModeKey, type VatRateKey } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { ClientPicker } from '../sales/client-picker';
import { DealPicker } from './deal-picker';
import { DEFAULT_TERMS, todayIso } from './draft-form';
import { toDraft, toInput, type LineDraft } from './line-draft';
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
  const [orgId, setOrgId] = useState<number | null>(null);
  const [clientId, setClientId] = useState<number | null>(preset.clientId);
  const [dealId, setDealId] = useState<number | null | undefined>(preset.dealId);
  const [docDate, setDocDate] = useState(todayIso());
  const [contractKind, setContractKind] = useState<'contract_supply' | 'contract_services'>('contract_supply');
  const [vatMode, setVatMode] = useState<VatModeKey>('on_top');
  const [vatRate, setVatRate] = useState<VatRateKey>('22');
  const [lines, setLines] = useState<LineDraft[]>(preset.lines.map(toDraft));
  const [terms, setTerms] = useState<DocumentTermsInput>({ ...DEFAULT_TERMS });
  const [offer, setOffer] = useState(false);
  const [requestApproval, setRequestApproval] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BundleResult | null>(null);
  const catalog = useEntry('catalog.list', { onDate: docDate });
  useEffect(() => {
    const def = orgs.data?.find((o) => o.isDefault) ?? orgs.data?.[0];
    if (def && orgId === null) {
      setOrgId(def.id);
      setVatRate(def.defaultVatRate);
    }
  }, [orgs.data, orgId]);
  const limitBp = limit.data?.maxDiscountBp ?? null;
  const overLimit = limitBp !== null && lines.some((l) => (toInput(l)?.discountBp ?? 0) > limitBp);

  const submit = async () => {
    const inputs = lines.map(toInput);
    if (orgId === null || clientId === null) return showError({ code: 'VALIDATION', message: D.pickClient });
    if (inputs.some((l) => l === null)) return showError({ code: 'VALIDATION', message: D.linesError });
    setBusy(true);
    const res = await request('documents.bundle', {
      orgId,
      clientId,
      dealId,
      docDate,
      contractKind,
      vatMode,
      vatRate,
      lines: inputs.flatMap((l) => (l ? [l] : [])),
      terms,
      include: { offer },
      requestApproval: overLimit && requestApproval,
      approvalReason: reason,
    });
    setBusy(false);
    if (res.error) return showError(res.error);
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
              value={orgId === null ? null : String(orgId)}
              allowDeselect={false}
              onChange={(v) => setOrgId(v ? Number(v) : null)}
            />
            <ClientPicker
              value={clientId}
              onChange={(c) => {
                setClientId(c?.id ?? null);
                setDealId(undefined);
              }}
            />
            {preset.dealId === undefined && <DealPicker clientId={clientId} value={dealId} onChange={setDealId} />}
            <DateField label={D.docDate} value={docDate} onChange={(v) => setDocDate(v)} />
          </Group>
          <Group align="flex-end">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {D.contractKind}
              </Text>
              <SegmentedControl
                value={contractKind}
                onChange={(v) => setContractKind(v === 'contract_services' ? 'contract_services' : 'contract_supply')}
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
                value={vatMode}
                onChange={(v) => setVatMode(v === 'included' ? 'included' : 'on_top')}
                data={[
                  { value: 'on_top', label: D.vatOnTop },
                  { value: 'included', label: D.vatIncluded },
                ]}
              />
            </div>
            <Select label={D.vatRate} w={130} data={RATE_OPTIONS} value={vatRate} allowDeselect={false} onChange={(v) => setVatRate((v ?? '22') as VatRateKey)} />
            <Checkbox label={D.includeOffer} checked={offer} onChange={(e) => setOffer(e.currentTarget.checked)} mb={6} />
          </Group>
          {preset.dealId !== null && preset.lines.length > 0 && (
            <Text size="xs" c="dimmed">
              {D.dealLines}
            </Text>
          )}
          <LinesEditor lines={lines} onChange={setLines} catalog={catalog.data ?? []} vatMode={vatMode} vatRate={vatRate} limitBp={limitBp} showCosts={false} />
          {overLimit && (
            <Stack gap={4}>
              <Checkbox label={D.requestApproval} checked={requestApproval} onChange={(e) => setRequestApproval(e.currentTarget.checked)} />
              {requestApproval && <Textarea label={D.approvalReason} autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
            </Stack>
          )}
          <TermsFields kind={contractKind} terms={terms} onChange={setTerms} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              Отмена
            </Button>
            <Button loading={busy} onClick={() => void submit()} data-testid="make-bundle">
              {overLimit && requestApproval ? D.sendForApproval : D.makeBundle}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
