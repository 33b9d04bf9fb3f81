import { Badge, Button, Card, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useContractForm } from '../../api/contract-form';
import { CONTRACT_KINDS, DOCUMENT_KIND_LABELS, type DocumentDetail, type DocumentKindKey, type PdfFile, type VatModeKey, type VatRateKey } from '../../../../shared/api/document-types';
import { formatDateNumeric, formatMoneyRub, formatQuantity } from '../../../../core/index';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { rebasedValues, type ShownField } from '../../api/stale-changes';
import { useStaleRefusal } from '../../app/stale-alert';
import { navigate } from '../../app/router';
import { ClientPicker } from '../sales/client-picker';
import { ApprovalsOfDocument } from './approvals-of-document';
import { formInput, formOf, validateDraft, type DraftForm } from './draft-form';
import { lineFieldOf, toInput } from './line-draft';
import { LinesEditor, RATE_OPTIONS } from './lines-editor';
import { PresenceNote } from '../sales/presence-note';
import { PdfFrame } from './pdf-frame';
import { D } from './strings';
import { TermsFields } from './terms-fields';
import { DateField } from '../../app/date-fields';

/** Kinds whose lines may carry the country of origin, the declaration and the код вида товара. */
const ORIGIN_KINDS: readonly DocumentKindKey[] = ['torg12', 'upd', 'invoice_factura', 'act_transfer'];

/** A draft as the editor shows it, for the list of what another person changed. */
const DRAFT_FIELDS: readonly ShownField<DocumentDetail>[] = [
  { label: 'Клиент', show: (d) => d.clientName },
  { label: 'Дата документа', show: (d) => formatDateNumeric(d.docDate) },
  { label: 'Основание', show: (d) => (d.basis ? `№ ${d.basis.number} от ${formatDateNumeric(d.basis.docDate)}` : '') },
  { label: 'НДС', show: (d) => `${d.vatMode === 'on_top' ? D.vatOnTop : D.vatIncluded}, ${d.vatRate}` },
  {
    label: 'Строки',
    show: (d) => d.lines.map((l) => `${l.name}: ${formatQuantity(l.quantityMilli)} ${l.unit} × ${formatMoneyRub(l.priceKopecks)}${l.discountBp ? `, скидка ${l.discountBp / 100} %` : ''}`).join('; '),
  },
  { label: 'Всего', show: (d) => formatMoneyRub(d.grossKopecks) },
  { label: 'Город', show: (d) => d.terms.city },
  { label: 'Предмет', show: (d) => d.terms.subject },
  { label: 'Оплата, банк. дней', show: (d) => String(d.terms.paymentDays ?? '') },
  { label: 'Поставка, раб. дней', show: (d) => String(d.terms.deliveryDays ?? '') },
  { label: 'Действителен, дней', show: (d) => String(d.terms.validDays ?? '') },
  { label: 'Подписант клиента', show: (d) => [d.terms.buyerSignerName, d.terms.buyerSignerPosition].filter(Boolean).join(', ') },
  { label: 'Примечания', show: (d) => d.terms.notes },
];

/** The draft editor: parties, date, VAT, lines from the price list with live totals, terms; save, preview, issue. */
export function DraftEditor({ doc, initial, showCosts }: { doc: DocumentDetail | null; initial: DraftForm; showCosts: boolean }) {
  // The contract's draft schema checks the form: a field's message is the host's, and nothing is sent while one is wrong.
  const { form: draft, check, placeHostErrors } = useContractForm<DraftForm>(initial, validateDraft);
  const form = draft.values;
  const errors = draft.errors;
  // The version the form was filled from; what others save meanwhile never replaces the typing, and a save
  // based on an older version is refused with who saved and when.
  const baseVersion = useRef(doc?.version ?? 0);
  const opened = useRef(doc);
  const stale = useStaleRefusal(DRAFT_FIELDS);
  const [preview, setPreview] = useState<PdfFile | null>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useEntry('orgs.list', {});
  const catalog = useEntry('catalog.list', { onDate: form.docDate });
  const templates = useEntry('templates.list', { kind: form.kind });
  const limit = useEntry('discountLimits.mine', {});
  const contracts = useEntry('documents.list', { clientId: form.clientId ?? undefined, limit: 200 });
  const set = (patch: Partial<DraftForm>) => draft.setValues(patch);
  const limitBp = limit.data?.maxDiscountBp ?? null;
  const overLimit = limitBp !== null && form.lines.some((l) => (toInput(l)?.discountBp ?? 0) > limitBp);
  const contractOptions = (form.clientId === null ? [] : (contracts.data?.rows ?? []))
    .filter((d) => CONTRACT_KINDS.includes(d.kind) && d.status !== 'annulled' && d.id !== doc?.id)
    .map((d) => ({ value: String(d.id), label: `${DOCUMENT_KIND_LABELS[d.kind]} № ${d.number || D.noNumber} от ${d.docDate.split('-').reverse().join('.')}` }));

  const save = async (): Promise<DocumentDetail | null> => {
    if (!check()) return null;
    const built = formInput(draft.getValues());
    if ('missing' in built) {
      showError({ code: 'VALIDATION', message: built.missing });
      return null;
    }
    const res = doc ? await request('documents.updateDraft', { id: doc.id, version: baseVersion.current, draft: built.input }) : await request('documents.createDraft', built.input);
    if (res.error) {
      // A refused save (a stale version among them) keeps everything typed; wrong fields get the host's messages.
      placeHostErrors(res.error, lineFieldOf);
      await stale.refused(res.error, opened.current, (o) => request('documents.get', { id: o.id }));
      showError(res.error);
      return null;
    }
    stale.clear();
    opened.current = res.data;
    baseVersion.current = res.data.version;
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
    });
  const onPreview = () =>
    run(async () => {
      if (!check()) return;
      const built = formInput(draft.getValues());
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
      {doc && <PresenceNote record="document" id={doc.id} />}
      {stale.alert((now) => {
        if (opened.current) draft.setValues(rebasedValues(formOf(opened.current), formOf(now), draft.getValues()));
        opened.current = now;
        baseVersion.current = now.version;
      })}
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
                error={errors.orgId}
              />
              <ClientPicker value={form.clientId} onChange={(c) => set({ clientId: c?.id ?? null, basisDocumentId: null })} error={errors.clientId} />
              <DateField label={D.docDate} value={form.docDate} onChange={(v) => set({ docDate: v })} data-field="docDate" error={errors.docDate} />
            </Group>
            <Group grow align="flex-end">
              {form.kind !== 'commercial_offer' && !CONTRACT_KINDS.includes(form.kind) && (
                <Select
                  label={D.basis}
                  placeholder={D.noBasis}
                  data={contractOptions}
                  value={form.basisDocumentId === null ? null : String(form.basisDocumentId)}
                  onChange={(v) => set({ basisDocumentId: v ? Number(v) : null })}
                  error={errors.basisDocumentId}
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
            <LinesEditor lines={form.lines} onChange={(lines) => set({ lines })} catalog={catalog.data ?? []} vatMode={form.vatMode} vatRate={form.vatRate} limitBp={limitBp} showCosts={showCosts} originFields={ORIGIN_KINDS.includes(form.kind)}
              errors={(i, field) => errors[`lines.${i}.${field}`]}
              listError={errors.lines}
            />
            {overLimit && (
              <Stack gap={4} mt="sm">
                <Checkbox label={D.requestApproval} checked={form.requestApproval} onChange={(e) => set({ requestApproval: e.currentTarget.checked })} />
                {form.requestApproval && <Textarea label={D.approvalReason} autosize minRows={1} value={form.approvalReason} onChange={(e) => set({ approvalReason: e.currentTarget.value })} error={errors.approvalReason} />}
              </Stack>
            )}
          </Card>
        )}
        <Card withBorder>
          <Text fw={600} mb="xs">
            {D.terms}
          </Text>
          <Stack gap="sm">
            <TermsFields kind={form.kind} clientId={form.clientId} terms={form.terms} onChange={(terms) => set({ terms })} templates={templates.data ?? []} errors={(field) => errors[`terms.${field}`]} />
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
