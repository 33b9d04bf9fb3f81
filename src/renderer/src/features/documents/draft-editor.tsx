import { Badge, Button, Card, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { CONTRACT_KINDS, DOCUMENT_KIND_LABELS, type DocumentDetail, type DocumentKindKey, type PdfFile, type VatModeKey, type VatRateKey } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useApi } from '../../api/call';
import { navigate } from '../../app/router';
import { ClientPicker } from '../sales/client-picker';
import { ApprovalsOfDocument } from './approvals-of-document';
import { formInput, type DraftForm } from './draft-form';
import { toInput } from './line-draft';
import { LinesEditor, RATE_OPTIONS } from './lines-editor';
import { PdfFrame } from './pdf-frame';
import { D } from './strings';
import { TermsFields } from './terms-fields';

/** Kinds whose lines may carry the country of origin, the declaration and the код вида товара. */
const ORIGIN_KINDS: readonly DocumentKindKey[] = ['torg12', 'upd', 'invoice_factura', 'act_transfer'];

/** The draft editor: parties, date, VAT, lines from the price list with live totals, terms; save, preview, issue. */
export function DraftEditor({ doc, initial, onChanged, showCosts }: { doc: DocumentDetail | null; initial: DraftForm; onChanged: () => void; showCosts: boolean }) {
  const [form, setForm] = useState<DraftForm>(initial);
  const [preview, setPreview] = useState<PdfFile | null>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useApi('orgs.list', {});
  const catalog = useApi('catalog.list', { onDate: form.docDate }, [form.docDate]);
  const templates = useApi('templates.list', { kind: form.kind });
  const limit = useApi('discountLimits.mine', {});
  const contracts = useApi('documents.list', { clientId: form.clientId ?? undefined, limit: 200 }, [form.clientId]);
  const set = (patch: Partial<DraftForm>) => setForm((f) => ({ ...f, ...patch }));
  const limitBp = limit.data?.maxDiscountBp ?? null;
  const overLimit = limitBp !== null && form.lines.some((l) => (toInput(l)?.discountBp ?? 0) > limitBp);
  const contractOptions = (form.clientId === null ? [] : (contracts.data?.rows ?? []))
    .filter((d) => CONTRACT_KINDS.includes(d.kind) && d.status !== 'annulled' && d.id !== doc?.id)
    .map((d) => ({ value: String(d.id), label: `${DOCUMENT_KIND_LABELS[d.kind]} № ${d.number || D.noNumber} от ${d.docDate.split('-').reverse().join('.')}` }));

  const save = async (): Promise<DocumentDetail | null> => {
    const built = formInput(form);
    if ('missing' in built) {
      showError({ code: 'VALIDATION', message: built.missing });
      return null;
    }
    const res = doc ? await request('documents.updateDraft', { id: doc.id, draft: built.input }) : await request('documents.createDraft', built.input);
    if (res.error) {
      showError(res.error);
      return null;
    }
    return res.data;
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const onSave = () =>
    run(async () => {
      const saved = await save();
      if (!saved) return;
      showSuccess(D.saved);
      if (!doc) navigate(`/documents/${saved.id}`);
      else onChanged();
    });
  const onPreview = () =>
    run(async () => {
      const built = formInput(form);
      if ('missing' in built) return showError({ code: 'VALIDATION', message: built.missing });
      const res = await request('documents.preview', built.input);
      if (res.error) return showError(res.error);
      setPreview(res.data);
    });
  const onIssue = () =>
    run(async () => {
      const saved = await save();
      if (!saved) return;
      // A bundle's drafts (they waited for a discount approval) are issued together.
      const res = saved.bundleId === null ? await request('documents.issue', { id: saved.id }) : await request('documents.issueBundle', { id: saved.bundleId });
      if (res.error) {
        showError(res.error);
        if (!doc) navigate(`/documents/${saved.id}`);
        return;
      }
      showSuccess('number' in res.data ? D.issued(res.data.number) : D.bundleDone);
      if (!doc) navigate(`/documents/${saved.id}`);
      else onChanged();
    });
  const onDelete = () =>
    run(async () => {
      if (!doc || !window.confirm(D.confirmDelete)) return;
      const res = await request('documents.deleteDraft', { id: doc.id });
      if (res.error) return showError(res.error);
      showSuccess(D.deleted);
      navigate('/documents');
    });

  return (
    <Stack data-testid="draft-editor">
      <Button variant="subtle" w="fit-content" px={0} onClick={() => navigate('/documents')}>
        {D.back}
      </Button>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{DOCUMENT_KIND_LABELS[form.kind]}</Title>
          <Badge variant="light" color="gray">
            {D.draft}
          </Badge>
          {doc?.correctionNumber ? <Badge variant="light">{D.correction(doc.correctionNumber)}</Badge> : null}
        </Group>
        <Group gap="xs">
          <Button variant="default" loading={busy} onClick={() => void onPreview()}>
            {D.preview}
          </Button>
          <Button variant="light" loading={busy} onClick={() => void onSave()}>
            {D.save}
          </Button>
          <Button loading={busy} onClick={() => void onIssue()} data-testid="issue">
            {doc?.bundleId ? D.issueBundle : D.issue}
          </Button>
          {doc && (
            <Button color="red" variant="subtle" loading={busy} onClick={() => void onDelete()}>
              {D.deleteDraft}
            </Button>
          )}
        </Group>
      </Group>
      <Stack>
        <Card withBorder>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select
                label={D.org}
                data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))}
                value={form.orgId === null ? null : String(form.orgId)}
                allowDeselect={false}
                onChange={(v) => set({ orgId: v ? Number(v) : null })}
              />
              <ClientPicker value={form.clientId} onChange={(c) => set({ clientId: c?.id ?? null, basisDocumentId: null })} />
              <TextInput type="date" label={D.docDate} value={form.docDate} onChange={(e) => set({ docDate: e.currentTarget.value })} data-field="docDate" />
            </Group>
            <Group grow align="flex-end">
              {form.kind !== 'commercial_offer' && !CONTRACT_KINDS.includes(form.kind) && (
                <Select
                  label={D.basis}
                  placeholder={D.noBasis}
                  data={contractOptions}
                  value={form.basisDocumentId === null ? null : String(form.basisDocumentId)}
                  onChange={(v) => set({ basisDocumentId: v ? Number(v) : null })}
                  clearable
                />
              )}
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {D.vatMode}
                </Text>
                <SegmentedControl
                  value={form.vatMode}
                  onChange={(v) => set({ vatMode: v as VatModeKey })}
                  data={[
                    { value: 'on_top', label: D.vatOnTop },
                    { value: 'included', label: D.vatIncluded },
                  ]}
                />
              </div>
              <Select
                label={D.vatRate}
                data={RATE_OPTIONS}
                value={form.vatRate}
                allowDeselect={false}
                onChange={(v) => {
                  const rate = (v ?? '22') as VatRateKey;
                  set({ vatRate: rate, lines: form.lines.map((l) => ({ ...l, vatRate: rate === 'none' || l.vatRate === 'none' || l.vatRate === form.vatRate ? rate : l.vatRate })) });
                }}
              />
            </Group>
          </Stack>
        </Card>
        {form.kind !== 'reconciliation_act' && (
          <Card withBorder>
            <Text fw={600} mb="xs">
              {D.lines}
            </Text>
            <LinesEditor lines={form.lines} onChange={(lines) => set({ lines })} catalog={catalog.data ?? []} vatMode={form.vatMode} vatRate={form.vatRate} limitBp={limitBp} showCosts={showCosts} originFields={ORIGIN_KINDS.includes(form.kind)} />
            {overLimit && (
              <Stack gap={4} mt="sm">
                <Checkbox label={D.requestApproval} checked={form.requestApproval} onChange={(e) => set({ requestApproval: e.currentTarget.checked })} />
                {form.requestApproval && <Textarea label={D.approvalReason} autosize minRows={1} value={form.approvalReason} onChange={(e) => set({ approvalReason: e.currentTarget.value })} />}
              </Stack>
            )}
          </Card>
        )}
        <Card withBorder>
          <Text fw={600} mb="xs">
            {D.terms}
          </Text>
          <Stack gap="sm">
            <TermsFields kind={form.kind} clientId={form.clientId} terms={form.terms} onChange={(terms) => set({ terms })} templates={templates.data ?? []} />
          </Stack>
        </Card>
        {doc && doc.approvals.length > 0 && <ApprovalsOfDocument approvals={doc.approvals} />}
      </Stack>
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={D.preview} size="min(1000px, 95vw)">
        <PdfFrame file={preview} target={null} height={820} />
      </Modal>
    </Stack>
  );
}
